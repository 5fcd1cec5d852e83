"""Indonesian texts the office sends applicants: the reminders (one per kind of end date and kind
of applicant) and the greeting a staff WhatsApp link opens with.

The letter is named by its title (the one frozen in the issued letter, else its service's
``letter_title``): a party board holds a Surat Keterangan Terdaftar (SKT), an ormas a Surat
Keterangan Melapor, never an "SKT" (an ormas's SKT comes from Kemendagri). What differs per kind
of applicant besides the letter (kepengurusan or pengurus organisasi kemasyarakatan) is here.
"""

from __future__ import annotations

from sisakat.models import ApplicantKind

MESSAGES = {
    ApplicantKind.PARPOL: {
        "masa_bakti": "Masa bakti kepengurusan {board} berakhir pada {date}. "
        "Ajukan perpanjangan {letter} setelah kepengurusan baru ditetapkan.",
        "skt": "{letter} {board} berlaku sampai {date}. "
        "Ajukan perpanjangan sebelum masa berlakunya habis.",
    },
    ApplicantKind.ORMAS: {
        "masa_bakti": "Masa bakti pengurus organisasi kemasyarakatan {board} berakhir pada "
        "{date}. Setelah pengurus baru ditetapkan, ajukan perpanjangan {letter} dengan "
        "melaporkan susunan pengurus yang baru.",
        "skt": "{letter} organisasi kemasyarakatan {board} berlaku sampai {date}. "
        "Ajukan perpanjangan sebelum masa berlakunya habis.",
    },
}
# The built-in titles, for a letter or service that names none.
LETTERS = {
    ApplicantKind.PARPOL: "Surat Keterangan Terdaftar",
    ApplicantKind.ORMAS: "Surat Keterangan Melapor",
}
NOTHING_TO_RENEW = "Perpanjangan hanya untuk {letter} yang akan atau sudah berakhir."
# The e-mail preference for these reminders as each kind of applicant reads it; staff, who
# serve both kinds, read the neutral wording.
PREFERENCES = {
    ApplicantKind.PARPOL: "Pengingat masa bakti dan masa berlaku SKT",
    ApplicantKind.ORMAS: "Pengingat masa bakti dan masa berlaku Surat Keterangan Melapor",
}
NEUTRAL_PREFERENCE = "Pengingat masa bakti dan masa berlaku surat keterangan"


def letter_name(title: str | None, kind: ApplicantKind) -> str:
    """``SURAT KETERANGAN MELAPOR`` as ``Surat Keterangan Melapor``; the kind's built-in title
    when ``title`` is empty."""
    words = " ".join(str(title or "").split())
    return words.title() if words else LETTERS[kind]


def message(kind: ApplicantKind, reminder: str, *, board: str, date: str, letter: str) -> str:
    """The reminder ``reminder`` (``masa_bakti`` or ``skt``) for an applicant of ``kind``."""
    return MESSAGES[kind][reminder].format(board=board, date=date, letter=letter)


def staff_greeting(board: str, kind: ApplicantKind) -> str:
    """The message staff's WhatsApp link to an applicant opens with, naming the applicant's own
    letter: a party board's SKT, an ormas's Surat Keterangan Melapor (never an "SKT")."""
    letter = "SKT" if kind == ApplicantKind.PARPOL else LETTERS[kind]
    return f"Halo {board}, kami dari Kesbangpol terkait layanan {letter}."
