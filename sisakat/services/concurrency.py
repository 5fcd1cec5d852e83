"""Two people editing the same thing at once (QUALITY.md: "two staff at once ... loses
nothing"). Records without a version column (key/value settings, users, requirements, FAQ
entries, catalogue reasons) are guarded by a digest of the values the page showed: the page
carries it in a hidden field, and a save from a page that is out of date is refused with who
changed the record and when, keeping what the admin typed. Rows with a version column
(applications, services, letters, complaints, applicant profiles) compare the version the page
showed (``check_version``) and write through ``flush_versioned``, which turns a concurrent winner
into the same kind of refusal; each kind of record names who changed it and when its own way
(its audit trail, or the application's history).

``seen`` None means no page digest came (a command, a script posting the form by hand): nothing
to compare. This guards people at pages against each other; it is not an access control (the
super admin may save any value anyway)."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any, NoReturn

from sqlalchemy.orm.exc import StaleDataError

from sisakat.exceptions import DomainError, NotStored, StaleRecord
from sisakat.extensions import db
from sisakat.models import AuditEvent, Setting, User
from sisakat.services import settings

log = logging.getLogger(__name__)


def fingerprint(values: Mapping[str, Any]) -> str:
    """A short digest of ``values`` (order of keys does not matter)."""
    text = json.dumps(dict(values), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def row_token(row: object, fields: tuple[str, ...]) -> str:
    """The digest of ``row``'s ``fields`` that its edit page carries."""
    return fingerprint({name: getattr(row, name) for name in fields})


def settings_token(keys: Iterable[str]) -> str:
    """The digest of the settings ``keys`` that a settings page carries."""
    return fingerprint({key: settings.get(key) for key in keys})


def check_row(
    seen: str | None,
    row: object,
    fields: tuple[str, ...],
    *,
    object_type: str,
    subject: str = "Data ini sudah diubah",
) -> None:
    """Refuse a save of ``row`` from a page that showed other values of ``fields``; who changed
    it and when come from its newest audit event (``object_type`` under its id). ``subject``
    names the row on a page listing many ("Kategori Loket sudah diubah")."""
    if seen is None or seen == row_token(row, fields):
        return
    raise StaleRecord(changed_message(*last_audited(object_type, row.id), subject=subject))


def last_audited(
    object_type: str, object_id: object, actions: tuple[str, ...] = ()
) -> tuple[str | None, datetime | None]:
    """(who, when) of the newest audit event about an object (of ``actions`` when given)."""
    query = db.select(AuditEvent).where(
        AuditEvent.object_type == object_type, AuditEvent.object_id == str(object_id)
    )
    if actions:
        query = query.where(AuditEvent.action.in_(actions))
    last = db.session.execute(query.order_by(AuditEvent.id.desc()).limit(1)).scalar()
    if last is None:
        return None, None
    actor = db.session.get(User, last.actor_id) if last.actor_id else None
    return (actor.display_name if actor else last.actor_label), last.created_at


def check_digest(
    seen: str | None, current: str, *, changed_by_id: int | None, changed_at: datetime | None
) -> None:
    """Refuse a save from a page whose digest ``seen`` is not ``current`` (the digest of what
    is stored now), naming the user ``changed_by_id`` and ``changed_at`` (the record's own
    "updated by" columns) when known."""
    if seen is None or seen == current:
        return
    _refuse_by(changed_by_id, changed_at)


def check_settings(seen: str | None, keys: Iterable[str]) -> None:
    """Refuse a save from a settings page that showed other values of ``keys`` than the
    current ones (another admin saved meanwhile), naming who saved last and when. The values
    are read with their rows locked (``settings.lock_many``): a save of the same page sent at
    the same moment waits for this one to end, then sees its values and is refused."""
    if seen is None:
        return
    keys = tuple(keys)
    if seen == fingerprint(settings.lock_many(keys)):
        return
    refuse_settings(keys)


def refuse_settings(keys: Iterable[str]) -> NoReturn:
    """Refuse a save from an out-of-date settings page, naming who saved one of ``keys`` last
    and when."""
    raise StaleRecord(settings_message(keys))


def settings_message(keys: Iterable[str]) -> str:
    """The refusal of a settings save that another admin's save of one of ``keys`` beat,
    naming who saved last and when (from the setting rows, read locked: on MariaDB a plain read
    may see the transaction's snapshot from before the winner committed)."""
    saved = settings.saved_keys(keys)
    query = db.select(Setting.updated_by_id, Setting.updated_at).where(Setting.key.in_(saved))
    last = db.session.execute(
        query.order_by(Setting.updated_at.desc()).limit(1).with_for_update()
    ).first()
    return _message_by(last.updated_by_id if last else None, last.updated_at if last else None)


RESAVE = (
    "Isian Anda belum tersimpan dan masih ada di formulir ini: buka halaman ini di tab baru "
    "untuk melihat data terbaru, atau simpan lagi untuk menimpanya dengan isian Anda."
)
# RESAVE on a form where a file was chosen: a browser never refills a file input.
RESAVE_FILES = (
    "Perubahan Anda belum tersimpan. Isian yang Anda ketik masih ada di formulir ini; berkas "
    "yang Anda pilih perlu dipilih lagi. Buka halaman ini di tab baru untuk melihat data "
    "terbaru, atau simpan lagi untuk menimpanya dengan isian Anda."
)
# A save the database refused for another reason than a concurrent save (``flush_versioned``).
RETRY = (
    "Isian Anda belum tersimpan dan masih ada di formulir ini; simpan lagi. Bila tetap gagal, "
    "keluar lalu masuk kembali."
)
RETRY_FILES = (
    "Perubahan Anda belum tersimpan. Isian yang Anda ketik masih ada di formulir ini; berkas "
    "yang Anda pilih perlu dipilih lagi. Simpan lagi; bila tetap gagal, keluar lalu masuk kembali."
)
NOT_STORED = (
    "Perubahan tidak dapat disimpan karena data terkait berubah saat disimpan (misalnya akun "
    "Anda baru saja dihapus). " + RETRY
)
# RESAVE and RETRY as shown on a form where a file was chosen (``as_shown``).
FILE_CHOSEN = {RESAVE: RESAVE_FILES, RETRY: RETRY_FILES}

# How a refusal about a changed application or letter ends (``workflow.stale_message``). Every
# page answering one shows the current state (drawn again, or redirected to), so "reload" would
# add nothing; a page that kept what was typed (the review page's notes, a reason on the register
# or at the signing desk) says so instead: a reload would lose it.
SHOWN_NOW = "Halaman ini sudah menampilkan keadaan terbaru."
TYPED_KEPT = (
    "Halaman ini sudah menampilkan keadaan terbaru; isian Anda belum tersimpan dan masih ada di "
    "halaman ini."
)

# SHOWN_NOW where the page was not drawn again (a page script showing the refusal in place).
RELOAD_TO_SEE = "Muat ulang halaman untuk melihat keadaan terbaru."


def as_shown(
    message: str, *, file_chosen: bool = False, typed_kept: bool = False, in_place: bool = False
) -> str:
    """A refusal's ``message`` as the page answering it shows it, the one place its ending is
    fitted to that page: when a file was chosen in the refused form, "masih ada di formulir
    ini" (``RESAVE``, ``RETRY``) would be untrue for the file (``FILE_CHOSEN``); on a page that
    kept what was typed, ``SHOWN_NOW`` becomes ``TYPED_KEPT``; shown ``in_place`` by a page
    script on the page as it was, ``RELOAD_TO_SEE``. Other messages are shown as they are."""
    for typed, with_file in FILE_CHOSEN.items() if file_chosen else ():
        if message.endswith(typed):
            return message.removesuffix(typed) + with_file
    if typed_kept and message.endswith(SHOWN_NOW):
        return message.removesuffix(SHOWN_NOW) + TYPED_KEPT
    if in_place and message.endswith(SHOWN_NOW):
        return message.removesuffix(SHOWN_NOW) + RELOAD_TO_SEE
    return message


def changed_message(
    changed_by: str | None,
    changed_at: datetime | None,
    *,
    subject: str = "Data ini sudah diubah",
    advice: str = RESAVE,
) -> str:
    """ "<subject> oleh <nama> pada <waktu> setelah halaman Anda dibuka. <advice>" (without
    "oleh ... pada ..." when who or when is unknown)."""
    who = ""
    if changed_by and changed_at:
        who = f" oleh {changed_by} pada {settings.office_time(changed_at)}"
    return f"{subject}{who} setelah halaman Anda dibuka. {advice}"


def _message_by(user_id: int | None, changed_at: datetime | None) -> str:
    """``changed_message`` naming the user ``user_id`` (a record's own "updated by" column)."""
    who = db.session.get(User, user_id) if user_id else None
    return changed_message(who.display_name if who else None, changed_at)


def _refuse_by(user_id: int | None, changed_at: datetime | None) -> NoReturn:
    """Refuse a save, naming the user ``user_id`` (a record's own "updated by" column), if any."""
    raise StaleRecord(_message_by(user_id, changed_at))


def check_version(
    seen: int | None,
    row: Any,
    message: Callable[[], str],
    error: type[DomainError] = StaleRecord,
) -> None:
    """Refuse a save of a row with a version column from a page that showed another version
    (or none, or a forged one): ``error(message())``, ``message`` naming who changed it and
    when."""
    if seen != row.version:
        raise error(message())


def flush_versioned(
    message: Callable[[], str],
    error: type[DomainError] = StaleRecord,
    *,
    also: tuple[type[Exception], ...] = (),
    raced: Callable[[], bool] | None = None,
    field: str | None = None,
) -> None:
    """Write the pending changes of a row with a version column. When a concurrent save won
    between this request's read and its UPDATE, the versioned UPDATE matches no row (or, for
    ``also``, the caller's other way of losing the same race, such as a row created at the same
    moment): the transaction is dead, so roll back and raise ``error(message())`` (``message``
    reads who won, after the rollback). ``raced``, asked after the rollback, tells whether an
    ``also`` error really was that race (the other save's row exists now); when not (a foreign
    key: the acting account deleted meanwhile), the refusal is ``NotStored(NOT_STORED)``, naming
    no one; ``also`` without ``raced`` is a programming error. A file stored earlier in the
    transaction (an upload, a drawn letter) goes with its row (``kept_files``). ``field``: the
    form field ``error`` is shown beside."""
    if also and raced is None:  # without it any integrity failure would name a winner
        raise TypeError("flush_versioned: also= needs raced=")
    try:
        db.session.flush()
    except StaleDataError:
        db.session.rollback()
        raise error(message(), field=field) from None
    except also as exc:
        db.session.rollback()
        if not raced():
            log.warning("write refused, not a concurrent save: %s", getattr(exc, "orig", exc))
            raise NotStored(NOT_STORED) from None
        raise error(message(), field=field) from None
