"""Ajukan pressed with files still chosen uploads them first, then submits. Found walking the
party's journey: a secretary who picked the same PDF for two requirements got the warning
"Berkas ini sama persis dengan berkas untuk ...: pastikan tidak salah pilih" only on the page
after the submission, too late to pick the right file (the verifier would return it, and the
service's promise restarts). A saved upload that carries such a warning now holds Ajukan back:
the page reloads with the warning and the files saved, and the party presses Ajukan again."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import application_steps as s
from tests.browser import journeys as j

pytestmark = pytest.mark.browser


def test_a_copy_warning_stops_the_submission_until_read(phone_page, make, tmp_path):
    page = phone_page
    owner, _board = s.ready_party(make)
    j.log_in(page, owner)
    page.get_by_role("button", name="Ajukan SKT Partai Politik").click()
    chosen = {name: j.pdf_file(tmp_path, f"berkas-{n}.pdf") for n, name in enumerate(s.REQUIRED)}
    chosen[s.REQUIRED[1]] = chosen[s.REQUIRED[0]]  # the same file picked twice by mistake
    for name, pdf in chosen.items():
        s.item(page, name).get_by_label(f"Berkas PDF untuk {name}").set_input_files(str(pdf))
    page.get_by_role("button", name="Ajukan", exact=True).click()
    expect(
        page.get_by_role("alert").filter(has_text="sama persis dengan berkas untuk")
    ).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Draf")
    for name, pdf in chosen.items():
        expect(s.item(page, name).get_by_role("link", name=pdf.name)).to_be_visible()
    page.get_by_role("button", name="Ajukan", exact=True).click()  # read, and meant
    expect(page.get_by_role("heading", level=1)).to_contain_text("Diajukan")
