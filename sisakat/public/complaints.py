"""Public complaints (pengaduan): file one, then follow it through its secret link."""

from __future__ import annotations

from collections.abc import Callable

from flask import flash, make_response, redirect, render_template, request, url_for

from sisakat.errors import render_error
from sisakat.exceptions import DomainError, UploadRejected
from sisakat.extensions import db
from sisakat.forms_common import say_not_kept
from sisakat.public import verify
from sisakat.public.forms import ComplaintForm, choices
from sisakat.public.routes import bp
from sisakat.routing import show_domain_error
from sisakat.services import (
    complaint_categories,
    complaint_mail,
    complaints,
    office_contacts,
    public_limits,
    ratelimit,
    settings,
)


def over_limit(kind: str) -> bool:
    """Count one public submission from this address; True when it is over the office's limit
    (an exempt address is neither counted nor limited). The count is committed on its own
    first, so a submission refused afterwards (a hostile attachment rolls the request back)
    still counts."""
    if public_limits.is_exempt(request.remote_addr):
        return False
    return verify.over_limit(kind, public_limits.post_limit())


TOO_MANY = (
    "Terlalu banyak kiriman dari alamat ini. Isian Anda belum terkirim dan masih ada di "
    "formulir ini; kirim lagi dalam {minutes} menit."
)


CHOOSE = "— Pilih kategori —"

# A browser never refills a file input: a form sent back for another reason said nothing, and
# the complaint sent again went without its evidence.
ATTACHMENT_NOT_KEPT = (
    "Lampiran belum terkirim. Pilih berkas lampiran lagi sebelum mengirim pengaduan."
)

# One text for a wrong secret and an unknown ticket (nothing to probe), saying what to do.
TICKET_NOT_FOUND = (
    "Tiket pengaduan dengan tautan ini tidak ditemukan. Periksa kembali tautan lengkapnya "
    "(nomor tiket dan kode sesudahnya, tanpa terpotong). Bila tautan hilang, hubungi kantor "
    "dan sebutkan nomor tiket Anda."
)


def refused_for_too_many(page: Callable[[], str]) -> tuple[str, int, dict[str, str]]:
    """The form page again (``page`` renders it), with what was typed and the limit's message:
    an error page in its place would drop a long complaint or nine answers."""
    wait = ratelimit.seconds_left(public_limits.post_limit())
    flash(TOO_MANY.format(minutes=-(-wait // 60)), "danger")
    return page(), 429, {"Retry-After": str(wait)}


def _complaint_form() -> tuple[ComplaintForm, bool]:
    """The form with the office's categories, and whether the office requires a name (the name
    field then drops its "boleh dikosongkan")."""
    form = ComplaintForm()
    pairs = complaint_categories.category_choices()
    # None chosen beforehand (one category: it is chosen): a complaint sent as the form stood
    # was filed under the first category, with its time limit, skewing the statistics.
    form.category.choices = choices(pairs if len(pairs) == 1 else [("", CHOOSE), *pairs])
    name_required = bool(settings.get("complaint.name_required"))
    if name_required:
        form.name.label.text = "Nama"
    return form, name_required


@bp.route("/pengaduan", methods=["GET", "POST"])
def complaint():
    """The complaint and suggestion form."""
    form, name_required = _complaint_form()
    if form.validate_on_submit():
        if over_limit("complaint"):
            return refused_for_too_many(lambda: _page(form, name_required))
        data = complaints.ComplaintInput(
            form.name.data,
            form.contact.data,
            form.category.data,
            form.body.data,
            form.form_key.data,
        )
        try:
            filed = complaints.file_complaint(data, form.attachment.data)
            db.session.commit()
        except UploadRejected as exc:  # about the attachment; the text typed stays
            show_domain_error(exc, form, field="attachment")
        except DomainError as exc:
            show_domain_error(exc, form)
        else:
            flash(f"Pengaduan diterima dengan nomor tiket {filed.ticket}.", "success")
            return redirect(url_for(".complaint_ticket", ticket=filed.ticket, secret=filed.secret))
    return _page(form, name_required)


def _page(form: ComplaintForm, name_required: bool) -> str:
    say_not_kept(form.attachment, ATTACHMENT_NOT_KEPT)
    return render_template(
        "public/complaint_form.html",
        form=form,
        contacts=office_contacts.contacts(),
        name_required=name_required,
    )


@bp.get("/pengaduan/<ticket>/<secret>/")
def complaint_ticket_slash(ticket: str, secret: str):
    """The ticket link with a slash after it (pasted from a chat or a note): to the ticket page,
    not to "not found", which reads as a lost complaint."""
    target = url_for(".complaint_ticket", ticket=ticket, secret=secret)
    return verify.private(redirect(target))


@bp.get("/pengaduan/<ticket>/<secret>")
def complaint_ticket(ticket: str, secret: str):
    """The complainant's private page: status, due date and every reply, with times."""
    found = complaints.find_by_link(ticket, secret)
    if found is None:
        return verify.private(render_error(404, TICKET_NOT_FOUND))
    response = make_response(
        render_template(
            "public/complaint_ticket.html",
            complaint=found,
            # The public address, not the laptop's 127.0.0.1 a walk-in complaint was typed at.
            link=complaint_mail.ticket_url(found)
            or url_for(
                ".complaint_ticket", ticket=found.ticket, secret=found.secret, _external=True
            ),
            entries=complaints.timeline(found),
            overdue=found.is_overdue(complaints.now()),
        )
    )
    response.headers["Referrer-Policy"] = "no-referrer"  # the URL holds the secret
    return response
