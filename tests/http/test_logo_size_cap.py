"""A logo's size cap is one rule: 10 MB, or the office's upload cap (MAX_UPLOAD_MB) when lower.
The form's hint, the page script's check (the field's data-max-bytes and data-too-big) and the
server's refusal all name it. Before, the hint always said 10 MB; with MAX_UPLOAD_MB at 5 a
5.5 MB logo was kept, and with MAX_UPLOAD_MB at 20 the script let a 12 MB logo go up only for
the server to refuse it."""

from __future__ import annotations

import io
import re

from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from sisakat.extensions import db
from tests.images_util import phone_photo
from tests.profile_data import profile_form

URL = "/pemohon/profil"
MB = 1024 * 1024


def _cap(app, mb: int) -> None:
    """The office's upload cap, with the request cap ``config`` derives from it."""
    app.config.update(MAX_UPLOAD_MB=mb, MAX_CONTENT_LENGTH=(mb + 1) * MB)


def _photo(mb: float) -> bytes:
    """A real camera JPEG (noise compresses badly) of about ``mb`` MB."""
    data = phone_photo((int(3730 * (mb / 7) ** 0.5), int(2800 * (mb / 7) ** 0.5)), noise=True)
    assert abs(len(data) / MB - mb) < 0.4
    return data


def _post(client, party, logo: bytes):
    """The whole profile form with ``logo`` (encoded in memory: the test client would spill a
    big body to a temp file it never closes)."""
    form = {**profile_form(party.version), "new_logo": FileStorage(io.BytesIO(logo), "logo.jpg")}
    boundary, body = encode_multipart(form)
    return client.post(URL, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def _logo_field(page: str) -> tuple[str, str, str]:
    """(data-max-bytes, data-too-big, hint) of the logo field."""
    tag = re.search(r'<input[^>]*id="new_logo"[^>]*>', page)[0]
    hint = re.search(r'<div id="new_logo-help" class="form-text">(.*?)</div>', page, re.S)[1]
    return (
        re.search(r'data-max-bytes="(\d+)"', tag)[1],
        re.search(r'data-too-big="([^"]*)"', tag)[1],
        hint,
    )


def test_a_lower_office_cap_is_the_logo_cap_everywhere(app, make, login_as):
    _cap(app, 5)
    party = make.party()
    client = login_as(party.account)
    logo_before = party.logo_file_id
    limit, too_big, hint = _logo_field(client.get(URL).get_data(as_text=True))
    message = "Berkas gambar terlalu besar. Ukuran maksimal 5 MB."
    assert (limit, too_big) == (str(5 * MB), message)
    assert "paling besar 5 MB" in hint  # before: "paling besar 10 MB"
    refused = _post(client, party, _photo(5.5))  # under the request cap, over the logo cap
    page = refused.get_data(as_text=True)
    assert refused.status_code == 200  # before: 302, the 5.5 MB logo kept
    assert f"Profil belum tersimpan. {message}" in page
    assert 'value="Partai Contoh Sejahtera"' in page  # what was typed stays
    db.session.refresh(party)
    assert party.logo_file_id == logo_before
    over = _post(client, party, _photo(7))  # over the request cap: the server's 413 page
    assert over.status_code == 413
    assert "Ukuran maksimal 5 MB." in over.get_data(as_text=True)


def test_a_higher_office_cap_leaves_the_logo_cap_at_10_mb(app, make, login_as, client):
    _cap(app, 20)
    complaint_page = client.get("/pengaduan").get_data(as_text=True)
    assert f'data-max-bytes="{20 * MB}"' in complaint_page  # other files keep the office's cap
    party = make.party()
    account_client = login_as(party.account)
    limit, too_big, hint = _logo_field(account_client.get(URL).get_data(as_text=True))
    message = "Berkas gambar terlalu besar. Ukuran maksimal 10 MB."
    assert (limit, too_big) == (str(10 * MB), message)  # before: 20 MB, the script let it go
    assert "paling besar 10 MB" in hint
    refused = _post(account_client, party, _photo(12))
    assert refused.status_code == 200
    assert f"Profil belum tersimpan. {message}" in refused.get_data(as_text=True)


def test_a_logo_over_the_request_cap_gets_a_413_page_naming_the_logo_cap(app, make, login_as):
    """Without the page script a logo over the request cap reaches the server's 413 page. With
    MAX_UPLOAD_MB at 20 it named 20 MB, so a 15 MB logo chosen next was refused all the same."""
    _cap(app, 20)
    party = make.party()
    client = login_as(party.account)
    over = _post(client, party, b"\xff\xd8\xff" + b"\0" * (22 * MB))
    page = over.get_data(as_text=True)
    assert over.status_code == 413
    assert "Berkas gambar terlalu besar. Ukuran maksimal 10 MB." in page
    assert "Tekan tombol <strong>Kembali</strong> pada peramban: isian formulir masih ada." in page
    form = {
        "body": "Lampiran besar.",
        "attachment": FileStorage(io.BytesIO(b"\0" * 22 * MB), "a.pdf"),
    }
    boundary, body = encode_multipart(form)
    complaint = client.post(
        "/pengaduan", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert complaint.status_code == 413  # another page's file keeps the office's cap
    assert "Berkas terlalu besar. Ukuran maksimal 20 MB." in complaint.get_data(as_text=True)
