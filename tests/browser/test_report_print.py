"""Printing a register longer than one A4 page (found walking the app as a manager): the
whole table was pushed to page 2, leaving page 1 with only the heading, and the scrolling
``.table-responsive`` wrapper clipped the last column ("1 (0 terbit)" printed as "1 (")."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from sisakat.models import Role
from tests.browser.journeys import fresh, log_in

pytestmark = pytest.mark.browser


def test_party_register_prints_from_page_one_with_every_column(page, make):
    for n in range(12):
        board = make.party(
            board_name=f"DPC Partai Cetak {n} Kabupaten Contoh Ulu Sebelah Hilir Sekali",
            party_name=f"Partai Cetak {n}",
            region_name="Kabupaten Contoh Ulu Sebelah Hilir",
        )
        if n % 2:  # a long letter number widens the SKT column
            make.issued_letter(board, number_text=f"200.1.5.3/{1000 + n}/BAN.KBP/2026")
    make.user(Role.VERIFIKATOR, username="verifikator.cetak")
    fresh()
    log_in(page, "verifikator.cetak")
    page.goto("/laporan/rekap-partai")
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    first = reader.pages[0].extract_text()
    assert "Partai Cetak 0" in first  # the table starts under the heading, not on page 2
    text = " ".join(p.extract_text() for p in reader.pages)
    assert text.count("terbit)") == 12  # the last column, "1 (1 terbit)", is not clipped
