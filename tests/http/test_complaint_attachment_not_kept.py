"""A member of the public attaches a PDF to a complaint and forgets the category (the form is
``novalidate``: every check is the server's). The form came back with the text kept and the
file input empty, and nothing said the attachment was gone: sent again, the complaint was filed
without its evidence. The attachment field now says to choose the file again."""

from __future__ import annotations

import re

from sisakat.extensions import db
from sisakat.models import Complaint
from sisakat.public.complaints import ATTACHMENT_NOT_KEPT
from sisakat.services import settings
from tests.factories import pdf_bytes
from tests.public_helpers import upload

FORM = {"contact": "warga@contoh.test", "category": "d1", "body": "Unggahan saya gagal terus."}


def _attachment_error(page: str) -> str:
    """The text shown beside the attachment field, tied to it by aria-describedby."""
    control = re.search(r"<input[^>]*id=\"attachment\"[^>]*>", page).group(0)
    assert "attachment-error" in control
    assert 'aria-invalid="true"' in control
    block = re.search(r'<div id="attachment-error">(.*?)</div></div>', page, re.S)
    return block.group(1) if block else ""


def test_a_refused_form_says_the_chosen_attachment_must_be_chosen_again(client):
    refused = client.post(
        "/pengaduan", data={**FORM, "category": "", "attachment": upload(pdf_bytes("Bukti"))}
    )
    assert refused.status_code == 200
    page = refused.get_data(as_text=True)
    assert "Pilih kategori." in page
    assert "Unggahan saya gagal terus.</textarea>" in page  # the text stays
    assert ATTACHMENT_NOT_KEPT in _attachment_error(page)
    assert db.session.execute(db.select(db.func.count(Complaint.id))).scalar_one() == 0


def test_a_service_refusal_says_so_too(client):
    settings.update({"complaint.name_required": True}, actor=None)
    db.session.commit()
    refused = client.post("/pengaduan", data={**FORM, "attachment": upload(pdf_bytes("Bukti"))})
    page = refused.get_data(as_text=True)
    assert "Nama wajib diisi" in page
    assert ATTACHMENT_NOT_KEPT in _attachment_error(page)


def test_no_note_when_no_file_was_chosen(client):
    page = client.post("/pengaduan", data={**FORM, "category": ""}).get_data(as_text=True)
    assert "Pilih kategori." in page
    assert ATTACHMENT_NOT_KEPT not in page
    assert 'id="attachment-error"' not in page


def test_a_chosen_file_that_is_no_pdf_is_named_at_once_with_the_other_mistakes(client):
    """Found by users: a photo sent with a missing category only got "Lampiran belum
    terkirim"; that it is not a PDF came on the next send, after choosing the same photo again."""
    photo = upload(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "bukti.png")
    refused = client.post("/pengaduan", data={**FORM, "category": "", "attachment": photo})
    assert refused.status_code == 200
    page = refused.get_data(as_text=True)
    assert "Pilih kategori." in page
    said = _attachment_error(page)
    assert "Berkas ini adalah gambar, bukan PDF." in said
    assert ATTACHMENT_NOT_KEPT not in said
    assert db.session.execute(db.select(db.func.count(Complaint.id))).scalar_one() == 0


def test_a_file_that_is_no_pdf_is_named_before_a_service_refusal_too(client):
    settings.update({"complaint.name_required": True}, actor=None)
    db.session.commit()
    word = upload(b"PK\x03\x04" + b"\0" * 64, "bukti.docx")
    page = client.post("/pengaduan", data={**FORM, "attachment": word}).get_data(as_text=True)
    assert "dokumen Word/Excel (atau arsip ZIP), bukan PDF" in _attachment_error(page)
