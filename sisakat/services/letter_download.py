"""Handing letters out: which letters the applicant may download (its "Unduh" buttons) and the
file names every download carries (the signed letter, the signing desk's working copies)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sisakat.extensions import db
from sisakat.formatting import tanggal
from sisakat.models import Letter, LetterStatus
from sisakat.services import letters, numbering


def file_stem(letter: Letter) -> str:
    """The start of the letter's download names: the initials of its frozen title (SKT for
    SURAT KETERANGAN TERDAFTAR, SKM for an ormas's SURAT KETERANGAN MELAPOR, which is not an
    SKT: an ormas's SKT comes from Kemendagri), or SURAT when the title has no letters."""
    words = re.findall(r"[A-Za-z]+", letters.frozen_title(letters.inputs_of(letter)))
    return "".join(word[0] for word in words).upper()[:12] or "SURAT"


def download_name(letter: Letter, suffix: str = "") -> str:
    """The signed letter's download name: ``SKT-200.1.5.3-1-BAN.KBP-2026.pdf``; the number
    (or ``suffix`` when it has none) with its slashes as hyphens."""
    label = (letter.number_text or suffix or str(letter.id)).replace("/", "-")
    return f"{file_stem(letter)}-{label}.pdf"


def working_name(letter: Letter, what: str, ext: str) -> str:
    """A desk copy's download name: ``skt-konsep-7.pdf``, ``skm-ttd-basah-7.pdf``."""
    return f"{file_stem(letter).lower()}-{what}-{letter.id}.{ext}"


def party_may_download(letter: Letter) -> bool:
    """The applicant (and, with ``verification.allow_download`` on, the public page) downloads
    the letter while it is in force (Berlaku, expired or not); a revoked (Dicabut) or replaced
    (Diganti) letter is not handed out again, since its signed file carries no mark of its end:
    its record stays on the application page and its public page says so."""
    return letter.status == LetterStatus.BERLAKU and letter.signed_file_id is not None


def not_handed_out(letter: Letter) -> str | None:
    """Why the applicant's Unduh of ``letter``, revoked or replaced since its page was opened,
    gives no file, said on the application's page; None for a letter never issued (its
    download stays a plain 404, AC-3)."""
    if letter.status not in (LetterStatus.DICABUT, LetterStatus.DIGANTI):
        return None
    named = f"Surat nomor {letter.number_text}"
    if letter.status == LetterStatus.DIGANTI and letter.superseded_by_id:
        new = db.session.get(Letter, letter.superseded_by_id)
        if new is not None:
            return (
                f"{named} sudah diganti oleh surat nomor {new.number_text}, jadi tidak dapat "
                "diunduh lagi; unduh surat yang baru dari permohonannya."
            )
    if letter.status == LetterStatus.DICABUT:
        return (
            f"{named} sudah dicabut dan tidak berlaku lagi, jadi tidak dapat diunduh lagi; "
            "alasannya tercantum di Riwayat."
        )
    return f"{named} sudah diganti dengan surat baru, jadi tidak dapat diunduh lagi."


def issued_by_application(application_ids: list[int]) -> dict[int, Letter]:
    """Each application's newest letter, where the applicant may download it (one query; for
    the applicant's "Unduh" buttons)."""
    if not application_ids:
        return {}
    query = (
        db.select(Letter)
        .where(Letter.application_id.in_(application_ids))
        .order_by(Letter.application_id, Letter.id.desc())
    )
    newest: dict[int, Letter] = {}
    for letter in db.session.execute(query).scalars():
        newest.setdefault(letter.application_id, letter)
    return {a: letter for a, letter in newest.items() if party_may_download(letter)}


@dataclass(frozen=True)
class PartyLetter:
    """The letter the applicant may download from an application's page, and what the page
    says about it: one sentence, and whether the letter has passed its end
    (``Letter.effective_status``, the rule of the public QR page)."""

    letter: Letter
    text: str
    ended: bool


def party_letter(application_id: int, today: date | None = None) -> PartyLetter | None:
    """The application's downloadable letter (``issued_by_application``) with its standing on
    ``today`` (default: the office's today), or None."""
    letter = issued_by_application([application_id]).get(application_id)
    if letter is None:
        return None
    return standing(letter, today or numbering.office_today())


def standing(letter: Letter, today: date) -> PartyLetter:
    """The letter by number and date, with the day it ends; past that day, that it has ended
    (it stays downloadable as a record) and how to get a new one."""
    named = f"Surat nomor {letter.number_text}"
    if letter.letter_date is not None:
        named += f" tanggal {tanggal(letter.letter_date)}"
    if letter.effective_status(today) == "kedaluwarsa":
        return PartyLetter(
            letter,
            f"{named} sudah kedaluwarsa: masa berlakunya berakhir {tanggal(letter.valid_until)}. "
            "Berkasnya tetap dapat diunduh sebagai arsip; untuk surat baru, ajukan perpanjangan "
            "dari Beranda.",
            ended=True,
        )
    if letter.valid_until is None:
        return PartyLetter(letter, f"{named}.", ended=False)
    until = tanggal(letter.valid_until)
    return PartyLetter(letter, f"{named}, berlaku sampai {until}.", ended=False)


def in_force_by_service(applications: list, issued: dict[int, Letter], today: date) -> dict:
    """Service code -> the newest letter in force (Berlaku, not past its end) among
    ``applications`` (newest first) and their downloadable letters (``issued_by_application``):
    a new application for that service would replace it (``letter_registry.supersede_previous``).
    No query."""
    held: dict[str, Letter] = {}
    for application in applications:
        letter = issued.get(application.id)
        if letter is not None and letter.effective_status(today) == "berlaku":
            held.setdefault(application.service_code, letter)
    return held


def ended_ids(issued: dict[int, Letter], today: date) -> set[int]:
    """The applications among ``issued`` (``issued_by_application``) whose letter has passed
    its end (``Letter.effective_status``): their dashboard rows say so. No query."""
    return {a for a, letter in issued.items() if letter.effective_status(today) == "kedaluwarsa"}


def replacement_notes(letter: Letter) -> tuple[str, str]:
    """(the line beside the service, the question its Ajukan button asks) for a board holding
    ``letter`` in force."""
    until = f", berlaku sampai {tanggal(letter.valid_until)}" if letter.valid_until else ""
    line = (
        f"Anda memegang surat nomor {letter.number_text}{until}. Ajukan lagi hanya bila perlu "
        "surat baru (misalnya susunan pengurus berganti): setelah terbit, surat baru "
        "menggantikan surat itu."
    )
    question = (
        f"Surat nomor {letter.number_text} masih berlaku. Surat dari permohonan baru akan "
        "menggantikannya setelah terbit. Buat permohonan baru?"
    )
    return line, question
