"""What the staff queue works out once per request instead of at each use, and that nothing of
it outlives the request: the office's board levels (``settings.derived``: a region change is
seen by the next request, and at once within the request that saves it) and the catalogue's
SELECT, built once per process but run against the table at every call."""

from __future__ import annotations

from sqlalchemy import event

from sisakat.extensions import db
from sisakat.models import ApplicantKind, ApplicationStatus, Level, Role, Service
from sisakat.services import catalog, office, settings
from tests.http.test_board_levels import KABUPATEN, options


def _count_office_level(monkeypatch) -> dict:
    """Count how often the office's level is read from the region setting (the real function)."""
    calls = {"n": 0}
    real = office.office_level

    def counted():
        calls["n"] += 1
        return real()

    monkeypatch.setattr(office, "office_level", counted)
    return calls


def test_the_queue_reads_the_office_level_once_per_request(app, make, login_as, monkeypatch):
    """The level filter, and the count and the page of the queue (twice each ``only_level``),
    share one reading; the next request reads it again."""
    board = make.party(level=Level.KOTA)
    make.submitted(make.application(board, status=ApplicationStatus.DIAJUKAN))
    staff = login_as(make.user(Role.VERIFIKATOR))
    calls = _count_office_level(monkeypatch)
    for _ in range(2):
        calls["n"] = 0
        page = staff.get("/petugas/").get_data(as_text=True)
        assert options(page, "level") == ["", "provinsi", "kabupaten", "kota"]
        assert calls["n"] == 1


def test_a_region_change_is_seen_by_the_next_queue_request(app, make, login_as):
    """The same process answered the queue at a province office: after the region becomes a
    regency the next page has no level filter (one level) and reads the board's own level."""
    board = make.party(level=Level.KABUPATEN)
    make.submitted(make.application(board, status=ApplicationStatus.DIAJUKAN))
    staff = login_as(make.user(Role.VERIFIKATOR))
    before = staff.get("/petugas/").get_data(as_text=True)
    assert options(before, "level") == ["", "provinsi", "kabupaten", "kota"]
    settings.update(KABUPATEN, actor=None)
    db.session.commit()
    after = staff.get("/petugas/").get_data(as_text=True)
    assert 'name="level"' not in after
    assert ">Tingkat</label>" not in after
    assert board.board_name in after


def test_a_region_saved_in_a_request_is_seen_at_once_in_that_request(app, make):
    """The levels worked out before a save are not served after it, in the same request."""
    admin = make.user(Role.SUPERADMIN)
    with app.test_request_context("/"):
        assert office.board_levels() == tuple(Level)
        assert office.only_level() is None
        settings.update({"agency.region": "KOTA CONTOH"}, actor=admin)
        assert office.board_levels() == (Level.KOTA,)
        assert office.only_level() is Level.KOTA
        assert office.level_problem(Level.PROVINSI) is not None


def test_the_catalogue_statement_is_built_once_and_the_table_read_at_each_call(app):
    """Two reads run the very same SELECT object (not rebuilt), and each sees the table as it
    is now: a service added or switched off between them shows at once."""
    ran = []

    def seen(state):
        ran.append(state.statement)

    event.listen(db.session, "do_orm_execute", seen)
    try:
        first = [s.code for s in catalog.all_services()]
        db.session.add(
            Service(
                code="zz_baru",
                name="Layanan Baru",
                short_name="Baru",
                applicant_kind=ApplicantKind.ORMAS,
                sort_order=5,
                letter_title="SURAT",
                number_series="baru",
            )
        )
        db.session.flush()
        second = [s.code for s in catalog.all_services()]
        active_before = [s.code for s in catalog.all_services(active_only=True)]
        catalog.get("zz_baru").active = False
        db.session.flush()
        active_after = [s.code for s in catalog.all_services(active_only=True)]
    finally:
        event.remove(db.session, "do_orm_execute", seen)
    assert second == ["zz_baru", *first]  # sort order 5 comes first
    assert "zz_baru" in active_before
    assert "zz_baru" not in active_after
    assert ran[0] is ran[1]  # all services: one statement object
    assert ran[2] is ran[4]  # active ones: one statement object (ran[3]: catalog.get)
