"""The paging and export links of the staff lists carry the list's own filters and nothing else
from the query string: a forged ``endpoint`` or ``_method`` reached ``url_for`` as its own
argument and answered 500, and ``_external`` made every link absolute."""

from __future__ import annotations

import re

import pytest

from sisakat.extensions import db
from sisakat.models import ApplicationStatus as Status
from sisakat.models import Role
from sisakat.services import audit

# url_for's own argument names, and one name no list reads.
FORGED = {"endpoint": "x", "_method": "POST", "_external": "1", "_anchor": "a", "lain": "x"}
LISTS = (
    ("/admin/log-audit", Role.SUPERADMIN, {"actor": "budi"}),
    ("/petugas/surat", Role.VERIFIKATOR, {"partai": "garuda"}),
    ("/petugas/", Role.VERIFIKATOR, {"q": "garuda"}),
    ("/laporan/register-ormas", Role.SUPERADMIN, {"q": "garuda"}),
)
LINK = re.compile(r'href="(/[^"]*halaman=\d+[^"]*)"')


def _something_to_list(make) -> None:
    """A row on each list (an audit event, a letter, an application, an ormas), so a page
    past the end links back to the last one."""
    party = make.party(board_name="DPW Partai Garuda")
    make.issued_letter(party)
    make.application(make.party(board_name="DPC Partai Garuda"), status=Status.DIAJUKAN)
    make.ormas(party_name="Garuda Lestari")
    audit.record("test.event", actor=None, object_type="test")
    db.session.commit()


@pytest.mark.parametrize(("path", "role", "filters"), LISTS)
def test_forged_query_parameters_stay_out_of_the_links(app, make, login_as, path, role, filters):
    _something_to_list(make)
    staff = login_as(make.user(role, username="budi"))
    answer = staff.get(path, query_string={**filters, **FORGED, "halaman": "99"})
    assert answer.status_code == 200, path
    html = answer.get_data(as_text=True)
    links = LINK.findall(html)
    assert links, f"{path}: no link to another page of the list"
    for link in links:
        name, value = next(iter(filters.items()))
        assert f"{name}={value}" in link, link  # the filter typed is kept
        for forged in FORGED:
            assert f"{forged}=" not in link, link
    assert 'href="http://' not in html
