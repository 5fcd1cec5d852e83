"""An office numbering in SRIKANDI switches to SISAKAT numbering mid-year: SRIKANDI's numbers
in the same format (200.1.5.3/1/BAN.KBP/2026) are in the register but not in the counter, so
the first approval took serial 1 again and was refused with "Batalkan dan coba lagi", which
fails every time. The approval now says which number is taken and what the super admin does
(raise the next serial past it); the application keeps waiting, nothing is numbered."""

import pytest

from sisakat.exceptions import NumberConflict
from sisakat.extensions import db
from sisakat.models import Letter, LetterNumber, Role
from sisakat.services import numbering, settings, verification
from tests import factories
from tests.letters import helpers as h

TAKEN = "200.1.5.3/1/BAN.KBP/{year}"


def test_approval_after_the_switch_names_the_taken_number_and_the_way_out(app, login_as):
    year = numbering.office_today().year
    numbering.register_external(
        "skt", TAKEN.format(year=year), local_date=numbering.office_today(), actor=None
    )
    settings.update({"numbering.mode": "sisakat"}, actor=None)
    db.session.commit()
    application, verifier = h.approvable()
    client = login_as(verifier)
    answer = client.post(
        f"/petugas/permohonan/{application.id}/setujui",
        data={"version": str(application.version)},
        follow_redirects=True,
    )
    text = answer.get_data(as_text=True)
    assert f"Nomor surat {TAKEN.format(year=year)} sudah terdaftar" in text
    assert "nomor urut berikutnya" in text
    assert "coba lagi" not in text
    db.session.expire_all()
    assert db.session.execute(db.select(Letter)).first() is None
    assert len(db.session.execute(db.select(LetterNumber)).all()) == 1
    # The way out works: the next serial raised past SRIKANDI's number, the approval numbers.
    numbering.set_next_serial("skt", year, 2, actor=None)
    db.session.commit()
    verification.approve(application, actor=verifier, seen_version=application.version)
    db.session.commit()
    letter = db.session.execute(db.select(Letter)).scalar_one()
    assert letter.number_text == f"200.1.5.3/2/BAN.KBP/{year}"


def test_the_allocation_itself_names_the_way_out(app):
    day = numbering.office_today()
    numbering.register_external("skt", TAKEN.format(year=day.year), local_date=day, actor=None)
    with pytest.raises(NumberConflict, match="Pengaturan Penomoran Surat"):
        numbering.allocate("skt", local_date=day, actor=factories.user(Role.VERIFIKATOR))
