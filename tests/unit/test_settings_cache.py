"""Settings are read once per request; a change in the same request is seen at once."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import Role, Setting
from sisakat.services import settings


def test_request_cache_reads_once_and_sees_updates(app, make):
    """Inside a request a key is queried once; update() empties the cache."""
    admin = make.user(Role.SUPERADMIN)
    with app.test_request_context("/"):
        assert settings.get("agency.city") == "Palembang"
        settings.update({"agency.city": "Lubuklinggau"}, actor=admin)
        assert settings.get("agency.city") == "Lubuklinggau"
        assert settings.group("agency")["city"] == "Lubuklinggau"
        workdays = settings.get("office.workdays")
        workdays.append(99)
        assert 99 not in settings.get("office.workdays")


def test_outside_a_request_every_read_goes_to_the_database(app):
    """The CLI and the tests' own app context see a row written behind the service's back."""
    assert settings.get("agency.city") == "Palembang"
    db.session.add(Setting(key="agency.city", value='"Prabumulih"'))
    db.session.flush()
    assert settings.get("agency.city") == "Prabumulih"


def test_a_derived_value_is_computed_once_per_request_and_again_after_a_change(app, make):
    """``settings.derived``: one computation per request, a fresh one after ``update`` empties
    the cache, and one per call outside a request (nothing outlives a request)."""
    admin = make.user(Role.SUPERADMIN)
    runs = []

    def city() -> str:
        runs.append(1)
        return str(settings.get("agency.city"))

    with app.test_request_context("/"):
        assert settings.derived("test.city", city) == "Palembang"
        assert settings.derived("test.city", city) == "Palembang"
        assert len(runs) == 1
        settings.update({"agency.city": "Lubuklinggau"}, actor=admin)
        assert settings.derived("test.city", city) == "Lubuklinggau"
        assert len(runs) == 2
        db.session.commit()
    with app.app_context(), app.test_request_context("/"):  # the next request: its own ``g``
        assert settings.derived("test.city", city) == "Lubuklinggau"
        assert len(runs) == 3
    settings.derived("test.city", city)
    settings.derived("test.city", city)
    assert len(runs) == 5
