"""Super admin: Standar Pelayanan, procedure steps, forms, FAQ, complaint categories, contacts."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from sisakat.admin import service_info_forms as forms
from sisakat.admin.routes import bp
from sisakat.admin.settings_pages import _apply, seen_on_get
from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.forms_common import ActionForm, say_not_kept
from sisakat.models import ComplaintCategory, FaqEntry, Role, ServiceForm
from sisakat.policies import role_required
from sisakat.routing import commit_or_show, flash_if_marked, show_domain_error
from sisakat.services import complaint_categories as category_service
from sisakat.services import faq, office_contacts, service_info

ADMIN = Role.SUPERADMIN
FORM_NOT_KEPT = "Formulir belum tersimpan. Pilih lagi berkasnya sebelum menekan Unggah."


def _code_or_404(service_code: str) -> str:
    if service_info.service_name(service_code) is None:
        abort(404)
    return service_code


def _get_or_404(model, ident: int):
    row = db.session.get(model, ident)
    if row is None:
        abort(404)
    return row


def _commit_or_flash(success: str, service, *args, **kwargs) -> bool:
    """Run one service call and commit; a DomainError is rolled back and flashed."""
    try:
        service(*args, **kwargs)
        db.session.commit()
    except DomainError as exc:
        db.session.rollback()
        flash(exc.message, "danger")
        return False
    flash(success, "success")
    return True


@bp.route("/layanan/<service_code>", methods=["GET", "POST"])
@role_required(ADMIN)
def edit_service_standard(service_code: str):
    """Edit the six public components, dasar hukum and the procedure steps."""
    _code_or_404(service_code)
    form = forms.ServiceStandardForm(obj=service_info.standard_for(service_code))
    if not form.is_submitted():
        _as_stored(form, service_code)
    if form.validate_on_submit() and commit_or_show(
        form,
        lambda: service_info.save_standard(
            service_code,
            {f: form[f].data for f in service_info.FORMATTED_FIELDS},
            form.steps.data,
            actor=current_user,
            seen=form.seen_digest(),
        ),
        lambda: service_info.standard_token(service_code),
    ):
        flash("Standar pelayanan disimpan.", "success")
        return redirect(url_for(".edit_service_standard", service_code=service_code))
    if form.is_submitted():
        flash_if_marked(form, "Standar pelayanan belum tersimpan. Periksa isian yang ditandai.")
    return _standard_page(form, service_code)


def _as_stored(form: forms.ServiceStandardForm, service_code: str) -> forms.ServiceStandardForm:
    """``form`` given the stored steps and the digest of what it shows (a page load)."""
    form.steps.data = service_info.steps_as_text(service_info.steps_for(service_code))
    form.seen.data = service_info.standard_token(service_code)
    return form


def _standard_page(form: forms.ServiceStandardForm, service_code: str, upload_form=None):
    """Render the edit page with the upload form (``upload_form``: a refused one, as typed)
    and the current downloadable forms."""
    return render_template(
        "admin/service_standard.html",
        form=form,
        service_code=service_code,
        name=service_info.service_name(service_code),
        help=forms.RICH_HELP,
        upload_form=upload_form or forms.ServiceFormUploadForm(formdata=None),
        service_forms=service_info.forms_for(service_code),
        action_form=ActionForm(),
    )


@bp.post("/layanan/<service_code>/formulir")
@role_required(ADMIN)
def upload_service_form(service_code: str):
    """Add a downloadable PDF or .docx form; a refused one comes back on the page with its
    title kept and the reason beside its field (the file must be chosen again)."""
    _code_or_404(service_code)
    form = forms.ServiceFormUploadForm()
    if form.validate_on_submit():
        try:
            service_info.add_form(service_code, form.title.data, form.file.data, actor=current_user)
            db.session.commit()
        except DomainError as exc:
            show_domain_error(exc, form, field="file")
        else:
            flash("Formulir ditambahkan.", "success")
            return redirect(url_for(".edit_service_standard", service_code=service_code))
    say_not_kept(form.file, FORM_NOT_KEPT)
    blank = forms.ServiceStandardForm(obj=service_info.standard_for(service_code), formdata=None)
    return _standard_page(_as_stored(blank, service_code), service_code, upload_form=form)


@bp.post("/layanan/formulir/<int:form_id>/hapus")
@role_required(ADMIN)
def delete_service_form(form_id: int):
    """Withdraw a downloadable form."""
    row = _get_or_404(ServiceForm, form_id)
    service_code = row.service_code
    if ActionForm().validate_on_submit():
        _commit_or_flash("Formulir dihapus.", service_info.remove_form, row, actor=current_user)
    return redirect(url_for(".edit_service_standard", service_code=service_code))


def _faq_values(form: forms.FaqForm) -> dict:
    return {
        "question": form.question.data,
        "answer": form.answer.data or "",
        "sort_order": form.sort_order.data or 0,
        "active": bool(form.active.data),
    }


@bp.route("/faq", methods=["GET", "POST"])
@role_required(ADMIN)
def faq_list():
    """All FAQ entries and a form to add one."""
    form = forms.FaqForm()
    if form.validate_on_submit() and _commit_or_flash(
        "Pertanyaan ditambahkan.",
        faq.save_faq,
        None,
        **_faq_values(form),
        actor=current_user,
    ):
        return redirect(url_for(".faq_list"))
    entries = faq.faq_entries(include_inactive=True)
    return render_template(
        "admin/faq.html", form=form, entries=entries, help=forms.RICH_HELP, action_form=ActionForm()
    )


@bp.route("/faq/<int:faq_id>", methods=["GET", "POST"])
@role_required(ADMIN)
def faq_edit(faq_id: int):
    """Edit one FAQ entry."""
    entry = _get_or_404(FaqEntry, faq_id)
    form = forms.FaqForm(obj=entry)
    if request.method == "GET":
        form.seen.data = faq.faq_token(entry)
    if form.validate_on_submit() and commit_or_show(
        form,
        lambda: faq.save_faq(
            entry, **_faq_values(form), actor=current_user, seen=form.seen_digest()
        ),
        lambda: faq.faq_token(entry),
    ):
        flash("Pertanyaan disimpan.", "success")
        return redirect(url_for(".faq_list"))
    return render_template("admin/faq_edit.html", form=form, entry=entry, help=forms.RICH_HELP)


@bp.post("/faq/<int:faq_id>/hapus")
@role_required(ADMIN)
def faq_delete(faq_id: int):
    """Delete one FAQ entry."""
    entry = _get_or_404(FaqEntry, faq_id)
    if ActionForm().validate_on_submit():
        _commit_or_flash("Pertanyaan dihapus.", faq.delete_faq, entry, actor=current_user)
    return redirect(url_for(".faq_list"))


def _category_values(form: forms.ComplaintCategoryForm) -> dict:
    return {
        "name": form.name.data,
        "limit_days": form.limit_days.data,
        "active": bool(form.active.data),
    }


@bp.route("/pengaduan/kategori", methods=["GET", "POST"])
@role_required(ADMIN)
def complaint_categories():
    """Complaint categories with their time limits; add one."""
    form = forms.ComplaintCategoryForm()
    if form.validate_on_submit() and _commit_or_flash(
        "Kategori ditambahkan.",
        category_service.save_category,
        None,
        **_category_values(form),
        actor=current_user,
    ):
        return redirect(url_for(".complaint_categories"))
    return _categories_page(form)


def _categories_page(form: forms.ComplaintCategoryForm, edited: tuple | None = None):
    """The category list, each row its own form with its digest; ``edited``: the row form
    whose save was refused, shown with what was typed."""
    rows = category_service.categories(include_inactive=True)
    edit_forms = {}
    for c in rows:
        edit_forms[c.id] = forms.ComplaintCategoryForm(obj=c, formdata=None, prefix=f"c{c.id}")
        edit_forms[c.id].seen.data = category_service.category_token(c)
    if edited is not None:  # (category id, the posted row form)
        edit_forms[edited[0]] = edited[1]
    return render_template(
        "admin/complaint_categories.html",
        form=form,
        rows=rows,
        edit_forms=edit_forms,
        default_categories=category_service.DEFAULT_CATEGORIES,
    )


@bp.post("/pengaduan/kategori/<int:category_id>")
@role_required(ADMIN)
def update_complaint_category(category_id: int):
    """Change a category's name, time limit or active flag; a refused save comes back in its
    row with what was typed."""
    category = _get_or_404(ComplaintCategory, category_id)
    form = forms.ComplaintCategoryForm(prefix=f"c{category_id}")
    if form.validate_on_submit() and commit_or_show(
        form,
        lambda: category_service.save_category(
            category, **_category_values(form), actor=current_user, seen=form.seen_digest()
        ),
        lambda: category_service.category_token(category),
    ):
        flash("Kategori disimpan.", "success")
        return redirect(url_for(".complaint_categories"))
    flash_if_marked(form, f"Kategori {category.name} belum tersimpan. Periksa isian yang ditandai.")
    return _categories_page(forms.ComplaintCategoryForm(formdata=None), (category_id, form))


@bp.route("/kontak", methods=["GET", "POST"])
@role_required(ADMIN)
def contact_settings():
    """WhatsApp hotline, e-mail, hours, SP4N-LAPOR! link, whether complainants must give a name,
    whether the survey results are public and what the office does about them."""
    form = forms.ContactSettingsForm(data=office_contacts.page_data())
    seen_on_get(form, office_contacts.CONTACT_PAGE)
    if form.validate_on_submit():
        values = office_contacts.settings_from(form.data)
        saved = _apply(
            lambda: office_contacts.save_contacts(
                values, actor=current_user, seen=form.seen_digest()
            ),
            form=form,
            page_keys=office_contacts.CONTACT_PAGE,
        )
        if saved:
            return redirect(url_for(".contact_settings"))
    hours = office_contacts.office_hours_text()
    return render_template("admin/contacts.html", form=form, office_hours=hours)
