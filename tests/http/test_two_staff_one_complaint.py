"""Two staff answering the same complaint (QUALITY.md: two staff at once lose nothing): the
ticket page carries the complaint's version; a reply from a page opened before another
officer's reply is refused, naming who answered and when, keeps what was typed, and a second
deliberate send adds it."""

from __future__ import annotations

import re

import pytest

from sisakat.extensions import db
from sisakat.models import Complaint, ComplaintStatus, Role
from sisakat.services import complaints

CHANGED = "sudah ditanggapi oleh Ani Petugas pada"


def _version(page: str) -> str:
    match = re.search(r'name="version" type="hidden" value="(\d+)"', page)
    assert match, "the ticket page carries no version"
    return match.group(1)


@pytest.fixture
def two_staff(app, make, login_as):
    """(Ani's client, Budi's client, the complaint's page URL, the complaint)."""
    ani = login_as(make.user(Role.VERIFIKATOR, full_name="Ani Petugas"))
    budi = login_as(make.user(Role.SUPERADMIN, full_name="Budi Admin"))
    complaint = make.complaint()
    return ani, budi, f"/petugas/pengaduan/{complaint.id}", complaint


def _messages(complaint: Complaint) -> list[str]:
    db.session.expire_all()
    return [e.message for e in complaints.timeline(complaint) if e.message]


def test_second_reply_from_an_old_page_is_refused_keeps_text_then_sends(two_staff):
    ani, budi, url, complaint = two_staff
    seen_budi = _version(budi.get(url).get_data(as_text=True))
    seen_ani = _version(ani.get(url).get_data(as_text=True))
    first = {"status": "diproses", "message": "Sedang kami periksa.", "version": seen_ani}
    assert ani.post(f"{url}/tanggapi", data=first).status_code == 302
    typed = {"status": "diproses", "message": "Loket kedua kami buka besok.", "version": seen_budi}
    late = budi.post(f"{url}/tanggapi", data=typed)
    assert late.status_code == 200
    html = late.get_data(as_text=True)
    assert CHANGED in html
    assert "Tanggapan Anda belum tersimpan" in html
    assert "Loket kedua kami buka besok.</textarea>" in html  # what Budi typed is kept
    assert "Sedang kami periksa." in html  # and Ani's reply is now in the timeline above it
    assert _messages(complaint) == ["Sedang kami periksa."]
    again = budi.post(f"{url}/tanggapi", data={**typed, "version": _version(html)})
    assert again.status_code == 302  # sending again, having read Ani's reply, adds Budi's
    assert _messages(complaint) == ["Sedang kami periksa.", "Loket kedua kami buka besok."]


def test_reply_after_another_officer_closed_the_ticket_keeps_the_text(two_staff):
    ani, budi, url, complaint = two_staff
    seen_budi = _version(budi.get(url).get_data(as_text=True))
    close = {"status": "selesai", "message": "Sudah selesai.", "version": seen_budi}
    assert ani.post(f"{url}/tanggapi", data=close).status_code == 302
    typed = {"status": "selesai", "message": "Jawaban lain yang panjang.", "version": seen_budi}
    html = budi.post(f"{url}/tanggapi", data=typed).get_data(as_text=True)
    assert CHANGED in html
    assert "Jawaban lain yang panjang." in html  # shown to copy: the ticket takes no more replies
    assert _messages(complaint) == ["Sudah selesai."]


@pytest.mark.parametrize("version", ["abc", "", "99999999999999999999", None])
def test_forged_or_missing_version_is_refused_without_saving(two_staff, version):
    _, budi, url, complaint = two_staff
    data = {"status": "diproses", "message": "Tanggapan dari skrip."}
    if version is not None:
        data["version"] = version
    response = budi.post(f"{url}/tanggapi", data=data)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Tanggapan Anda belum tersimpan" in html
    assert "Tanggapan dari skrip.</textarea>" in html
    assert _messages(complaint) == []
    assert db.session.get(Complaint, complaint.id).status == ComplaintStatus.BARU


def test_the_same_reply_sent_twice_is_stored_once(two_staff):
    ani, _, url, complaint = two_staff
    data = {"status": "diproses", "message": "Sedang kami periksa."}
    data["version"] = _version(ani.get(url).get_data(as_text=True))
    assert ani.post(f"{url}/tanggapi", data=data).status_code == 302
    assert ani.post(f"{url}/tanggapi", data=data).status_code == 302  # a double click
    assert _messages(complaint) == ["Sedang kami periksa."]
