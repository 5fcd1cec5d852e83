"""Worker for the two-process numbering test: one separate app process allocating letter numbers.

Usage: python -m tests.reliability.two_process_numbers DB_URL COUNT
Allocates COUNT numbers of series "skt", one committed transaction each, and prints the serials.
"""

from __future__ import annotations

import secrets
import sys
import tempfile
from datetime import date


def main(db_url: str, count: int) -> None:
    """Allocate ``count`` numbers and print their serials, one per line."""
    from sisakat import create_app
    from sisakat.extensions import db
    from sisakat.services import numbering

    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": secrets.token_urlsafe(48),
            "DATABASE_URL": db_url,
            "UPLOAD_FOLDER": tempfile.mkdtemp(),
        }
    )
    with app.app_context():
        for _ in range(count):
            number = numbering.allocate(numbering.SKT, local_date=date(2026, 6, 1), actor=None)
            db.session.commit()
            print(number.serial, flush=True)
        db.session.remove()
        db.engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
