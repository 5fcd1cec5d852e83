"""The applicant's dashboard finds the issued letters of all its applications in one query:
the statement count does not grow with the number of applications, and each issued
application gets its own download button."""

from __future__ import annotations

import re

from tests.monitoring_helpers import count_queries


def _dashboard(client) -> tuple[int, str]:
    with count_queries() as counter:
        response = client.get("/pemohon/")
    assert response.status_code == 200
    return counter["n"], response.get_data(as_text=True)


def _download_links(html: str) -> set[str]:
    return set(re.findall(r'href="(/pemohon/skt/\d+/unduh)"', html))


def test_dashboard_statements_do_not_grow_with_issued_applications(app, make, login_as):
    party = make.party()
    letters = [make.issued_letter(party)]
    client = login_as(party.account)
    _dashboard(client)  # warm-up: first-request work is not the page's
    one, html = _dashboard(client)
    assert _download_links(html) == {f"/pemohon/skt/{letters[0].id}/unduh"}
    letters += [make.issued_letter(party) for _ in range(4)]
    five, html = _dashboard(client)
    assert five == one
    assert _download_links(html) == {f"/pemohon/skt/{x.id}/unduh" for x in letters}
