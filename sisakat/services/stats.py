"""Dashboard statistics from the application timeline (``application_history``).

A fixed number of queries whatever the data: the applications in scope (one query, columns only)
and their history rows (one query), plus the settings. Durations are office working hours
(``working_time.working_seconds``): nights, weekends and holidays do not count against the promise.

Definitions (shown on the page too):
- scope: applications first submitted (Diajukan) in the period (office dates), optionally one
  service and level: what an office reports as received; a draft never submitted is not one. The
  count, the status and group tables and the chart per month all use that one date;
- processing time: first Diajukan to Terbit; median, and the 90th percentile by nearest rank;
- within SLA: each issued application against its own service's SLA (``Service.sla_minutes``),
  counted from its complete submission (the last Diajukan, after any repair) to Terbit: the
  promise is "the letter within 1 hour of a complete submission" (DOMAIN.md), as in the queue;
- stages (issued applications only, so they add up to the processing time): waiting for staff
  (Diajukan, Diverifikasi), waiting for the party (Perlu Perbaikan), waiting for signature
  (Menunggu TTE).
"""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from sisakat.extensions import db
from sisakat.formatting import BULAN, hours_text, prefixed, to_local, wilayah
from sisakat.models import (
    ApplicantKind,
    Application,
    ApplicationHistory,
    ApplicationStatus,
    Level,
    Party,
)
from sisakat.services import catalog, clock, party_level, settings
from sisakat.services.working_time import OfficeHours, working_seconds

S = ApplicationStatus
STAGES = (
    ("staff", "Menunggu petugas", (S.DIAJUKAN, S.DIVERIFIKASI)),
    ("party", "Menunggu pemohon (perbaikan)", (S.PERLU_PERBAIKAN,)),
    ("signature", "Menunggu tanda tangan (TTE)", (S.MENUNGGU_TTE,)),
)
DEFAULT_SLA_MINUTES = 60  # an application whose service row is gone (never in practice)
_STAGE_OF = {status: key for key, _label, statuses in STAGES for status in statuses}


@dataclass(frozen=True)
class StatsFilter:
    """What the dashboard shows: a period of office dates, optionally a service and a level."""

    start: date
    end: date
    service: str | None = None
    level: Level | None = None


@dataclass(frozen=True)
class GroupRow:
    """Counts and times for one level or region."""

    label: str
    applications: int
    issued: int
    median_hours: float | None
    within_sla: int


@dataclass
class Dashboard:
    """Everything the page, the XLSX and the CSV show."""

    filters: StatsFilter
    sla_minutes: int | None  # the one SLA in scope; None when the services in scope differ
    total: int = 0
    by_status: list[tuple[str, int]] = field(default_factory=list)
    per_month: list[tuple[str, int]] = field(default_factory=list)
    issued: int = 0
    median_hours: float | None = None
    p90_hours: float | None = None
    within_sla: int = 0
    sla_share: float | None = None  # percent of issued applications
    stages: list[tuple[str, float | None]] = field(default_factory=list)  # mean hours
    by_level: list[GroupRow] = field(default_factory=list)
    by_region: list[GroupRow] = field(default_factory=list)

    @property
    def sla_label(self) -> str:
        """How the SLA column is described: one figure, or each service's own."""
        if self.sla_minutes is None:
            return "janji layanan masing-masing"
        return f"{hours_text(self.sla_minutes)} jam kerja"  # as the service form sets it


def percentile(values: list[float], pct: int) -> float | None:
    """Nearest-rank percentile (the value below which ``pct``% of the sorted values lie)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def _first_submissions():
    """Each application's first Diajukan (a subquery): the day it was received."""
    return (
        db.select(
            ApplicationHistory.application_id.label("application_id"),
            db.func.min(ApplicationHistory.at).label("at"),
        )
        .where(ApplicationHistory.to_status == S.DIAJUKAN)
        .group_by(ApplicationHistory.application_id)
        .subquery()
    )


def _scope(filters: StatsFilter, offset: int):
    """Columns of the applications first submitted in the period (no ORM objects: constant
    memory per row)."""
    start, end = clock.office_days_utc(filters.start, filters.end, offset)
    first = _first_submissions()
    query = (
        db.select(
            Application.id,
            Application.status,
            Application.service_code,
            Party.kind,
            party_level.board_level_sql().label("level"),
            Party.region_name,
            Party.city,
            first.c.at.label("submitted"),
        )
        .join(Party, Application.party_id == Party.id)
        .join(first, first.c.application_id == Application.id)
        .where(first.c.at >= start, first.c.at < end)
    )
    if filters.service:
        query = query.where(Application.service_code == filters.service)
    if filters.level:
        query = query.where(party_level.board_level_sql() == filters.level)
    return query


@dataclass
class _Timeline:
    """What one application's history says."""

    submitted: datetime | None = None  # the first Diajukan
    complete: datetime | None = None  # the last Diajukan: the complete submission
    issued: datetime | None = None
    stages: dict[str, float] = field(default_factory=lambda: defaultdict(float))


def _timelines(scope, hours: OfficeHours) -> dict[int, _Timeline]:
    """Walk the history rows of every application in scope (one query)."""
    ids = scope.with_only_columns(Application.id).scalar_subquery()
    rows = db.session.execute(
        db.select(
            ApplicationHistory.application_id, ApplicationHistory.at, ApplicationHistory.to_status
        )
        .where(ApplicationHistory.application_id.in_(ids))
        .order_by(ApplicationHistory.application_id, ApplicationHistory.at, ApplicationHistory.id)
    ).all()
    out: dict[int, _Timeline] = defaultdict(_Timeline)
    previous = None
    for app_id, at, status in rows:
        line = out[app_id]
        if previous and previous[0] == app_id and previous[2] in _STAGE_OF:
            line.stages[_STAGE_OF[previous[2]]] += working_seconds(previous[1], at, hours)
        if status == S.DIAJUKAN:
            line.submitted = line.submitted or at
            line.complete = at
        if status == S.TERBIT and line.issued is None:
            line.issued = at
        previous = (app_id, at, status)
    return out


def _group(label: str, members: list[tuple[int, S]], times: dict[int, float], on_time: dict):
    """One row of the by-level / by-region tables (``on_time``: per issued application id)."""
    done = [i for i, _s in members if i in times]
    median = statistics.median(times[i] for i in done) / 3600 if done else None
    within = sum(1 for i in done if on_time[i])
    return GroupRow(label, len(members), len(done), median, within)


def _months(filters: StatsFilter, submitted: list[datetime], offset: int) -> list[tuple[str, int]]:
    """Applications first submitted per month of the period (office time), zeros included:
    the months of the applications in scope, so they add up to the count."""
    counts = Counter((m.year, m.month) for m in (to_local(s, offset) for s in submitted))
    out, year, month = [], filters.start.year, filters.start.month
    while (year, month) <= (filters.end.year, filters.end.month):
        out.append((f"{BULAN[month - 1][:3]} {year}", counts.get((year, month), 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _processing(result: Dashboard, times: dict[int, float], lines, on_time: dict) -> None:
    """Median, 90th percentile, SLA share and mean stage times of the issued applications."""
    done = list(times.values())
    result.issued = len(done)
    result.median_hours = statistics.median(done) / 3600 if done else None
    p90 = percentile(done, 90)
    result.p90_hours = p90 / 3600 if p90 is not None else None
    result.within_sla = sum(1 for i in times if on_time[i])
    result.sla_share = 100 * result.within_sla / len(done) if done else None
    result.stages = [
        (label, sum(lines[i].stages[key] for i in times) / 3600 / len(done) if done else None)
        for key, label, _statuses in STAGES
    ]


def _region(row) -> str:
    """The region as letters print it, the level word once ("Provinsi Bengkulu" and "Kota
    Bengkulu" are two regions); an ormas, which has no board level, by its secretariat's
    kab/kota."""
    if row.region_name:
        level = party_level.board_level(row)
        return wilayah(level.label if level else "", row.region_name)
    return prefixed(row.city, also=("Kabupaten", "Kota")) or "Tanpa wilayah"


# The by-level table's rows past the board levels: a party board whose profile has no level
# (one stored before the level was required), and the ormas, which have no board level (their
# own row, so the table adds up).
NO_LEVEL, ORMAS_ROW = "Tingkat belum diisi", "Ormas"
_LEVEL_ORDER = {label: i for i, label in enumerate([lv.label for lv in Level] + [NO_LEVEL])}


def _level_row(row) -> str:
    """The by-level row an application counts in."""
    if row.kind == ApplicantKind.ORMAS:
        return ORMAS_ROW
    level = party_level.board_level(row)
    return level.label if level else NO_LEVEL


def _groups(result: Dashboard, apps, times: dict[int, float], on_time: dict) -> None:
    """The by-level (in ``Level`` order, then the rows without one) and by-region tables.
    A level lists only with applications in scope, so an empty one the office does not
    register (``office.board_levels``) never shows, and one with data stays."""
    by_level, by_region = defaultdict(list), defaultdict(list)
    for row in apps:
        by_level[_level_row(row)].append((row.id, row.status))
        by_region[_region(row)].append((row.id, row.status))
    levels = sorted(by_level.items(), key=lambda kv: _LEVEL_ORDER.get(kv[0], len(_LEVEL_ORDER)))
    result.by_level = [_group(k, v, times, on_time) for k, v in levels]
    result.by_region = [_group(k, v, times, on_time) for k, v in sorted(by_region.items())]


def dashboard(filters: StatsFilter) -> Dashboard:
    """Compute the dashboard for ``filters`` in a fixed number of queries."""
    offset, hours = settings.utc_offset_hours(), OfficeHours.from_settings()
    sla_of = {s.code: s.sla_minutes for s in catalog.all_services()}
    scope = _scope(filters, offset)
    apps = db.session.execute(scope.order_by(Application.id)).all()
    # Each application is measured against its own service's promise.
    sla = {row.id: sla_of.get(row.service_code, DEFAULT_SLA_MINUTES) * 60 for row in apps}
    in_scope = {sla_of[filters.service]} if filters.service in sla_of else set(sla_of.values())
    sla_minutes = next(iter(in_scope)) if len(in_scope) == 1 else None
    lines = _timelines(scope, hours)
    times = {
        i: working_seconds(line.submitted, line.issued, hours)
        for i, line in lines.items()
        if line.submitted and line.issued
    }
    on_time = {
        i: working_seconds(lines[i].complete, lines[i].issued, hours) <= sla[i] for i in times
    }
    result = Dashboard(filters, sla_minutes, total=len(apps))
    status_count = Counter(row.status for row in apps)
    # A submitted application is never a Draf again: no line that could only read 0.
    result.by_status = [(s.label, status_count.get(s, 0)) for s in S if s != S.DRAF]
    result.per_month = _months(filters, [row.submitted for row in apps], offset)
    _processing(result, times, lines, on_time)
    _groups(result, apps, times, on_time)
    return result
