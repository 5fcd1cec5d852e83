"""Shared steps of the browser journeys: what a person does on screen, found by role and by the
Indonesian text they read (never by CSS class). Fictional people and parties only."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from playwright.sync_api import Page, expect
from reportlab.pdfgen import canvas

from sisakat.extensions import db
from tests.factories import PASSWORD

BOARD = "DPW Partai Contoh Sejahtera Provinsi Sumatera Selatan"
PARTY_PASSWORD = "frasa sandi partai contoh 2026"

PROFILE_TEXT = {
    "Nama partai": "Partai Contoh Sejahtera",
    "Singkatan": "PCS",
    "Nama wilayah": "Sumatera Selatan",
    "Nama pelapor": "Rina Contoh",
    "Jabatan pelapor": "Ketua",
    "Jalan dan nomor": "Jalan Contoh No. 5",
    "Kelurahan/Desa": "Sekip Jaya",
    "Kecamatan": "Kemuning",
    "Kabupaten/Kota": "Kota Palembang",
    "Kode pos": "30126",
    "Nomor SK": "SKEP/01/DPP-PCS/2025",
    "Tanggal SK": "2025-02-01",
    "Penerbit SK": "DPP Partai Contoh Sejahtera",
    "Awal masa bakti": "2025-02-01",
    "Akhir masa bakti": "2030-01-31",
    "Telepon/WhatsApp": "+62 812 0000 1111",
    "E-mail kontak": "dpw@partai-contoh.example.com",
}


def fresh() -> None:
    """Forget what the test's own session cached: the server wrote through its own sessions."""
    db.session.rollback()
    db.session.expire_all()


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def png_file(folder: Path, name: str = "logo.png") -> Path:
    """A small real PNG logo made with Pillow."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (120, 120), "white")
    ImageDraw.Draw(image).ellipse((10, 10, 110, 110), fill=(200, 30, 30))
    path = folder / name
    image.save(path, format="PNG")
    return path


def pdf_file(folder: Path, name: str = "bukti.pdf") -> Path:
    """A one-page real PDF made with ReportLab."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, "Bukti pengaduan contoh")
    pdf.save()
    path = folder / name
    path.write_bytes(buffer.getvalue())
    return path


def alert_text(page: Page) -> str:
    """The text of the flashed message(s) at the top of the page."""
    return page.get_by_role("alert").first.inner_text()


def nav(page: Page, name: str, role: str = "link") -> None:
    """Use the main menu; on a phone open the collapsed navbar with its toggler first."""
    target = page.get_by_role("navigation", name="Navigasi utama").get_by_role(
        role, name=name, exact=True
    )
    toggler = page.get_by_role("button", name="Buka menu")
    page.wait_for_load_state()  # Bootstrap's collapse handler is bound once its script ran
    if toggler.is_visible() and not target.is_visible():
        toggler.click()
        # Bootstrap swaps "collapsing" for "collapse show" when the opening transition ends;
        # a click during the transition can land on the moving menu and be lost.
        expect(page.locator(".navbar-collapse.collapse.show")).to_be_visible()
    target.click()


def fits_width(page: Page) -> bool:
    """No horizontal scrolling: the page is not wider than the viewport."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def log_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Log in through the login form."""
    page.goto("/akun/masuk")
    page.get_by_label("Nama pengguna atau e-mail").fill(username)
    page.get_by_label("Kata sandi", exact=True).fill(password)
    page.get_by_role("button", name="Masuk").click()


def account_menu(page: Page, name: str) -> None:
    """Use an item of the account's menu (under the user's name in the navbar): Ubah Kata
    Sandi, Keluar; on a phone open the collapsed navbar with its toggler first."""
    bar = page.get_by_role("navigation", name="Navigasi utama")
    toggle = bar.locator(".dropdown-toggle:has(.nav-user-name)")
    toggler = page.get_by_role("button", name="Buka menu")
    page.wait_for_load_state()
    if toggler.is_visible() and not toggle.is_visible():
        toggler.click()
        expect(page.locator(".navbar-collapse.collapse.show")).to_be_visible()
    toggle.click()
    role = "button" if name == "Keluar" else "link"
    bar.get_by_role(role, name=name, exact=True).click()


def log_out(page: Page) -> None:
    """Keluar from the account's menu and see the goodbye message."""
    account_menu(page, "Keluar")
    expect(page.get_by_role("alert").first).to_contain_text("Anda telah keluar.")


def fill_registration(page: Page, email: str) -> None:
    """Fill the sign-up form (board name, e-mail, password twice) without sending it."""
    page.goto("/akun/daftar")
    page.get_by_label("Nama kepengurusan").fill(BOARD)
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Kata sandi", exact=True).fill(PARTY_PASSWORD)
    page.get_by_label("Ulangi kata sandi").fill(PARTY_PASSWORD)


def fill_profile(page: Page, logo: Path) -> None:
    """Every field of the party profile, the three required officers plus one row added
    with the 'Tambah baris' button (the suggested 'Wakil Ketua' row removed) and the logo file."""
    for label, value in PROFILE_TEXT.items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_label("Tingkat kepengurusan").select_option(label="Provinsi")
    page.get_by_label("Nama baris 1", exact=True).fill("Rina Contoh")
    page.get_by_role("button", name="Hapus baris 2", exact=True).click()  # Wakil Ketua
    page.get_by_label("Nama baris 3", exact=True).fill("Dodi Contoh")  # Sekretaris
    page.get_by_label("Nama baris 4", exact=True).fill("Maya Contoh")  # Bendahara
    page.get_by_role("button", name="Tambah baris").click()
    page.get_by_label("Jabatan baris 8", exact=True).fill("Wakil Sekretaris")
    page.get_by_label("Nama baris 8", exact=True).fill("Sari Contoh")
    page.get_by_label("Logo partai", exact=True).set_input_files(str(logo))


def fill_survey(page: Page, suggestion: str, service: str = "") -> None:
    """Answer the nine questions (the best answer each) and write a suggestion; on the public
    survey, which has no service chosen beforehand, also choose ``service`` (its name)."""
    if service:
        page.get_by_role("radio", name=service, exact=True).check()
    for i in range(1, 10):
        group = page.get_by_role("group", name=f"U{i}.")
        group.get_by_role("radio").last.check()
    page.get_by_label("Usia").select_option(index=2)
    page.get_by_label("Saran dan masukan (opsional)").fill(suggestion)
