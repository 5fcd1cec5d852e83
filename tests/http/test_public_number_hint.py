"""The letter check's number hint on the home page is written in this office's own format."""

import re

from sisakat.extensions import db
from sisakat.services import catalog, settings


def _hint(client) -> str | None:
    html = client.get("/").get_data(as_text=True)
    field = re.search(r'<input[^>]*name="q"[^>]*>', html)[0]
    found = re.search(r'placeholder="([^"]*)"', field)
    return found[1] if found else None


def test_number_hint_follows_the_offices_format_not_the_seed_offices(client):
    # Before: every office's home page suggested "mis. 200.1.5.3/1436/BAN.KBP/2025", the seed
    # province's unit code, also at a regency office numbering 200.1.5.3/1/KESBANGPOL/2026.
    for service in catalog.all_services():
        service.number_unit = "KESBANGPOL"
    db.session.commit()
    hint = _hint(client)
    assert "BAN.KBP" not in hint
    assert re.fullmatch(r"mis\. 200\.1\.5\.3/1/KESBANGPOL/20\d\d", hint)


def test_no_number_hint_when_srikandi_numbers(client):
    # SRIKANDI's numbers follow SRIKANDI's format, which SISAKAT does not know.
    settings.update({"numbering.mode": "srikandi"}, actor=None)
    db.session.commit()
    assert _hint(client) is None
