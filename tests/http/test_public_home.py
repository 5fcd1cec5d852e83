"""Home page, contact channels, FAQ, guide and the letter check."""

from urllib.parse import quote

from sisakat.extensions import db
from sisakat.models import FaqEntry, Role
from sisakat.services import settings
from tests.monitoring_helpers import hours_form


def test_home_shows_services_letter_check_and_contacts(client):
    settings.update({"contact.whatsapp": "0812-0000-0000"}, actor=None)
    db.session.commit()
    html = client.get("/").get_data(as_text=True)
    assert "Surat Keterangan Terdaftar (SKT) Partai Politik" in html
    assert "Cek Keaslian Surat" in html
    assert 'action="/cek-surat"' in html
    message = quote(settings.get("contact.whatsapp_message"))
    assert f"https://wa.me/6281200000000?text={message}" in html
    assert "https://www.lapor.go.id" in html


def test_letter_check_never_gives_a_fake_positive(client):
    html = client.get("/cek-surat?q=200.1.5.3/1436/BAN.KBP/2025").get_data(as_text=True)
    assert "Surat tidak ditemukan" in html
    assert "Surat tidak ditemukan" not in client.get("/cek-surat").get_data(as_text=True)


def test_faq_shows_active_entries_sanitised(client, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    admin.post(
        "/admin/faq",
        data={
            "question": "Berapa biaya SKT?",
            "active": "y",
            "answer": "Gratis.<script>alert(1)</script>",
        },
    )
    db.session.add(FaqEntry(question="Tersembunyi", answer="", active=False))
    db.session.commit()
    html = client.get("/faq").get_data(as_text=True)
    assert "Berapa biaya SKT?" in html
    assert "Gratis." in html
    assert "<script>alert(1)" not in html
    assert "Tersembunyi" not in html


def test_guide_has_steps_for_parties_ormas_and_staff(client):
    html = client.get("/panduan").get_data(as_text=True)
    assert "Untuk pemohon (partai politik dan ormas)" in html
    assert "SKT Kemendagri" in html  # the ormas profile step
    assert "Untuk petugas" in html


def test_guide_tells_an_officer_checking_a_letter_what_to_do(client):
    """A KPU or Bawaslu officer holding a letter finds how to check it and what each answer
    means; staff steps name the menus as the screens do."""
    html = client.get("/panduan").get_data(as_text=True)
    section = html.split('id="pemeriksa"', 1)[1].split("</section>", 1)[0]
    assert "Untuk pemeriksa surat (KPU, Bawaslu dan instansi lain)" in section
    assert 'href="/cek-surat"' in section
    for word in ("BERLAKU", "DICABUT", "DIGANTI", "KEDALUWARSA", "Bandingkan berkas"):
        assert word in section, word
    assert "belum dapat dipastikan keasliannya" in section
    staff = html.split('id="petugas"', 1)[1].split("</section>", 1)[0]
    for menu in ("Antrean Verifikasi", "Ambil untuk Diverifikasi", "Menunggu TTE"):
        assert menu in staff, menu
    assert "Pengaduan Masuk" in staff
    assert "Indeks Kepuasan Masyarakat (IKM)" in staff


def test_admin_contact_settings_refuse_non_https_lapor_link(client, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    response = admin.post("/admin/kontak", data={"lapor_url": "javascript:alert(1)"})
    assert "Tautan harus diawali https://." in response.get_data(as_text=True)
    admin.post(
        "/admin/kontak",
        data={
            "lapor_url": "https://www.lapor.go.id",
            "whatsapp": "6281299998888",
            "name_required": "y",
        },
    )
    assert settings.get("contact.whatsapp") == "6281299998888"
    assert settings.get("complaint.name_required") is True


def test_public_hours_follow_the_service_hours_page(client, make, login_as):
    """The public pages said "Senin-Jumat, 08.00-16.00" (the contacts page's own default) after
    an office in WITA set its hours to 07.30-15.30, Monday to Saturday: two settings for one
    fact. Now, while the contacts page leaves its hours empty, they follow the hours page."""
    admin = login_as(make.user(Role.SUPERADMIN))
    settings.update({"agency.timezone": "WITA"}, actor=None)
    db.session.commit()
    hours = hours_form("07:30", "15:30", (1, 2, 3, 4, 5, 6))
    assert admin.post("/admin/pengaturan/jam-layanan", data=hours).status_code == 302
    assert "Senin–Sabtu 07.30–15.30 WITA" in client.get("/").get_data(as_text=True)
    page = admin.get("/admin/kontak").get_data(as_text=True)
    assert (
        "mengikuti halaman Jam layanan, hari libur dan pengingat: Senin–Sabtu 07.30–15.30" in page
    )
    typed = {"lapor_url": "https://www.lapor.go.id", "hours": "Senin-Kamis 08.00-15.00"}
    assert admin.post("/admin/kontak", data=typed).status_code == 302
    home = client.get("/").get_data(as_text=True)
    assert "Senin-Kamis 08.00-15.00" in home
    assert "07.30–15.30" not in home
    admin.post("/admin/pengaturan/jam-layanan", data=hours_form("08:00", "12:00", (1, 3)))
    admin.post("/admin/kontak", data={"lapor_url": "https://www.lapor.go.id", "hours": ""})
    assert "Senin, Rabu 08.00–12.00 WITA" in client.get("/").get_data(as_text=True)


def test_public_pages_show_a_shorter_friday_and_its_break(client, make, login_as):
    """With one start and end for every working day, the home page and the complaint page
    said "Senin-Jumat, 07.30-16.00 WIB" for an office closing at 16.30 on Friday after a
    prayer break; now each run of days with the same hours is named with its own hours."""
    admin = login_as(make.user(Role.SUPERADMIN))
    friday = {"end_5": "16:30", "break_start_5": "11:30", "break_end_5": "13:00"}
    saturday = {"start_6": "08:00", "end_6": "12:00"}
    form = hours_form("07:30", "16:00", (1, 2, 3, 4, 5, 6), **friday, **saturday)
    assert admin.post("/admin/pengaturan/jam-layanan", data=form).status_code == 302
    expected = (
        "Senin–Kamis 07.30–16.00 WIB; Jumat 07.30–16.30 WIB (istirahat 11.30–13.00); "
        "Sabtu 08.00–12.00 WIB"
    )
    for url in ("/", "/pengaduan", "/akun/masuk"):
        assert expected in client.get(url).get_data(as_text=True), url


def test_every_asset_the_layout_links_is_served(client):
    """Stylesheets, scripts and the icon (a browser asked /favicon.ico, a 404 on every page,
    until the layout named its icon)."""
    import re

    page = client.get("/").get_data(as_text=True)
    links = re.findall(r'<link[^>]+href="(/static/[^"]+)"', page)
    links += re.findall(r'<script[^>]+src="(/static/[^"]+)"', page)
    assert any("favicon" in link for link in links)
    for link in links:
        response = client.get(link)
        response.close()
        assert response.status_code == 200, link


def test_home_calls_the_service_free_only_while_every_standard_says_so(client, make):
    """The home page's promise "tanpa biaya" follows the Standar Pelayanan: it used to be
    written into the page, still shown after an office stated a cost."""
    from sisakat.models import SKT_PARPOL
    from sisakat.services import service_info

    lead = "tanpa antre, tanpa kertas, tanpa biaya."
    assert lead in client.get("/").get_data(as_text=True)
    standard = service_info.standard_for(SKT_PARPOL)
    values = {f: getattr(standard, f) for f in service_info.FORMATTED_FIELDS}
    admin = make.user(Role.SUPERADMIN)
    service_info.save_standard(SKT_PARPOL, values, "", actor=admin)  # the default, saved
    db.session.commit()
    assert lead in client.get("/").get_data(as_text=True)
    values["cost"] = "Biaya legalisasi dokumen ditanggung pemohon."
    service_info.save_standard(SKT_PARPOL, values, "", actor=admin)
    db.session.commit()
    page = client.get("/").get_data(as_text=True)
    assert "tanpa antre, tanpa kertas." in page
    assert "tanpa biaya" not in page


def test_the_menu_leads_the_public_and_parties_to_the_letter_check_and_the_guide(
    client, make, login_as
):
    """Found by users: checking a letter is what the public most needs besides Layanan, yet the
    top menu had no way there (nor to the guide); only the home page's box led to it."""

    def menu(page: str) -> str:
        return page.split('id="navUtama"', 1)[1].split("</nav>", 1)[0]

    for who in (client, login_as(make.party().account)):
        bar = menu(who.get("/faq").get_data(as_text=True))
        assert 'href="/cek-surat">Cek Surat</a>' in bar
        assert 'href="/panduan">Panduan</a>' in bar
