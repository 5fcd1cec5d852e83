"""DB-1: 8 threads x 50 allocations give serials exactly 1..400 (no duplicate, no gap).

Each thread runs in its own app context, hence its own session and connection. SQLite relies on
BEGIN IMMEDIATE; PostgreSQL and MariaDB on SELECT ... FOR UPDATE of the counter row.
"""

from concurrent.futures import ThreadPoolExecutor
from datetime import date

from sisakat.extensions import db
from sisakat.models import LetterNumber
from sisakat.services import numbering

THREADS, EACH = 8, 50


def _worker(app) -> list[int]:
    serials = []
    with app.app_context():
        for _ in range(EACH):
            number = numbering.allocate("skt", local_date=date(2025, 6, 13), actor=None)
            serials.append(number.serial)
            db.session.commit()
        db.session.remove()
    return serials


def test_concurrent_allocations_are_unique_and_consecutive(app):
    db.session.commit()
    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(_worker, [app] * THREADS))
    taken = sorted(s for serials in results for s in serials)
    assert taken == list(range(1, THREADS * EACH + 1))
    stored = db.session.execute(db.select(LetterNumber.serial)).scalars().all()
    assert sorted(stored) == taken
    texts = db.session.execute(db.select(LetterNumber.number_text)).scalars().all()
    assert len(set(texts)) == THREADS * EACH


def _series_worker(args) -> list[tuple[str, int]]:
    """Alternate between the party SKT and the ormas report series, one commit each."""
    app, first = args
    taken = []
    with app.app_context():
        for i in range(EACH // 2):
            series = ("skt", "ormas")[(i + first) % 2]
            number = numbering.allocate(series, local_date=date(2025, 6, 13), actor=None)
            taken.append((series, number.serial))
            db.session.commit()
        db.session.remove()
    return taken


def test_concurrent_allocations_in_two_series_stay_independent(app):
    """Issue 7: threads interleaving two services' series give each series 1..N, no gap."""
    db.session.commit()
    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(_series_worker, [(app, t) for t in range(THREADS)]))
    taken = [pair for pairs in results for pair in pairs]
    for series in ("skt", "ormas"):
        serials = sorted(s for name, s in taken if name == series)
        assert serials == list(range(1, len(serials) + 1))
    assert len(taken) == THREADS * (EACH // 2)
    stored = db.session.execute(db.select(LetterNumber.series, LetterNumber.serial)).all()
    assert sorted(stored) == sorted(taken)
    ormas_texts = db.session.execute(
        db.select(LetterNumber.number_text).filter_by(series="ormas")
    ).scalars()
    assert all(t.startswith("200.1.4.4/") for t in ormas_texts)
