"""The app remembers which hooks and views are plain functions (``App.ensure_sync``), never an
``async def`` one: Flask's answer for each callable stays what it was."""

from __future__ import annotations

import pytest

from sisakat.web import App


def test_plain_functions_are_remembered_and_async_ones_never(app):
    assert isinstance(app, App)

    def plain():
        return "ok"

    async def later():
        return "ok"

    for _ in range(3):  # the second and third asks read what the first kept
        assert app.ensure_sync(plain) is plain
        # Flask wraps an async callable (and, without its "async" extra, says to install it);
        # it is never handed back as if it were a plain function.
        with pytest.raises(RuntimeError, match="async"):
            app.ensure_sync(later)
    assert plain in app._sync_callables
    assert later not in app._sync_callables


def test_remembered_callables_are_bounded_and_unhashable_ones_still_answered(app):
    class Unhashable:
        __hash__ = None

        def __call__(self):
            return "ok"

    odd = Unhashable()
    assert app.ensure_sync(odd) is odd
    made = [lambda: "ok" for _ in range(App.SYNC_MAX + 10)]  # e.g. a closure made per request
    for func in made:
        assert app.ensure_sync(func) is func
    assert len(app._sync_callables) <= App.SYNC_MAX


def test_a_page_runs_its_hooks_and_view_as_before(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["X-Frame-Options"] == "DENY"  # an after_request hook ran
