"""What a service publishes until the office saves its own Standar Pelayanan and steps: the
defaults per applicant kind (a service the office added names itself and its own SLA), and how
they name the signature, which follows whether the office accepts scans of wet signatures."""

from __future__ import annotations

import re

from sisakat.formatting import durasi
from sisakat.models import ApplicantKind, Service
from sisakat.services import catalog, settings

COMPLAINTS = (
    "Pengaduan, saran dan masukan melalui menu Pengaduan, WhatsApp layanan, atau SP4N-LAPOR!."
)
# How the default texts name the signature ("{signed}" in the product, "{sign}" in the steps),
# by whether the office accepts scans of wet signatures (``signing.allow_scan``): an office
# without BSrE certificates issues wet-signed scans, and must not publish that its letters are
# electronically signed. The electronic paths stay open beside the scans, so both are named.
SIGNATURE_WORDING = {
    False: {"signed": "bertanda tangan elektronik", "sign": "Tanda tangan elektronik"},
    True: {
        "signed": "bertanda tangan elektronik atau tanda tangan basah (hasil pindai)",
        "sign": "Tanda tangan (elektronik atau basah)",
    },
}
# A saved text that promises an electronic signature without naming the wet-signed scan.
_ELECTRONIC = re.compile(
    r"(tanda\s*tangan|ditandatangani)(\s+secara)?\s+elektronik|\bTTE\b", re.IGNORECASE
)
_WET = re.compile(r"basah|pindai", re.IGNORECASE)
# The cost every service states until its admin saves another text.
FREE_COST = "Tidak dipungut biaya."
# The Standar Pelayanan a service shows until the admin saves its own, per applicant kind.
DEFAULT_TEXT_BY_KIND = {
    ApplicantKind.PARPOL: {
        "summary": "Pendaftaran kepengurusan partai politik secara daring untuk memperoleh SKT.",
        "procedure": "Permohonan diajukan secara daring melalui SISAKAT; lihat alur pelayanan.",
        "duration": "Paling lama 1 (satu) jam sejak berkas lengkap dan benar diterima.",
        "cost": FREE_COST,
        "product": "Surat Keterangan Terdaftar (SKT) {signed}.",
        "complaint_handling": COMPLAINTS,
        "legal_basis": "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.",
    },
    ApplicantKind.ORMAS: {
        "summary": (
            "Pelaporan keberadaan organisasi kemasyarakatan (ormas) secara daring untuk "
            "memperoleh Surat Keterangan Melapor."
        ),
        "procedure": "Laporan diajukan secara daring melalui SISAKAT; lihat alur pelayanan.",
        "duration": "Paling lama 15 (lima belas) hari kerja sejak berkas lengkap dan benar "
        "diterima.",
        "cost": FREE_COST,
        "product": "Surat Keterangan Melapor {signed}.",
        "complaint_handling": COMPLAINTS,
        "legal_basis": (
            "- Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.\n"
            "- Undang-Undang Nomor 17 Tahun 2013 tentang Organisasi Kemasyarakatan sebagaimana "
            "telah diubah dengan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2017 "
            "yang ditetapkan menjadi undang-undang dengan Undang-Undang Nomor 16 Tahun 2017.\n"
            "- Peraturan Menteri Dalam Negeri Nomor 57 Tahun 2017 tentang Pendaftaran dan "
            "Pengelolaan Sistem Informasi Organisasi Kemasyarakatan."
        ),
    },
}
DEFAULT_STEPS_BY_KIND = {
    ApplicantKind.PARPOL: (
        ("Daftar akun dan isi profil partai", "Pemohon"),
        ("Unggah dokumen persyaratan dan ajukan", "Pemohon"),
        ("Verifikasi dokumen", "Verifikator"),
        ("{sign} SKT", "Kepala Badan"),
        ("Unduh SKT", "Pemohon"),
    ),
    ApplicantKind.ORMAS: (
        ("Daftar akun dan isi profil ormas", "Pemohon"),
        ("Unggah dokumen persyaratan dan ajukan", "Pemohon"),
        ("Verifikasi dokumen", "Verifikator"),
        ("{sign} surat keterangan", "Kepala Badan"),
        ("Unduh surat keterangan", "Pemohon"),
    ),
}
# The last two steps of a service the office added: its letter is not an SKT.
OWN_LETTER_STEPS = (("{sign} surat", "Kepala Badan"), ("Unduh surat", "Pemohon"))


def _kind(service_code: str) -> ApplicantKind:
    service = catalog.get(service_code)
    return service.applicant_kind if service is not None else ApplicantKind.PARPOL


def _is_built_in(service_code: str) -> bool:
    return any(spec["code"] == service_code for spec in catalog.BUILT_IN)


def _added_by_office(service_code: str) -> Service | None:
    """The service when the office added it (not a built-in one), else None."""
    return None if _is_built_in(service_code) else catalog.get(service_code)


def default_text(service_code: str) -> dict[str, str]:
    """The Standar Pelayanan shown until the admin saves one: the built-in text of the
    applicant kind, or, for a service the office added, its own name and SLA (a built-in
    service's "untuk memperoleh SKT" or "15 hari kerja" would describe another service), naming
    the signature as the signing settings allow."""
    service = catalog.get(service_code)
    kind = service.applicant_kind if service is not None else ApplicantKind.PARPOL
    text = dict(DEFAULT_TEXT_BY_KIND[kind])
    if service is None or _is_built_in(service_code):
        text["duration"] = _built_in_duration(service, text["duration"])
        return {key: _signature_words(value) for key, value in text.items()}
    name = service.name
    letter = name if name.casefold().startswith("surat") else f"Surat {name}"
    return {
        **text,
        "summary": f"Permohonan {name} secara daring melalui SISAKAT.",
        "procedure": "Permohonan diajukan secara daring melalui SISAKAT; lihat alur pelayanan.",
        "duration": sla_promise(service.sla_minutes),
        "product": _signature_words(f"{letter} {{signed}}."),
        "legal_basis": "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.",
    }


def sla_promise(sla_minutes: int) -> str:
    """The published time of a service that promises ``sla_minutes`` working minutes."""
    return f"Paling lama {durasi(sla_minutes * 60)} kerja sejak berkas lengkap dan benar diterima."


def _built_in_duration(service: Service | None, words: str) -> str:
    """A built-in service's worded time ("1 (satu) jam") while its SLA is the built-in one;
    once the admin changed the SLA, the time it now promises (the queue measures that one)."""
    if service is None or service.sla_minutes == catalog.built_in(service.code)["sla_minutes"]:
        return words
    return sla_promise(service.sla_minutes)


def scans_allowed() -> bool:
    """True while the office accepts scans of wet signatures: its letters may be wet-signed,
    and what it publishes must say so."""
    return bool(settings.get("signing.allow_scan"))


def _signature_words(text: str) -> str:
    """A default text with the signature named as the office's signing settings allow."""
    words = SIGNATURE_WORDING[scans_allowed()]
    return text.replace("{signed}", words["signed"]).replace("{sign}", words["sign"])


def promises_electronic_only(*texts: str) -> bool:
    """True when the texts say the letter is signed electronically and never name the
    wet-signed scan (tags of the formatted text ignored)."""
    joined = re.sub(r"<[^>]*>", " ", " ".join(t or "" for t in texts))
    return bool(_ELECTRONIC.search(joined)) and not _WET.search(joined)


def default_steps(service_code: str) -> list[tuple[str, str]]:
    """The procedure steps (title, actor) shown until the office saves its own (a service the
    office added signs and hands over its own letter, not an SKT)."""
    defaults = DEFAULT_STEPS_BY_KIND[_kind(service_code)]
    if _added_by_office(service_code) is not None:
        defaults = defaults[:3] + OWN_LETTER_STEPS
    return [(_signature_words(title), actor) for title, actor in defaults]
