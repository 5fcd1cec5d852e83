"""Public service information: Standar Pelayanan, requirement list, flow diagram, forms, FAQ."""

import html as html_module
import re
import zipfile

from sisakat.extensions import db
from sisakat.models import Role, ServiceStandard
from sisakat.services import service_info
from tests.monitoring_helpers import hours_form
from tests.public_helpers import XSS, listed_requirements, requirements, upload


def test_public_page_lists_exactly_the_active_requirements_in_order(client):
    requirements()
    html = client.get("/layanan/skt_parpol").get_data(as_text=True)
    expected = [
        (r.name, "Wajib" if r.required else "Opsional")
        for r in service_info.requirements_for("skt_parpol")
    ]
    assert listed_requirements(html) == expected
    assert expected == [
        ("Surat permohonan", "Wajib"),
        ("KTP ketua, sekretaris dan bendahara", "Wajib"),
        ("NPWP kepengurusan", "Opsional"),
    ]
    assert "Persyaratan lama" not in html


def test_service_page_shows_six_components_and_default_texts(client):
    html = client.get("/layanan/skt_parpol").get_data(as_text=True)
    for heading in (
        "Persyaratan",
        "Sistem, mekanisme dan prosedur",
        "Jangka waktu pelayanan",
        "Biaya/tarif",
        "Produk pelayanan",
        "Penanganan pengaduan",
        "Dasar hukum",
    ):
        assert heading in html
    assert "Tidak dipungut biaya." in html
    assert client.get("/layanan/tidak-ada").status_code == 404


def test_admin_edits_standard_sanitised_and_steps_drive_the_diagram(app, client, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    response = admin.post(
        "/admin/layanan/skt_parpol",
        data={
            "cost": f"<p>Gratis</p>{XSS}<a href='javascript:alert(1)'>x</a>",
            "steps": "Daftar akun | Pemohon | 5 menit\nVerifikasi <dokumen> & berkas | Verifikator",
            "duration": "1 jam",
        },
    )
    assert response.status_code == 302
    row = db.session.execute(db.select(ServiceStandard)).scalar_one()
    assert row.cost.startswith("<p>Gratis</p>")
    assert "script" not in row.cost
    assert "onerror" not in row.cost
    assert "javascript" not in row.cost
    svg = client.get("/layanan/skt_parpol/alur.svg")
    assert svg.mimetype == "image/svg+xml"
    text = svg.get_data(as_text=True)
    assert "Daftar akun" in text
    assert "Pemohon · 5 menit" in text
    assert "Verifikasi &lt;dokumen&gt; &amp; berkas" in text
    assert text.count("<rect") == 2


def test_poster_page_is_printable_and_embeds_the_diagram(client):
    html = client.get("/layanan/skt_parpol/poster").get_data(as_text=True)
    assert "/layanan/skt_parpol/alur.svg" in html
    assert 'media="print"' in html
    assert "data-print" in html


def test_admin_uploads_form_and_public_downloads_it(client, make, login_as, app):
    from tests.factories import pdf_bytes

    admin = login_as(make.user(Role.SUPERADMIN))
    data = pdf_bytes("Surat pernyataan tidak merangkap")
    admin.post(
        "/admin/layanan/skt_parpol/formulir",
        data={"title": "Surat pernyataan tidak merangkap", "file": upload(data, "pernyataan.pdf")},
    )
    forms = service_info.forms_for("skt_parpol")
    assert [f.title for f in forms] == ["Surat pernyataan tidak merangkap"]
    page = client.get("/layanan/skt_parpol").get_data(as_text=True)
    assert "Surat pernyataan tidak merangkap" in page
    download = client.get(f"/layanan/skt_parpol/formulir/{forms[0].id}")
    assert download.data == data
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    download.close()
    bad = admin.post(
        "/admin/layanan/skt_parpol/formulir",
        data={"title": "Palsu", "file": upload(b"MZ\x90\x00exe", "x.pdf")},
    )
    assert len(service_info.forms_for("skt_parpol")) == 1
    assert "Formulir harus berkas PDF atau Word" in bad.get_data(as_text=True)


def test_admin_uploads_docx_template_but_not_one_with_macros(app, make, login_as):
    import io

    from docx import Document

    admin = login_as(make.user(Role.SUPERADMIN))
    out = io.BytesIO()
    Document().save(out)
    url = "/admin/layanan/skt_parpol/formulir"
    admin.post(url, data={"title": "Templat pernyataan", "file": upload(out.getvalue(), "t.docx")})
    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr("word/vbaProject.bin", b"macro")
    admin.post(url, data={"title": "Bermakro", "file": upload(out.getvalue(), "m.docm")})
    forms = service_info.forms_for("skt_parpol")
    assert [f.title for f in forms] == ["Templat pernyataan"]
    assert forms[0].file.content_type.endswith("wordprocessingml.document")
    assert forms[0].file.display_name == "t.docx"


def _text(response) -> str:
    """The page's text: tags removed, white space collapsed."""
    return " ".join(re.sub(r"<[^>]+>", "", response.get_data(as_text=True)).split())


def test_service_page_gives_the_offices_hours(client, make, login_as):
    """The Standar Pelayanan page gave requirements, procedure, time and cost but not when the
    office serves: it now says so, from the same text as the home and contact pages (the Jam
    layanan page, or the hours typed on the Kontak page when set)."""
    admin = login_as(make.user(Role.SUPERADMIN))
    hours = hours_form("07:30", "15:30", (1, 2, 3, 4, 5, 6), end_5="16:30")
    assert admin.post("/admin/pengaturan/jam-layanan", data=hours).status_code == 302
    expected = "Senin–Kamis, Sabtu 07.30–15.30 WIB; Jumat 07.30–16.30 WIB"
    assert f"Jam layanan: {expected}" in _text(client.get("/layanan/skt_parpol"))
    poster = client.get("/layanan/skt_parpol/poster").get_data(as_text=True)
    assert f'<h2 class="h6">Jam layanan</h2><p>{expected}</p>' in poster  # the A4 poster too
    typed = {"lapor_url": "https://www.lapor.go.id", "hours": "Senin-Kamis 08.00-15.00"}
    assert admin.post("/admin/kontak", data=typed).status_code == 302
    page = _text(client.get("/layanan/skt_parpol"))
    assert "Jam layanan: Senin-Kamis 08.00-15.00" in page
    assert "07.30" not in page


def test_contact_email_is_checked_like_the_agency_email(client, make, login_as):
    """'kesbangpol@ sumsel' typed on the Kontak page was stored and printed on the public pages
    as the office's e-mail; the agency page already refused it. Refused beside the field, the
    other values kept in the form; a real address is stored."""
    from sisakat.services import settings

    admin = login_as(make.user(Role.SUPERADMIN))
    typed = {"lapor_url": "https://www.lapor.go.id", "email": "kesbangpol@ sumsel"}
    page = admin.post("/admin/kontak", data={**typed, "hours": "Senin-Jumat 08.00-16.00"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    beside = html.split('id="email-error">', 1)[1].split("</div>", 1)[0]
    assert "Alamat e-mail tidak valid." in beside
    assert 'value="Senin-Jumat 08.00-16.00"' in html
    assert settings.get("contact.email") != "kesbangpol@ sumsel"
    assert "kesbangpol@ sumsel" not in client.get("/").get_data(as_text=True)
    typed["email"] = "layanan@kesbangpol.contoh.go.id"
    assert admin.post("/admin/kontak", data=typed).status_code == 302
    assert "layanan@kesbangpol.contoh.go.id" in client.get("/").get_data(as_text=True)


def test_a_step_line_refused_says_which_line_and_why_beside_the_steps(app, make, login_as):
    """'Baris langkah tidak valid: ...' came at the top of the page with no reason: a fourth
    part, a long title and a long performer were told the same. Now beside the steps box: the
    line number and what is wrong with it; what was typed stays."""
    admin = login_as(make.user(Role.SUPERADMIN))
    performer = "Verifikator Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan"
    cases = {
        "Daftar akun | Pemohon\nA | B | C | D": (
            "Baris langkah 2 memuat 4 bagian; tulis paling banyak tiga: Judul | Pelaksana | Waktu."
        ),
        f"Verifikasi dokumen | {performer} | 1 hari": (
            f"Baris langkah 1: pelaksana paling banyak 60 karakter ({len(performer)} diketik)."
        ),
        "Unggah | Pemohon | " + "sepanjang hari kerja " * 3: (
            "Baris langkah 1: waktu paling banyak 60 karakter (62 diketik)."
        ),
        "Langkah " * 26: "Baris langkah 1: judul paling banyak 200 karakter (207 diketik).",
        "Daftar akun | Pemohon\n | Verifikator | 1 hari": (
            "Baris langkah 2 tanpa judul; tulis Judul | Pelaksana | Waktu."
        ),
    }
    for steps, reason in cases.items():
        page = admin.post("/admin/layanan/skt_parpol", data={"steps": steps, "duration": "1 jam"})
        html = page.get_data(as_text=True)
        assert page.status_code == 200
        beside = html.split('id="steps-error">', 1)[1].split("</div></div>", 1)[0]
        assert html_module.escape(reason, quote=False) in beside, steps
        assert "Standar pelayanan belum tersimpan. Periksa isian yang ditandai." in html
        assert html_module.escape(steps.strip(), quote=False) in html
    assert db.session.execute(db.select(ServiceStandard)).scalar_one_or_none() is None


FILLED = {
    "summary": "Ringkasan layanan SKT.",
    "procedure": "Daring melalui SISAKAT.",
    "duration": "5 hari kerja",
    "cost": "Tidak dipungut biaya.",
    "product": "Surat Keterangan Terdaftar",
    "complaint_handling": "Melalui menu Pengaduan.",
    "legal_basis": "Permendagri 57/2017",
    "steps": "Ajukan | Pemohon",
}


def _beside(html: str, field: str) -> str:
    return html.split(f'id="{field}-error">', 1)[-1].split("</div></div>", 1)[0]


def test_an_emptied_required_part_is_refused_beside_it_keeping_what_was_typed(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    typed = {**FILLED, "cost": "", "legal_basis": "<p> </p>", "product": "Surat SKT baru"}
    page = admin.post("/admin/layanan/skt_parpol", data=typed)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Isi biaya/tarif" in _beside(html, "cost")
    assert "Tidak dipungut biaya." in _beside(html, "cost")  # what to write when it is free
    assert "Isi dasar hukum" in _beside(html, "legal_basis")
    assert "Standar pelayanan belum tersimpan. Periksa isian yang ditandai." in html
    assert "Surat SKT baru" in html  # the rest of what was typed stays
    assert 'id="summary-error"' not in html  # the summary is not one of the published parts
    assert db.session.execute(db.select(ServiceStandard)).scalar_one_or_none() is None
    public = admin.get("/layanan/skt_parpol").get_data(as_text=True)
    assert "Tidak dipungut biaya." in public
    assert (
        admin.post("/admin/layanan/skt_parpol", data={**FILLED, "summary": ""}).status_code == 302
    )


def test_the_service_refuses_an_empty_required_part_from_any_caller(app, make):
    import pytest

    from sisakat.exceptions import DomainError

    admin = make.user(Role.SUPERADMIN)
    values = {**FILLED, "duration": "  "}
    with pytest.raises(DomainError) as refused:
        service_info.save_standard("skt_parpol", values, FILLED["steps"], actor=admin)
    assert refused.value.field == "duration"
    assert refused.value.message.startswith("Isi jangka waktu pelayanan")
