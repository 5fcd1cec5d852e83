"""A walk-in complaint typed at the office laptop (the app opened as http://127.0.0.1:8080,
found by a QA pass): the ticket page told the complainant to keep "Tautan tiket:
http://127.0.0.1:8080/pengaduan/...", an address that opens nothing on their own phone, while
the reply e-mails and the letters' QR codes carry the office's public address. The link to
keep is now that public address (PUBLIC_BASE_URL); with none set, the address the page was
opened at, as before."""

from __future__ import annotations

import re

from tests.conftest import BASE_URL

FORM = {
    "name": "Warga Contoh",
    "contact": "0812000003",
    "category": "d0",
    "body": "Pengaduan yang diketik petugas di loket untuk warga.",
}
LAPTOP = "http://127.0.0.1:8080"


def shown_link(client, location: str) -> str:
    page = client.get(location, base_url=LAPTOP).get_data(as_text=True)
    return re.search(r'id="tautan-tiket">([^<]*)<', page).group(1)


def test_the_link_to_keep_is_the_public_address_not_the_laptops(client):
    location = client.post("/pengaduan", data=FORM, base_url=LAPTOP).headers["Location"]
    path = location.removeprefix(LAPTOP)
    assert path.startswith("/pengaduan/ADU-")
    assert shown_link(client, path) == f"{BASE_URL}{path}"


def test_without_a_public_address_the_page_shows_its_own(app, client):
    app.config["PUBLIC_BASE_URL"] = ""
    location = client.post("/pengaduan", data=FORM, base_url=LAPTOP).headers["Location"]
    path = location.removeprefix(LAPTOP)
    assert shown_link(client, path) == f"{LAPTOP}{path}"
