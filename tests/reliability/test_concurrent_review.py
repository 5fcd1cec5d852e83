"""AC-5: two staff act on the same application version at once; exactly one wins, the other gets
"sudah diubah oleh ..." and the state stays consistent. Each thread has its own app context and
session, on a SQLite file and on PostgreSQL/MariaDB (``SISAKAT_TEST_DATABASE_URL``)."""

from __future__ import annotations

from sisakat.exceptions import StaleApplication
from sisakat.extensions import db
from sisakat.models import Application, ApplicationStatus, Role, Verdict
from sisakat.services import verification
from tests.reliability.race import race
from tests.workflow_http import items, latest
from tests.workflow_world import history_count


def _race(app, application_id: int, seen: int, moves) -> list[str]:
    """Each ``(user_id, service_fn)`` at once against the same seen version."""
    return race(
        app,
        Application,
        application_id,
        [(user, _with_seen(fn, seen)) for user, fn in moves],
        catch=StaleApplication,
    )


def _with_seen(fn, seen: int):
    return lambda application, actor: fn(application, actor=actor, seen_version=seen)


def test_two_verifiers_claim_at_once_one_wins(app, make):
    application = make.application(status=ApplicationStatus.DIAJUKAN)
    ana = make.user(Role.VERIFIKATOR, full_name="Ana Verifikator")
    budi = make.user(Role.VERIFIKATOR, full_name="Budi Verifikator")
    before, app_id, seen = history_count(application), application.id, application.version
    results = _race(
        app,
        app_id,
        seen,
        [(ana.id, verification.claim), (budi.id, verification.claim)],
    )
    assert sorted(results)[-1] == "ok"
    assert results.count("ok") == 1
    loser = next(r for r in results if r != "ok")
    application = db.session.get(Application, app_id)
    winner = application.claimed_by.display_name
    assert loser.startswith(f"Permohonan sudah diubah oleh {winner} pada ")
    assert loser.endswith(". Halaman ini sudah menampilkan keadaan terbaru.")
    assert application.status == ApplicationStatus.DIVERIFIKASI
    assert history_count(application) == before + 1


def test_approve_and_return_at_once_one_wins(app, make):
    verifier = make.user(Role.VERIFIKATOR)
    application = make.application(
        status=ApplicationStatus.DIVERIFIKASI, claimed_by=verifier, verdict=Verdict.SESUAI
    )
    optional = next(it for it in items(application) if not it.required)
    doc = latest(optional)
    doc.verdict, doc.reason = Verdict.TIDAK_SESUAI, "Tidak terbaca"
    db.session.commit()
    before, app_id, seen = history_count(application), application.id, application.version
    results = _race(
        app,
        app_id,
        seen,
        [(verifier.id, verification.approve), (verifier.id, verification.return_for_revision)],
    )
    assert results.count("ok") == 1
    application = db.session.get(Application, app_id)
    assert application.status in (ApplicationStatus.MENUNGGU_TTE, ApplicationStatus.PERLU_PERBAIKAN)
    assert history_count(application) == before + 1
    assert application.version == seen + 1
