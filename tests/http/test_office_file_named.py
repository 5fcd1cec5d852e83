"""A secretary picking the Word file of a letter instead of its PDF. Found walking the party's
journey: a .docx (or an old .doc, or an Excel sheet) was refused with "Berkas bukan PDF yang
valid: tidak diawali penanda %PDF-.", words about file bytes that do not tell a party what it
picked nor how to make the PDF. The refusal now names an office document and the way out; the
document is not stored and the application is unchanged."""

from __future__ import annotations

import pytest

from tests.workflow_http import items, latest, upload

DOCX = b"PK\x03\x04\x14\x00\x06\x00" + b"[Content_Types].xml" + b"\x00" * 200
OLD_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200


@pytest.mark.parametrize(("data", "name"), [(DOCX, "surat.docx"), (OLD_DOC, "surat.doc")])
def test_a_word_file_is_named_with_the_way_to_a_pdf(app, make, login_as, data, name):
    application = make.application(documents=False)
    client = login_as(application.party.account)
    item = items(application)[0]
    answer = upload(client, application.id, item.id, data, filename=name, xhr=True)
    assert answer.status_code == 422
    message = answer.get_json()["message"]
    assert "dokumen Word/Excel" in message
    assert "Simpan sebagai PDF" in message
    assert latest(item) is None
