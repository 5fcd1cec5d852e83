"""HTTP helpers for the application tests: upload, act, read back."""

from __future__ import annotations

import io
import re

from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from sisakat.extensions import db
from sisakat.models import Application, ApplicationDocument, ApplicationRequirement, Party
from sisakat.services import documents, requirements


def seed_requirements() -> None:
    """The default requirement list and reasons, committed."""
    requirements.ensure_defaults()
    db.session.commit()


def party_with_logo(make) -> Party:
    """A complete party profile including its logo."""
    party = make.party()
    party.logo_file_id = make.logo(party.account).id
    db.session.commit()
    return party


def items(application: Application) -> list[ApplicationRequirement]:
    """The application's requirement lines, in order."""
    return [st.requirement for st in documents.checklist(application)]


def latest(item: ApplicationRequirement) -> ApplicationDocument | None:
    """The newest document version of a requirement line (the service's own query)."""
    from sisakat.services import uploads

    return uploads.latest_version(item)


def upload(
    client,
    application_id: int,
    item_id: int,
    data: bytes,
    filename="dokumen.pdf",
    xhr: bool = False,
):
    """POST one file for one requirement."""
    headers = {"X-Requested-With": "XMLHttpRequest"} if xhr else {}
    # Encoded in memory: the test client would spill big bodies to a temp file it never closes.
    boundary, body = encode_multipart({"berkas": FileStorage(io.BytesIO(data), filename)})
    return client.post(
        f"/pemohon/permohonan/{application_id}/persyaratan/{item_id}/unggah",
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
        headers=headers,
    )


def act(client, url: str, application: Application, **fields):
    """POST an action button with the version the page showed; follow the redirect."""
    db.session.refresh(application)
    data = {"version": str(application.version), **fields}
    return client.post(url, data=data, follow_redirects=True)


def page_text(response) -> str:
    """The response body as text."""
    return response.get_data(as_text=True)


def without_tags(html: str) -> str:
    """``html`` with its tags taken out: the text as a reader sees it, so a letter number
    marked where it may wrap (``slash_breaks``) reads whole again."""
    return re.sub(r"<[^>]*>", "", html)
