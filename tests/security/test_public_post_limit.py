"""Public complaint and survey limits count every accepted form post from an address, also
those refused afterwards: a complaint whose attachment is refused rolls its request back, and
used to take its rate-limit count with it, so a script could post 10 MB attachments to be
spooled and parsed without end."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import Complaint, StoredFile
from tests import hostile_pdfs
from tests.http.test_complaint_rules import FORM
from tests.public_helpers import upload


def _count(model) -> int:
    return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()


def test_refused_attachments_count_against_the_complaint_limit(client):
    for _ in range(5):
        refused = client.post(
            "/pengaduan",
            data={**FORM, "attachment": upload(hostile_pdfs.javascript_open_action())},
        )
        assert refused.status_code == 200
        assert "PDF ditolak karena memuat JavaScript." in refused.get_data(as_text=True)
    limited = client.post(
        "/pengaduan", data={**FORM, "attachment": upload(hostile_pdfs.javascript_open_action())}
    )
    assert limited.status_code == 429
    assert "Terlalu banyak kiriman dari alamat ini" in limited.get_data(as_text=True)
    assert _count(Complaint) == 0
    assert _count(StoredFile) == 0
