"""The party's applications: create, detail with checklist and timeline, upload, transitions."""

from __future__ import annotations

from flask import (
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user

from sisakat import config
from sisakat.exceptions import GuardFailed
from sisakat.extensions import db
from sisakat.forms_common import ActionForm
from sisakat.models import Action, ApplicationStatus, Role
from sisakat.policies import role_required
from sisakat.routing import flash_domain_errors, from_script, or_404
from sisakat.services import (
    applications,
    catalog,
    concurrency,
    documents,
    letter_download,
    storage,
    uploads,
    workflow,
    workflow_guards,
)
from sisakat.submission.application_forms import CreateApplicationForm, DocumentUploadForm
from sisakat.submission.routes import bp


def _load(application_id: int):
    """The current party's application or 404."""
    return or_404(applications.get_for_user(application_id, current_user))


def _party():
    return current_user.party or abort(404)


@bp.post("/permohonan/baru")
@role_required(Role.PEMOHON)
def create_application():
    """Start a Draf application for the chosen service with today's requirement list."""
    form = CreateApplicationForm()
    if form.validate_on_submit():
        party = _party()
        code = form.service_code.data or applications.default_service_code(party)
        with flash_domain_errors():
            application = applications.create(party, actor=current_user, service_code=code)
            db.session.commit()
            flash("Permohonan dibuat. Unggah dokumen persyaratan.", "success")
            return redirect(url_for(".application_detail", application_id=application.id))
    return redirect(url_for(".dashboard"))


@bp.get("/permohonan/<int:application_id>")
@role_required(Role.PEMOHON)
def application_detail(application_id: int):
    """Status, the checklist of documents and the timeline (staff notes, not internal ones)."""
    application = _load(application_id)
    actions = workflow.available_actions(application, current_user)
    checklist = documents.checklist(application)
    return render_template(
        "submission/application.html",
        application=application,
        checklist=checklist,
        outstanding=workflow_guards.outstanding(application, checklist),
        status_note=applications.status_note(application),
        history=applications.timeline(application),
        actions=actions,
        form=ActionForm(version=application.version),
        upload_form=DocumentUploadForm(version=application.version),
        uploadable=application.status in uploads.UPLOADABLE,
        # Verdicts of a review still in progress are not the office's answer yet.
        show_verdicts=application.status != ApplicationStatus.DIVERIFIKASI,
        max_mb=current_app.config["MAX_UPLOAD_MB"],
        issued=letter_download.party_letter(application.id),
        repair_deadline=applications.repair_deadline(application),
        repair_days=catalog.repair_working_days(application.service_code),
    )


# Sent by upload.js with the files it uploads after the one the party pressed Unggah for (or
# before Ajukan): their rows list the new file after the reload, so a plain "tersimpan" for
# each would only stack green boxes above the page on a phone.
CHAINED = "X-Sisakat-Chained"


def _upload_answer(
    ok: bool, message: str, application_id: int, *, category: str = "success", plain=False
):
    """JSON for the progress-bar upload (XMLHttpRequest), a redirect for the plain form. The
    script reloads the page after a success, which then says so (flashed, as ``category``: an
    upload that changed nothing is "info") like the plain form; a ``plain`` success of a
    chained upload (``CHAINED``) is not flashed. A saved upload that is not ``plain`` carries a
    warning to read (``check``): the script then reloads instead of going on with Ajukan."""
    if from_script():
        if ok and not (plain and request.headers.get(CHAINED)):
            flash(message, category)
        answer = {"ok": ok, "message": concurrency.as_shown(message, in_place=True)}
        if ok and category == "success" and not plain:
            answer["check"] = True
        return jsonify(answer), (200 if ok else 422)
    flash(message, category if ok else "danger")
    return redirect(url_for(".application_detail", application_id=application_id))


def _store_upload(application, item, upload):
    """``uploads.upload_requirement_document`` with the office's size and page caps."""
    return uploads.upload_requirement_document(
        application,
        item,
        upload.stream,
        filename=upload.filename or "",
        actor=current_user,
        max_bytes=config.max_upload_bytes(current_app),
        max_pages=current_app.config["MAX_PDF_PAGES"],
    )


@bp.post("/permohonan/<int:application_id>/persyaratan/<int:item_id>/unggah")
@role_required(Role.PEMOHON)
def upload_document(application_id: int, item_id: int):
    """Upload one PDF for one requirement (a new version; earlier ones are kept)."""
    application = _load(application_id)
    item = or_404(documents.find_requirement(application, item_id))
    form = DocumentUploadForm()
    if not form.validate_on_submit():
        return _upload_answer(False, "Pilih berkas PDF untuk diunggah.", application_id)
    try:
        doc = _store_upload(application, item, form.berkas.data)
    except uploads.UploadRejected as exc:
        db.session.commit()  # only the refusal's audit row was written
        return _upload_answer(False, exc.message, application_id)
    except uploads.UploadUnchanged as exc:  # nothing was written, nothing was wrong
        return _upload_answer(True, exc.message, application_id, category="info")
    note = documents.copy_note(item, doc)
    db.session.commit()
    return _upload_answer(
        True, f"Dokumen {item.name} tersimpan.{note}", application_id, plain=not note
    )


# After Ajukan or Ajukan Ulang the flash only confirms the action: the status line under the
# badge (applications.status_note) says who acts next, the service's promise and where the
# answer shows, so the page does not say the same next step twice.
SUBMITTED = "Permohonan diajukan."
RESUBMITTED = "Perbaikan diajukan."

# Ajukan or Ajukan Ulang refused by its guard: the page lists what is missing ("Sebelum
# menekan ...", workflow_guards.outstanding), so the message points there instead of
# repeating every line of it above the page (nineteen profile gaps filled a phone's screen).
NOT_YET = "Belum dapat diajukan: lengkapi dahulu yang tercantum di kotak “Sebelum menekan {}”."


def _transition(application_id: int, action: Action, success: str, note: str = "", refused=""):
    """Shared body of the party's transition buttons; ``success``: the message;
    ``refused``: the message when the guard refuses."""
    application = _load(application_id)
    form = ActionForm()
    if form.validate_on_submit():
        with flash_domain_errors():
            try:
                workflow.apply(
                    application,
                    action,
                    actor=current_user,
                    seen_version=form.seen_version(),
                    note=note,
                )
            except GuardFailed:
                if not refused:
                    raise
                raise GuardFailed(refused) from None
            db.session.commit()
            flash(success, "success")
    return redirect(url_for(".application_detail", application_id=application_id))


@bp.post("/permohonan/<int:application_id>/ajukan")
@role_required(Role.PEMOHON)
def submit_application(application_id: int):
    """Ajukan: completeness is checked and what is missing is listed."""
    return _transition(application_id, Action.AJUKAN, SUBMITTED, refused=NOT_YET.format("Ajukan"))


@bp.post("/permohonan/<int:application_id>/batalkan")
@role_required(Role.PEMOHON)
def cancel_application(application_id: int):
    """Batalkan: only before verification starts."""
    return _transition(application_id, Action.BATALKAN, "Permohonan dibatalkan.")


@bp.post("/permohonan/<int:application_id>/ajukan-ulang")
@role_required(Role.PEMOHON)
def resubmit_application(application_id: int):
    """Ajukan ulang after revision: one click."""
    return _transition(
        application_id,
        Action.AJUKAN_ULANG,
        RESUBMITTED,
        refused=NOT_YET.format("Ajukan Ulang"),
    )


@bp.get("/permohonan/<int:application_id>/dokumen/<int:document_id>")
@role_required(Role.PEMOHON)
def download_document(application_id: int, document_id: int):
    """The party downloads its own uploaded document."""
    application = _load(application_id)
    document = or_404(documents.find_document(application, document_id))
    return storage.send(document.stored_file)
