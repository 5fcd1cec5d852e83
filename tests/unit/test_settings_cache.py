"""Settings are read once per request; a change in the same request is seen at once."""

from __future__ import annotations

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
    from sisakat.extensions import db

    assert settings.get("agency.city") == "Palembang"
    db.session.add(Setting(key="agency.city", value='"Prabumulih"'))
    db.session.flush()
    assert settings.get("agency.city") == "Prabumulih"
