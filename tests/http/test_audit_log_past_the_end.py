"""The audit log on a page past its end says that page is empty and links the last one; it
said "Tidak ada catatan." under "Halaman 99 dari 1" although the log has entries."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import audit


def test_a_page_past_the_end_says_so_and_links_the_last_page(app, make, login_as):
    admin = make.user(Role.SUPERADMIN)
    audit.record("settings.update", actor=admin, details={"keys": ["agency.name"]})
    db.session.commit()
    client = login_as(admin)
    body = client.get("/admin/log-audit", query_string={"action": "settings", "halaman": 99})
    text = body.get_data(as_text=True)
    assert "Tidak ada catatan." not in text
    assert "Halaman 99 kosong; log ini berisi" in text
    assert "halaman=1" in text
    assert "action=settings" in text  # the link keeps the filter
    none = client.get("/admin/log-audit", query_string={"action": "tidak.ada"})
    assert "Tidak ada catatan." in none.get_data(as_text=True)
