"""The applicant's dashboard finds the issued letters of all its applications in one query:
the statement count does not grow with the number of applications, and each issued
application gets its own download button. A board without an SKT is loaded once per page.
With no application yet, the hint says what to do next."""

from __future__ import annotations

import re

from sisakat.extensions import db
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


def test_dashboard_of_a_board_without_skt_loads_the_board_once(app, make, login_as):
    """Its applications are listed without joining the party again (which reloaded its
    officers), and the renewal check stops at "no SKT yet" before reading the register."""
    party = make.party()
    make.application(party)
    client = login_as(party.account)
    _dashboard(client)  # warm-up
    with count_queries() as counter:
        assert client.get("/pemohon/").status_code == 200
    board_reads = [sql for sql in counter["sql"] if "FROM party_officers" in sql]
    party_reads = [sql for sql in counter["sql"] if "FROM parties" in sql]
    assert (len(board_reads), len(party_reads)) == (1, 1)


def test_dashboard_hint_follows_the_profile(app, make, login_as):
    """With no application yet, a complete profile is told to pick a service; an incomplete
    one to finish the profile first (the card above lists what is missing)."""
    ready = make.party()
    ready.logo_file_id = make.logo(ready.account).id
    db.session.commit()
    _, html = _dashboard(login_as(ready.account))
    assert "Profil sudah lengkap: pilih layanan di atas, lalu tekan Ajukan." in html
    assert "Lengkapi profil, lalu ajukan" not in html
    unfinished = make.party(complete=False)
    _, html = _dashboard(login_as(unfinished.account))
    assert "Lengkapi profil, lalu ajukan layanan di atas." in html
    assert "Profil belum lengkap" in html


def test_dashboard_says_what_to_do_next_with_the_open_application(app, make, login_as):
    """The dashboard showed only a badge: a party whose application came back read "Perlu
    Perbaikan" and had to open it to learn that the next move was its own."""
    from sisakat.models import ApplicationStatus, Verdict

    returned = make.application(
        status=ApplicationStatus.PERLU_PERBAIKAN, verdict=Verdict.TIDAK_SESUAI
    )
    _, html = _dashboard(login_as(returned.party.account))
    assert 'id="langkah-berikut"' in html
    assert "Giliran Anda: unggah ulang dokumen yang Tidak Sesuai" in html
    draft = make.application(status=ApplicationStatus.DRAF)
    _, html = _dashboard(login_as(draft.party.account))
    assert "Giliran Anda: unggah dokumen persyaratan, lalu tekan Ajukan" in html
    waiting = make.application(status=ApplicationStatus.DIAJUKAN)
    _, html = _dashboard(login_as(waiting.party.account))
    assert "Menunggu diperiksa petugas (janji layanan" in html
