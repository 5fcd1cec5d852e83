"""UP-4 over HTTP: the party logo is checked by content, stored re-encoded, shown to owner/staff."""

import io

import pytest
from PIL import Image
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from sisakat.extensions import db
from sisakat.models import Role, StoredFile
from sisakat.services import storage
from tests.images_util import (
    SVG,
    jpeg_with_exif,
    pdf_bytes,
    phone_photo,
    png_bytes,
    png_header_claiming,
)
from tests.profile_data import profile_form, with_file

URL = "/pemohon/profil"


def _stored_files() -> list[StoredFile]:
    return list(db.session.execute(db.select(StoredFile).order_by(StoredFile.id)).scalars())


def test_logo_stored_as_png_without_exif_and_old_logo_kept(app, make, login_as):
    party = make.party()
    client = login_as(party.account)
    data = with_file(profile_form(party.version), jpeg_with_exif(), "foto-kamera.jpg")
    assert client.post(URL, data=data).status_code == 302
    db.session.refresh(party)
    first = party.logo
    image = Image.open(io.BytesIO(storage.read_bytes(first)))
    assert (image.format, first.content_type, len(image.getexif())) == ("PNG", "image/png", 0)
    data = with_file(profile_form(party.version), png_bytes(), "logo-baru.png")
    assert client.post(URL, data=data).status_code == 302
    db.session.refresh(party)
    assert [f.id for f in _stored_files()] == [first.id, party.logo_file_id]
    assert storage.path_of(first).is_file()  # files are immutable: the old one stays


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (SVG, "logo.svg", "Gambar SVG tidak diterima."),
        (pdf_bytes(), "logo.png", "Berkas ini PDF, bukan gambar. Pilih gambar logo berformat PNG"),
        (png_header_claiming(20000, 20000), "logo.png", "Maksimal 4000 × 4000 piksel untuk PNG"),
    ],
    ids=["svg", "pdf-renamed", "20000px"],
)
def test_bad_logo_refused_next_to_the_field_and_nothing_stored(
    app, make, login_as, content, name, message
):
    party = make.party()
    data = with_file(profile_form(party.version, party_name="Nama Baru"), content, name)
    response = login_as(party.account).post(URL, data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert page.count(message) == 2  # flashed and next to the logo field
    assert 'value="Nama Baru"' in page
    db.session.refresh(party)
    assert (_stored_files(), party.logo_file_id, party.party_name) == ([], None, party.party_name)
    assert party.party_name != "Nama Baru"


def _get(client, url):
    """GET and close (a file response holds the file open until closed)."""
    response = client.get(url)
    response.close()
    return response


def test_logo_access_owner_staff_yes_other_party_no(app, make, login_as):
    party, other = make.party(), make.party()
    data = with_file(profile_form(party.version), png_bytes())
    login_as(party.account).post(URL, data=data)
    url = f"/pemohon/profil/logo/{party.id}"
    owner = _get(login_as(party.account), url)
    assert (owner.status_code, owner.mimetype) == (200, "image/png")
    assert owner.headers["X-Content-Type-Options"] == "nosniff"
    assert _get(login_as(other.account), url).status_code == 404
    assert _get(login_as(make.user(Role.VERIFIKATOR)), url).status_code == 200
    anonymous = _get(app.test_client(), url)
    assert anonymous.status_code == 302
    assert "/akun/masuk" in anonymous.headers["Location"]
    assert _get(login_as(party.account), f"/pemohon/profil/logo/{other.id}").status_code == 404


def test_logo_chosen_with_a_field_error_is_named_so_it_is_chosen_again(app, make, login_as):
    """A browser never refills a file input: a profile refused for another field (end of term
    before its start) used to come back with the chosen logo silently gone."""
    party = make.party()
    form = profile_form(party.version, party_name="Nama Baru", term_end="2024-01-31")
    response = login_as(party.account).post(URL, data=with_file(form, png_bytes(), "logo.png"))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Akhir masa bakti harus sesudah awal masa bakti." in page
    assert "Logo belum tersimpan. Pilih berkas logo lagi" in page
    assert 'value="Nama Baru"' in page
    db.session.refresh(party)
    assert (_stored_files(), party.logo_file_id) == ([], None)
    without_logo = login_as(party.account).post(URL, data=form).get_data(as_text=True)
    assert "Logo belum tersimpan" not in without_logo


def test_a_phone_photo_of_a_few_megabytes_becomes_the_logo(app, make, login_as):
    """The secretary photographs the party's banner: 4032 x 3024 pixels, about 3 MB."""
    party = make.party()
    photo = phone_photo(noise=True)
    assert len(photo) > 2 * 1024 * 1024
    data = with_file(profile_form(party.version), photo, "IMG_20261207_101500.jpg")
    data["new_logo"] = FileStorage(data["new_logo"][0], data["new_logo"][1])
    # Encoded in memory: the test client would spill a big body to a temp file it never closes.
    boundary, body = encode_multipart(data)
    response = login_as(party.account).post(
        URL, data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code == 302
    db.session.refresh(party)
    image = Image.open(io.BytesIO(storage.read_bytes(party.logo)))
    assert (image.format, image.size) == ("PNG", (1200, 1600))
