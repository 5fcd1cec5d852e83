"""The party's application page says, before Ajukan or Ajukan Ulang is pressed, what still keeps
it from being submitted (the same check the button meets, workflow_guards.outstanding), with a
link to the profile; a refused press points there instead of repeating every line in the flash.

Found walking the app at 360 px: a new party's Draf showed no hint that its profile was empty,
and pressing Ajukan flashed one paragraph of nineteen profile gaps and six document names that
filled the whole phone screen."""

from __future__ import annotations

import html
import re

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Verdict
from sisakat.services import parties, requirements
from tests.workflow_http import act, items, page_text, upload

REQUIRED = [name for name, _help, required, _personal in requirements.DEFAULTS if required]


def _box(page: str) -> str:
    """The text of the 'Sebelum menekan ...' box (tags removed), or '' when absent."""
    found = re.search(r'aria-labelledby="yang-masih-kurang">(.*?)</div>', page, re.S)
    return html.unescape(re.sub(r"<[^>]+>|\s+", " ", found.group(1))) if found else ""


def test_a_new_partys_draft_lists_the_profile_and_every_missing_document(app, make, login_as):
    party = make.party(complete=False)
    application = make.application(party, documents=False)
    client = login_as(party.account)
    url = f"/pemohon/permohonan/{application.id}"
    box = _box(page_text(client.get(url)))
    assert "Sebelum menekan Ajukan" in box
    gaps = len(parties.profile_problems(party))  # all but the logo, which the factory gave
    assert f"Profil belum lengkap ({gaps} isian). Lengkapi profil" in " ".join(box.split())
    for name in REQUIRED:
        assert f"Unggah {name} (wajib)." in " ".join(box.split())
    assert 'href="/pemohon/profil">Lengkapi profil</a>' in page_text(client.get(url))
    refused = page_text(act(client, f"{url}/ajukan", application))
    assert (
        "Belum dapat diajukan: lengkapi dahulu yang tercantum di kotak “Sebelum menekan Ajukan”."
        in refused
    )
    assert "Nama partai belum diisi." not in refused  # not repeated line by line in the flash
    db.session.refresh(application)
    assert application.status == ApplicationStatus.DRAF


def test_a_ready_draft_says_to_press_ajukan_and_a_submitted_one_shows_no_box(app, make, login_as):
    application = make.application()
    client = login_as(application.party.account)
    url = f"/pemohon/permohonan/{application.id}"
    page = page_text(client.get(url))
    assert _box(page) == ""
    assert "dokumen wajib sudah diunggah: periksa sekali lagi, lalu tekan" in page
    act(client, f"{url}/ajukan", application)
    db.session.refresh(application)
    assert application.status == ApplicationStatus.DIAJUKAN
    page = page_text(client.get(url))
    assert _box(page) == ""
    assert "lalu tekan" not in page


def test_a_returned_application_names_the_documents_to_upload_again(app, make, login_as):
    application = make.application(
        status=ApplicationStatus.PERLU_PERBAIKAN, verdict=Verdict.TIDAK_SESUAI
    )
    client = login_as(application.party.account)
    url = f"/pemohon/permohonan/{application.id}"
    box = " ".join(_box(page_text(client.get(url))).split())
    assert "Sebelum menekan Ajukan Ulang" in box
    assert f"Unggah ulang {REQUIRED[0]} (Tidak Sesuai; alasannya di daftar di bawah)." in box
    assert "Profil belum lengkap" not in box
    refused = page_text(act(client, f"{url}/ajukan-ulang", application))
    assert "kotak “Sebelum menekan Ajukan Ulang”" in refused
    db.session.refresh(application)
    assert application.status == ApplicationStatus.PERLU_PERBAIKAN


def test_a_resubmission_says_what_happens_next_like_a_submission(app, make, login_as):
    """'Perbaikan diajukan.' alone left the party to guess; the page says who does what next,
    how soon, and where the answer shows, once (the status line, not again in the flash)."""
    application = make.application(
        status=ApplicationStatus.PERLU_PERBAIKAN, verdict=Verdict.TIDAK_SESUAI
    )
    client = login_as(application.party.account)
    fixed = make.pdf_bytes("Perbaikan")  # the very refused file would be refused again
    for item in items(application):
        assert upload(client, application.id, item.id, fixed).status_code == 302
    url = f"/pemohon/permohonan/{application.id}"
    done = page_text(act(client, f"{url}/ajukan-ulang", application))
    assert "Perbaikan diajukan." in done  # the flash confirms; the status line says what next
    assert (
        'id="arti-status">Menunggu diperiksa petugas (janji layanan 1 jam kerja). '
        "Hasilnya tampil di halaman ini dan di Notifikasi (ikon lonceng). Bila dokumen "
        "lengkap dan sesuai, surat terbit paling lambat " in done
    )
    assert done.count("janji layanan") == 1
    assert done.count("Notifikasi (ikon lonceng)") == 1
    db.session.refresh(application)
    assert application.status == ApplicationStatus.DIAJUKAN
