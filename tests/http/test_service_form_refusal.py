"""A downloadable form refused on the Standar Pelayanan page (not a PDF or .docx, no title)
came back as a redirect: the typed title was gone and the reason sat in a banner at the top,
far from the upload. The page now comes back with the title kept and the reason beside its
field, and nothing stored."""

from __future__ import annotations

import io

from sisakat.models import Role
from sisakat.services import service_info

URL = "/admin/layanan/skt_parpol/formulir"


def _file(data: bytes, name: str):
    return (io.BytesIO(data), name)


def test_a_refused_file_keeps_the_title_and_says_why_beside_the_file(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    title = "Formulir isian data pengurus"
    refused = admin.post(URL, data={"title": title, "file": _file(b"MZ\x90\x00exe", "x.pdf")})
    assert refused.status_code == 200
    page = refused.get_data(as_text=True)
    assert f'value="{title}"' in page
    assert 'id="file-error"' in page or "is-invalid" in page
    assert "Formulir harus berkas PDF atau Word" in page
    assert service_info.forms_for("skt_parpol") == []


def test_a_missing_title_is_said_beside_it(app, make, login_as):
    from tests.factories import pdf_bytes

    admin = login_as(make.user(Role.SUPERADMIN))
    refused = admin.post(URL, data={"title": " ", "file": _file(pdf_bytes("x"), "f.pdf")})
    assert refused.status_code == 200
    page = refused.get_data(as_text=True)
    assert "Isi judul." in page
    assert "Formulir belum tersimpan. Pilih lagi berkasnya" in page  # the file is not kept
    assert service_info.forms_for("skt_parpol") == []
