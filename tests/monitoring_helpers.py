"""Builders for monitoring tests: timelines at chosen moments, issued letters, query counting."""

from __future__ import annotations

import contextlib
import secrets
from datetime import date, datetime, timedelta

from sqlalchemy import event

from sisakat.extensions import db
from sisakat.models import Action, ApplicationHistory, Letter, LetterStatus, Level
from sisakat.models import ApplicationStatus as S
from sisakat.services import settings
from tests import factories

WIB = timedelta(hours=7)
TO = {
    Action.AJUKAN: S.DIAJUKAN,
    Action.AMBIL: S.DIVERIFIKASI,
    Action.KEMBALIKAN: S.PERLU_PERBAIKAN,
    Action.AJUKAN_ULANG: S.DIAJUKAN,
    Action.SETUJUI: S.MENUNGGU_TTE,
    Action.TERBITKAN: S.TERBIT,
}


def wib(text: str) -> datetime:
    """A naive UTC moment from an office (WIB) time ``YYYY-MM-DD HH:MM``."""
    return datetime.fromisoformat(text) - WIB


def timeline(steps: list[tuple[Action, str]], *, level=Level.PROVINSI, region="Sumatera Selatan"):
    """An application of a new party that went through ``steps`` at the given WIB times."""
    party = factories.party(commit=False, level=level, region_name=region)
    status = TO[steps[-1][0]]
    application = factories.application(party, status=status, commit=False)
    application.created_at = wib(steps[0][1]) - timedelta(minutes=5)
    source = S.DRAF
    for action, moment in steps:
        db.session.add(
            ApplicationHistory(
                application_id=application.id,
                action=action,
                at=wib(moment),
                from_status=source,
                to_status=TO[action],
                note="Perbaiki dokumen" if action == Action.KEMBALIKAN else "",
            )
        )
        source = TO[action]
    db.session.commit()
    return application


def office_with_holiday(holiday: str = "2026-03-16") -> None:
    """Office hours 08-16 WIB, Monday to Friday, one holiday."""
    settings.update({"office.holidays": [holiday]}, actor=None)
    db.session.commit()


def issued_letter(application, *, valid_until: date, number: str = "200.1.5.3/1/BAN.KBP/2026"):
    """A Berlaku letter for ``application`` (signed file stands in as any stored file)."""
    stored = factories.logo(application.party.account)
    letter = Letter(
        application_id=application.id,
        token=secrets.token_hex(13),
        status=LetterStatus.BERLAKU,
        number_text=number,
        letter_date=valid_until - timedelta(days=365 * 5),
        issued_at=datetime(2026, 1, 5, 3, 0),
        valid_until=valid_until,
        signed_file_id=stored.id,
    )
    db.session.add(letter)
    db.session.commit()
    return letter


@contextlib.contextmanager
def count_queries():
    """Count statements sent to the database inside the block (``n``; the texts in ``sql``)."""
    counter = {"n": 0, "sql": []}

    def _count(_conn, _cursor, statement, *_args, **_kwargs):
        counter["n"] += 1
        counter["sql"].append(statement)

    event.listen(db.engine, "before_cursor_execute", _count)
    try:
        yield counter
    finally:
        event.remove(db.engine, "before_cursor_execute", _count)


def bulk_issued(n: int, *, day: str = "2026-03-18") -> None:
    """``n`` issued applications (Diajukan 10.00, Terbit 10.30 WIB) inserted in bulk: many rows
    fast, for query-count tests."""
    from sisakat.models import Application, Party, Role, User

    tag = secrets.token_hex(4)  # unique across calls
    users = [
        User(
            username=f"m{tag}{i}",
            email=f"m{tag}{i}@contoh.test",
            role=Role.PEMOHON,
            password_hash="x",
        )
        for i in range(n)
    ]
    db.session.add_all(users)
    db.session.flush()
    parties = [Party(account_id=u.id, board_name=f"DPD Massal {u.id}") for u in users]
    db.session.add_all(parties)
    db.session.flush()
    apps = [
        Application(party_id=p.id, status=S.TERBIT, created_at=wib(f"{day} 09:00")) for p in parties
    ]
    db.session.add_all(apps)
    db.session.flush()
    for a in apps:
        db.session.add_all(
            [
                ApplicationHistory(
                    application_id=a.id,
                    action=Action.AJUKAN,
                    at=wib(f"{day} 10:00"),
                    from_status=S.DRAF,
                    to_status=S.DIAJUKAN,
                ),
                ApplicationHistory(
                    application_id=a.id,
                    action=Action.TERBITKAN,
                    at=wib(f"{day} 10:30"),
                    from_status=S.MENUNGGU_TTE,
                    to_status=S.TERBIT,
                ),
            ]
        )
    db.session.commit()


def hours_form(start="08:00", end="16:00", workdays=(1, 2, 3, 4, 5), **fields) -> dict:
    """A Jam layanan page post: ``start``-``end`` on every day, ``workdays`` ticked, the reminder
    at 60 days and no holidays; ``fields`` override (``end_5="11:30"``)."""
    data = {"workdays": [str(d) for d in workdays], "days": "60", "holidays": ""}
    for n in range(1, 8):
        data.update({f"start_{n}": start, f"end_{n}": end})
    data.update(fields)
    return data
