"""Rate-limit counters in the database: windows, reset, expiry with a fake clock."""

from datetime import datetime, timedelta

from sisakat.extensions import db
from sisakat.services import ratelimit
from sisakat.services.ratelimit import Limit


def test_counts_hits_within_window_and_resets_next_window(app):
    now = [datetime(2027, 1, 15, 8, 0)]
    app.config["CLOCK"] = lambda: now[0]
    limit = Limit(hits=3, seconds=60)
    for _ in range(3):
        ratelimit.hit("login:ip:10.0.0.1", limit)
    db.session.commit()
    assert ratelimit.is_limited("login:ip:10.0.0.1", limit)
    assert not ratelimit.is_limited("login:ip:10.0.0.2", limit)
    now[0] += timedelta(seconds=61)
    assert not ratelimit.is_limited("login:ip:10.0.0.1", limit)


def test_reset_forgets_current_window(app):
    limit = Limit(hits=1, seconds=60)
    ratelimit.hit("k", limit)
    assert ratelimit.is_limited("k", limit)
    ratelimit.reset("k", limit)
    assert not ratelimit.is_limited("k", limit)
