"""Guards, notes, staleness, double submits, snapshots and the database invariants behind them."""

from __future__ import annotations

import pytest
from flask import url_for
from sqlalchemy.exc import DBAPIError, IntegrityError

from sisakat.exceptions import GuardFailed, StaleApplication
from sisakat.extensions import db
from sisakat.models import (
    Action,
    Application,
    ApplicationHistory,
    ApplicationRequirement,
    Notification,
    Role,
    Verdict,
)
from sisakat.models import ApplicationStatus as S
from sisakat.services import workflow
from sisakat.services.workflow_rules import RULES
from tests.workflow_world import history_count


def test_submit_lists_exactly_what_is_missing(app, make):
    application = make.application(documents=False)
    application.party.phone = ""
    with pytest.raises(GuardFailed) as exc:
        workflow.apply(
            application,
            Action.AJUKAN,
            actor=application.party.account,
            seen_version=application.version,
        )
    assert "Nomor telepon/WhatsApp belum diisi." in exc.value.message
    required = list(
        db.session.scalars(
            db.select(ApplicationRequirement.name)
            .filter_by(application_id=application.id, required=True)
            .order_by(ApplicationRequirement.sort_order)
        )
    )
    assert len(required) > 1
    # One sentence names every missing document, not one sentence each.
    assert f"Dokumen wajib belum diunggah: {'; '.join(required)}." in exc.value.message
    assert exc.value.message.count("Dokumen wajib") == 1
    assert "NPWP" not in exc.value.message  # optional


def test_return_needs_a_rejected_document_and_reject_needs_a_reason(app, make):
    verifier = make.user(Role.VERIFIKATOR)
    application = make.application(
        status=S.DIVERIFIKASI, claimed_by=verifier, verdict=Verdict.SESUAI
    )
    with pytest.raises(GuardFailed, match="minimal satu dokumen Tidak Sesuai"):
        workflow.apply(
            application,
            Action.KEMBALIKAN,
            actor=verifier,
            seen_version=application.version,
            note="x",
        )
    with pytest.raises(GuardFailed, match="Alasan wajib diisi"):
        workflow.apply(
            application, Action.TOLAK, actor=verifier, seen_version=application.version, note="  "
        )
    assert application.status == S.DIVERIFIKASI


def test_approve_needs_every_required_document_accepted(app, make):
    verifier = make.user(Role.VERIFIKATOR)
    application = make.application(status=S.DIVERIFIKASI, claimed_by=verifier)
    with pytest.raises(GuardFailed, match="belum dinyatakan Sesuai: Surat permohonan"):
        workflow.apply(
            application, Action.SETUJUI, actor=verifier, seen_version=application.version
        )


def test_stale_version_names_who_changed_it(app, make):
    ana = make.user(Role.VERIFIKATOR, full_name="Ana Verifikator")
    application = make.application(status=S.DIAJUKAN)
    seen = application.version
    workflow.apply(application, Action.AMBIL, actor=ana, seen_version=seen)
    db.session.commit()
    other = make.user(Role.VERIFIKATOR)
    with pytest.raises(StaleApplication, match="diubah oleh Ana Verifikator pada .* WIB"):
        workflow.apply(application, Action.AMBIL, actor=other, seen_version=seen)


def test_double_submit_does_nothing_twice(app, make):
    application = make.application()
    owner, seen = application.party.account, application.version
    assert workflow.apply(application, Action.AJUKAN, actor=owner, seen_version=seen)
    db.session.commit()
    before = history_count(application)
    assert workflow.apply(application, Action.AJUKAN, actor=owner, seen_version=seen) is None
    assert history_count(application) == before


def test_snapshot_is_frozen_at_submission(app, make):
    application = make.application()
    party = application.party
    workflow.apply(
        application, Action.AJUKAN, actor=party.account, seen_version=application.version
    )
    db.session.commit()
    original = party.reporter_name
    party.reporter_name = "Nama Baru Sesudah Diajukan"
    db.session.commit()
    assert original in application.profile_snapshot
    assert "Nama Baru" not in application.profile_snapshot


def test_transitions_notify_party_and_staff(app, make):
    verifier = make.user(Role.VERIFIKATOR)
    application = make.application()
    workflow.apply(
        application,
        Action.AJUKAN,
        actor=application.party.account,
        seen_version=application.version,
    )
    db.session.commit()
    rows = db.session.execute(db.select(Notification)).scalars().all()
    by_user = {n.user_id: n for n in rows}
    assert by_user[application.party.account_id].link == f"/pemohon/permohonan/{application.id}"
    assert by_user[verifier.id].link == f"/petugas/permohonan/{application.id}"
    with app.test_request_context():  # the hard-coded patterns in notify.py match the routes
        assert by_user[verifier.id].link == url_for(
            "verification.application_review", application_id=application.id
        )
        assert by_user[application.party.account_id].link == url_for(
            "submission.application_detail", application_id=application.id
        )


def test_staff_notices_ask_for_action_exactly_where_staff_get_work():
    """Review, signature and a re-check are work; an issued letter is news (never auto-read)."""
    asking = {action for action, rule in RULES.items() if rule.staff_must_act}
    notifying = {a for a, r in RULES.items() if r.staff_roles or r.notify_claimer}
    assert asking & notifying == {
        Action.AJUKAN,
        Action.AJUKAN_ULANG,
        Action.SETUJUI,
        Action.KEMBALIKAN_TTE,
    }
    assert notifying - asking == {Action.TERBITKAN}


def test_one_open_application_per_party_is_a_database_rule(app, make):
    application = make.application(documents=False)
    db.session.add(
        Application(
            party_id=application.party_id, open_party_id=application.party_id, status=S.DRAF
        )
    )
    with pytest.raises(IntegrityError):
        db.session.flush()


def test_final_state_with_open_marker_is_refused(app, make):
    application = make.application(documents=False)
    final = db.update(Application).where(Application.id == application.id)
    # A CHECK violation is IntegrityError on SQLite/PostgreSQL, OperationalError on PyMySQL.
    with pytest.raises(DBAPIError, match="ck_applications_open_party"):
        db.session.execute(final.values(status=S.DITOLAK.value))


def test_history_into_revision_needs_a_note_and_is_append_only(app, make):
    application = make.application(documents=False)
    db.session.add(
        ApplicationHistory(
            application_id=application.id,
            action=Action.KEMBALIKAN,
            from_status=S.DIVERIFIKASI,
            to_status=S.PERLU_PERBAIKAN,
        )
    )
    with pytest.raises(DBAPIError, match="ck_application_history_note_required"):
        db.session.flush()
    db.session.rollback()
    row = db.session.execute(db.select(ApplicationHistory)).scalars().first()
    row.note = "diubah"
    with pytest.raises(RuntimeError, match="append-only"):
        db.session.flush()
