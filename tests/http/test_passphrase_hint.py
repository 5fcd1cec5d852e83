"""The signing desk offers "Kosongkan untuk memakai passphrase yang disetel di server" only
when the server sets one (``SISAKAT_P12_PASSPHRASE``): without it, an empty box signed
nothing and the hint sent the signer the wrong way."""

from __future__ import annotations

from sisakat.models import Role
from sisakat.services import settings
from tests.letters import helpers as h

HINT = "Kosongkan untuk memakai passphrase yang disetel di server."


def test_the_empty_box_hint_follows_the_server_passphrase(app, make, login_as, monkeypatch):
    settings.update({"signing.backend": "pades"}, actor=None)
    h.prepared_letter()
    client = login_as(make.user(Role.PENANDATANGAN))
    monkeypatch.delenv("SISAKAT_P12_PASSPHRASE", raising=False)
    without = client.get("/tte/").get_data(as_text=True)
    assert "Diketik setiap kali menandatangani; tidak pernah disimpan." in without
    assert HINT not in without
    monkeypatch.setenv("SISAKAT_P12_PASSPHRASE", "frasa-di-server")
    assert HINT in client.get("/tte/").get_data(as_text=True)
