"""The requirement list on the public service page equals the list the application form enforces:
same active rows, same order, same required/optional marks (issue 6)."""

import re

from sisakat.extensions import db
from sisakat.models import ApplicationRequirement, Requirement
from sisakat.services import requirements


def _public_items(client) -> list[str]:
    page = client.get("/layanan/skt_parpol").get_data(as_text=True)
    section = page.split('id="persyaratan"', 1)[1].split("</ol>", 1)[0]
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", li)).strip()
            for li in re.findall(r"<li[^>]*>(.*?)</li>", section, flags=re.S)]  # fmt: skip


def test_public_list_equals_what_the_application_asks_for(app, make, login_as):
    requirements.ensure_defaults()
    hidden = Requirement(name="Syarat lama yang dinonaktifkan", required=True, active=False)
    db.session.add(hidden)
    db.session.commit()
    party = make.party()
    client = login_as(party.account)
    assert client.post("/pemohon/permohonan/baru").status_code == 302
    asked = (
        db.session.execute(
            db.select(ApplicationRequirement).order_by(ApplicationRequirement.sort_order)
        )
        .scalars()
        .all()
    )
    shown = _public_items(app.test_client())
    assert len(shown) == len(asked) > 0
    for text, item in zip(shown, asked, strict=True):
        assert item.name in text
        assert ("Wajib" if item.required else "Opsional") in text
    assert not any(hidden.name in text for text in shown)
