"""Fixed-window rate limits whose counters survive restarts and hold across processes.

Counters live in the database by default, in Redis when ``REDIS_URL`` is set (several app processes
behind one proxy). Nothing is kept in process memory. The clock is injectable for tests
(``services.clock``).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app

from sisakat.extensions import db
from sisakat.models.rate_limit import RateLimitCounter
from sisakat.services import clock


@dataclass(frozen=True)
class Limit:
    """At most ``hits`` within ``seconds``."""

    hits: int
    seconds: int


# The public pages' limits per client address (the login and sign-up limits live with the
# accounts service, next to their per-account counterparts).
VERIFY_LIMIT = Limit(hits=60, seconds=600)  # opening letters on the verification page
COMPARE_LIMIT = Limit(hits=20, seconds=600)  # comparing an uploaded copy with a letter
# Complaints and survey answers: an office setting (services/public_limits.py).


def _window(limit: Limit) -> int:
    now = int(clock.timestamp())
    return now - now % limit.seconds


def _redis():
    url = current_app.config.get("REDIS_URL")
    if not url:
        return None
    client = current_app.extensions.get("sisakat_redis")
    if client is None:
        import redis

        client = redis.Redis.from_url(url, socket_timeout=2)
        current_app.extensions["sisakat_redis"] = client
    return client


def seconds_left(limit: Limit) -> int:
    """Seconds until the current window ends and every counter of ``limit`` starts again."""
    return limit.seconds - int(clock.timestamp()) % limit.seconds


def count(key: str, limit: Limit) -> int:
    """Hits recorded for ``key`` in the current window."""
    window = _window(limit)
    client = _redis()
    if client is not None:
        return int(client.get(f"sisakat:rl:{key}:{window}") or 0)
    row = db.session.get(RateLimitCounter, (key, window))
    return row.hits if row else 0


def is_limited(key: str, limit: Limit) -> bool:
    """True when ``key`` has used up its window."""
    return count(key, limit) >= limit.hits


def hit(key: str, limit: Limit) -> None:
    """Record one hit (in the database: written with the caller's transaction)."""
    window = _window(limit)
    client = _redis()
    if client is not None:
        name = f"sisakat:rl:{key}:{window}"
        pipe = client.pipeline()
        pipe.incr(name)
        pipe.expire(name, limit.seconds * 2)
        pipe.execute()
        return
    _upsert_hit(key, window)


def _upsert_hit(key: str, window: int) -> None:
    """One atomic insert-or-increment, in the database's own upsert syntax. A read-then-insert
    (or a savepoint around an insert) deadlocks under concurrent visitors on MariaDB, whose
    duplicate-key errors leave gap locks behind."""
    dialect = db.session.get_bind().dialect.name
    values = {"key": key, "window_start": window, "hits": 1}
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect in ("mysql", "mariadb"):
        from sqlalchemy.dialects.mysql import insert

        stmt = insert(RateLimitCounter).values(**values)
        db.session.execute(stmt.on_duplicate_key_update(hits=RateLimitCounter.hits + 1))
        return
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(RateLimitCounter).values(**values)
    db.session.execute(
        stmt.on_conflict_do_update(
            index_elements=[RateLimitCounter.key, RateLimitCounter.window_start],
            set_={"hits": RateLimitCounter.hits + 1},
        )
    )


def reset(key: str, limit: Limit) -> None:
    """Forget the current window of ``key`` (e.g. after a successful login)."""
    window = _window(limit)
    client = _redis()
    if client is not None:
        client.delete(f"sisakat:rl:{key}:{window}")
        return
    db.session.execute(
        sa.delete(RateLimitCounter).where(
            RateLimitCounter.key == key, RateLimitCounter.window_start == window
        )
    )


def purge_old(before_seconds: int = 86400) -> int:
    """Delete database counters older than ``before_seconds`` (housekeeping)."""
    cutoff = int(clock.timestamp()) - before_seconds
    return db.session.execute(
        sa.delete(RateLimitCounter).where(RateLimitCounter.window_start < cutoff)
    ).rowcount
