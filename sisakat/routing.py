"""Helpers routes share: DomainError -> rollback + flash (or the field's error), 404 loading,
script requests, file downloads of exports."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from flask import Response, abort, flash, request

from sisakat.exceptions import DomainError, StaleApplication, StaleRecord
from sisakat.extensions import db
from sisakat.forms_common import chose_a_file
from sisakat.services import concurrency, storage


class Outcome:
    """Set by ``flash_domain_errors``: ``ok`` stays True unless a DomainError was caught."""

    def __init__(self) -> None:
        self.ok = True
        self.message = ""


@contextmanager
def flash_domain_errors(about: str = "", *, typed_kept: bool = False) -> Iterator[Outcome]:
    """Catch DomainError only: roll back, flash its Indonesian message as "danger" (after
    ``about``, naming the record, on a page that lists many; ``typed_kept``: the page answering
    a refusal shows what was typed again, ``concurrency.as_shown``)."""
    outcome = Outcome()
    try:
        yield outcome
    except DomainError as exc:
        db.session.rollback()
        message = concurrency.as_shown(exc.message, typed_kept=typed_kept)
        outcome.ok, outcome.message = False, message
        flash(about + message, "danger")


def message_for(exc: DomainError, form=None) -> str:
    """``exc``'s message on the page answering the refused ``form``: the one place deciding
    that a refusal keeping the input says a chosen file must be chosen again
    (``concurrency.as_shown``)."""
    chosen = form is not None and chose_a_file(form)
    return concurrency.as_shown(exc.message, file_chosen=chosen)


def show_domain_error(exc: DomainError, form=None, *, field: str | None = None) -> None:
    """Roll back and show ``exc`` (``message_for``): beside its form field (``field``
    overrides ``exc.field``) when the page re-renders ``form`` with that field, else as a
    "danger" flash."""
    db.session.rollback()
    message = message_for(exc, form)
    target = getattr(form, field or exc.field or "", None) if form is not None else None
    if target is not None and hasattr(target, "errors"):
        target.errors = [*target.errors, message]
    else:
        flash(message, "danger")


def commit_or_show(
    form,
    save: Callable[[], object],
    token: Callable[[], str] | None = None,
    *,
    version: Callable[[], int] | None = None,
) -> bool:
    """Run ``save`` and commit (True). A DomainError is rolled back and shown beside its field
    (False); refused as out of date, ``form`` keeps what was typed and gets what is stored now:
    ``token()`` as its digest, ``version()`` as its version, so saving again overwrites
    knowingly."""
    try:
        save()
        db.session.commit()
    except DomainError as exc:
        show_domain_error(exc, form)
        if isinstance(exc, StaleRecord | StaleApplication):
            if token is not None:
                form.seen.data = token()
            if version is not None:
                form.version.data = str(version())
        return False
    return True


def flash_if_marked(form, message: str) -> None:
    """After a refused save, flash ``message`` ("... belum tersimpan. Periksa isian yang
    ditandai.") only when reasons sit beside the form's fields: a refusal flashed on its own
    (another admin saved meanwhile) already says that nothing was stored, in one message."""
    if form.errors:
        flash(message, "danger")


def or_404(obj):
    """The object, or a 404 when None (other parties' ids too: no probing)."""
    if obj is None:
        abort(404)
    return obj


def from_script() -> bool:
    """The request came from a page script (the upload progress bar), which wants JSON."""
    return request.headers.get("X-Requested-With") == "XMLHttpRequest"


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(data: bytes | str, mimetype: str, name: str) -> Response:
    """An export as an attachment that no cache keeps (every XLSX and CSV download): a file
    drawn for this request, with the headers of every other (``storage.send_drawn``)."""
    return storage.send_drawn(data, mimetype=mimetype, name=name)
