"""Starter FAQ entries about the SKT service, loaded by ``flask init-data`` so a fresh office's
public FAQ is not an empty page ("Belum ada pertanyaan").

Loaded once, and only while the FAQ has never been set: the setting ``faq.starter_loaded`` is
still false (it is set when they are loaded, so entries an admin deleted are never put back), no
entry exists and the audit trail shows no FAQ entry saved or deleted (an office from before this
loader, whose admin may have deleted every entry). The cost and time answers quote the SKT
service's Standar Pelayanan as it stands when they are loaded (free unless the office wrote
otherwise); from then on the entries are the office's own, edited on Administrasi, FAQ.
"""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import SKT_PARPOL, AuditEvent, FaqEntry
from sisakat.services import audit, richtext, service_info, settings

LOADED = "faq.starter_loaded"
STANDARD = f"/layanan/{SKT_PARPOL}"


def ensure_starter() -> int:
    """Add the starter entries when the FAQ has never been set (idempotent); returns the number
    of entries added."""
    if settings.get(LOADED) or _ever_set():
        return 0
    entries = starter_entries()
    for i, (question, answer) in enumerate(entries, start=1):
        db.session.add(
            FaqEntry(question=question, answer=richtext.sanitise(answer), sort_order=i * 10)
        )
    db.session.flush()
    settings.update({LOADED: True}, actor=None)
    audit.record("faq.starter", actor=None, object_type="faq", details={"entries": len(entries)})
    return len(entries)


def _ever_set() -> bool:
    """True when the FAQ has an entry, or the audit trail shows an entry saved or deleted."""
    entry = db.session.execute(db.select(FaqEntry.id).limit(1)).first()
    edited = db.session.execute(
        db.select(AuditEvent.id).where(AuditEvent.object_type == "faq").limit(1)
    ).first()
    return entry is not None or edited is not None


def starter_entries() -> list[tuple[str, str]]:
    """(question, answer HTML) in the order shown; cost and time from the Standar Pelayanan."""
    standard = service_info.standard_for(SKT_PARPOL)
    return [
        (
            "Siapa yang perlu mengajukan SKT?",
            "<p>Kepengurusan partai politik pada tingkat dan wilayah yang dilayani kantor ini "
            "yang ingin memperoleh Surat Keterangan Terdaftar (SKT). Satu akun untuk satu "
            'kepengurusan: <a href="/akun/daftar">daftar</a> dengan memilih <strong>Partai '
            "Politik</strong>, lalu lengkapi profil partai.</p>",
        ),
        (
            "Dokumen apa saja yang harus disiapkan?",
            f'<p>Daftar yang berlaku ada di <a href="{STANDARD}#persyaratan">Standar Pelayanan '
            "SKT</a>, bagian Persyaratan, dengan tanda wajib atau opsional. Daftar yang sama "
            "tampil di halaman permohonan setelah Anda masuk.</p><p>Pindai dokumen asli yang "
            "telah dilegalisasi menjadi PDF, lalu unggah satu per satu.</p>",
        ),
        ("Berapa lama SKT selesai?", _time_answer(standard.duration)),
        ("Berapa biaya pengurusan SKT?", _cost_answer(standard.cost)),
        ("Bagaimana memeriksa keaslian SKT?", CHECK_ANSWER),
        ("Apa yang harus dilakukan bila dokumen dikembalikan?", RETURNED_ANSWER),
        ("Bagaimana menyampaikan pengaduan?", COMPLAINT_ANSWER),
    ]


def _time_answer(duration: str) -> str:
    """The Standar Pelayanan's time, how it is counted and where to follow it."""
    return (
        "<p>Menurut Standar Pelayanan kantor ini:</p>"
        + richtext.sanitise(duration)
        + "<p>Waktu dihitung dalam jam layanan kantor. Bila ada dokumen yang dikembalikan untuk "
        "diperbaiki, SKT terbit setelah perbaikan Anda diperiksa. Status permohonan tampil di "
        "Beranda akun Anda.</p>"
    )


def _cost_answer(cost: str) -> str:
    """Free when the Standar Pelayanan says so (its default), else the office's own words."""
    if service_info.free_by_default(cost):
        said = "<p>Gratis: layanan SKT tidak dipungut biaya.</p>"
    else:
        said = "<p>Menurut Standar Pelayanan kantor ini:</p>" + richtext.sanitise(cost)
    return (
        said + f'<p>Ketentuan yang berlaku selalu tercantum di <a href="{STANDARD}">Standar '
        "Pelayanan SKT</a>, bagian Biaya/tarif. Permintaan bayaran di luar ketentuan itu "
        'tidak dibenarkan: laporkan melalui <a href="/pengaduan">Pengaduan</a>.</p>'
    )


CHECK_ANSWER = (
    "<p>Pindai kode QR pada surat dengan kamera ponsel. Halaman surat di situs ini terbuka dan "
    "menampilkan statusnya (BERLAKU, DICABUT, DIGANTI atau KEDALUWARSA) beserta data suratnya.</p>"
    '<p>Tanpa pemindai, buka <a href="/cek-surat">Cek Keaslian Surat</a> dan ketik kode '
    "verifikasi yang tercetak di bawah kode QR. Nomor surat saja tidak cukup.</p>"
    "<p>Berkas PDF surat yang Anda terima dapat diunggah di halaman surat untuk dibandingkan "
    "dengan surat yang diterbitkan; berkas itu tidak disimpan. Bila surat tidak ditemukan, "
    "hubungi kantor ini.</p>"
)
RETURNED_ANSWER = (
    "<p>Status permohonan menjadi <strong>Perlu Perbaikan</strong> dan Anda menerima "
    "notifikasi. Buka permohonan itu: dokumen yang dinilai <strong>Tidak Sesuai</strong> "
    "tercantum beserta alasannya.</p><p>Unggah ulang dokumen itu saja, lalu tekan "
    "<strong>Ajukan Ulang</strong>. Dokumen yang sudah Sesuai tidak perlu diunggah lagi.</p>"
)
COMPLAINT_ANSWER = (
    '<p>Isi formulir <a href="/pengaduan">Pengaduan</a>. Setiap pengaduan mendapat nomor tiket '
    "dan tautan untuk memantau jawabannya; simpan tautan itu.</p><p>Halaman itu juga memuat "
    "kontak kantor, WhatsApp layanan bila ada, dan SP4N-LAPOR!, saluran pengaduan nasional.</p>"
)
