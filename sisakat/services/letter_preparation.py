"""Drawing up a letter at approval: the number (unless SRIKANDI numbers), the token, the frozen
inputs and the unsigned PDF; and the DRAF rendering staff preview before approving.

``prepare_on_approval`` runs inside the approving transaction: it is a ``workflow.ON_APPROVED``
hook, registered once per process when this module is imported (the verification blueprint
imports it for its DRAF preview, so every ``create_app`` has it). Issuing lives in ``letters``.
"""

from __future__ import annotations

import base64
import json
import secrets
from datetime import date
from typing import Any

from sisakat.exceptions import GuardFailed
from sisakat.extensions import db
from sisakat.models import Application, FileKind, Letter, LetterNumber, User
from sisakat.pdf.skt import render_skt
from sisakat.services import (
    audit,
    catalog,
    clock,
    letter_inapp,
    letter_settings,
    letters,
    number_format,
    numbering,
    settings,
    storage,
    workflow,
)
from sisakat.services import workflow_guards as guards

# Said to the verifier, who cannot change the installation: what happened, who fixes it, and
# that nothing was lost. The super admin's readiness list names the setting itself.
NO_BASE_URL = (
    "Surat belum dapat disusun karena pengaturan aplikasi kantor belum lengkap (alamat publik "
    "untuk kode QR surat). Mintalah super admin melengkapinya, lalu setujui lagi; sampai itu "
    "permohonan ini tetap menunggu persetujuan Anda."
)
PDF = "application/pdf"


def new_token() -> str:
    """128 random bits as unpadded base32: 26 characters, case-insensitive."""
    return base64.b32encode(secrets.token_bytes(16)).decode().rstrip("=")


def _snapshot(application: Application) -> dict[str, Any]:
    return json.loads(application.profile_snapshot or guards.snapshot_profile(application))


def frozen_inputs(application: Application, *, number_text: str, issued_on: date) -> dict:
    """Everything the letter prints, frozen as JSON (the emblem by its immutable file id): the
    service's wording as it is now, so a later change of the service never alters this letter."""
    emblem_id = settings.get("agency.emblem_file_id")
    service = catalog.require(application.service_code)
    return {
        "service_code": service.code,
        "profile": _snapshot(application),
        "settings": letter_settings.letter_groups(service),
        "number_text": number_text,
        "issued_on": issued_on.isoformat(),
        "srikandi": letter_settings.is_srikandi_mode(),
        "emblem_file_id": emblem_id if isinstance(emblem_id, int) else None,
        "bsre_tag": letter_inapp.bsre_marker(),  # printed unseen where BSrE signs; "": none
    }


def _allocate(application: Application, actor: User, today: date) -> LetterNumber | None:
    """Our serial, unless SRIKANDI numbers the letter."""
    if letter_settings.is_srikandi_mode():
        return None
    service = catalog.require(application.service_code)
    return numbering.allocate(
        service.number_series,
        fmt=number_format.service_format(service),
        local_date=today,
        actor=actor,
        subject_type="application",
        subject_id=application.id,
    )


def prepare_on_approval(application: Application, actor: User, note: str = "") -> Letter:
    """Number (unless SRIKANDI numbers), create the letter and token, render and store the PDF
    (a ``workflow.ON_APPROVED`` hook; the approval note plays no part in the letter)."""
    if not letters.public_base_url():
        raise GuardFailed(NO_BASE_URL)
    drawn_at = clock.now()  # also the letter's created_at: the day an undated letter is filed under
    today = numbering.office_date(drawn_at, settings.utc_offset_hours())
    number = _allocate(application, actor, today)
    text = number.number_text if number else None
    inputs = frozen_inputs(application, number_text=text or "", issued_on=today)
    letter = Letter(
        application_id=application.id,
        token=new_token(),
        number_id=number.id if number else None,
        number_text=text,
        letter_date=None if inputs["srikandi"] else today,
        context_json=json.dumps(inputs, ensure_ascii=False, default=str),
        valid_until=letters.parse_date(inputs["profile"].get("term_end")),
        created_by_id=actor.id,
        created_at=drawn_at,
    )
    pdf = render_skt(letters.context_of(inputs, token=letter.token))
    letter.unsigned_file_id = storage.save_bytes(
        pdf,
        kind=FileKind.LETTER_UNSIGNED,
        content_type=PDF,
        display_name="skt-konsep.pdf",
        uploaded_by=actor,
    ).id
    db.session.add(letter)
    db.session.flush()
    audit.record(
        "letter.prepare",
        actor=actor,
        object_type="letter",
        object_id=letter.id,
        details={"application": application.id, "number": text or ""},
    )
    return letter


def preview_pdf(application: Application) -> bytes:
    """A DRAF rendering before approval: no number, no QR; writes nothing."""
    inputs = frozen_inputs(application, number_text="", issued_on=numbering.office_today())
    return render_skt(letters.context_of(inputs, draft=True))


def _register_hook() -> None:
    """Once per process: letters are drawn up on approval."""
    if prepare_on_approval not in workflow.ON_APPROVED:
        workflow.ON_APPROVED.append(prepare_on_approval)


_register_hook()
