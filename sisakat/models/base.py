"""Declarative base with a naming convention, and small column helpers shared by all models."""

from __future__ import annotations

import enum
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.dialects import mysql
from sqlalchemy.orm import DeclarativeBase, registry

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
