"""Public complaint and survey limits count every accepted form post from an address, also
those refused afterwards: a complaint whose attachment is refused rolls its request back, and
used to take its rate-limit count with it, so a script could post 10 MB attachments to be
spooled and parsed without end."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import Complaint, StoredFile
from sisakat.services import settings
from tests import hostile_pdfs
from tests.conftest import SERVER_URL, _empty_server_tables, make_app
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


def test_a_forged_forwarded_for_never_makes_a_sender_exempt(tmp_path, template_db):
    """Behind one trusted proxy the exempt list is matched against the address the proxy saw
    (the last X-Forwarded-For entry): a visitor writing an exempt office address first in the
    header is still counted and limited."""
    app = make_app(tmp_path, template_db, TRUSTED_PROXY_COUNT=1)
    with app.app_context():
        settings.update({"public.post_exempt": ["10.0.0.0/8"]}, actor=None)
        db.session.commit()
        client = app.test_client()
        proxy = {"REMOTE_ADDR": "127.0.0.1"}
        forged = {"X-Forwarded-For": "10.0.0.5, 203.0.113.9"}
        office = {"X-Forwarded-For": "10.0.0.5"}
        sent = [
            client.post("/pengaduan", data=FORM, headers=forged, environ_base=proxy).status_code
            for _ in range(6)
        ]
        assert sent == [302] * 5 + [429]
        assert _count(Complaint) == 5
        answer = client.post("/pengaduan", data=FORM, headers=office, environ_base=proxy)
        assert answer.status_code == 302  # the office address the proxy saw: exempt
        db.session.remove()
        db.engine.dispose()
    if SERVER_URL:  # a server test database is shared: leave it empty for the next test
        _empty_server_tables(app)
