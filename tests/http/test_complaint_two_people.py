"""Two people sending the same words are two complaints; one person's second send is one."""

from __future__ import annotations

import re

from sisakat.extensions import db
from sisakat.models import Complaint

FORM = {"name": "", "contact": "", "category": "d0", "body": "Website kantor tidak bisa dibuka."}


def _form_key(client) -> str:
    """The one-time key of a freshly opened complaint form, as the browser sends it back."""
    page = client.get("/pengaduan").get_data(as_text=True)
    return re.search(r'name="form_key"[^>]*value="([^"]+)"', page).group(1)


def test_the_same_words_from_two_browsers_are_two_complaints(app, client):
    """Two citizens filing the same short anonymous complaint minutes apart were taken for one
    double tap: the second was told "Pengaduan diterima" with the first one's private link
    (seeing its replies), and the office counted one complaint."""
    first = client.post("/pengaduan", data={**FORM, "form_key": _form_key(client)})
    other = app.test_client().post("/pengaduan", data={**FORM, "form_key": _form_key(client)})
    assert first.status_code == other.status_code == 302
    assert first.headers["Location"] != other.headers["Location"]
    assert db.session.execute(db.select(db.func.count(Complaint.id))).scalar_one() == 2
    # A page sent without a key (an old page, a script) is a complaint of its own too.
    bare = client.post("/pengaduan", data=FORM)
    assert bare.headers["Location"] not in {first.headers["Location"], other.headers["Location"]}


def test_the_same_form_sent_twice_still_files_once(client):
    """The double tap and the resent form keep their first ticket."""
    form = {**FORM, "form_key": _form_key(client)}
    first, again = client.post("/pengaduan", data=form), client.post("/pengaduan", data=form)
    assert again.headers["Location"] == first.headers["Location"]
    assert db.session.execute(db.select(db.func.count(Complaint.id))).scalar_one() == 1
