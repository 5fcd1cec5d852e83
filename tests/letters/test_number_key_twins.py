"""The register is unique by the database, spelling aside: ``letter_numbers.number_key`` (the
number without spaces, in lower case) is UNIQUE. Before it, the rule lived in a query before a
SRIKANDI insert only, so an office switching from SRIKANDI numbering back to SISAKAT numbering
issued "200.1.5.3/1/BAN.KBP/2026" a second time when SRIKANDI's had been typed in another case
or with spaces; and the manual review stored the number as the super admin typed it."""

import pytest
from sqlalchemy.exc import IntegrityError

from sisakat.extensions import db
from sisakat.models import Letter, LetterNumber, LetterStatus, NumberSource, Role
from sisakat.services import numbering, settings
from tests import factories
from tests.letters import helpers as h
from tests.letters.test_srikandi import _confirm, _srikandi_signed
from tests.letters.test_srikandi_typed_number import _scan_confirm_page

OURS = "200.1.5.3/1/BAN.KBP/{year}"


def test_every_writer_of_number_text_sets_the_key_and_a_twin_is_refused_by_the_database(app):
    day = numbering.office_today()
    first = LetterNumber(series="skt", year=day.year, number_text="200.1 / 7 / Ban.Kbp / 2026")
    db.session.add(first)
    db.session.flush()
    assert first.number_key == "200.1/7/ban.kbp/2026"
    db.session.add(
        LetterNumber(
            series="skt",
            year=day.year,
            number_text="200.1/7/BAN.KBP/2026",
            source=NumberSource.SRIKANDI,
        )
    )
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_switching_back_to_sisakat_numbering_never_gives_a_srikandi_number_twice(app, login_as):
    """SRIKANDI gave serial 1 and the signing desk typed it in lower case with spaces; after the
    office switched back to SISAKAT numbering, the first approval takes serial 1 again: it is
    refused with the way out (raise the next serial), never issued as a second letter."""
    year = numbering.office_today().year
    h.srikandi_mode(scans=True)
    srikandi_letter = h.prepared_letter()
    desk = login_as(factories.user(Role.SUPERADMIN))
    typed = f"200.1.5.3 / 1 / ban.kbp / {year}"
    page = _scan_confirm_page(desk, srikandi_letter)
    assert _confirm(desk, srikandi_letter, page, typed).status_code == 302
    settings.update({"numbering.mode": "sisakat"}, actor=None)
    db.session.commit()
    application, verifier = h.approvable()
    answer = login_as(verifier).post(
        f"/petugas/permohonan/{application.id}/setujui",
        data={"version": str(application.version)},
        follow_redirects=True,
    )
    text = answer.get_data(as_text=True)
    assert answer.status_code == 200
    assert f"Nomor surat {OURS.format(year=year)} sudah terdaftar" in text
    assert typed in text  # the register's spelling of it, so the admin finds it
    assert "nomor urut berikutnya" in text
    db.session.expire_all()
    drawn = db.select(Letter).filter_by(application_id=application.id)
    assert db.session.execute(drawn).first() is None
    register = db.session.execute(db.select(LetterNumber.number_text)).scalars()
    assert list(register) == [typed]
    numbering.set_next_serial("skt", year, 2, actor=None)
    db.session.commit()
    assert h.prepared_letter().number_text == f"200.1.5.3/2/BAN.KBP/{year}"


def _review(client, letter, number: str):
    data = {
        "decision": "terima",
        "reason": "Nomor dibaca dari SRIKANDI.",
        "number": number,
        "letter_date": numbering.office_today().isoformat(),
    }
    return client.post(f"/tte/surat/{letter.id}/tinjau", data=data)


def test_the_manual_review_stores_the_number_as_the_letter_prints_it(app, login_as, pki):
    h.trust_office(pki)
    h.srikandi_mode()
    letter = h.prepared_letter()
    printed = "200.1.5.3/88/BAN.KBP/2026"
    h.under_review(letter, _srikandi_signed(letter, pki, printed))
    client = login_as(factories.user(Role.SUPERADMIN))
    assert _review(client, letter, "200.1.5.3/88/ban.kbp/2026").status_code == 302
    db.session.expire_all()
    letter = db.session.get(Letter, letter.id)
    assert (letter.status, letter.number_text) == (LetterStatus.BERLAKU, printed)
    assert db.session.execute(db.select(LetterNumber.number_text)).scalar_one() == printed


def test_the_manual_review_refuses_a_registered_number_keeping_what_was_typed(app, login_as, pki):
    h.trust_office(pki)
    h.srikandi_mode()
    letter = h.prepared_letter()
    printed = "200.1.5.3/88/BAN.KBP/2026"
    h.under_review(letter, _srikandi_signed(letter, pki, printed))
    numbering.register_external("skt", printed, local_date=numbering.office_today(), actor=None)
    db.session.commit()
    client = login_as(factories.user(Role.SUPERADMIN))
    typed = "200.1.5.3 / 88 / ban.kbp / 2026"
    answer = _review(client, letter, typed)
    html = answer.get_data(as_text=True)
    assert answer.status_code == 200
    assert f"Nomor surat {printed} sudah terdaftar" in html
    assert f'value="{typed}"' in html
    assert "Nomor dibaca dari SRIKANDI.</textarea>" in html
    db.session.expire_all()
    assert db.session.get(Letter, letter.id).status == LetterStatus.PERLU_TINJAUAN
    assert len(db.session.execute(db.select(LetterNumber)).all()) == 1
