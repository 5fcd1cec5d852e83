"""The complaint form names no category beforehand: the complainant chooses one."""

from __future__ import annotations

import re

from sisakat.extensions import db
from sisakat.models import Complaint, ComplaintCategory

BODY = "Website kantor tidak bisa dibuka sejak pagi."


def test_no_category_is_chosen_beforehand_and_a_form_without_one_is_refused(client):
    """The first category ("Pelayanan permohonan") stood chosen: a complaint about a broken
    website sent as it stood was filed there, with that category's time limit, and skewed the
    office's complaint statistics per category."""
    page = client.get("/pengaduan").get_data(as_text=True)
    first_option = re.search(
        r'<select[^>]*name="category"[^>]*>\s*<option[^>]*value="([^"]*)"', page
    )
    assert first_option.group(1) == ""
    assert "Pilih kategori" in page
    refused = client.post("/pengaduan", data={"name": "", "contact": "", "body": BODY})
    html = refused.get_data(as_text=True)
    assert refused.status_code == 200
    assert "Pilih kategori." in html
    assert BODY in html  # what was typed stays
    assert db.session.execute(db.select(db.func.count(Complaint.id))).scalar_one() == 0


def test_a_single_category_stays_chosen(client):
    """With one category there is nothing to choose: it is chosen."""
    db.session.add(ComplaintCategory(name="Umum", limit_days=14))
    db.session.commit()
    page = client.get("/pengaduan").get_data(as_text=True)
    options = re.findall(r'<option[^>]*value="([^"]*)"', page)
    assert options == [str(db.session.execute(db.select(ComplaintCategory.id)).scalar_one())]
