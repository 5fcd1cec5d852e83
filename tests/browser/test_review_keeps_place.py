"""Judging documents one by one: after 'Simpan Penilaian' the review opened at the top again, so
on a nine-document list the verifier scrolled back down for every document. Now a saved verdict
comes back at its document (a refused one already came back with the cursor in its reason box,
which stays so; its message is shown once, beside it)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Role
from tests.browser import journeys as j

pytestmark = pytest.mark.browser


def test_a_verdict_far_down_the_list_comes_back_where_the_verifier_was(page, make):
    verifier = make.user(Role.VERIFIKATOR)
    application = make.application(status=ApplicationStatus.DIVERIFIKASI, claimed_by=verifier)
    review, username = f"/petugas/permohonan/{application.id}", verifier.username
    db.session.commit()  # the server needs the SQLite write lock
    j.log_in(page, username)
    page.goto(review)
    items = page.get_by_role("list", name="Dokumen persyaratan").get_by_role("listitem")
    assert items.count() >= 8
    seventh = items.nth(6)
    seventh.get_by_label("Sesuai", exact=True).check()
    seventh.get_by_role("button", name="Simpan Penilaian").click()
    page.wait_for_load_state()
    seventh = page.get_by_role("list", name="Dokumen persyaratan").get_by_role("listitem").nth(6)
    expect(seventh.locator(".badge").last).to_have_text("Sesuai")
    expect(seventh.locator(".badge").last).to_be_in_viewport(ratio=1)
    eighth = page.get_by_role("list", name="Dokumen persyaratan").get_by_role("listitem").nth(7)
    eighth.get_by_label("Tidak Sesuai").check()
    eighth.get_by_role("button", name="Simpan Penilaian").click()
    page.wait_for_load_state()
    reason = page.get_by_role("list", name="Dokumen persyaratan").get_by_role("listitem").nth(7)
    box = reason.get_by_role("textbox")
    expect(box).to_be_focused()
    expect(box).to_be_in_viewport(ratio=1)
    assert "Alasan wajib diisi untuk dokumen Tidak Sesuai." in reason.inner_text()
    # said once, beside the document (no red flash at the top), and read out with the box
    expect(page.get_by_text("Alasan wajib diisi untuk dokumen Tidak Sesuai.")).to_have_count(1)
    expect(box).to_have_accessible_description("Alasan wajib diisi untuk dokumen Tidak Sesuai.")
