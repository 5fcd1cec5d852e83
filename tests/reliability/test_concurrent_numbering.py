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
