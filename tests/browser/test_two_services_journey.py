"""Issue 7 in a real browser: both services side by side through the whole flow. A party board
and an ormas each sign up (the ormas past the similar-ormas warning), fill their profiles, apply
for the service of their kind, upload and submit; a verifier approves both; the super admin signs
each with the test PKI (the same SRIKANDI upload-back path as the letter journey); each applicant
downloads its own letter, and each letter prints the profile lines of its kind."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from sisakat.extensions import db
from sisakat.models import ORMAS_LAPOR, SKT_PARPOL, Application, Letter, LetterStatus, Role
from sisakat.services import requirements
from tests.browser import application_steps as s
from tests.browser import journeys as j
from tests.letters import helpers as h
from tests.pdf.helpers import pages_text
from tests.signing import pdfs
from tests.signing.conftest import pki  # noqa: F401 - the test PKI fixture

pytestmark = pytest.mark.browser

PARTY_EMAIL, ORMAS_EMAIL = "dpw@partai-contoh.test", "sekretariat@p3s.example.com"
ORMAS = "Perkumpulan Pemuda Peduli Sungai"
ORMAS_REQUIRED = [n for n, _help, required, _p in requirements.ORMAS_DEFAULTS if required]
ORMAS_PROFILE = {
    "Singkatan": "P3S",
    "Bidang kegiatan": "Lingkungan hidup",
    "Nomor SK Kemenkumham / SKT Kemendagri": "AHU-0001234.AH.01.07.TAHUN 2024",
    "Tanggal SK Kemenkumham / SKT Kemendagri": "2024-03-04",
    "Nomor akta pendirian": "15",
    "Tanggal akta pendirian": "2024-01-20",
    "Nama notaris": "Sari Contoh, S.H., M.Kn.",
    "NPWP": "01.234.567.8-901.234",
    "Jalan dan nomor": "Jalan Contoh Sungai No. 9",
    "Kelurahan/Desa": "Sekip Jaya",
    "Kecamatan": "Kemuning",
    "Kabupaten/Kota": "Kota Palembang",
    "Kode pos": "30126",
    "Awal masa bakti": "2024-03-01",
    "Akhir masa bakti": "2029-02-28",
    "Telepon/WhatsApp": "0812 0000 2222",
}


def _download(page: Page, link) -> bytes:
    with page.expect_download() as info:
        link.click()
    return Path(info.value.path()).read_bytes()


def _text(pdf: bytes) -> str:
    """The letter's text with whitespace collapsed (lines wrap where the layout wants)."""
    return " ".join(" ".join(pages_text(pdf)).split())


def _party_applies(page: Page, tmp_path: Path) -> None:
    j.fill_registration(page, PARTY_EMAIL)
    page.get_by_role("button", name="Daftar").click()
    assert "Silakan lengkapi profil partai" in j.alert_text(page)
    j.nav(page, "Profil Partai")
    j.fill_profile(page, j.png_file(tmp_path))
    page.get_by_role("button", name="Simpan").click()
    assert "Profil partai tersimpan." in j.alert_text(page)
    page.goto("/pemohon/")
    services = page.get_by_role("list", name="Layanan yang dapat diajukan")
    expect(services.get_by_role("listitem")).to_have_count(1)  # only its own kind's service
    services.get_by_role("button", name="Ajukan SKT Partai Politik").click()
    assert "Permohonan dibuat." in j.alert_text(page)
    expect(page.get_by_text("Layanan: SKT Partai Politik")).to_be_visible()
    for i, name in enumerate(s.REQUIRED):
        s.upload(page, name, j.pdf_file(tmp_path, f"partai-{i}.pdf"))
    page.get_by_role("button", name="Ajukan", exact=True).click()
    assert "Permohonan diajukan." in j.alert_text(page)


def _ormas_signs_up(page: Page) -> None:
    """Sign-up as an ormas: the similar ormas is listed, confirmed, then the account is made."""
    page.context.clear_cookies()
    page.goto("/akun/daftar")
    page.get_by_label("Organisasi Kemasyarakatan (Ormas)").check()
    expect(page.get_by_label("Nama kepengurusan")).to_be_hidden()
    page.get_by_label("Nama ormas").fill(ORMAS)
    page.get_by_label("Singkatan ormas").fill("P3S")
    page.get_by_label("Nama ketua").fill("Hadi Contoh")
    page.get_by_label("E-mail").fill(ORMAS_EMAIL)
    for label in ("Kata sandi", "Ulangi kata sandi"):
        page.get_by_label(label, exact=True).fill(j.PARTY_PASSWORD)
    page.get_by_role("button", name="Daftar").click()
    warning = page.get_by_role("alert").filter(has_text="mirip dengan ormas Anda")
    expect(warning).to_contain_text("Pemuda Peduli Sungai Contoh (PPSC) — Kota Palembang")
    expect(page.get_by_label("Nama ormas")).to_have_value(ORMAS)  # nothing typed is lost
    page.get_by_label("Saya memahami dan tetap mendaftar").check()
    for label in ("Kata sandi", "Ulangi kata sandi"):
        page.get_by_label(label, exact=True).fill(j.PARTY_PASSWORD)
    page.get_by_role("button", name="Daftar").click()
    assert "Silakan lengkapi profil ormas" in j.alert_text(page)


def _ormas_applies(page: Page, tmp_path: Path) -> None:
    j.nav(page, "Profil Ormas")
    expect(page.get_by_label("Nama ormas")).to_have_value(ORMAS)
    for label, value in ORMAS_PROFILE.items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_label("Bentuk ormas").select_option(label="Berbadan hukum")
    expect(page.get_by_label("Jabatan baris 2", exact=True)).to_have_value("Sekretaris")
    page.get_by_label("Nama baris 2", exact=True).fill("Lina Contoh")
    page.get_by_label("Nama baris 3", exact=True).fill("Tono Contoh")  # Bendahara
    page.get_by_label("Logo ormas", exact=True).set_input_files(str(j.png_file(tmp_path, "o.png")))
    page.get_by_role("button", name="Simpan").click()
    assert "Profil ormas tersimpan." in j.alert_text(page)
    expect(page.get_by_label("NPWP")).to_have_value("012345678901234")
    page.goto("/pemohon/")
    page.get_by_role("button", name="Ajukan Laporan Keberadaan Ormas").click()
    assert "Permohonan dibuat." in j.alert_text(page)
    expect(page.get_by_text("Layanan: Laporan Keberadaan Ormas")).to_be_visible()
    for i, name in enumerate(ORMAS_REQUIRED):
        s.upload(page, name, j.pdf_file(tmp_path, f"ormas-{i}.pdf"))
    page.get_by_role("button", name="Ajukan", exact=True).click()
    assert "Permohonan diajukan." in j.alert_text(page)


def _approve(page: Page, board: str, required: list[str], *, similar: bool) -> None:
    s.switch_user(page, s.VERIFIER[0])
    s.take(page, board)
    hint = page.get_by_role("note").filter(has_text="Mirip dengan:")
    if similar:
        expect(hint).to_contain_text("Pemuda Peduli Sungai Contoh (PPSC), Kota Palembang")
    else:
        expect(hint).to_have_count(0)
    for name in required:
        s.judge(page, name, "Sesuai")
    page.get_by_role("button", name="Setujui").click()
    assert "surat menunggu TTE" in j.alert_text(page)


def _sign(page: Page, board: str, office_pki, tmp_path: Path) -> None:
    """The super admin downloads the unsigned PDF, signs it with the test PKI, uploads it."""
    s.switch_user(page, "admin.contoh")
    page.goto("/tte/")
    row = page.get_by_role("row").filter(has_text=board)
    unsigned = _download(page, row.get_by_role("link", name="Unduh PDF"))
    with ThreadPoolExecutor(1) as pool:  # pyHanko's asyncio cannot run in Playwright's thread
        signed = pool.submit(pdfs.sign, unsigned, office_pki.signer).result()
    path = tmp_path / f"ttd-{len(board)}.pdf"
    path.write_bytes(signed)
    form = page.locator("form").filter(has_text=f"{board} —")
    form.get_by_label("Berkas PDF bertanda tangan").set_input_files(path)
    form.get_by_role("button", name="Unggah").click()
    assert "telah terbit" in j.alert_text(page)


def _letter_of(page: Page, email: str, link: str) -> bytes:
    s.switch_user(page, email, j.PARTY_PASSWORD)
    page.goto("/pemohon/")
    return _download(page, page.get_by_role("link", name=link))


def test_party_and_ormas_side_by_side_to_their_own_letters(page, make, pki, tmp_path):  # noqa: F811
    requirements.ensure_defaults()
    h.trust_office(pki)
    make.user(Role.VERIFIKATOR, username=s.VERIFIER[0], full_name=s.VERIFIER[1])
    make.user(Role.SUPERADMIN, username="admin.contoh")
    make.ormas(party_name="Pemuda Peduli Sungai Contoh", abbreviation="PPSC")
    j.fresh()

    _party_applies(page, tmp_path)
    _ormas_signs_up(page)
    _ormas_applies(page, tmp_path)
    _approve(page, j.BOARD, s.REQUIRED, similar=False)
    _sign(page, j.BOARD, pki, tmp_path)
    _approve(page, ORMAS, ORMAS_REQUIRED, similar=True)
    _sign(page, ORMAS, pki, tmp_path)

    party_pdf = _letter_of(page, PARTY_EMAIL, "Unduh SKT")
    ormas_pdf = _letter_of(page, ORMAS_EMAIL, "Unduh Surat")
    j.fresh()
    letters = {
        a.service_code: db.session.execute(
            db.select(Letter).filter_by(application_id=a.id)
        ).scalar_one()
        for a in db.session.execute(db.select(Application)).scalars()
    }
    assert set(letters) == {SKT_PARPOL, ORMAS_LAPOR}
    assert {x.status for x in letters.values()} == {LetterStatus.BERLAKU}
    assert party_pdf == j_bytes(letters[SKT_PARPOL])
    assert ormas_pdf == j_bytes(letters[ORMAS_LAPOR])
    party_text, ormas_text = _text(party_pdf), _text(ormas_pdf)
    assert "SURAT KETERANGAN TERDAFTAR" in party_text
    assert "Nama Partai" in party_text
    assert "Partai Contoh Sejahtera (PCS)" in party_text
    assert "Nama Ormas" not in party_text
    for line in (
        f"Nama Ormas : {ORMAS} (P3S)",
        "Bentuk : Berbadan hukum",
        "AHU-0001234.AH.01.07.TAHUN 2024 tanggal 4 Maret 2024",
        "Bidang Kegiatan : Lingkungan hidup",
        "Nomor 15 tanggal 20 Januari 2024, notaris Sari Contoh, S.H., M.Kn.",
        "NPWP : 01.234.567.8-901.234",
        "Masa Bakti : 1 Maret 2024 s.d. 28 Februari 2029",
        "Tono Contoh",
    ):
        assert line in ormas_text, line
    assert "Nama Partai" not in ormas_text
    assert "Tingkat" not in ormas_text
    assert letters[ORMAS_LAPOR].number_text in ormas_text
    assert letters[SKT_PARPOL].number_text in party_text
    assert re.match(r"^200\.1\.5\.3/1/", letters[SKT_PARPOL].number_text)
    # Each service prints its own title and numbers in its own series (both start at 1).
    assert "SURAT KETERANGAN MELAPOR" in ormas_text
    assert "SURAT KETERANGAN TERDAFTAR" not in ormas_text
    assert re.match(r"^200\.1\.4\.4/1/", letters[ORMAS_LAPOR].number_text)


def j_bytes(letter: Letter) -> bytes:
    """The stored signed file of a letter."""
    from sisakat.services import storage

    return storage.read_bytes(letter.signed_file)
