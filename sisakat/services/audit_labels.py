"""What each audit action and outcome means, in the super admin's words: the audit log shows
"Pengaturan diubah" above the stored code ``settings.update`` (which the filter still takes)."""

from __future__ import annotations

from sisakat.models import Action

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


def outcome_label(outcome: str) -> str:
    """The outcome in words ("berhasil", "gagal", "ditolak", "dibatasi")."""
    return OUTCOME_LABELS.get(outcome, outcome)
