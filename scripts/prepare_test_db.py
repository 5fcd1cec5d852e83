"""Create the test database on a PostgreSQL/MariaDB server if missing.

Exit 0 when the database is ready, 2 when the server cannot be reached.
"""

from __future__ import annotations

import sys

import sqlalchemy as sa
from sqlalchemy.engine import make_url


def main(url: str) -> int:
    """Connect to the server's admin database and create ``url``'s database if needed."""
    target = make_url(url)
    name = target.database
    is_pg = target.get_backend_name() == "postgresql"
    admin = target._replace(database="postgres" if is_pg else None)
    try:
        engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            if is_pg:
                exists = conn.execute(
                    sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
                ).scalar()
                if not exists:
                    conn.execute(sa.text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8'"))
            else:
                conn.execute(
                    sa.text(
                        f"CREATE DATABASE IF NOT EXISTS `{name}` "
                        "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
                    )
                )
        engine.dispose()
    except sa.exc.OperationalError as exc:
        print(f"tidak dapat terhubung: {exc.__class__.__name__}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
