"""A fresh office's public FAQ is not empty: ``flask init-data`` loads starter questions about the
SKT service, once, only while the FAQ has never been set; an admin's deletions stay deleted, and
the cost and time answers say what the service's Standar Pelayanan says."""

import re

from sisakat.extensions import db
from sisakat.models import SKT_PARPOL, AuditEvent, FaqEntry, Role
from sisakat.services import faq, service_info, settings

QUESTIONS = (
    "Siapa yang perlu mengajukan SKT?",
    "Dokumen apa saja yang harus disiapkan?",
    "Berapa lama SKT selesai?",
    "Berapa biaya pengurusan SKT?",
    "Bagaimana memeriksa keaslian SKT?",
    "Apa yang harus dilakukan bila dokumen dikembalikan?",
    "Bagaimana menyampaikan pengaduan?",
)


def _count() -> int:
    return db.session.execute(db.select(db.func.count()).select_from(FaqEntry)).scalar_one()


def _answer(question: str) -> str:
    query = db.select(FaqEntry.answer).where(FaqEntry.question == question)
    return db.session.execute(query).scalar_one()


def test_a_fresh_init_data_shows_the_starter_questions_on_the_public_faq(runner, client):
    assert runner.invoke(args=["init-data"]).exit_code == 0
    page = client.get("/faq").get_data(as_text=True)
    assert "Belum ada pertanyaan" not in page
    assert [q for q in QUESTIONS if q in page] == list(QUESTIONS)
    assert "Gratis" in _answer("Berapa biaya pengurusan SKT?")
    assert "Paling lama 1 (satu) jam" in _answer("Berapa lama SKT selesai?")
    # Every link an answer gives opens a page of this app (SP4N-LAPOR! is the only outside one).
    links = set(re.findall(r'<a href="([^"]+)"', page.split("<h1", 1)[1]))
    inside = {link.split("#")[0] for link in links if link.startswith("/")}
    assert {"/layanan/skt_parpol", "/cek-surat", "/pengaduan", "/akun/daftar"} <= inside
    assert [link for link in inside if client.get(link).status_code != 200] == []


def test_init_data_again_adds_nothing(runner):
    runner.invoke(args=["init-data"])
    again = runner.invoke(args=["init-data"])
    assert "(0 baris ditambahkan)" in again.output
    assert _count() == len(QUESTIONS)


def test_starter_questions_an_admin_deleted_stay_deleted(app, runner, client, make, login_as):
    runner.invoke(args=["init-data"])
    assert _count() == len(QUESTIONS)
    admin = login_as(make.user(Role.SUPERADMIN))
    for entry_id in db.session.execute(db.select(FaqEntry.id)).scalars().all():
        assert admin.post(f"/admin/faq/{entry_id}/hapus").status_code == 302
    assert runner.invoke(args=["init-data"]).exit_code == 0
    assert _count() == 0
    assert "Belum ada pertanyaan" in client.get("/faq").get_data(as_text=True)


def test_an_office_that_set_its_faq_before_gets_no_starter_questions(app, make):
    """Installs from before the starter questions: an office with its own entries, or one whose
    admin deleted every entry (only the audit trail remembers), keeps its FAQ as it is."""
    from sisakat.services import faq_starter

    admin = make.user(Role.SUPERADMIN)
    own = faq.save_faq(
        None, question="Di mana kantor kami?", answer="", sort_order=1, active=True, actor=admin
    )
    assert faq_starter.ensure_starter() == 0
    faq.delete_faq(own, actor=admin)
    assert faq_starter.ensure_starter() == 0
    assert _count() == 0


def test_the_cost_and_time_answers_follow_the_standar_pelayanan(app, make):
    from sisakat.services import faq_starter

    admin = make.user(Role.SUPERADMIN)
    standard = service_info.standard_for(SKT_PARPOL)
    values = {f: getattr(standard, f) for f in service_info.FORMATTED_FIELDS}
    values |= {"cost": "Biaya legalisasi dokumen ditanggung pemohon.", "duration": "3 hari kerja."}
    service_info.save_standard(SKT_PARPOL, values, "", actor=admin)
    assert faq_starter.ensure_starter() == len(QUESTIONS)
    cost = _answer("Berapa biaya pengurusan SKT?")
    assert "Biaya legalisasi dokumen ditanggung pemohon." in cost
    assert "Gratis" not in cost
    assert "3 hari kerja." in _answer("Berapa lama SKT selesai?")
    assert settings.get("faq.starter_loaded") is True
    trail = db.session.execute(db.select(AuditEvent.action)).scalars().all()
    assert trail.count("faq.starter") == 1
