"""The audit log on a page past its end says that page is empty and links the last one; it
said "Tidak ada catatan." under "Halaman 99 dari 1" although the log has entries."""

from __future__ import annotations

import re

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import audit, audit_labels


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


def test_a_bad_date_keeps_the_other_filters_applied(app, make, login_as):
    """One unusable field used to drop every filter: the whole log was listed under the
    error. Now the bad date is left out (its error beside it) and the action filter stays."""
    admin = make.user(Role.SUPERADMIN)
    audit.record("settings.update", actor=admin, details={"keys": ["agency.name"]})
    audit.record("user.create", actor=admin, object_type="user", object_id=admin.id)
    db.session.commit()
    client = login_as(admin)
    for dates in (
        {"date_from": "2026-13-45"},
        {"date_from": "2026-12-07", "date_to": "2026-12-01"},
    ):
        page = client.get("/admin/log-audit", query_string={"action": "user.create", **dates})
        text = page.get_data(as_text=True)
        assert page.status_code == 200
        assert "is-invalid" in text  # the date's error is shown beside it
        assert audit_labels.action_label("user.create") in text
        # the action filter still applies: before, the whole log was listed
        assert audit_labels.action_label("settings.update") not in text


def test_the_action_filter_finds_the_words_the_log_shows_and_the_actor_in_any_case(
    app, make, login_as
):
    """The log shows each action in words ("Surat dicabut") above its code, but the Aksi box
    matched codes only: an auditor typing "dicabut" or "Masuk" read "Tidak ada catatan." as
    if no letter had ever been revoked, and "Admin" in Pelaku found nothing for "admin". The
    box now matches the words too (any case), the codes as before, and the actor in any case."""
    admin = make.user(Role.SUPERADMIN, username="admin")
    audit.record("letter.revoke", actor=admin, object_type="letter", object_id=7)
    audit.record("settings.update", actor=admin, details={"keys": ["agency.name"]})
    db.session.commit()
    client = login_as(admin)

    def actions(**query) -> str:
        text = client.get("/admin/log-audit", query_string=query).get_data(as_text=True)
        return " ".join(sorted(set(re.findall(r"<code[^>]*>([a-z_]+\.[a-z_]+)</code>", text))))

    assert actions(action="dicabut") == "letter.revoke"
    assert actions(action="Surat Dicabut") == "letter.revoke"
    assert actions(action="letter.rev") == "letter.revoke"  # a code's start, as before
    assert actions(action="pengaturan") == "settings.update"
    assert "letter.revoke" in actions(actor="ADMIN")
    assert actions(action="tidak ada kata ini") == ""
