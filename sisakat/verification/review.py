"""The review of one application: snapshot, logo, documents with verdicts, decisions."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from sisakat.db_setup import writes_on_get
from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.forms_common import ActionForm, filter_args
from sisakat.models import Role, StoredFile, Verdict
from sisakat.policies import role_required
from sisakat.routing import flash_domain_errors, flash_if_marked, or_404
from sisakat.services import (
    applications,
    documents,
    duplicates,
    letter_return,
    readiness,
    requirements,
    storage,
    takeover,
    verification,
    workflow,
)
from sisakat.verification.forms import (
    DecisionForm,
    JudgeDocumentForm,
    QueueFilterForm,
    choices,
)
from sisakat.verification.routes import STAFF, bp


def _load(application_id: int):
    return or_404(applications.get_for_user(application_id, current_user))


def _queue_args() -> dict[str, str]:
    """The queue filters the verifier came with (``?status=...&q=...`` on the review page and
    its forms' actions): only the queue filter form's own fields travel (``filter_args``), to
    the queue's own endpoint, so nothing forged becomes a link elsewhere."""
    return filter_args(QueueFilterForm(formdata=None, services=[]), request.args)


def _back(application_id: int, anchor: str | None = None):
    """The review page (at ``anchor``: back where the verifier was working), with the queue
    filters it was opened with."""
    url = url_for(
        ".application_review", application_id=application_id, _anchor=anchor, **_queue_args()
    )
    return redirect(url)


@bp.get("/permohonan/<int:application_id>")
@role_required(*STAFF)
def application_review(application_id: int):
    """Everything a verifier needs on one page."""
    return _review_page(_load(application_id))


def _review_page(
    application,
    decision_form: DecisionForm | None = None,
    refused_judge: tuple[int, JudgeDocumentForm, str] | None = None,
):
    """The review page; a refused decision or document verdict comes back with what the
    verifier typed (``refused_judge``: document id, the posted form, the message)."""
    # formdata=None: after a refused decision this page answers that POST, whose stale version
    # must not be copied into the other forms (their next click would be refused again).
    judge = JudgeDocumentForm(formdata=None, version=application.version)
    checklist = documents.review_checklist(application)
    reasons = [r.text for r in requirements.reasons()]
    judge.reason_template.choices += choices((text, text) for text in reasons)
    if refused_judge:
        refused_judge[1].reason_template.choices = judge.reason_template.choices
    seen = {s.latest.id: verification.verdict_token(s.latest) for s in checklist if s.latest}
    actions = workflow.available_actions(application, current_user)
    can_take_over, idle_notice = takeover.review_offer(application, current_user)
    return render_template(
        "verification/review.html",
        application=application,
        snapshot=applications.snapshot(application),
        similar=duplicates.similar_to(application.party),
        checklist=checklist,
        verdict_seen=seen,
        history=applications.timeline(application),
        returned=letter_return.return_notice(application),
        term_over=verification.term_warning(application),
        term_soon=verification.term_notice(application),
        actions=actions,
        letter_examples=readiness.letter_examples() if actions.get("setujui") else [],
        can_take_over=can_take_over,
        idle_notice=idle_notice,
        form=ActionForm(formdata=None, version=application.version),
        judge_form=judge,
        judged_forms=_judged_forms(checklist, judge.reason_template.choices, reasons),
        queue_args=_queue_args(),
        refused_judge=_beside_or_flashed(refused_judge, actions, seen),
        decision_form=decision_form or DecisionForm(version=application.version),
    )


@bp.post("/permohonan/<int:application_id>/ambil")
@role_required(Role.VERIFIKATOR)
def claim_application(application_id: int):
    """Take the application into review (Diverifikasi)."""
    application = _load(application_id)
    form = ActionForm()
    if form.validate_on_submit():
        with flash_domain_errors():
            verification.claim(application, actor=current_user, seen_version=form.seen_version())
            db.session.commit()
            flash("Permohonan diambil untuk diverifikasi.", "success")
    return _back(application_id)


@bp.post("/permohonan/<int:application_id>/ambil-alih")
@role_required(Role.VERIFIKATOR)
def take_over_application(application_id: int):
    """Continue a review whose verifier was deactivated or has not acted on it for a while."""
    application = _load(application_id)
    form = ActionForm()
    if form.validate_on_submit():
        with flash_domain_errors():
            takeover.take_over(application, actor=current_user, seen_version=form.seen_version())
            db.session.commit()
            flash("Verifikasi permohonan ini Anda ambil alih.", "success")
    return _back(application_id)


@bp.post("/permohonan/<int:application_id>/dokumen/<int:document_id>/nilai")
@role_required(Role.VERIFIKATOR)
def judge_document(application_id: int, document_id: int):
    """Sesuai / Tidak Sesuai with a reason on the newest version of one document."""
    application = _load(application_id)
    document = or_404(documents.find_document(application, document_id))
    form = JudgeDocumentForm()
    if not form.validate_on_submit():
        return _unsaved_verdict(application, document, form)
    anchor = f"persyaratan-{document.application_requirement_id}"
    try:
        verification.judge_document(
            application,
            document,
            actor=current_user,
            verdict=Verdict(form.verdict.data),
            reason=form.full_reason(),
            seen=form.seen_digest(),
        )
        db.session.commit()
    except DomainError as exc:
        # Refused (no reason for Tidak Sesuai, someone else acted first): the page again, with
        # the choice and the reason typed kept on that document and the message beside it.
        db.session.rollback()
        return _review_page(_load(application_id), refused_judge=(document_id, form, exc.message))
    flash("Penilaian dokumen disimpan.", "success")
    return _back(application_id, anchor)  # back at this document, not at the top of the list


def _unsaved_verdict(application, document, form: JudgeDocumentForm):
    """A verdict form that did not validate: the review again, the message beside that
    document."""
    errors = [m for messages in form.errors.values() for m in messages]
    message = " ".join(errors) or "Pilih Sesuai atau Tidak Sesuai."
    message = f"Penilaian {document.requirement.name} belum tersimpan: {message}"
    return _review_page(application, refused_judge=(document.id, form, message))


def _judged_forms(checklist, reason_choices, reasons: list[str]) -> dict:
    """The verdict form of each judged newest version, by document id, with its current
    verdict chosen and its reason filled in (catalogue reason and free text apart): changing a
    reason is not retyping it. The ``seen`` digest stays the page's (``verdict_seen``)."""
    forms = {}
    for doc in (s.latest for s in checklist):
        if doc is None or doc.verdict is None:
            continue
        template, free = JudgeDocumentForm.split_reason(doc.reason or "", reasons)
        form = JudgeDocumentForm(
            formdata=None,
            meta={"csrf": False},
            verdict=doc.verdict.value,
            reason_template=template,
            reason=free,
        )
        form.reason_template.choices = reason_choices
        forms[doc.id] = form
    return forms


def _beside_or_flashed(refused_judge, actions: dict[str, bool], verdict_seen: dict):
    """A refused verdict is shown once: beside its document when the page shows that
    document's form (returned as is), else as a flash (None returned): the application is no
    longer in review, or a newer version of the document came."""
    if refused_judge is None:
        return None
    if actions.get("kembalikan") and refused_judge[0] in verdict_seen:
        return refused_judge
    flash(refused_judge[2], "danger")
    return None


def _decide(application_id: int, service, success: str, extra):
    """Shared body of the decision buttons (return, reject, approve)."""
    application = _load(application_id)
    form = DecisionForm()
    if not form.validate_on_submit():
        # The notes come back in the form, each reason beside its field: nothing typed is lost.
        flash_if_marked(form, "Keputusan belum tersimpan. Periksa catatan yang ditandai.")
        return _review_page(application, decision_form=form)
    typed = bool(form.note.data or form.internal_note.data)
    with flash_domain_errors(typed_kept=typed) as outcome:
        service(
            application,
            actor=current_user,
            seen_version=form.seen_version(),
            internal_note=form.internal_note.data or "",
            **extra(form),
        )
        db.session.commit()
        flash(success, "success")
    if outcome.ok:
        return _back(application_id)
    # Refused (e.g. someone else changed it first): show the current state with the notes the
    # verifier typed still in the form, set to the version now shown, so nothing is lost.
    application = _load(application_id)
    form.version.data = str(application.version)
    return _review_page(application, decision_form=form)


@bp.post("/permohonan/<int:application_id>/kembalikan")
@role_required(Role.VERIFIKATOR)
def return_application(application_id: int):
    """Perlu Perbaikan: at least one document Tidak Sesuai with a reason."""
    return _decide(
        application_id,
        verification.return_for_revision,
        "Permohonan dikembalikan untuk perbaikan.",
        extra=lambda f: {"note": f.note.data or ""},
    )


@bp.post("/permohonan/<int:application_id>/tolak")
@role_required(Role.VERIFIKATOR)
def reject_application(application_id: int):
    """Ditolak (final): a reason is required."""
    return _decide(
        application_id,
        verification.reject,
        "Permohonan ditolak.",
        extra=lambda f: {"note": f.note.data or ""},
    )


@bp.post("/permohonan/<int:application_id>/setujui")
@role_required(Role.VERIFIKATOR)
def approve_application(application_id: int):
    """Every required document Sesuai: on to the letter stage."""
    return _decide(
        application_id,
        verification.approve,
        "Permohonan disetujui; surat menunggu TTE.",
        extra=lambda f: {"note": f.note.data or ""},
    )


@bp.get("/permohonan/<int:application_id>/dokumen/<int:document_id>")
@role_required(*STAFF)
@writes_on_get
def download_document(application_id: int, document_id: int):
    """Staff open a document: ``?lihat=1`` in the browser's PDF viewer (no copy of a KTP left in
    the laptop's Downloads folder), otherwise as a download; personal documents (KTP) are
    recorded in the audit trail either way."""
    # A GET that writes the view record (PDP law): @writes_on_get begins it IMMEDIATE on SQLite.
    application = _load(application_id)
    document = or_404(documents.find_document(application, document_id))
    personal = document.requirement.personal_data
    verification.record_document_view(application, document, actor=current_user, personal=personal)
    db.session.commit()  # the view record must survive even if the download is interrupted
    return storage.send(document.stored_file, as_attachment=request.args.get("lihat") != "1")


@bp.get("/permohonan/<int:application_id>/logo")
@role_required(*STAFF)
def application_logo(application_id: int):
    """The party logo as snapshotted at submission (the current logo before that), inline: staff
    judge the logo that was submitted, even if the party changed its profile since."""
    application = _load(application_id)
    file_id = applications.snapshot(application).get("logo_file_id")
    file_id = file_id or application.party.logo_file_id
    stored = db.session.get(StoredFile, file_id) if file_id else None
    if stored is None:
        abort(404)
    return storage.send(stored, as_attachment=False)
