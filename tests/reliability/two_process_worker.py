"""Worker for the two-process test: one separate app process hitting a shared rate limit.

Usage: python -m tests.reliability.two_process_worker DB_URL REDIS_URL KEY HITS
Prints the count it sees afterwards. The clock is fixed so both processes share one window.
"""

from __future__ import annotations

import secrets
import sys
import tempfile
from datetime import datetime


def main(db_url: str, redis_url: str, key: str, hits: int) -> None:
    """Record ``hits`` hits, one committed transaction each, then print the shared count."""
    from sisakat import create_app
    from sisakat.extensions import db
    from sisakat.services import ratelimit

    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": secrets.token_urlsafe(48),
            "DATABASE_URL": db_url,
            "UPLOAD_FOLDER": tempfile.mkdtemp(),
            "REDIS_URL": "" if redis_url == "-" else redis_url,
            "CLOCK": lambda: datetime(2027, 1, 15, 8, 0),
        }
    )
    limit = ratelimit.Limit(hits=1000, seconds=600)
    with app.app_context():
        for _ in range(hits):
            ratelimit.hit(key, limit)
            db.session.commit()
        print(ratelimit.count(key, limit))
        db.session.remove()
        db.engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
