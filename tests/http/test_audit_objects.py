"""The audit log's Objek column in the super admin's words ("Permohonan #12", "Surat 200.1/7/2026",
"Pengguna budi"), linked to the object's page while it exists, the stored code beneath it (what
the Objek filter takes); the page reads the names with a fixed number of queries."""

from __future__ import annotations

import html
import re

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import audit
from tests.monitoring_helpers import count_queries
from tests.workflow_http import page_text

NUMBER = "200.1.5.3/7/BAN.KBP/2026"


def _objects(page: str) -> list[str]:
    """The Objek cells (the wide-screen column), markup kept."""
    return re.findall(r'<td class="[^"]*text-break" data-objek>(.*?)</td>', page, re.S)


def test_objects_read_as_words_and_link_to_their_pages(app, make, login_as):
    admin_user = make.user(Role.SUPERADMIN)
    staff = make.user(Role.VERIFIKATOR, username="budi.santoso")
    letter = make.issued_letter(number_text=NUMBER)
    party = make.party(board_name="DPD Partai <b>Contoh</b> Kota")
    application = make.application(documents=False)  # logs application.buat about itself
    audit.record("user.update", actor=admin_user, object_type="user", object_id=staff.id)
    audit.record("letter.issue", actor=admin_user, object_type="letter", object_id=letter.id)
    audit.record("application.ajukan", actor=admin_user, object_type="application", object_id=7)
    audit.record("party.profile_update", actor=admin_user, object_type="party", object_id=party.id)
    audit.record("faq.delete", actor=admin_user, object_type="faq", object_id=999999)
    audit.record("user.update", actor=admin_user, object_type="user", object_id="bukan-angka")
    audit.record("user.update", actor=admin_user, object_type="user", object_id="9" * 40)
    audit.record("contoh.baru", actor=admin_user, object_type="contoh", object_id="x1")
    db.session.commit()
    admin = login_as(admin_user)
    response = admin.get("/admin/log-audit")
    assert response.status_code == 200
    cells = " | ".join(_objects(page_text(response)))
    links = set(re.findall(r'<a href="([^"]+)">', cells))
    assert f"/petugas/permohonan/{application.id}" in links
    for link in links:  # every link opens for the super admin
        assert admin.get(link).status_code == 200, link
    assert f'<a href="/admin/pengguna/{staff.id}">Pengguna budi.santoso</a>' in cells
    assert f"<code>user:{staff.id}</code>" in cells  # the code the filter takes
    assert f"Surat {NUMBER}" in cells
    assert f"<code>letter:{letter.id}</code>" in cells
    assert "Permohonan #7" in cells
    assert 'href="/petugas/permohonan/7"' not in cells  # no such application: no link
    party_link = f'<a href="/laporan/rekap-partai/{party.id}">'
    assert party_link + "Pemohon DPD Partai &lt;b&gt;Contoh&lt;/b&gt; Kota</a>" in cells
    assert "FAQ #999999" in cells
    assert "/admin/faq/999999" not in cells
    assert "Pengguna bukan-angka" in cells
    assert "contoh:x1" in html.unescape(cells)
    assert "letter:" not in cells.split("<code>")[0]  # words first, the code beneath


def test_the_log_reads_object_names_with_a_fixed_number_of_queries(app, make, login_as):
    admin_user = make.user(Role.SUPERADMIN)
    admin = login_as(admin_user)

    def add(n: int) -> None:
        for _ in range(n):
            staff = make.user(Role.VERIFIKATOR)
            party = make.party()
            audit.record("user.update", actor=admin_user, object_type="user", object_id=staff.id)
            audit.record(
                "party.profile_update", actor=admin_user, object_type="party", object_id=party.id
            )
        db.session.commit()

    add(2)
    with count_queries() as few:
        assert admin.get("/admin/log-audit").status_code == 200
    add(20)
    with count_queries() as many:
        page = page_text(admin.get("/admin/log-audit"))
    assert page.count(">Pengguna ") >= 22
    assert many["n"] == few["n"]
