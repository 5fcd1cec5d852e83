"""AUTH-1 with the Redis backend: counters live in Redis, shared by every app process."""

import pytest
import redis
import sqlalchemy as sa

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.models.rate_limit import RateLimitCounter
from tests.auth_helpers import form_login, use_clock
from tests.conftest import require_or_skip

REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_db(app):
    """The local Redis test database 15, emptied before and after; skipped when unreachable."""
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=2)
    try:
        client.ping()
    except redis.RedisError:
        require_or_skip(f"Redis tidak tersedia di {REDIS_URL}")
    client.flushdb()
    app.config["REDIS_URL"] = REDIS_URL
    yield client
    client.flushdb()
    client.close()
    app_client = app.extensions.pop("sisakat_redis", None)
    if app_client is not None:
        app_client.close()


def test_login_limit_counts_in_redis_and_lifts_after_window(app, redis_db, make):
    clock = use_clock(app)
    user = make.user(Role.VERIFIKATOR)
    for n in range(5):
        form_login(app.test_client(), user.username, "salah-terus-123", ip=f"10.3.0.{n}")
    assert list(redis_db.scan_iter("sisakat:rl:login:user:*"))
    count = db.session.execute(sa.select(sa.func.count()).select_from(RateLimitCounter))
    assert count.scalar_one() == 0  # nothing in the database
    # Counted in Redis, not in this process: a fresh client from a new address is refused.
    response = form_login(app.test_client(), user.username, ip="10.3.9.9")
    assert response.status_code == 429
    clock.advance(minutes=15)
    assert form_login(app.test_client(), user.username, ip="10.3.9.9").status_code == 302
