"""SQL statements per page with 2 rows and with 10,000 rows: the count must not grow (no N+1).

    python -m benchmarks.bench_queries [--rows 10000] [--show] [--database-url URL --reset-database]

In-process (Flask test client, logging in through the real form), counting statements with a
SQLAlchemy ``before_cursor_execute`` listener. Rows are party boards, each with one application.
"""

from __future__ import annotations

import argparse
import contextvars

from sqlalchemy import event

from benchmarks import common
from benchmarks.seed import seed

PAGES = [
    ("party dashboard", "/pemohon/", "pemohon"),
    ("staff queue", "/petugas/", "verifikator"),
    ("user list (admin)", "/admin/pengguna", "superadmin"),
    ("public home", "/", None),
    ("public verification", "/verifikasi/{letter}", None),  # an issued letter's QR page
]


def page_statements(app, path: str, username: str | None) -> list[str]:
    """Statements executed while serving ``path`` as ``username`` (already logged in)."""
    from sisakat.extensions import db

    client = app.test_client()

    def call(method, *args, **kwargs):
        # Each request in its own context, as in production (the app context here is ours).
        return contextvars.Context().run(method, *args, **kwargs)

    if username:
        token = common.csrf_token(call(client.get, "/akun/masuk").get_data(as_text=True))
        fields = {"csrf_token": token, "username": username, "password": common.PASSWORD}
        assert call(client.post, "/akun/masuk", data=fields).status_code == 302, username
    call(client.get, path)  # warm-up: settings cache, first-request work
    statements: list[str] = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        status = call(client.get, path).status_code
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert status == 200, f"{path}: {status}"
    return statements


def measure(rows: int, database_url, reset: bool) -> dict[str, list[str]]:
    """Counts per page over a database seeded with ``rows`` party boards."""
    with common.instance(database_url, reset=reset) as inst, common.app_context(inst) as app:
        common.build_schema(app)
        seeded = seed(parties=rows, letters=1)
        users = {
            "pemohon": seeded.pemohon[0],
            "verifikator": seeded.verifikator[0],
            "superadmin": seeded.superadmin[0],
            None: None,
        }
        token = seeded.letter_tokens[0]
        return {
            label: page_statements(app, path.replace("{letter}", token), users[who])
            for label, path, who in PAGES
        }


def main() -> None:
    """Print statements per page for both sizes."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--reset-database", action="store_true")
    parser.add_argument(
        "--show", action="store_true", help="print the statements of pages that differ"
    )
    args = parser.parse_args()
    small = measure(2, args.database_url, args.reset_database)
    large = measure(args.rows, args.database_url, args.reset_database)
    print(f"{'page':24} {'2 rows':>7} {args.rows:>7} rows  verdict")
    for label in small:
        a, b = len(small[label]), len(large[label])
        verdict = "constant" if a == b else "GROWS" if b > a else "fewer"
        print(f"{label:24} {a:7} {b:12}  {verdict}")
        if args.show and a != b:
            for statement in small[label] + ["-- vs --"] + large[label]:
                print("    " + " ".join(statement.split())[:120])
    print(common.machine())


if __name__ == "__main__":
    main()
