"""Public pages whose text was cut (found by a QA pass): on a phone the survey's service
drop-down showed "Surat Keterangan Terdaftar (SKT) Pa"; on a desktop the home page's
verification-code box cut its hint. And the published survey results fit a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from sisakat.models.requirement import ORMAS_LAPOR
from sisakat.services import catalog, numbering
from tests.browser.journeys import fits_width, fresh
from tests.browser.test_tablet_layout import OVERFLOWS

pytestmark = pytest.mark.browser

# The text a box shows (a drop-down's chosen option, an input's placeholder) against the room
# inside it, in the box's own font.
MEASURE = """(el) => {
  const cs = getComputedStyle(el);
  const ctx = document.createElement("canvas").getContext("2d");
  ctx.font = cs.font;
  const text = el.tagName === "SELECT" ? el.options[el.selectedIndex].text : el.placeholder;
  const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
  return {text: text, width: ctx.measureText(text).width, room: room};
}"""


def cut_boxes(page: Page, selector: str) -> list[str]:
    """The boxes matching ``selector`` whose text does not fit inside them."""
    cut = []
    for box in page.locator(selector).all():
        m = box.evaluate(MEASURE)
        if m["width"] > m["room"]:
            cut.append(f"{m['text']!r}: {m['width']:.0f} px in {m['room']:.0f} px")
    return cut


def test_survey_names_each_service_whole_on_a_phone(phone_page):
    names = [s.name for s in catalog.all_services(active_only=True)]
    fresh()
    phone_page.goto("/survei")
    assert len(names) == 2
    for name in names:
        choice = phone_page.get_by_role("radio", name=name, exact=True)
        expect(choice).to_be_visible()
        label = phone_page.locator(f'label[for="{choice.get_attribute("id")}"]')
        box = label.bounding_box()
        assert box is not None
        assert box["x"] + box["width"] <= 360, name
    for name in names:  # two services: none chosen beforehand (it skewed the first one's IKM)
        expect(phone_page.get_by_role("radio", name=name, exact=True)).not_to_be_checked()
    assert cut_boxes(phone_page, "select") == []
    assert fits_width(phone_page)


def test_home_letter_check_shows_its_hints_whole_on_a_desktop(page):
    page.goto("/")
    assert cut_boxes(page, "form[role=search] input[placeholder]") == []
    expect(page.get_by_label("Kode verifikasi", exact=True)).to_be_visible()


def test_published_survey_results_fit_a_phone(phone_page, make):
    """The page fitted, but its semester and service tables scrolled sideways inside their box
    at 360 px (353 and 367 px of table), hiding the quality column's end ("Mutu pelayanan").
    On a phone the respondent count now folds under the period or service; paper prints it in
    its column."""
    for _ in range(5):
        make.survey_response((4, 3, 4, 3, 4, 3, 4, 3, 4))
    for _ in range(7):
        make.survey_response((3, 3, 3, 3, 3, 3, 3, 3, 3), service_code=ORMAS_LAPOR)
    fresh()
    phone_page.goto("/")
    phone_page.get_by_role("link", name="Hasil Survei (IKM)").click()
    expect(phone_page.get_by_role("heading", level=1)).to_have_text(
        "Hasil Survei Kepuasan Masyarakat"
    )
    expect(phone_page.locator("#responden")).to_have_text("12")
    expect(phone_page.locator("#mutu")).to_have_text("B (Baik)")
    assert fits_width(phone_page)
    assert phone_page.evaluate(OVERFLOWS) == []
    semesters, services = (
        phone_page.locator("#tabel-semester"),
        phone_page.locator("#tabel-layanan"),
    )
    rows = [
        (services, "SKT Partai Politik", ("5 responden", "A (Sangat Baik)")),
        (services, "Laporan Keberadaan Ormas", ("7 responden", "C (Kurang Baik)")),
    ]
    if numbering.office_today().month > 6:  # the answers fall in Semester II; I has none
        rows += [
            (semesters, "Semester II (", ("12 responden", "B (Baik)")),
            (semesters, "Semester I (", ("0 responden", "Belum ada responden")),
        ]
    else:
        rows.append((semesters, "Semester I (", ("12 responden", "B (Baik)")))
    for table, label, shown in rows:
        row = table.get_by_role("row").filter(has_text=label)
        for text in shown:
            expect(row.get_by_text(text).filter(visible=True)).to_have_count(1)
    phone_page.emulate_media(media="print")  # paper: the count in its own column, once
    for table in (semesters, services):
        expect(table.get_by_role("columnheader", name="Responden")).to_be_visible()
        expect(table.get_by_text(re.compile(r"\d responden")).filter(visible=True)).to_have_count(0)
