"""The public page of a revoked or replaced letter (Cek Keaslian Surat, the QR page).

Comparing the genuine PDF of a revoked letter answered, in green, "Berkas ini SAMA PERSIS
dengan surat yang diterbitkan", and the answer is shown at its own heading (#bandingkan): on a
phone the red DICABUT banner was off screen, so whoever checked a revoked letter read that it
was genuine and nothing more. With the office's download turned on, the page also offered
"Unduh surat (PDF)" of a revoked or replaced letter and handed out the signed file, which
carries no mark of its end, while the party's own Unduh of it answers 404."""

from __future__ import annotations

import io

import pytest

from sisakat.extensions import db
from sisakat.models import LetterStatus, Role
from sisakat.services import letter_registry, settings, storage
from tests.letter_helpers import page


def _revoked(make):
    admin = make.user(Role.SUPERADMIN)
    letter = make.issued_letter()
    letter_registry.revoke(
        letter, reason="Kepengurusan tidak sah.", actor=admin, seen_version=letter.version
    )
    db.session.commit()
    return letter


def _replaced(make):
    admin = make.user(Role.SUPERADMIN)
    party = make.party()
    old = make.issued_letter(party)
    new = make.issued_letter(party)
    letter_registry.supersede_previous(new, admin)
    db.session.commit()
    return old


def _expired(make):
    from datetime import date

    return make.issued_letter(letter_date=date(2020, 1, 2), valid_until=date(2025, 1, 1))


def _compare_same(client, letter) -> str:
    issued = storage.read_bytes(letter.signed_file)
    answer = client.post(
        f"/verifikasi/{letter.token}/bandingkan",
        data={"berkas": (io.BytesIO(issued), "surat.pdf")},
    )
    assert answer.status_code == 200
    html = answer.get_data(as_text=True)
    return html[html.index('id="bandingkan"') :]  # what the phone shows after sending


@pytest.mark.parametrize(
    ("build", "word"),
    [(_revoked, "DICABUT"), (_replaced, "DIGANTI"), (_expired, "KEDALUWARSA")],
)
def test_the_same_file_of_an_ended_letter_says_it_no_longer_holds(client, make, build, word):
    letter = build(make)
    answer = _compare_same(client, letter)
    assert "Berkas ini SAMA PERSIS dengan surat yang diterbitkan" in answer
    assert f"surat ini {word}" in answer
    assert "tidak berlaku lagi" in answer
    assert "alert-success" not in answer


def test_the_same_file_of_a_letter_in_force_stays_green(client, make):
    answer = _compare_same(client, make.issued_letter())
    assert "alert-success" in answer
    assert "tidak berlaku lagi" not in answer


@pytest.mark.parametrize("build", [_revoked, _replaced])
def test_an_ended_letter_is_not_handed_out_by_the_public_page(client, make, build):
    settings.update({"verification.allow_download": True}, actor=None)
    db.session.commit()
    letter = build(make)
    html = page(client, f"/verifikasi/{letter.token}")
    assert "Unduh surat (PDF)" not in html
    assert "Berkas surat yang sudah tidak berlaku tidak dibagikan" in html
    answer = client.get(f"/verifikasi/{letter.token}/unduh")
    assert answer.status_code == 302
    assert answer.headers["Location"].endswith(f"/verifikasi/{letter.token}")
    assert answer.headers["Referrer-Policy"] == "no-referrer"
    assert letter.status in (LetterStatus.DICABUT, LetterStatus.DIGANTI)


def test_a_letter_in_force_is_still_handed_out(client, make):
    settings.update({"verification.allow_download": True}, actor=None)
    db.session.commit()
    letter = make.issued_letter()
    assert "Unduh surat (PDF)" in page(client, f"/verifikasi/{letter.token}")
    answer = client.get(f"/verifikasi/{letter.token}/unduh")
    assert answer.status_code == 200
    assert answer.data == storage.read_bytes(letter.signed_file)
    answer.close()


@pytest.mark.parametrize(("build", "word"), [(_revoked, "DICABUT"), (_replaced, "DIGANTI")])
def test_the_end_date_of_an_ended_letter_is_not_read_as_in_force(client, make, build, word):
    """The facts table said "Berlaku sampai 1 Januari 2031" under the DICABUT box, a line a
    reader quoting the table (or scrolling past the box on a phone) took as the letter's
    standing; the cell now says the letter no longer holds."""
    letter = build(make)
    html = page(client, f"/verifikasi/{letter.token}")
    row = html[html.index("Berlaku sampai</th>") :]
    cell = row[: row.index("</tr>")]
    assert f"{word}: tidak berlaku lagi" in cell
    fresh = page(client, f"/verifikasi/{make.issued_letter().token}")
    row = fresh[fresh.index("Berlaku sampai</th>") :]
    assert "tidak berlaku lagi" not in row[: row.index("</tr>")]
