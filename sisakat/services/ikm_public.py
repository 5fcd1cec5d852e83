"""The published survey results (PermenPANRB 14/2017: a unit publishes its IKM): per year and
semester, the very report the staff page shows (``survey.report``, all services, and the year per
active service when there are several), without the suggestions or anything about a respondent.

A period with fewer than ``MIN_RESPONDENTS`` answers shows its count but no index: with one or two
answers the NRR per element is those people's own answers, and in a small office one may know who
they were (the only board served that semester); so few answers do not describe the service either.

The year and each semester carry the office's follow-up of that period (``survey_follow_up``);
the general note (``survey.follow_up``) is shown once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sisakat.extensions import db
from sisakat.formatting import to_local
from sisakat.models import SurveyResponse
from sisakat.services import catalog, ikm, settings, survey, survey_follow_up

MIN_RESPONDENTS = 5
MAX_YEARS = 10  # years offered in the year list, newest first


@dataclass(frozen=True)
class Period:
    """One published period: its dates (office time, inclusive) and the staff report's result."""

    label: str
    start: date
    end: date
    result: ikm.IkmResult
    follow_up: str = ""  # the office's follow-up of this period (survey_follow_up)

    @property
    def shown(self) -> bool:
        """Enough respondents to publish the index and the NRR per element."""
        return self.result.respondents >= MIN_RESPONDENTS


@dataclass(frozen=True)
class Publication:
    """The public page of one year: the year so far, its semesters and the years on offer."""

    year: int
    whole: Period
    semesters: tuple[Period, ...]
    years: tuple[int, ...]
    unit: str
    follow_up: str = ""  # the general note, shown once below the periods
    services: tuple[Period, ...] = ()  # the year per active service (labelled by its name)


def is_published() -> bool:
    """Whether the super admin publishes the results (``survey.publish_results``, default on)."""
    return bool(settings.get("survey.publish_results"))


def years(today: date) -> tuple[int, ...]:
    """This year and every earlier year since the first answer (office time), newest first."""
    first = db.session.execute(db.select(db.func.min(SurveyResponse.created_at))).scalar()
    oldest = to_local(first, settings.utc_offset_hours()).year if first else today.year
    oldest = max(min(oldest, today.year), today.year - MAX_YEARS + 1)
    return tuple(range(today.year, oldest - 1, -1))


def _period(
    label: str, start: date, end: date, today: date, service_code: str | None = None
) -> Period:
    """The staff report of [start, end] (of one service, or all), the end capped at today (the
    staff page's default)."""
    end = min(end, today)
    return Period(label, start, end, survey.report(start, end, service_code).result)


def _per_service(year: int, today: date) -> tuple[Period, ...]:
    """The year of each active service, when the office runs more than one (with one, the
    year of all services is that service's)."""
    services = catalog.all_services(active_only=True)
    if len(services) < 2:
        return ()
    start, end = date(year, 1, 1), date(year, 12, 31)
    return tuple(_period(s.short_name or s.name, start, end, today, s.code) for s in services)


def publication(year: int | None, today: date) -> Publication:
    """The results of ``year`` (this year when None or not on offer), each period with its
    follow-up."""
    offered = years(today)
    year = year if year in offered else today.year
    texts = survey_follow_up.of_year(year)
    semesters = [_period("Semester I", date(year, 1, 1), date(year, 6, 30), today)]
    if date(year, 7, 1) <= today:
        semesters.append(_period("Semester II", date(year, 7, 1), date(year, 12, 31), today))
    semesters = [replace(p, follow_up=texts.get(str(i), "")) for i, p in enumerate(semesters, 1)]
    whole = _period(f"Tahun {year}", date(year, 1, 1), date(year, 12, 31), today)
    return Publication(
        year=year,
        whole=replace(whole, follow_up=texts.get("tahun", "")),
        semesters=tuple(semesters),
        years=offered,
        unit=settings.get("agency.short_name"),
        follow_up=str(settings.get("survey.follow_up") or ""),
        services=_per_service(year, today),
    )
