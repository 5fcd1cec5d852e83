"""Declarative base with a naming convention, small column helpers shared by all models, and
the append-only rule for record tables (history, audit)."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.dialects import mysql
from sqlalchemy.orm import DeclarativeBase, ORMExecuteState, Session, registry

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base for every SISAKAT model: constraints get stable names that migrations can address."""

    # MariaDB's DATETIME drops microseconds unless asked (fsp=6): the audit hash chain and the
    # transfer/backup checksums need the value back exactly as written.
    registry = registry(
        metadata=sa.MetaData(naming_convention=NAMING_CONVENTION),
        type_annotation_map={
            datetime: sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb"),
        },
    )


def utcnow() -> datetime:
    """Current time in UTC, naive (every database stores it the same way)."""
    return datetime.now(UTC).replace(tzinfo=None)


class LabelledEnum(enum.StrEnum):
    """A string enum whose members carry an Indonesian label (and optionally a badge colour)."""

    def __new__(cls, value: str, label: str = "", badge: str = "secondary"):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label or value
        obj.badge = badge
        return obj


def enum_column(enum_cls: type[enum.Enum], name: str) -> sa.Enum:
    """A portable enum: VARCHAR(32) with a named CHECK, identical on every database."""
    return sa.Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


# Tables whose rows the app inserts and never changes (see ``append_only``).
_APPEND_ONLY: set[sa.Table] = set()
M = TypeVar("M", bound=type[Base])


def append_only(model: M) -> M:
    """Class decorator: the app may insert rows of ``model`` but never update or delete them,
    neither one object at a flush nor by a bulk ``update()``/``delete()`` through the session.

    Raw SQL on a connection (``flask restore`` and ``flask transfer`` copying whole tables, the
    test wipes) is not the ORM and is not stopped; for the audit table the hash chain shows it.
    """
    event.listen(model, "before_update", _refuse_row_change)
    event.listen(model, "before_delete", _refuse_row_change)
    _APPEND_ONLY.add(model.__table__)
    return model


def _refuse_row_change(_mapper, _connection, target) -> None:
    """A flush would update or delete a loaded row: refuse (the caller rolls back)."""
    raise RuntimeError(f"{target.__tablename__} is append-only (row {target.id})")


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_change(state: ORMExecuteState) -> None:
    """Refused before anything is sent, so the session's transaction stays usable."""
    if not (state.is_update or state.is_delete):
        return
    target = getattr(state.statement, "table", None)
    for table in _APPEND_ONLY:
        if target is not None and target.is_derived_from(table):
            verb = "update" if state.is_update else "delete"
            raise RuntimeError(f"{table.name} is append-only (bulk {verb} refused)")
