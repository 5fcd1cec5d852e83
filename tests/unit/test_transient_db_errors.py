"""``db_setup.is_transient``: which database errors mean "busy, send it again" (503) rather
than a fault (500), with each driver's own exception as SQLAlchemy wraps it."""

from __future__ import annotations

import sqlite3

import psycopg
import pymysql
import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from sisakat.db_setup import is_transient


def _wrapped(orig: BaseException) -> OperationalError:
    return OperationalError("UPDATE notifications SET read_at = ?", {}, orig)


@pytest.mark.parametrize(
    "orig",
    [
        sqlite3.OperationalError("database is locked"),
        psycopg.errors.DeadlockDetected("deadlock detected"),
        psycopg.errors.SerializationFailure("could not serialize access"),
        psycopg.errors.LockNotAvailable("canceling statement due to lock timeout"),
        pymysql.err.OperationalError(1205, "Lock wait timeout exceeded; try restarting"),
        pymysql.err.OperationalError(1213, "Deadlock found when trying to get lock"),
    ],
)
def test_a_busy_database_is_transient(orig):
    assert is_transient(_wrapped(orig))


@pytest.mark.parametrize(
    "orig",
    [
        sqlite3.OperationalError("no such table: notifications"),
        sqlite3.OperationalError("disk I/O error"),
        psycopg.errors.UndefinedTable('relation "notifications" does not exist'),
        pymysql.err.OperationalError(2003, "Can't connect to MySQL server"),
    ],
)
def test_a_broken_database_or_query_is_not(orig):
    assert not is_transient(_wrapped(orig))


def test_a_constraint_violation_is_not():
    orig = sqlite3.IntegrityError("UNIQUE constraint failed: users.username")
    assert not is_transient(IntegrityError("INSERT INTO users", {}, orig))
    assert not is_transient(ValueError("not a database error"))
