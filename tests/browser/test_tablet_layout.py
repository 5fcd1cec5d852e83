"""Staff and admin tables that scrolled sideways at tablet width (768 px, also a laptop window
on half the screen), found walking every staff, admin and party page as each role: the letter
register, Administrasi → Layanan and Administrasi → Pengguna, the audit log and the party
register (too many columns for 768 px), and the ormas register (twelve columns, wider than even
a 1280-px laptop). Below a breakpoint their secondary columns now fold into the primary cell,
and long names and numbers wrap. Also the e-mail settings page, whose long address widened a
phone screen, and the verifier's desk tables (queue, letter search, complaints), which scrolled
inside their box on a phone; at 360 px too, the admin requirement list, the audit log, the
party register, the IKM table and the dashboard's level and region tables."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from sisakat.extensions import db
from sisakat.models import ApplicantKind, ApplicationStatus, LetterStatus, Level, Role, Verdict
from sisakat.models import utcnow as now
from sisakat.services import catalog, requirements, service_config
from sisakat.services.ormas_registry import HEADER as ORMAS_HEADER
from tests.browser.journeys import fresh, log_in

pytestmark = pytest.mark.browser

TABLET, PHONE, LAPTOP, WIDE = 768, 360, 1280, 1440
REGENCY = "Kabupaten Ogan Komering Ulu Selatan"
PARTY = "Partai Gerakan Persatuan Kebangkitan Demokrasi Indonesia Raya"
BOARD = f"Dewan Pimpinan Wilayah {PARTY} Provinsi Sumatera Selatan"
BRANCH = f"Dewan Pimpinan Cabang {PARTY} {REGENCY}"
ORMAS = "Perkumpulan Masyarakat Peduli Lingkungan Hidup dan Pelestarian Sungai Musi"
SERVICE = (
    "Surat Keterangan Terdaftar Organisasi Kemasyarakatan Bidang Lingkungan Hidup, "
    "Kehutanan dan Pelestarian Alam"
)
ADMIN_NAME = "Dr. Hj. Raden Ayu Kartika Sari Dewi Purnamasari, S.Sos., M.Si."
ADMIN_EMAIL = "kartika.sari.dewi.purnamasari@kesbangpol.sumselprov.contoh.test"
REASON = (
    "Kepengurusan diganti berdasarkan Surat Keputusan Dewan Pimpinan Pusat nomor "
    "123/SK/DPP/X/2026 tentang perubahan susunan pengurus"
)

# What overflows sideways: the page itself, or a table's scrolling wrapper.
OVERFLOWS = """() => {
  const out = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) out.push(`halaman ${doc.scrollWidth}px`);
  document.querySelectorAll('.table-responsive').forEach((box) => {
    const head = box.querySelector('th')?.textContent;
    if (box.scrollWidth > box.clientWidth) out.push(`tabel "${head}" ${box.scrollWidth}px`);
  });
  return out;
}"""


def _seed(make) -> dict[str, list[str]]:
    """Every role with long realistic names; returns the pages each role sees."""
    requirements.ensure_defaults()
    catalog.ensure_defaults()
    admin = make.user(
        Role.SUPERADMIN, username="admin.contoh", full_name=ADMIN_NAME, email=ADMIN_EMAIL
    )
    verifier = make.user(
        Role.VERIFIKATOR,
        username="verifikator.contoh",
        full_name="Muhammad Fadhil Ramadhan Saputra Wijayakusuma, S.IP.",
    )
    make.user(Role.PENANDATANGAN, username="kepala.contoh", full_name="Dr. Contoh Pejabat, M.Si.")
    service_config.create(
        code="ormas_lingkungan",
        name=SERVICE,
        short_name="SKT Ormas Lingkungan Hidup",
        applicant_kind=ApplicantKind.ORMAS,
        sla_minutes=600,
        actor=admin,
    )
    board = make.party(board_name=BOARD, party_name=PARTY)
    branch = make.party(
        board_name=BRANCH, party_name=PARTY, level=Level.KABUPATEN, region_name=REGENCY
    )
    issued = [
        make.issued_letter(board),
        make.issued_letter(
            branch, status=LetterStatus.DICABUT, revoked_reason=REASON, revoked_at=now()
        ),
        make.issued_letter(make.ormas(party_name=ORMAS, chair="Raden Mas Bagus Hadiningrat")),
    ]
    waiting = make.application(
        make.party(board_name=BOARD.replace("Wilayah", "Daerah"), party_name=PARTY),
        status=ApplicationStatus.DIAJUKAN,
    )
    claimed = make.application(
        make.party(board_name=BOARD.replace("Wilayah", "Ranting"), party_name=PARTY),
        status=ApplicationStatus.DIVERIFIKASI,
        claimed_by=verifier,
    )
    complaint = make.complaint(name="Raden Mas Bagus Hadiningrat", body="Antrean lama. " * 30)
    for application in [letter.application for letter in issued] + [waiting, claimed]:
        make.submitted(application, commit=False)  # the dashboard counts submitted ones
    db.session.commit()
    reports = ["/laporan/dasbor", "/laporan/ikm", "/laporan/rekap-partai",
               "/laporan/register-ormas", f"/laporan/rekap-partai/{board.id}"]  # fmt: skip
    desk = ["/petugas/", "/petugas/surat", "/petugas/pengaduan",
            f"/petugas/pengaduan/{complaint.id}"]  # fmt: skip
    account = ["/akun/notifikasi", "/akun/notifikasi/email", "/akun/kata-sandi"]
    admin_pages = ["/admin/", "/admin/surat", "/admin/layanan", "/admin/pengguna",
        "/admin/nomor-surat", "/admin/persyaratan", "/admin/persyaratan?layanan=ormas_lingkungan",
        "/admin/alasan", "/admin/faq", "/admin/kontak", "/admin/pengaduan/kategori",
        "/admin/log-audit", "/admin/tte/kepercayaan", "/admin/penomoran", "/admin/pengaturan-surat",
        "/admin/pengaturan/instansi", "/admin/pengaturan/penandatangan",
        "/admin/pengaturan/jam-layanan", "/admin/layanan/skt_parpol",
        "/admin/layanan/ormas_lingkungan/ubah", "/admin/layanan-baru", "/admin/pengguna/baru",
        "/tte/", "/tte/pengaturan", f"/petugas/permohonan/{waiting.id}"]  # fmt: skip
    return {
        "admin.contoh": admin_pages + reports + desk + account,
        "verifikator.contoh": desk + [f"/petugas/permohonan/{claimed.id}"] + reports + account,
        "kepala.contoh": ["/tte/", "/laporan/dasbor"] + account,
        board.account.username: ["/pemohon/", "/pemohon/profil"] + account,
    }


def _sideways(page, pages: dict[str, list[str]]) -> list[str]:
    """Visit every page as its role; name each page that scrolls sideways and how."""
    found = []
    for username, paths in pages.items():
        page.context.clear_cookies()
        log_in(page, username)
        for path in paths:
            response = page.goto(path)
            assert response.status == 200, (username, path, response.status)
            found += [f"{username} {path}: {o}" for o in page.evaluate(OVERFLOWS)]
    return found


@pytest.mark.parametrize("width", [PHONE, TABLET, LAPTOP, WIDE])
def test_no_staff_admin_or_party_page_scrolls_sideways(page, make, width):
    pages = _seed(make)
    fresh()
    page.set_viewport_size({"width": width, "height": 900})
    assert _sideways(page, pages) == []


def _shown(page, text: str) -> None:
    """``text`` is on screen at this width (in its column or folded into the primary cell)."""
    expect(page.get_by_text(text, exact=False).filter(visible=True).first).to_be_visible()


@pytest.mark.parametrize("width", [PHONE, TABLET, LAPTOP])
def test_register_services_and_users_show_everything_and_every_action(page, make, width):
    """Nothing is hidden at every width: what a hidden column held shows in the primary cell,
    and each row's action stays reachable; at a phone's width too, without scrolling."""
    _seed(make)
    fresh()
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, "admin.contoh")
    page.goto("/admin/surat")
    for text in (BOARD, BRANCH, REASON, "Berlaku", "Dicabut", "Berlaku sampai"):
        _shown(page, text)
    page.locator("summary", has_text="Cabut").filter(visible=True).first.click()
    expect(page.get_by_role("button", name="Cabut surat").first).to_be_visible()
    assert page.evaluate(OVERFLOWS) == []
    page.goto("/admin/layanan")
    for text in (SERVICE, "Aktif", "jam kerja", "Organisasi Kemasyarakatan", "berikutnya 1/"):
        _shown(page, text)
    row = page.locator("tr", has_text=SERVICE)
    for action in ("Ubah", "Persyaratan", "Standar pelayanan", "Isi surat", "Penomoran"):
        expect(row.get_by_role("link", name=action, exact=True)).to_be_visible()
    assert page.evaluate(OVERFLOWS) == []
    page.goto("/admin/pengguna")
    for text in ("admin.contoh", ADMIN_NAME, ADMIN_EMAIL, "Super Admin", "Terakhir masuk"):
        _shown(page, text)
    row = page.locator("tr", has_text="admin.contoh")
    expect(row.get_by_role("link", name="Ubah")).to_be_visible()
    assert page.evaluate(OVERFLOWS) == []


def test_email_settings_fit_a_phone_with_a_long_address(phone_page, make):
    make.user(Role.SUPERADMIN, username="admin.contoh", email=ADMIN_EMAIL)
    fresh()
    log_in(phone_page, "admin.contoh")
    phone_page.goto("/akun/notifikasi/email")
    expect(phone_page.get_by_text(ADMIN_EMAIL, exact=False)).to_be_visible()
    assert phone_page.evaluate(OVERFLOWS) == []


def test_reports_and_audit_log_fold_their_columns_on_a_tablet(page, make):
    """The columns a tablet hides in the ormas and party registers and the audit log show in
    the primary cells instead."""
    _seed(make)
    fresh()
    page.set_viewport_size({"width": TABLET, "height": 900})
    log_in(page, "verifikator.contoh")
    page.goto("/laporan/register-ormas")
    for text in (ORMAS, "Raden Mas Bagus Hadiningrat", "AH.01.07", "Sosial kemasyarakatan",
                 "Kota Palembang", "Masa bakti", "/BAN.KBP/"):  # fmt: skip
        _shown(page, text)
    page.goto("/laporan/rekap-partai")
    for text in (BRANCH, "Berlaku s.d.", "akhir masa bakti"):
        _shown(page, text)
    page.context.clear_cookies()
    log_in(page, "admin.contoh")
    page.goto("/admin/log-audit")
    for text in ("127.0.0.1", "service:ormas_lingkungan"):
        _shown(page, text)
    assert page.evaluate(OVERFLOWS) == []


RANTING = BOARD.replace("Wilayah", "Ranting")  # the claimed application's board in _seed
LONG_NUMBER = "200.1.5.3/12345/BAN.KBP-SEKRETARIAT/DPW-PARTAI/XII/2026"
CATEGORY = "Pelayanan Pendaftaran dan Penerbitan Surat Keterangan Terdaftar"
# Each desk page: the cells a phone must still show, the column heads a laptop and paper keep,
# and a text only the phone's folded copy has (paper prints each column once, without it).
DESK = {
    "/petugas/": (
        (
            RANTING,
            "Diverifikasi",
            "dokumen tidak sesuai",
            "Muhammad Fadhil Ramadhan",
            " menit",
            "Lewat janji layanan",
        ),
        ("Pemohon", "Tingkat", "Status", "Sejak diajukan (jam kerja)", "Petugas", "Berkas"),
        "Petugas: ",
    ),
    "/petugas/surat": (
        (LONG_NUMBER, BOARD, PARTY, "Berlaku", "TTE sertifikat instansi"),
        ("Nomor", "Tanggal", "Pemohon", "Status", "Cara tanda tangan"),
        r"Tanggal \d",
    ),
    "/petugas/pengaduan": (
        (CATEGORY, "Diterima", "Batas waktu"),
        ("Tiket", "Kategori", "Diterima", "Batas waktu", "Status"),
        "· batas waktu ",
    ),
}


@pytest.mark.parametrize("width", [PHONE, LAPTOP])
def test_desk_tables_fit_a_phone_and_keep_their_columns_on_a_laptop(page, make, width):
    """The verifier queue, the staff letter list and the complaints queue scrolled sideways
    inside their table box at 360 px (666, 614 and 418 px of table). On a phone the secondary
    columns now fold into the primary cell (nothing hidden, every link reachable); a laptop
    still shows every column, and so does paper printed from a phone (it folded them too)."""
    _seed(make)
    board = make.party(board_name=BOARD, party_name=PARTY)
    make.issued_letter(board, number_text=LONG_NUMBER)
    late = make.application(
        make.party(board_name=BOARD.replace("Wilayah", "Anak Ranting"), party_name=PARTY),
        status=ApplicationStatus.DIAJUKAN,
        verdict=Verdict.TIDAK_SESUAI,
    )
    late.status_changed_at = now() - timedelta(days=10)  # past the SKT's promised hours
    complaint = make.complaint(name="Raden Ajeng Kusumawardhani")
    complaint.category.name = CATEGORY
    ticket = complaint.ticket
    db.session.commit()
    fresh()
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, "verifikator.contoh")
    for path, (cells, heads, copy) in DESK.items():
        page.emulate_media(media="screen")
        page.goto(path)
        for text in cells:
            _shown(page, text)
        assert page.evaluate(OVERFLOWS) == [], path
        folded = page.get_by_text(re.compile(copy)).filter(visible=True)
        if width == PHONE:  # the folded copy is on screen; paper (A4, about 680 px) prints
            expect(folded.first).to_be_visible()  # every column instead, each once
            page.emulate_media(media="print")
        expect(folded).to_have_count(0)
        for head in heads:
            expect(page.get_by_role("columnheader", name=head, exact=True)).to_be_visible()
    page.emulate_media(media="screen")
    page.get_by_role("link", name=ticket).click()
    expect(page).to_have_url(re.compile(r"/petugas/pengaduan/\d+$"))
    page.goto("/petugas/surat")
    page.get_by_role("link", name=re.compile("^" + re.escape(BOARD))).first.click()  # + number
    expect(page).to_have_url(re.compile(r"/petugas/permohonan/\d+$"))
    page.goto("/petugas/")
    page.get_by_role("link", name=RANTING).click()
    expect(page).to_have_url(re.compile(r"/petugas/permohonan/\d+$"))


SLASHED_NUMBER = "200.1.5.3/12345/BAN.KBP/DPW/XII/2026"  # breaks only at its slashes

# Each admin and report table a phone folds: the cells it must still show (in their column or
# under the primary cell), and the column heads a laptop and paper keep.
FOLDED = {
    "/admin/persyaratan": (
        ("Surat permohonan", "Wajib", "Opsional", "Aktif"),
        ("Urutan", "Nama", "Sifat", "Status"),
    ),
    "/admin/log-audit": (
        ("admin.contoh", "127.0.0.1", "service:ormas_lingkungan", "berhasil", "Seri: "),
        ("Waktu", "Pelaku", "Alamat", "Aksi", "Objek", "Hasil", "Rincian"),
    ),
    "/laporan/rekap-partai": (
        (
            BRANCH,
            REGENCY,
            SLASHED_NUMBER,
            "Dicabut",
            "(1 terbit)",
            "Berlaku s.d.",
            "Akhir masa bakti",
        ),
        (
            "Partai / Kepengurusan",
            "Tingkat",
            "SKT",
            "Berlaku s.d.",
            "Akhir masa bakti",
            "Keadaan",
            "Permohonan",
        ),
    ),
    "/laporan/register-ormas": (
        (ORMAS, "Raden Mas Bagus Hadiningrat", "Masa bakti", "Kota Palembang"),
        ORMAS_HEADER,
    ),
    "/laporan/ikm": (
        ("Jumlah nilai", "1/9", "NRR tertimbang", "Penanganan pengaduan, saran dan masukan"),
        ("Unsur", "Uraian", "Jumlah nilai", "NRR", "Bobot", "NRR tertimbang"),
    ),
    "/laporan/dasbor": (
        (REGENCY, "Median (jam kerja)", "Dalam SLA"),
        ("Wilayah", "Permohonan", "Terbit", "Median (jam kerja)", "Dalam SLA"),
    ),
}


@pytest.mark.parametrize("width", [PHONE, TABLET, LAPTOP])
def test_admin_and_report_tables_fit_a_phone_and_print_every_column(page, make, width):
    """The requirement list, the audit log, the party register, the IKM table and the
    dashboard's level and region tables scrolled sideways inside their box at 360 px (506, 555,
    686, 462, 416 and 418 px of table). On a phone their secondary columns fold into the primary
    cell (nothing hidden, every link and button reachable; the ormas register already folded);
    a laptop shows every column (the ormas register from 1400 px), and so does paper."""
    _seed(make)
    make.issued_letter(make.party(board_name=BOARD, party_name=PARTY), number_text=SLASHED_NUMBER)
    for answers in ((4, 3, 4, 3, 4, 3, 4, 3, 4), (3, 3, 3, 3, 3, 3, 3, 3, 3)):
        make.survey_response(answers)
    fresh()
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, "admin.contoh")
    for path, (cells, heads) in FOLDED.items():
        page.emulate_media(media="screen")
        page.goto(path)
        for text in cells:
            _shown(page, text)
        assert page.evaluate(OVERFLOWS) == [], path
        if width != LAPTOP or path == "/laporan/register-ormas":  # twelve columns from 1400 px
            page.emulate_media(media="print")
        for head in heads:
            expect(page.get_by_role("columnheader", name=head, exact=True).first).to_be_visible()
    page.emulate_media(media="screen")
    page.goto("/admin/persyaratan")
    row = page.locator("tr", has_text="Surat permohonan").first
    for button in ("Naik", "Turun"):
        expect(row.get_by_role("button", name=button)).to_be_visible()
    row.get_by_role("link", name="Surat permohonan").click()
    expect(page).to_have_url(re.compile(r"/admin/persyaratan/\d+"))
    page.goto("/laporan/rekap-partai")
    page.get_by_role("link", name=PARTY).first.click()
    expect(page).to_have_url(re.compile(r"/laporan/rekap-partai/\d+$"))
    page.goto("/laporan/register-ormas")
    page.get_by_role("link", name=ORMAS).click()
    expect(page).to_have_url(re.compile(r"/laporan/rekap-partai/\d+$"))


# Words of a table's first column drawn on more than one line (a word broken inside itself).
BROKEN_WORDS = """() => {
  const broken = [];
  document.querySelectorAll('table[id^="tabel-"] tbody td:first-child').forEach((cell) => {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.offsetParent === null) continue;  // a folded copy, not shown
      for (const word of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(word[0]);
      }
    }
  });
  return broken;
}"""


@pytest.mark.parametrize("width", [PHONE, LAPTOP])
def test_dashboard_tables_never_break_a_word_inside_itself(page, make, width):
    """The dashboard's level and region tables let their first column break anywhere, so on a
    1280-px laptop 'Kabupaten' was drawn as 'Kabupate' / 'n'; names now wrap between words."""
    _seed(make)
    make.issued_letter(make.party(board_name=BOARD, party_name=PARTY), number_text=SLASHED_NUMBER)
    fresh()
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, "admin.contoh")
    page.goto("/laporan/dasbor")
    expect(page.locator("table[id^='tabel-'] td", has_text="Kabupaten").first).to_be_visible()
    assert page.evaluate(BROKEN_WORDS) == []
    assert page.evaluate(OVERFLOWS) == []
