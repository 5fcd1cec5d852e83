"""A party secretary picks the PDF of every requirement first, as on a paper form, then
presses one "Unggah". That upload used to reload the page and silently drop every other file
already chosen; now the chosen files go up one after the other, and only then the page
reloads with all of them listed."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import application_steps as s
from tests.browser import journeys as j

pytestmark = pytest.mark.browser


def test_files_chosen_in_several_rows_are_all_uploaded(phone_page, make, tmp_path):
    page = phone_page
    owner, _board = s.ready_party(make)
    j.log_in(page, owner)
    page.get_by_role("button", name="Ajukan SKT Partai Politik").click()
    chosen = {name: j.pdf_file(tmp_path, f"berkas-{n}.pdf") for n, name in enumerate(s.REQUIRED)}
    for name, pdf in list(chosen.items())[:3]:
        s.item(page, name).get_by_label(f"Berkas PDF untuk {name}").set_input_files(str(pdf))
    s.item(page, s.REQUIRED[0]).get_by_role("button", name="Unggah").click()
    for name, pdf in list(chosen.items())[:3]:
        expect(s.item(page, name).get_by_role("link", name=pdf.name)).to_be_visible()
    expect(s.item(page, s.REQUIRED[3])).to_contain_text("Belum diunggah")
    # One message for the pressed row; the rows list the others (no stack of green boxes).
    expect(page.get_by_role("alert")).to_have_count(1)
    expect(page.get_by_role("alert")).to_contain_text(f"Dokumen {s.REQUIRED[0]} tersimpan.")


def test_a_refused_file_keeps_its_message_while_the_others_are_saved(
    phone_page, live_server, make, tmp_path
):
    page = phone_page
    owner, _board = s.ready_party(make)
    j.log_in(page, owner)
    page.get_by_role("button", name="Ajukan SKT Partai Politik").click()
    limit_mb = live_server.app.config["MAX_UPLOAD_MB"]
    big = tmp_path / "scan-besar.pdf"
    big.write_bytes(j.pdf_file(tmp_path).read_bytes() + b"%" + b"0" * (limit_mb * 1024 * 1024))
    good = j.pdf_file(tmp_path, "surat-permohonan.pdf")
    s.item(page, s.REQUIRED[0]).get_by_label(f"Berkas PDF untuk {s.REQUIRED[0]}").set_input_files(
        str(good)
    )
    s.item(page, s.REQUIRED[1]).get_by_label(f"Berkas PDF untuk {s.REQUIRED[1]}").set_input_files(
        str(big)
    )
    s.item(page, s.REQUIRED[0]).get_by_role("button", name="Unggah").click()
    refused = s.item(page, s.REQUIRED[1])
    expect(refused).to_contain_text(f"Berkas terlalu besar. Ukuran maksimal {limit_mb} MB.")
    expect(refused.get_by_label(f"Berkas PDF untuk {s.REQUIRED[1]}")).to_have_attribute(
        "aria-invalid", "true"
    )
    expect(s.item(page, s.REQUIRED[0])).to_contain_text(f"Dokumen {s.REQUIRED[0]} tersimpan.")
    page.reload()
    expect(s.item(page, s.REQUIRED[0]).get_by_role("link", name=good.name)).to_be_visible()
    expect(refused).to_contain_text("Belum diunggah")


def test_ajukan_pressed_with_chosen_files_uploads_them_first(page, make, tmp_path):
    """The big Ajukan button sits above the list: pressed after choosing every file but before
    any Unggah, it used to leave the page, drop the files and answer "Belum dapat diajukan"."""
    owner, _board = s.ready_party(make)
    j.log_in(page, owner)
    page.get_by_role("button", name="Ajukan SKT Partai Politik").click()
    chosen = {name: j.pdf_file(tmp_path, f"berkas-{n}.pdf") for n, name in enumerate(s.REQUIRED)}
    for name, pdf in chosen.items():
        s.item(page, name).get_by_label(f"Berkas PDF untuk {name}").set_input_files(str(pdf))
    page.get_by_role("button", name="Ajukan", exact=True).click()
    expect(page.get_by_role("alert").filter(has_text="Permohonan diajukan.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Diajukan")
    expect(page.get_by_role("alert")).to_have_count(1)
    for name, pdf in chosen.items():
        expect(s.item(page, name).get_by_role("link", name=pdf.name)).to_be_visible()


def test_leaving_with_a_chosen_file_not_uploaded_asks_first(page, make, tmp_path):
    """A link (Beranda, Lengkapi profil) used to drop a chosen file without a word."""
    owner, _board = s.ready_party(make)
    j.log_in(page, owner)
    page.get_by_role("button", name="Ajukan SKT Partai Politik").click()
    here = page.url
    row = s.item(page, s.REQUIRED[0])
    row.get_by_label(f"Berkas PDF untuk {s.REQUIRED[0]}").click()  # a real user's gesture
    row.get_by_label(f"Berkas PDF untuk {s.REQUIRED[0]}").set_input_files(
        str(j.pdf_file(tmp_path, "surat-permohonan.pdf"))
    )
    asked = []

    def stay(dialog) -> None:
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.get_by_role("link", name="SISAKAT").click()
    expect(row.get_by_role("button", name="Unggah")).to_be_visible()
    assert asked == ["beforeunload"]
    assert page.url == here
