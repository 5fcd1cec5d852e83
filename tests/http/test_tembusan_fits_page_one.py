"""The tembusan may not push the signature block and its QR off the letter's first page.

The letter screens took up to 2,000 characters of tembusan; the signature block, the QR and the
footer move on together with the tembusan (``pdf/skt.build_story``), so a long list sent all of
them to page two. The limit is found here by drawing real letters (the service's fictional
applicant, issued, as the office's settings print it) and reading them with pypdf: the longest
list that keeps the signer's NIP and the QR's code on page one is saved, one line more is
refused beside the field with the text kept."""

from __future__ import annotations

import io
import re
from datetime import date

from pypdf import PdfReader

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.pdf.skt import render_skt
from sisakat.services import catalog, letter_settings, settings
from sisakat.services.letter_context import build_context
from sisakat.services.letter_profile import sample_profile

LETTER = "/admin/pengaturan-surat?layanan="
CODE = "T3MB6SAN8Q2R4W7X9Z5P3K2M4N"
REFUSED = "tanda tangan dan kode QR surat akan pindah ke halaman 2"


def _lines(n: int) -> list[str]:
    return [f"Ketua DPC Partai Contoh Sejahtera Kabupaten Contoh {i}" for i in range(1, n + 1)]


def _pages(code: str, tembusan: list[str], page_size: str | None = None) -> list[str]:
    """The text of each page of the service's issued sample letter with ``tembusan``."""
    groups = letter_settings.letter_groups(catalog.get(code))
    groups["letter"].update(tembusan=tembusan, page_size=page_size or groups["letter"]["page_size"])
    ctx = build_context(
        profile=sample_profile(catalog.get(code).applicant_kind, groups["agency"].get("region")),
        settings=groups,
        number_text="200.1.5.3/1436/BAN.KBP/2026",
        issued_on=date(2026, 9, 30),
        verification_url=f"https://sisakat.kesbangpol.example.test/verifikasi/{CODE}",
        code=CODE,
        draft=False,
        srikandi=False,
    )
    pdf = render_skt(ctx)
    return [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


def _most_that_fit(code: str, page_size: str | None = None) -> int:
    """The longest list of ``_lines`` keeping the letter on one page, found by drawing."""
    n = 0
    while len(_pages(code, _lines(n + 1), page_size)) == 1:
        n += 1
    return n


def _on_page(pages: list[str], text: str) -> list[int]:
    return [i for i, page in enumerate(pages) if re.sub(r"\s+", "", text) in page]


def _form(code: str, page: str, **changes) -> dict:
    service = catalog.get(code)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    seen = re.search(r'name="seen" type="hidden" value="([^"]*)"', page).group(1)
    return {
        "title": service.letter_title,
        "opening": service.letter_opening,
        "statement": service.letter_statement,
        "closing": service.letter_closing,
        "tembusan": "\n".join(service.letter_tembusan),
        "footer_bsre": settings.get("letter.footer_bsre"),
        "page_size": settings.get("letter.page_size"),
        "version": version,
        "seen": seen,
        **changes,
    }


def _stored_tembusan(code: str) -> list[str]:
    db.session.expire_all()
    settings.clear_cache()
    return catalog.get(code).letter_tembusan


def test_the_longest_tembusan_on_page_one_is_saved_and_one_line_more_is_refused(
    app, make, login_as
):
    admin = login_as(make.user(Role.SUPERADMIN))
    most = _most_that_fit("skt_parpol")
    fits, over = _pages("skt_parpol", _lines(most)), _pages("skt_parpol", _lines(most + 1))
    assert 5 <= most < 42  # A4, the fictional party board: about a dozen lines, not 42
    nip = settings.get("signatory.nip")
    assert (len(fits), _on_page(fits, nip), _on_page(fits, CODE)) == (1, [0], [0])
    assert (len(over), _on_page(over, nip), _on_page(over, CODE)) == (2, [1], [1])
    before = _stored_tembusan("skt_parpol")

    page = admin.get(LETTER + "skt_parpol").get_data(as_text=True)
    typed = "\n".join(_lines(most + 1))
    refused = admin.post(LETTER + "skt_parpol", data=_form("skt_parpol", page, tembusan=typed))
    html = refused.get_data(as_text=True)
    assert refused.status_code == 200
    assert REFUSED in html
    assert f"hanya {most} baris pertama" in html
    assert re.search(r'<textarea[^>]*aria-invalid="true"[^>]*name="tembusan"', html)
    assert f"{_lines(most + 1)[-1]}</textarea>" in html  # what was typed is kept
    assert _stored_tembusan("skt_parpol") == before

    page = admin.get(LETTER + "skt_parpol").get_data(as_text=True)
    fitting = _form("skt_parpol", page, tembusan="\n".join(_lines(most)))
    assert admin.post(LETTER + "skt_parpol", data=fitting).status_code == 302
    assert _stored_tembusan("skt_parpol") == _lines(most)


def test_a_tembusan_fitting_f4_only_keeps_the_page_size_from_going_back_to_a4(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    on_a4 = _most_that_fit("skt_parpol", "A4")
    assert len(_pages("skt_parpol", _lines(on_a4 + 1), "F4")) == 1
    page = admin.get(LETTER + "skt_parpol").get_data(as_text=True)
    f4 = _form("skt_parpol", page, tembusan="\n".join(_lines(on_a4 + 1)), page_size="F4")
    assert admin.post(LETTER + "skt_parpol", data=f4).status_code == 302
    page = admin.get(LETTER + "skt_parpol").get_data(as_text=True)
    back = admin.post(LETTER + "skt_parpol", data=_form("skt_parpol", page, page_size="A4"))
    assert back.status_code == 200
    assert REFUSED in back.get_data(as_text=True)
    settings.clear_cache()
    assert settings.get("letter.page_size") == "F4"


def test_the_service_screen_refuses_it_beside_its_tembusan_field(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    most = _most_that_fit("lapor_ormas")
    service = catalog.get("lapor_ormas")
    data = {"name": service.name, "sort_order": "1", "sla": "8", "number_padding": "0"}
    data.update({"letter_title": service.letter_title, "version": str(service.version)})
    data.update(
        {"letter_opening": service.letter_opening, "number_template": service.number_template}
    )
    data.update({"letter_statement": service.letter_statement, "number_unit": service.number_unit})
    data.update({"letter_closing": service.letter_closing, "number_kode": service.number_kode})
    data["letter_tembusan"] = "\n".join(_lines(most + 1))
    before = _stored_tembusan("lapor_ormas")
    page = admin.post("/admin/layanan/lapor_ormas/ubah", data=data)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert REFUSED in html
    assert re.search(r'<textarea[^>]*aria-invalid="true"[^>]*name="letter_tembusan"', html)
    assert _stored_tembusan("lapor_ormas") == before
