"""Helpers routes share: DomainError -> rollback + flash, 404 loading, script requests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import abort, flash, request

from sisakat.exceptions import DomainError
from sisakat.extensions import db


class Outcome:
    """Set by ``flash_domain_errors``: ``ok`` stays True unless a DomainError was caught."""

    def __init__(self) -> None:
        self.ok = True
        self.message = ""


@contextmanager
def flash_domain_errors() -> Iterator[Outcome]:
    """Catch DomainError only: roll back, flash its Indonesian message as "danger"."""
    outcome = Outcome()
    try:
        yield outcome
    except DomainError as exc:
        db.session.rollback()
        outcome.ok, outcome.message = False, exc.message
        flash(exc.message, "danger")


def or_404(obj):
    """The object, or a 404 when None (other parties' ids too: no probing)."""
    if obj is None:
        abort(404)
    return obj


def from_script() -> bool:
    """The request came from a page script (the upload progress bar), which wants JSON."""
    return request.headers.get("X-Requested-With") == "XMLHttpRequest"
