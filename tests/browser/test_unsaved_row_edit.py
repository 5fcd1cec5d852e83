"""A complaint-category row is its own form: an edit typed in a row and then "Tambah" (another
form) used to be lost without a word. Leaving the page with a row edit not yet saved now asks
first; saving the row itself does not."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from sisakat.extensions import db
from sisakat.models import ComplaintCategory, Role
from sisakat.services import complaint_categories
from tests.browser.journeys import fresh, log_in

pytestmark = pytest.mark.browser
UNSAVED = "Perubahan di formulir lain pada halaman ini belum disimpan dan akan hilang. Lanjutkan?"


def test_adding_a_category_after_editing_a_row_asks_before_the_edit_is_lost(page, make):
    admin = make.user(Role.SUPERADMIN, username="admin.contoh")
    row = complaint_categories.save_category(
        None, name="Pelayanan lambat", limit_days=5, active=True, actor=admin
    )
    db.session.commit()
    row_id = row.id
    fresh()
    log_in(page, "admin.contoh")
    page.goto("/admin/pengaduan/kategori")
    page.locator(f"#c{row_id}-limit_days").fill("3")
    page.locator("#name").fill("Pungutan liar")
    asked = []

    def stay_then_go_on(dialog):  # stay, except when the second question asks to send the row
        asked.append((dialog.type, dialog.message))
        dialog.accept() if len(asked) == 2 else dialog.dismiss()

    page.on("dialog", stay_then_go_on)
    page.get_by_role("button", name="Tambah").click()
    expect(page.locator(f"#c{row_id}-limit_days")).to_have_value("3")
    assert asked == [("confirm", UNSAVED)]
    expect(page.get_by_role("button", name="Tambah")).to_be_enabled()  # may still be sent
    fresh()
    names = db.session.execute(db.select(ComplaintCategory.name)).scalars().all()
    assert "Pungutan liar" not in names  # nothing was sent
    fresh()
    row_form = page.locator("form", has=page.locator(f"#c{row_id}-name"))
    row_form.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("alert").first).to_contain_text("Kategori disimpan.")
    assert asked == [("confirm", UNSAVED)] * 2  # the add form's typing would be lost now
    fresh()
    assert db.session.get(ComplaintCategory, row_id).limit_days == 3
    # The page script must listen before the typing: on a loaded machine the saved page's alert
    # is there before its deferred script has run, and typing then goes unnoticed.
    page.wait_for_load_state("load")
    page.locator(f"#c{row_id}-limit_days").fill("4")
    page.locator("a.navbar-brand").click()  # leaving by a link asks too
    expect(page.locator(f"#c{row_id}-limit_days")).to_have_value("4")
    assert asked[2:] == [("beforeunload", "")]
