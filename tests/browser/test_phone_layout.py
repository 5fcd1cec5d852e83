"""Pages that overflowed a phone screen sideways (found walking the app at 390 px): the IKM
chart drawn at a fixed 600-px width, the admin requirement list without a scrolling wrapper and
the public verification page of a wet-signed scan, whose nowrap warning badge widened it."""

from __future__ import annotations

import json

import pytest

from sisakat.models import Role, SigningMethod
from sisakat.services import requirements
from tests.browser.journeys import fits_width, fresh, log_in

pytestmark = pytest.mark.browser


def test_ikm_report_and_requirement_list_fit_a_phone(phone_page, make):
    for answers in ((4, 3, 4, 3, 4, 3, 4, 3, 4), (3, 3, 3, 3, 3, 3, 3, 3, 3)):
        make.survey_response(answers)
    requirements.ensure_defaults()
    make.user(Role.SUPERADMIN, username="admin.contoh")
    fresh()
    log_in(phone_page, "admin.contoh")
    phone_page.goto("/laporan/ikm")
    assert phone_page.get_by_role("img", name="Grafik NRR per unsur").is_visible()
    assert fits_width(phone_page)
    phone_page.goto("/admin/persyaratan")
    assert phone_page.get_by_role("link", name="Surat permohonan").first.is_visible()
    assert fits_width(phone_page)


def test_verification_of_a_scanned_letter_fits_a_phone(phone_page, make):
    letter = make.issued_letter(
        signing_method=SigningMethod.SCAN,
        validation_report=json.dumps({"scan": True, "electronic": False}),
    )
    token = letter.token
    fresh()
    phone_page.goto(f"/verifikasi/{token}")
    assert phone_page.get_by_text("Tidak ditandatangani secara elektronik").is_visible()
    assert fits_width(phone_page)
