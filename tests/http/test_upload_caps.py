"""Every file field's size cap is one rule: the form's hint, the page script's check (the
field's data-max-bytes and data-too-big) and the server's refusal name the same number. Before,
the service-form and signed-sample fields kept a fixed 10 MB whatever ``MAX_UPLOAD_MB`` said,
the certificate field's script check let a file far over its 64 KB through, the signed-letter
field had no script check, and the letter comparison took up to 25 MB."""

from __future__ import annotations

import io
import os
import re
import zipfile

from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from sisakat.models import Role
from sisakat.services import service_info
from tests import factories
from tests.letters import helpers as h

MB = 1024 * 1024


def _cap(app, mb: int) -> None:
    """The office's upload cap, with the request cap ``config`` derives from it."""
    app.config.update(MAX_UPLOAD_MB=mb, MAX_CONTENT_LENGTH=(mb + 1) * MB)


def _post(client, url: str, form: dict, field: str, data: bytes, name: str):
    """A multipart post encoded in memory (the test client would spill a big body to a temp
    file it never closes)."""
    form = {**form, field: FileStorage(io.BytesIO(data), name)}
    boundary, body = encode_multipart(form)
    return client.post(url, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def _docx(mb: float) -> bytes:
    """A macro-free .docx of about ``mb`` MB (an incompressible picture inside)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/foto.bin", os.urandom(int(mb * MB)))
    return out.getvalue()


def _input(page: str, field_id: str) -> tuple[str, str]:
    """(data-max-bytes, data-too-big) of the file input ``field_id``."""
    tag = re.search(rf'<input[^>]*id="{field_id}"[^>]*>', page)[0]
    limit = re.search(r'data-max-bytes="(\d+)"', tag)[1]
    return limit, re.search(r'data-too-big="([^"]*)"', tag)[1]


def _error(response, field_id: str) -> str:
    """The refusal shown beside the field ``field_id``."""
    page = response.get_data(as_text=True)
    return re.search(rf'<div id="{field_id}-error"><div[^>]*>(.*?)</div>', page)[1]


def _hint(page: str, field_id: str) -> str:
    return re.search(rf'<div id="{field_id}-help" class="form-text">(.*?)</div>', page, re.S)[1]


def test_the_service_form_field_follows_the_office_cap(app, make, login_as):
    _cap(app, 20)
    admin = login_as(make.user(Role.SUPERADMIN))
    page = admin.get("/admin/layanan/skt_parpol").get_data(as_text=True)
    assert _input(page, "file") == (str(20 * MB), "Berkas terlalu besar. Ukuran maksimal 20 MB.")
    assert "paling besar 20 MB" in _hint(page, "file")
    url = "/admin/layanan/skt_parpol/formulir"
    _post(admin, url, {"title": "Templat besar"}, "file", _docx(12), "t.docx")
    assert [f.title for f in service_info.forms_for("skt_parpol")] == ["Templat besar"]
    _cap(app, 2)
    refused = _post(admin, url, {"title": "Terlalu besar"}, "file", _docx(2.5), "b.docx")
    shown = refused.get_data(as_text=True)  # the page itself, the title kept
    assert "Berkas terlalu besar. Ukuran maksimal 2 MB." in shown
    assert len(service_info.forms_for("skt_parpol")) == 1


def _pdf_like(size: int) -> bytes:
    """A file of ``size`` bytes that starts like a PDF."""
    return b"%PDF-1.7\n" + b"0" * size


def test_the_certificate_and_sample_fields_name_their_real_caps(app, make, login_as):
    _cap(app, 2)
    admin = login_as(make.user(Role.SUPERADMIN))
    page = admin.get("/admin/tte/kepercayaan").get_data(as_text=True)
    certificate = "Berkas sertifikat maksimal 64 KB."
    assert _input(page, "certificate") == (str(64 * 1024), certificate)  # before: 2 MB
    assert "paling besar 64 KB" in _hint(page, "certificate")
    assert _input(page, "sample") == (str(2 * MB), "Berkas terlalu besar. Ukuran maksimal 2 MB.")
    assert "paling besar 2 MB" in _hint(page, "sample")
    root = {"kind": "root"}
    big_cert = _post(admin, "/admin/tte/akar", root, "certificate", b"0" * 70_000, "a.pem")
    assert _error(big_cert, "certificate") == certificate
    big = _post(admin, "/admin/tte/contoh", {}, "sample", _pdf_like(5 * MB // 2), "c.pdf")
    assert _error(big, "sample") == "Berkas terlalu besar. Ukuran maksimal 2 MB."
    _cap(app, 20)
    sample = _post(admin, "/admin/tte/contoh", {}, "sample", _pdf_like(12 * MB), "c.pdf")
    assert "maksimal 10 MB" not in sample.get_data(as_text=True)  # before: a fixed 10 MB


def test_the_signed_letter_field_is_checked_before_sending(app, login_as):
    _cap(app, 3)
    h.prepared_letter()
    page = login_as(factories.user(Role.SUPERADMIN)).get("/tte/").get_data(as_text=True)
    tag = re.search(r'<input[^>]*type="file"[^>]*>', page)[0]
    assert 'data-max-bytes="3145728"' in tag  # before: no check in the browser
    assert 'data-too-big="Berkas terlalu besar. Ukuran maksimal 3 MB."' in tag


def test_the_letter_comparison_takes_what_its_field_says(app, client, make):
    """Before, the comparison took 25 MB whatever the office's cap: with MAX_UPLOAD_MB at 30 the
    page script let a 28 MB file go up, and the server refused it as too big to compare."""
    _cap(app, 2)
    letter = make.issued_letter()
    url = f"/verifikasi/{letter.token}/bandingkan"
    page = client.get(f"/verifikasi/{letter.token}").get_data(as_text=True)
    assert _input(page, "berkas") == (str(2 * MB), "Berkas terlalu besar. Ukuran maksimal 2 MB.")
    big = _post(client, url, {}, "berkas", _pdf_like(5 * MB // 2), "surat.pdf")
    assert _error(big, "berkas") == "Berkas terlalu besar. Ukuran maksimal 2 MB."
    _cap(app, 30)
    other = _post(client, url, {}, "berkas", _pdf_like(26 * MB), "surat.pdf")
    assert "Berkas ini BERBEDA" in other.get_data(as_text=True)


def test_the_requirement_forms_carry_the_office_cap(app, make, login_as):
    _cap(app, 3)
    application = make.application(documents=False)
    client = login_as(application.party.account)
    page = client.get(f"/pemohon/permohonan/{application.id}").get_data(as_text=True)
    form = re.search(r'<form[^>]*class="mt-2 js-upload"[^>]*>', page)[0]
    assert 'data-max-bytes="3145728"' in form
    assert 'data-too-big="Berkas terlalu besar. Ukuran maksimal 3 MB."' in form
    assert "maksimal 3 MB" in page  # the page's hint


def test_the_signed_letter_field_shows_its_type_and_cap(app, login_as):
    """The signing desk's (and SRIKANDI's) upload field checked its size only in the browser,
    with no word beside it of what it takes."""
    _cap(app, 3)
    letter = h.prepared_letter()
    page = login_as(factories.user(Role.SUPERADMIN)).get("/tte/").get_data(as_text=True)
    field_id = f"file-{letter.id}"
    tag = re.search(rf'<input[^>]*id="{field_id}"[^>]*>', page)[0]
    assert f'aria-describedby="{field_id}-help"' in tag
    assert "PDF, paling besar 3 MB" in _hint(page, field_id)


def test_the_letter_comparison_field_shows_its_type_and_cap(app, client, make):
    _cap(app, 2)
    letter = make.issued_letter()
    page = client.get(f"/verifikasi/{letter.token}").get_data(as_text=True)
    assert "PDF, paling besar 2 MB" in _hint(page, "berkas")
