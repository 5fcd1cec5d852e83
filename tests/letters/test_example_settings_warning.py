"""The admin home listed the fictional signatory and the example letterhead as "Wajib sebelum
surat pertama", but the verifier approving and the head signing were not told: a letter could be
issued printing the example official. Now the approve step and the signing desk warn, naming what
is still the example (a Super Admin gets the link to fix it), and refuse nothing: a demo office
uses the examples on purpose."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Role
from sisakat.services import readiness, settings
from tests import factories
from tests.letters import helpers as h
from tests.monitoring_helpers import count_queries
from tests.workflow_http import act, page_text

FICTIONAL = settings.DEFAULTS["signatory.name"]
EXAMPLE_AGENCY = f"contoh bawaan ({settings.DEFAULTS['agency.short_name']}"


def _warning(html: str) -> str:
    """The example warning's text, or "" when the page has none."""
    start = html.find('id="data-contoh"')
    return " ".join(html[start : html.find("</div>", start)].split()) if start >= 0 else ""


def _real_office() -> None:
    settings.update(
        {
            "signatory.name": "Drs. Fiktif Pejabat Nyata, M.Si.",
            "signatory.nip": "198001012005011002",
            "agency.phone": "(0711) 123456",
        },
        actor=None,
    )
    db.session.commit()


def test_the_verifier_is_warned_before_approving_and_may_still_approve(app, login_as):
    application, verifier = h.approvable()
    client = login_as(verifier)
    warning = _warning(page_text(client.get(f"/petugas/permohonan/{application.id}")))
    assert f"penandatangan masih contoh ({FICTIONAL}" in warning
    assert EXAMPLE_AGENCY in warning
    assert "hubungi Super Admin" in warning
    assert "/admin/pengaturan" not in warning  # the verifier cannot open the settings
    act(client, f"/petugas/permohonan/{application.id}/setujui", application)
    db.session.refresh(application)
    assert application.status == ApplicationStatus.MENUNGGU_TTE


def test_the_signing_desk_warns_and_links_a_super_admin_to_the_fix(app, login_as):
    h.prepared_letter()
    head = _warning(page_text(login_as(factories.user(Role.PENANDATANGAN)).get("/tte/")))
    assert f"penandatangan masih contoh ({FICTIONAL}" in head
    assert "hubungi Super Admin" in head
    admin = _warning(page_text(login_as(factories.user(Role.SUPERADMIN)).get("/tte/")))
    assert 'href="/admin/pengaturan/penandatangan"' in admin
    assert 'href="/admin/pengaturan/instansi"' in admin
    assert "hubungi Super Admin" not in admin


def test_only_what_is_still_the_example_is_named(app, login_as):
    settings.update({"signatory.name": "Drs. Fiktif Pejabat Nyata, M.Si."}, actor=None)
    db.session.commit()
    h.prepared_letter()
    warning = _warning(page_text(login_as(factories.user(Role.PENANDATANGAN)).get("/tte/")))
    assert "NIP penandatangan masih contoh" in warning
    assert FICTIONAL not in warning
    _real_office()
    application, verifier = h.approvable()
    client = login_as(verifier)
    assert _warning(page_text(client.get(f"/petugas/permohonan/{application.id}"))) == ""
    assert _warning(page_text(login_as(factories.user(Role.PENANDATANGAN)).get("/tte/"))) == ""


def test_the_check_reads_the_request_settings_cache(app):
    with app.test_request_context("/tte/"):
        settings.get("agency.name")  # the layout has read a setting already
        with count_queries() as counter:
            found = readiness.letter_examples()
    assert counter["n"] == 0
    assert [endpoint for _text, endpoint in found] == [
        "admin.settings_agency",
        "admin.settings_signatory",
    ]
