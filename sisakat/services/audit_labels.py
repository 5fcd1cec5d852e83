"""What each audit action, outcome and detail means, in the super admin's words: the audit log
shows "Pengaturan diubah" above the stored code ``settings.update`` (which the filter still
takes), and "Pengaturan: Lambang daerah" where the row stores ``{"keys": [...]}``."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from sisakat.models import Action, ApplicantKind, ApplicationStatus, Role, Verdict

ACTION_LABELS = {
    "account.change_password": "Kata sandi diganti pemiliknya",
    "account.register": "Akun pemohon didaftarkan",
    "application.renew": "Permohonan perpanjangan dibuat",
    "application.take_over": "Permohonan diambil alih verifikator lain",
    "auth.login": "Masuk",
    "auth.logout": "Keluar",
    "backup.create": "Cadangan dibuat",
    "backup.restore": "Cadangan dipulihkan",
    "complaint.attachment_view": "Lampiran pengaduan dilihat",
    "complaint.category_save": "Kategori pengaduan disimpan",
    "complaint.file": "Pengaduan masuk",
    "complaint.respond": "Pengaduan ditanggapi",
    "demo.create": "Data contoh dibuat",
    "document.judge": "Dokumen dinilai",
    "document.upload": "Dokumen diunggah",
    "document.upload_refused": "Unggahan dokumen ditolak",
    "document.view_personal": "Dokumen data pribadi dilihat",
    "email.preferences": "Pilihan e-mail diubah",
    "faq.delete": "FAQ dihapus",
    "faq.save": "FAQ disimpan",
    "faq.starter": "FAQ awal dimuat",
    "letter.cancel": "Surat dibatalkan (dikembalikan ke verifikator)",
    "letter.download": "Surat diunduh",
    "letter.issue": "Surat terbit",
    "letter.needs_review": "Surat bertanda tangan menunggu tinjauan",
    "letter.prepare": "Surat disiapkan",
    "letter.review_accept": "Tinjauan surat diterima",
    "letter.review_reject": "Tinjauan surat ditolak",
    "letter.revoke": "Surat dicabut",
    "letter.sign_failed": "Penandatanganan gagal",
    "letter.supersede": "Surat diganti surat baru",
    "letter.upload_refused": "Unggahan surat bertanda tangan ditolak",
    "number.allocate": "Nomor surat diberikan",
    "number.register_external": "Nomor SRIKANDI dicatat",
    "number.set_next": "Nomor urut berikutnya diubah",
    "number.void": "Nomor surat dibatalkan",
    "party.profile_update": "Profil pemohon diubah",
    "reason.save": "Alasan Tidak Sesuai disimpan",
    "reminder.sent": "Pengingat dikirim",
    "requirement.move": "Urutan persyaratan diubah",
    "requirement.save": "Persyaratan disimpan",
    "service.create": "Layanan dibuat",
    "service.form_add": "Formulir layanan diunggah",
    "service.form_remove": "Formulir layanan dihapus",
    "service.standard_update": "Standar pelayanan disimpan",
    "service.update": "Layanan diubah",
    "settings.update": "Pengaturan diubah",
    "storage.purge": "Berkas dihapus (masa simpan habis)",
    "survey.submit": "Survei kepuasan diisi",
    "trust.anchor_add": "Sertifikat akar/perantara ditambahkan",
    "trust.anchor_remove": "Sertifikat akar/perantara dihapus",
    "trust.signer_allow": "Penandatangan berwenang ditambahkan",
    "trust.signer_deactivate": "Penandatangan berwenang dinonaktifkan",
    "user.activate": "Akun diaktifkan",
    "user.create": "Akun dibuat",
    "user.deactivate": "Akun dinonaktifkan",
    "user.reset_password": "Kata sandi direset admin",
    "user.update": "Akun diubah",
}
OUTCOME_LABELS = {
    "ok": "berhasil",
    "gagal": "gagal",
    "failed": "gagal",
    "refused": "ditolak",
    "dibatasi": "dibatasi",
}


def action_label(action: str) -> str:
    """The action in words; a workflow step reads "Permohonan: Diajukan"; an unknown code
    (a newer or retired action) is shown as stored."""
    if action in ACTION_LABELS:
        return ACTION_LABELS[action]
    area, _, step = action.partition(".")
    labels = {a.value: a.label for a in Action}
    if area == "application" and step in labels:
        return f"Permohonan: {labels[step]}"
    return action


def actions_named(words: str) -> list[str]:
    """The action codes whose words (``action_label``) hold ``words``, in any case: what the
    log's Aksi filter finds besides the codes starting with what was typed."""
    wanted = " ".join(words.split()).casefold()
    if not wanted:
        return []
    codes = [*ACTION_LABELS, *(f"application.{a.value}" for a in Action)]
    return [code for code in codes if wanted in action_label(code).casefold()]


def outcome_label(outcome: str) -> str:
    """The outcome in words ("berhasil", "gagal", "ditolak", "dibatasi")."""
    return OUTCOME_LABELS.get(outcome, outcome)


def _numbered(value: object) -> str:
    return f"#{value}"


def _short_hash(value: object) -> str:
    text = str(value)
    return text[:12] + "…" if len(text) > 12 else text


def _numbers(value: object) -> str:
    """Record ids, one or a list, as "#3, #5"."""
    items = value if isinstance(value, list | tuple) else [value]
    return ", ".join(_numbered(item) for item in items) or "—"


def _enum_label(enum) -> Callable[[object], str]:
    labels = {member.value: member.label for member in enum}
    return lambda value: labels.get(str(value), str(value))


# Known detail keys: (label, how the value reads). A key not here reads as "kunci: nilai".
DETAIL_LABELS: dict[str, tuple[str, Callable[[object], str] | None]] = {
    "application_id": ("Permohonan", _numbered),
    "application": ("Permohonan", _numbered),
    "renewal_of": ("Perpanjangan dari permohonan", _numbered),
    "requirement": ("Persyaratan", None),
    "number": ("Nomor surat", None),
    "superseded_by": ("Diganti dengan surat nomor", None),
    "reason": ("Alasan", None),
    "verdict": ("Penilaian", _enum_label(Verdict)),
    "role": ("Peran", _enum_label(Role)),
    "service": ("Layanan", None),
    "name": ("Nama", None),
    "username": ("Nama pengguna", None),
    "usernames": ("Akun", None),
    "fields": ("Data diubah", None),
    "sha256": ("SHA-256", _short_hash),
    "fingerprint": ("Sidik jari", _short_hash),
    "subject": ("Subjek", None),
    "display_name": ("Nama", None),
    "archive": ("Arsip", None),
    "files": ("Jumlah berkas", None),
    "encrypted": ("Terenkripsi", None),
    "created_at": ("Cadangan dibuat", None),
    "method": ("Cara", None),
    "tier": ("Tingkat kecocokan", None),
    "series": ("Seri", None),
    "year": ("Tahun", None),
    "end_date": ("Tanggal berakhir", None),
    "limit_days": ("Batas (hari kerja)", None),
    "officers": ("Jumlah pengurus", None),
    "logo_file_id": ("Berkas logo", _numbered),
    "from_user": ("Dari petugas", None),
    "kind": ("Jenis", _enum_label(ApplicantKind)),  # other kinds (a reminder's) read as stored
    "status": ("Status", None),
    "active": ("Aktif", None),
    "text": ("Teks", None),
    "from": ("Dari", None),
    "to": ("Menjadi", None),
    "found": ("Terbaca dari berkas bertanda tangan", None),
    "entries": ("Jumlah entri", None),
    # A requirement moved up the list (a negative step) or down.
    "direction": ("Arah", lambda step: "ke atas" if str(step).startswith("-") else "ke bawah"),
    "similar_confirmed": ("Ormas serupa yang dikonfirmasi", _numbers),
    "candidate_cancelled": ("Unggahan bertanda tangan yang menunggu tinjauan dibatalkan", None),
    "from_name": ("Petugas sebelumnya", None),
    "to_name": ("Diambil alih oleh", None),
    "idle_since": ("Tidak bertindak sejak (UTC)", None),
}
ORDER = {key: position for position, key in enumerate(DETAIL_LABELS)}
# Settings no form field edits alone (the CLI, the hours table, the per-period follow-ups):
# their words live here.
SETTING_WORDS = {
    "backup.last_at": "Waktu cadangan terakhir",
    "backup.last_path": "Arsip cadangan terakhir",
    "backup.last_encrypted": "Cadangan terakhir terenkripsi",
    "backup.restored_at": "Waktu pemulihan cadangan",
    "backup.keep": "Jumlah arsip cadangan yang disimpan",
    "office.week": "Jam kerja per hari",
    "office.hours_start": "Jam mulai layanan",
    "office.hours_end": "Jam selesai layanan",
    "survey.follow_up_periods": "Tindak lanjut hasil survei per periode",
    "retention.personal_documents_days": "Masa simpan dokumen pribadi (hari)",
    "verification.allow_download": "Unduh surat di halaman verifikasi",
    "faq.starter_loaded": "Contoh tanya jawab awal dimuat",
}
MAX_TEXT = 300


def value_text(value: object) -> str:
    """One stored value in words: yes/no, lists joined, nested pairs as "kunci: nilai"."""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if value is None or value == "":
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(value_text(item) for item in value) or "—"
    if isinstance(value, dict):
        return ", ".join(f"{_key_text(k)}: {value_text(v)}" for k, v in value.items()) or "—"
    text = str(value)
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + "…"


def _key_text(key: str) -> str:
    return key.replace("_", " ")


def details_text(
    action: str,
    raw: str,
    *,
    setting_labels: Mapping[str, str],
    field_labels: Mapping[str, str] | None = None,
) -> str:
    """An audit row's details as short Indonesian text ("" when there are none): known keys by
    their labels (settings by the labels of the pages that edit them, ``setting_labels``; the
    changed ``fields`` of a record by the labels of the form that edits it, ``field_labels``),
    others as "kunci: nilai"; never JSON. Plain text: the page escapes it."""
    try:
        details = json.loads(raw) if raw else {}
    except ValueError:
        return raw  # not JSON (never written so): shown as stored
    if not isinstance(details, dict):
        return value_text(details)
    parts = []
    if action.startswith("application.") and {"from", "to"} <= details.keys():
        status = _enum_label(ApplicationStatus)
        parts.append(f"Status: {status(details.pop('from'))} → {status(details.pop('to'))}")
    # Known keys in the order above (the application before the reason), then the rest A-Z.
    for key in sorted(details, key=lambda k: (k != "keys", ORDER.get(k, len(ORDER)), k)):
        parts.append(_part(key, details[key], setting_labels, field_labels or {}))
    return "; ".join(parts)


def _part(key: str, value: object, setting_labels: Mapping[str, str], field_labels) -> str:
    if key == "keys" and isinstance(value, list):
        labels = {**SETTING_WORDS, **setting_labels}
        return "Pengaturan: " + ", ".join(labels.get(str(k), str(k)) for k in value)
    if key == "fields" and isinstance(value, list):
        return "Data diubah: " + (
            ", ".join(_field_text(str(f), field_labels) for f in value) or "—"
        )
    label, reads = DETAIL_LABELS.get(key, (_key_text(key), None))
    return f"{label}: {reads(value) if reads else value_text(value)}"


def _field_text(name: str, field_labels: Mapping[str, str]) -> str:
    """A changed field by its form label, else a known detail word, else its name in words."""
    if name in field_labels:
        return field_labels[name]
    return DETAIL_LABELS[name][0] if name in DETAIL_LABELS else _key_text(name)


# What an event is about (its ``object_type``), as the log's Objek column names it.
OBJECT_WORDS = {
    "allowed_signer": "Penandatangan berwenang",
    "application": "Permohonan",
    "application_document": "Dokumen persyaratan",
    "backup": "Cadangan",
    "complaint": "Pengaduan",
    "complaint_category": "Kategori pengaduan",
    "faq": "FAQ",
    "letter": "Surat",
    "letter_number": "Nomor surat",
    "number_counter": "Penghitung nomor surat",
    "party": "Pemohon",
    "reason_template": "Alasan Tidak Sesuai",
    "requirement": "Persyaratan",
    "service": "Layanan",
    "service_form": "Formulir layanan",
    "settings": "Pengaturan",
    "stored_file": "Berkas",
    "survey": "Survei",
    "trust_anchor": "Sertifikat akar/perantara",
    "user": "Pengguna",
}


def object_text(kind: str, ident: str, name: str | None = None) -> str:
    """An event's object in words: "Permohonan #12", "Surat 200.1/7/2026" (``name``, read from
    the object's row), "Pengaduan K7QX2"; an unknown kind reads as stored ("kind:id")."""
    if kind not in OBJECT_WORDS:
        return f"{kind}:{ident}" if ident else kind
    word = OBJECT_WORDS[kind]
    if name:
        return f"{word} {name}"
    if not ident:
        return word
    return f"{word} #{ident}" if ident.isascii() and ident.isdigit() else f"{word} {ident}"
