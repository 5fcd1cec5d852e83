"""The audit log's Rincian column in the super admin's words: settings by their form labels,
applications, letters and requirements by number and name, reasons as text, anything else as
"kunci: nilai"; never raw JSON, and whatever a user typed shows literally."""

from __future__ import annotations

import io
import re

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import audit, office
from tests.factories import png_bytes
from tests.workflow_http import page_text


def _details(admin, action: str) -> str:
    """The Rincian cells of the rows of ``action`` (the wide-screen column)."""
    page = page_text(admin.get(f"/admin/log-audit?action={action}"))
    return " | ".join(re.findall(r'<td class="[^"]*text-break" data-rincian>(.*?)</td>', page))


def test_a_settings_change_names_the_fields_as_the_settings_pages_label_them(app, make, login_as):
    user = make.user(Role.SUPERADMIN)
    values = {key: "" for key in office.AGENCY_KEYS} | {"timezone": "WIB", "name": "Kesbang"}
    office.update_agency(values, actor=user, emblem=io.BytesIO(png_bytes()))
    audit.record(
        "settings.update",
        actor=user,
        details={"keys": ["signing.backend", "contact.whatsapp", "office.workdays", "x.baru"]},
    )
    db.session.commit()
    cells = _details(login_as(user), "settings.update")
    assert "Pengaturan: Cara penandatanganan, Nomor WhatsApp layanan, Hari kerja, x.baru" in cells
    assert "Lambang daerah" in cells
    assert "Nama instansi" in cells
    assert "agency.emblem_file_id" not in cells
    assert "{" not in cells
    assert "[" not in cells


def test_references_reasons_and_steps_read_as_words(app, make, login_as):
    user = make.user(Role.SUPERADMIN)
    audit.record(
        "document.upload_refused",
        actor=user,
        details={"requirement": "KTP Ketua", "reason": "Bukan PDF", "application_id": 12},
    )
    audit.record(
        "application.ambil", actor=user, details={"from": "diajukan", "to": "diverifikasi"}
    )
    audit.record("letter.revoke", actor=user, details={"number": "200.1/7/2026", "reason": "Salah"})
    db.session.commit()
    admin = login_as(user)
    assert _details(admin, "document.upload_refused") == (
        "Permohonan: #12; Persyaratan: KTP Ketua; Alasan: Bukan PDF"
    )
    assert _details(admin, "application.ambil") == "Status: Diajukan → Diverifikasi"
    assert _details(admin, "letter.revoke") == "Nomor surat: 200.1/7/2026; Alasan: Salah"


def test_unknown_keys_read_as_key_and_value_and_markup_shows_literally(app, make, login_as):
    user = make.user(Role.SUPERADMIN)
    typed = '<b>tebal</b> & "kutip"'
    audit.record(
        "contoh.isi",
        actor=user,
        details={"jumlah_berkas": 3, "aktif": True, "akun": ["a", "b"], "catatan": typed},
    )
    db.session.commit()
    page = page_text(login_as(user).get("/admin/log-audit?action=contoh.isi"))
    cells = _details(login_as(user), "contoh.isi")
    assert cells == (
        "aktif: ya; akun: a, b; catatan: &lt;b&gt;tebal&lt;/b&gt; &amp; &#34;kutip&#34;; "
        "jumlah berkas: 3"
    )
    assert "<b>tebal</b>" not in page


def test_every_setting_has_words_in_the_log(app):
    """A new setting key without a form label or a word in ``audit_labels.SETTING_WORDS``
    would show as its code: this fails first."""
    from sisakat.admin.audit_log import setting_labels
    from sisakat.services import audit_labels, settings

    named = setting_labels().keys() | audit_labels.SETTING_WORDS.keys()
    assert sorted(set(settings.DEFAULTS) - named) == []


def test_changed_fields_read_as_the_labels_of_the_form_that_edits_them(app, make, login_as):
    user = make.user(Role.SUPERADMIN)
    audit.record("user.update", actor=user, details={"fields": ["active", "email", "full_name"]})
    audit.record(
        "party.profile_update",
        actor=user,
        details={"fields": ["party_name", "sk_number"], "officers": 3, "logo_file_id": 7},
    )
    db.session.commit()
    admin = login_as(user)
    assert _details(admin, "user.update") == "Data diubah: Aktif, E-mail, Nama lengkap"
    assert _details(admin, "party.profile_update") == (
        "Data diubah: Nama partai / Nama ormas, Nomor SK; Jumlah pengurus: 3; Berkas logo: #7"
    )
