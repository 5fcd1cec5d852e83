"""The board-title rule (services/board_positions.py): Python and SQL say the same for every
spelling, on whichever database the suite runs."""

import pytest

from sisakat.extensions import db
from sisakat.models import PartyOfficer
from sisakat.services import board_positions

TITLES = {
    "Ketua": "Ketua",
    "ketua umum": "Ketua",
    "  KETUA    UMUM  ": "Ketua",
    "Sekretaris Jenderal": "Sekretaris",
    "sekretaris  umum": "Sekretaris",
    "Bendahara Umum": "Bendahara",
    "Wakil Ketua": None,
    "Ketua Bidang Organisasi": None,
    "Ketua Harian": None,
    "Ketua Umum Harian": None,
    "Bendahara Jenderal": None,
    "Kétua": None,
    "Ketua\u00a0Umum": None,  # a no-break space is no space to squash, on either side
    "Ketua" + " " * 115: "Ketua",  # the column's 120 characters
    "Ketua" + " " * 110 + "Umum": "Ketua",
}


@pytest.mark.parametrize("position", board_positions.REQUIRED_POSITIONS)
def test_python_and_sql_agree_on_every_title(app, make, position):
    ormas = make.ormas()
    ormas.officers.extend(
        PartyOfficer(position=title, name="Contoh", sort_order=10 + i)
        for i, title in enumerate(TITLES)
    )
    db.session.commit()
    by_sql = set(
        db.session.execute(
            db.select(PartyOfficer.position).where(
                PartyOfficer.party_id == ormas.id,
                board_positions.fills_sql(PartyOfficer.position, position),
            )
        ).scalars()
    )
    python_says = {t for t in [*TITLES, position] if board_positions.fills(t, position)}
    expected = {t for t, filled in TITLES.items() if filled == position} | {position}
    assert by_sql == python_says == expected
