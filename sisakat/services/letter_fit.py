"""The letter's one-page rule for its tembusan: the signature block, its QR and the footer move
on together with the tembusan (``pdf/skt.build_story``), so a long list sends all of them to a
second page. Measured by drawing the letter the office would issue to the service's fictional
applicant (the one the Pratinjau shows), with the office's settings and the wording to save."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from sisakat.pdf.context import LetterContext
from sisakat.pdf.skt import fits_one_page
from sisakat.services.letter_context import build_context
from sisakat.services.letter_profile import sample_profile

# An issued letter's variable parts at their usual length (a long month, a full number).
SAMPLE_CODE = "K7Q2M4XW9ZP3R5T8V6B2N4C7LD"
SAMPLE_DATE = date(2026, 9, 30)
SAMPLE_NUMBER = "200.1.5.3/1436/BAN.KBP/2026"
SAMPLE_URL = f"https://sisakat.kesbangpol.example.go.id/verifikasi/{SAMPLE_CODE}"
TOO_LONG = (
    "Tembusan ini terlalu panjang: tanda tangan dan kode QR surat akan pindah ke halaman 2. "
    "Di halaman pertama surat pemohon contoh (seperti Pratinjau) {fit}; singkatkan atau "
    "kurangi baris tembusan."
)


def sample_letter(groups: dict[str, dict[str, Any]], kind: Any, *, srikandi: bool):
    """The issued letter of the fictional applicant of ``kind`` with ``groups`` (agency,
    signatory, letter: ``letter_settings.letter_groups``)."""
    return build_context(
        profile=sample_profile(kind, groups["agency"].get("region")),
        settings=groups,
        number_text=SAMPLE_NUMBER,
        issued_on=SAMPLE_DATE,
        verification_url=SAMPLE_URL,
        code=SAMPLE_CODE,
        draft=False,
        srikandi=srikandi,
    )


def tembusan_refusal(ctx: LetterContext) -> str | None:
    """Why the letter's tembusan cannot be saved, or None: it may not move the signature block
    off page one. A letter running over without any tembusan (a long opening) is not the
    tembusan's doing. The message says how many of its first lines would fit."""
    lines = ctx.tembusan
    if not lines or fits_one_page(ctx):
        return None
    if not fits_one_page(dataclasses.replace(ctx, tembusan=())):
        return None
    fitting, over = 0, len(lines)  # 0 lines fit, all of them do not
    while over - fitting > 1:
        middle = (fitting + over) // 2
        if fits_one_page(dataclasses.replace(ctx, tembusan=lines[:middle])):
            fitting = middle
        else:
            over = middle
    fit = (
        f"muat hanya {fitting} baris pertama dari {len(lines)} baris"
        if fitting
        else "tidak ada satu baris tembusan pun yang muat"
    )
    return TOO_LONG.format(fit=fit)
