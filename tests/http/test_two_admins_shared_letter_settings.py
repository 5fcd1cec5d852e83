"""Two super admins on the letter and numbering pages: the page size, BSrE footer and numbering
mode are shared by every service, so a page of one service saved after another admin changed
them (on any service's page) used to put them back unseen. The pages carry a digest of the
shared settings they showed; the late save is refused naming who and when, keeps what was
typed, and saving again overwrites knowingly."""

from __future__ import annotations

import re

import pytest

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import catalog, settings
from tests.http.test_two_admins_at_once import CHANGED, KEPT, _seen, danger_alerts

LETTER = "/admin/pengaturan-surat?layanan="
NUMBERING = "/admin/penomoran?layanan="


@pytest.fixture
def admins(app, make, login_as):
    """(Ani's client, Budi's client): two super admins logged in at once."""
    ani = make.user(Role.SUPERADMIN, full_name="Ani Admin")
    return login_as(ani), login_as(make.user(Role.SUPERADMIN, full_name="Budi Admin"))


def _version(page: str) -> str:
    return re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)


def _letter_form(code: str, page: str, **changes) -> dict:
    service = catalog.get(code)
    return {
        "title": service.letter_title,
        "opening": service.letter_opening,
        "statement": service.letter_statement,
        "closing": service.letter_closing,
        "tembusan": "\n".join(service.letter_tembusan or []),
        "footer_bsre": settings.get("letter.footer_bsre"),
        "page_size": settings.get("letter.page_size"),
        "version": _version(page),
        "seen": _seen(page),
        **changes,
    }


def test_letter_page_of_another_service_cannot_put_back_the_page_size(app, admins):
    ani, budi = admins
    budi_page = budi.get(LETTER + "lapor_ormas").get_data(as_text=True)
    budi_typed = _letter_form("lapor_ormas", budi_page, opening="Pembuka ormas baru:")
    ani_page = ani.get(LETTER + "skt_parpol").get_data(as_text=True)
    f4 = _letter_form("skt_parpol", ani_page, page_size="F4")
    assert ani.post(LETTER + "skt_parpol", data=f4).status_code == 302
    late = budi.post(LETTER + "lapor_ormas", data=budi_typed)
    assert late.status_code == 200
    html = late.get_data(as_text=True)
    (alert,) = danger_alerts(html)
    assert CHANGED in alert
    assert KEPT in alert
    assert "Pembuka ormas baru:</textarea>" in html  # what Budi typed is kept
    settings.clear_cache()
    db.session.expire_all()
    assert settings.get("letter.page_size") == "F4"  # Ani's choice stands
    assert catalog.get("lapor_ormas").letter_opening != "Pembuka ormas baru:"
    again = budi.post(LETTER + "lapor_ormas", data={**budi_typed, "seen": _seen(html)})
    assert again.status_code == 302  # saving again is a deliberate overwrite
    db.session.expire_all()
    assert catalog.get("lapor_ormas").letter_opening == "Pembuka ormas baru:"


def test_numbering_page_cannot_put_back_the_numbering_mode(app, admins):
    ani, budi = admins
    budi_page = budi.get(NUMBERING + "skt_parpol").get_data(as_text=True)
    ani_page = ani.get(NUMBERING + "skt_parpol").get_data(as_text=True)

    def form(page: str, **changes) -> dict:
        fields = dict(re.findall(r'name="(template|kode|unit|padding)"[^>]*value="([^"]*)"', page))
        return {
            **fields,
            "mode": "sisakat",
            "version": _version(page),
            "seen": _seen(page),
        } | changes

    assert (
        ani.post(NUMBERING + "skt_parpol", data=form(ani_page, mode="srikandi")).status_code == 302
    )
    late = budi.post(NUMBERING + "skt_parpol", data=form(budi_page, unit="BARU.UNIT"))
    assert late.status_code == 200
    html = late.get_data(as_text=True)
    (alert,) = danger_alerts(html)
    assert CHANGED in alert
    assert 'value="BARU.UNIT"' in html
    settings.clear_cache()
    assert settings.get("numbering.mode") == "srikandi"


def test_a_service_changed_meanwhile_names_who_and_a_second_save_overwrites(app, admins):
    """Before: 'Layanan sudah diubah oleh pengguna lain' and every later save from that page was
    refused again (the old version stayed in the form): the typed wording could only be copied
    by hand into a reloaded page. Now the message names who and when, like the other admin
    pages, and saving again from the refused page overwrites knowingly."""
    ani, budi = admins
    budi_page = budi.get(LETTER + "skt_parpol").get_data(as_text=True)
    budi_typed = _letter_form("skt_parpol", budi_page, opening="Pembuka versi Budi:")
    ani_page = ani.get(LETTER + "skt_parpol").get_data(as_text=True)
    ani_form = _letter_form("skt_parpol", ani_page, opening="Pembuka versi Ani:")
    assert ani.post(LETTER + "skt_parpol", data=ani_form).status_code == 302
    late = budi.post(LETTER + "skt_parpol", data=budi_typed)
    html = late.get_data(as_text=True)
    assert late.status_code == 200
    (alert,) = danger_alerts(html)
    assert alert.startswith("Layanan ini sudah diubah oleh Ani Admin pada ")
    assert KEPT in alert
    assert "Pembuka versi Budi:</textarea>" in html
    db.session.expire_all()
    assert catalog.get("skt_parpol").letter_opening == "Pembuka versi Ani:"
    resend = {**budi_typed, "version": _version(html), "seen": _seen(html)}
    assert budi.post(LETTER + "skt_parpol", data=resend).status_code == 302
    db.session.expire_all()
    assert catalog.get("skt_parpol").letter_opening == "Pembuka versi Budi:"
