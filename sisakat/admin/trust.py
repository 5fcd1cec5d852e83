"""Super admin screens for signature trust: CA certificates, the signer allow-list, key usage."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from sisakat.admin.routes import bp
from sisakat.admin.trust_forms import (
    AllowedSignerForm,
    KeyUsageForm,
    SignedSampleForm,
    TrustAnchorUploadForm,
)
from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.forms_common import ActionForm
from sisakat.models import AllowedSigner, AnchorKind, Role, TrustAnchor
from sisakat.policies import role_required
from sisakat.services import settings
from sisakat.services.signing import trust_admin
from sisakat.services.signing.trust import parse_certificate


def _page(**forms):
    """Render the trust page; forms the caller passes keep what the user typed."""
    anchors = db.session.execute(
        db.select(TrustAnchor).order_by(TrustAnchor.kind, TrustAnchor.id)
    ).scalars()
    signers = db.session.execute(
        db.select(AllowedSigner).order_by(AllowedSigner.active.desc(), AllowedSigner.id)
    ).scalars()
    policy = KeyUsageForm(policy=settings.get("signing.key_usage"))
    context = {
        "anchors": list(anchors),
        "signers": list(signers),
        "anchor_form": TrustAnchorUploadForm(),
        "sample_form": SignedSampleForm(),
        "signer_form": AllowedSignerForm(),
        "policy_form": policy,
        "action_form": ActionForm(),
        "candidates": [],
    }
    context.update(forms)
    return render_template("admin/trust.html", **context)


def _fail(error: DomainError, **forms):
    """Roll back, flash the Indonesian message, re-render with what the user typed."""
    db.session.rollback()
    flash(error.message, "danger")
    return _page(**forms)


@bp.get("/tte/kepercayaan")
@role_required(Role.SUPERADMIN)
def trust_settings():
    """Trusted certificates, the signer allow-list and the key-usage policy."""
    return _page()


@bp.post("/tte/akar")
@role_required(Role.SUPERADMIN)
def add_trust_anchor():
    """Upload a root or intermediate CA certificate."""
    form = TrustAnchorUploadForm()
    if not form.validate_on_submit():
        return _page(anchor_form=form)
    try:
        cert = parse_certificate(form.certificate.data.read())
        anchor = trust_admin.add_anchor(cert, kind=AnchorKind(form.kind.data), actor=current_user)
        db.session.commit()
    except DomainError as error:
        return _fail(error, anchor_form=form)
    flash(f"Sertifikat ditambahkan. Sidik jari SHA-256: {anchor.fingerprint}", "success")
    return redirect(url_for(".trust_settings"))


@bp.post("/tte/akar/<int:anchor_id>/hapus")
@role_required(Role.SUPERADMIN)
def remove_trust_anchor(anchor_id: int):
    """Stop trusting a certificate."""
    anchor = db.get_or_404(TrustAnchor, anchor_id)
    if ActionForm().validate_on_submit():
        trust_admin.remove_anchor(anchor, actor=current_user)
        db.session.commit()
        flash("Sertifikat dihapus dari daftar kepercayaan.", "success")
    return redirect(url_for(".trust_settings"))


@bp.post("/tte/contoh")
@role_required(Role.SUPERADMIN)
def inspect_signed_sample():
    """Read the signer certificates of a signed sample PDF, to pick one for the allow-list."""
    form = SignedSampleForm()
    if not form.validate_on_submit():
        return _page(sample_form=form)
    try:
        candidates = trust_admin.signers_in_pdf(form.sample.data.read())
    except DomainError as error:
        return _fail(error, sample_form=form)
    if not candidates:
        flash("Contoh PDF tidak memuat tanda tangan elektronik.", "danger")
    picks = [
        (c, _own_ids(AllowedSignerForm(formdata=None, fingerprint=c.fingerprint,
                                       subject=c.subject, display_name=c.common_name), n))
        for n, c in enumerate(candidates, start=1)
    ]  # fmt: skip
    return _page(sample_form=form, candidates=picks)


def _own_ids(form: AllowedSignerForm, n: int) -> AllowedSignerForm:
    """Element ids of its own for the n-th sample signer's form (the pasted-fingerprint form on
    the same page uses the plain ones), so each label points at its own field; the field names
    stay, as both forms post to ``add_allowed_signer``."""
    for field in form:
        field.id = f"contoh{n}-{field.name}"
        field.label.field_id = field.id
    return form


@bp.post("/tte/penandatangan")
@role_required(Role.SUPERADMIN)
def add_allowed_signer():
    """Allow-list a signer certificate (picked from a sample or pasted)."""
    form = AllowedSignerForm()
    if not form.validate_on_submit():
        return _page(signer_form=form)
    try:
        trust_admin.add_allowed_signer(
            fingerprint_text=form.fingerprint.data,
            display_name=form.display_name.data,
            position=form.position.data or "",
            subject=form.subject.data or "",
            valid_from=form.valid_from.data,
            valid_until=form.valid_until.data,
            actor=current_user,
        )
        db.session.commit()
    except DomainError as error:
        return _fail(error, signer_form=form)
    flash("Penandatangan ditambahkan ke daftar yang berwenang.", "success")
    return redirect(url_for(".trust_settings"))


@bp.post("/tte/penandatangan/<int:signer_id>/nonaktifkan")
@role_required(Role.SUPERADMIN)
def deactivate_allowed_signer(signer_id: int):
    """Take a signer off the allow-list."""
    signer = db.get_or_404(AllowedSigner, signer_id)
    if ActionForm().validate_on_submit():
        trust_admin.deactivate_signer(signer, actor=current_user)
        db.session.commit()
        flash("Penandatangan dinonaktifkan.", "success")
    return redirect(url_for(".trust_settings"))


@bp.post("/tte/kebijakan")
@role_required(Role.SUPERADMIN)
def set_key_usage():
    """Choose the key usage required of signer certificates."""
    form = KeyUsageForm()
    if form.validate_on_submit():
        try:  # refused when another admin's first save of the policy won at the same moment
            trust_admin.set_key_usage_policy(form.policy.data, actor=current_user)
            db.session.commit()
        except DomainError as error:
            return _fail(error, policy_form=form)
        flash("Kebijakan penggunaan kunci disimpan.", "success")
    return redirect(url_for(".trust_settings"))
