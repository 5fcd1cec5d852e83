"""The hosted move walked end to end (docs/OPERATIONS.md §4): a laptop office with demo data, an
issued and signed letter, a complaint, a survey answer and the admin's own settings moves with
``flask transfer --to URL`` and the uploads folder; the server then serves the same pages, the
letter and its verification page, and goes on numbering and inserting."""

from __future__ import annotations

import html
import re
import shutil
from datetime import datetime

import pytest

from sisakat.extensions import db
from sisakat.models import AuditEvent, User
from sisakat.services import audit, dataset, letter_settings
from tests import factories
from tests.letters import helpers as h
from tests.ops import move_journey as journey
from tests.ops.helpers import MARIADB_URL, PG_URL, empty_server_database, fresh_app, state

pytestmark = pytest.mark.server_db
# The office clock (numbering, due dates) is frozen: the register's year does not move mid-test.
CLOCK = {"CLOCK": lambda: datetime(2027, 6, 15, 3, 0)}
SERVERS = pytest.mark.parametrize("url", [PG_URL, MARIADB_URL], ids=["postgresql", "mariadb"])


def _text(response) -> str:
    """A page's visible text, without the per-request CSRF token and nonce."""
    assert response.status_code == 200, response.status_code
    page = response.get_data(as_text=True)
    return html.unescape(re.sub(r'name="csrf_token"[^>]*|nonce="[^"]*"', "", page))


def _pages(app, office: journey.Office) -> dict[str, str]:
    """Pages that read every kind of moved row, as their users see them."""
    admin = journey.login(app.test_client(), db.session.get(User, office.admin_id))
    owner = journey.login(app.test_client(), db.session.get(User, office.owner_id))
    urls = {
        admin: ["/admin/nomor-surat", f"/petugas/pengaduan/{office.complaint_id}", "/laporan/ikm"],
        owner: ["/pemohon/", "/akun/notifikasi"],
        app.test_client(): [f"/verifikasi/{office.token}"],
    }
    return {url: _text(client.get(url)) for client, urls in urls.items() for url in urls}


def _audit_trail() -> list[tuple]:
    rows = db.session.execute(db.select(AuditEvent).order_by(AuditEvent.id)).scalars()
    return [(r.id, r.action, r.created_at) for r in rows]


def _laptop(tmp_path, pki):
    source = fresh_app(tmp_path / "laptop", **CLOCK)
    with source.app_context():
        dataset.build_schema()
        runner = source.test_cli_runner()
        for command in ("init-data", "demo-data"):
            assert runner.invoke(args=[command]).exit_code == 0
        office = journey.laptop_office(source, pki)
    return source, office


def _moved(tmp_path, url, pki):
    """The laptop's pages, audit trail, tables and register, then the transfer to ``url`` and
    the uploads folder copied beside the server's instance."""
    empty_server_database(url)
    source, office = _laptop(tmp_path, pki)
    with source.app_context():
        seen = {"pages": _pages(source, office), "trail": _audit_trail(), "state": state()}
        result = source.test_cli_runner().invoke(args=["transfer", "--to", url])
        assert result.exit_code == 0, result.output
        seen["serials"] = journey.serials()
    shutil.copytree(tmp_path / "laptop/uploads", tmp_path / "server/uploads")  # the rsync step
    return office, seen


@SERVERS
def test_the_moved_office_serves_the_same_pages_letter_and_numbers(tmp_path, url, pki):
    office, seen = _moved(tmp_path, url, pki)
    server = fresh_app(tmp_path / "server", url=url, **CLOCK)
    with server.app_context():
        assert state() == seen["state"]
        with db.engine.connect() as conn:
            assert journey.next_ids_behind(conn) == {}
        assert _audit_trail() == seen["trail"]
        assert audit.verify_chain() == (True, None)
        assert _pages(server, office) == seen["pages"]  # same text, times in WITA, same order
        verify_page = seen["pages"][f"/verifikasi/{office.token}"]
        assert journey.PARTY_NAME in verify_page
        assert office.number_text in verify_page
        owner = journey.login(server.test_client(), db.session.get(User, office.owner_id))
        download = owner.get(f"/pemohon/skt/{office.letter_id}/unduh")
        assert download.get_data() == office.signed
        download.close()
        serials = seen["serials"]
        letter = h.prepared_letter()  # users, parties, files, letters, numbers, history, audit
        assert journey.serials() == [*serials, serials[-1] + 1]  # no duplicate, no gap
        assert letter.number_text == f"200.1.5.3/{serials[-1] + 1:03d}/KBP.RE/2027"
        assert letter_settings.emblem_png() is not None
        factories.complaint(body=journey.COMPLAINT)
        db.session.remove()
        db.engine.dispose()
