"""The access matrix: every endpoint × every kind of user, with the expected answer.

Each module in ``tests/security/access/`` defines ``ROWS: dict[endpoint, Expect]`` and may define
``setup(world)`` that creates objects owned by party A (in the state its endpoints need) and puts
their ids into ``world.args`` under the URL parameter names (``application_id``, ``file_id`` ...).
An endpoint in ``app.url_map`` without a row fails the test, so no route ships unclassified.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from dataclasses import dataclass, field

from sisakat.models import Role

LOGIN = "login"  # redirect to the login page
OK = "ok"  # 200 for GET; 200/302/303 for POST (validation failures included, never 4xx/5xx)
ROLES = ("anon", "pemohon_a", "pemohon_b", "verifikator", "penandatangan", "superadmin")


@dataclass(frozen=True)
class Expect:
    """Expected outcome per user kind: ``OK``, ``LOGIN`` or an HTTP status (403, 404, 405...)."""

    anon: str | int
    pemohon_a: str | int
    pemohon_b: str | int
    verifikator: str | int
    penandatangan: str | int
    superadmin: str | int
    method: str = "GET"
    query: str = ""  # appended to the URL, e.g. "?q=x"
    # URL parameter -> world.args key, when this endpoint needs another object than the one the
    # parameter name usually means (e.g. ("letter_id", "issued_letter_id")).
    args: tuple[tuple[str, str], ...] = ()

    def for_role(self, role: str) -> str | int:
        """The expectation for one user kind."""
        return getattr(self, role)


def public(method: str = "GET") -> Expect:
    """Anyone, logged in or not."""
    return Expect(OK, OK, OK, OK, OK, OK, method=method)


def pemohon_only(method: str = "GET", *, owner_only: bool = False) -> Expect:
    """The Pemohon role; ``owner_only``: party B gets 404 for party A's object."""
    return Expect(LOGIN, OK, 404 if owner_only else OK, 403, 403, 403, method=method)


def staff(*roles: Role, method: str = "GET") -> Expect:
    """Only the given staff roles; Pemohon and other staff get 403."""
    names = {r.value for r in roles}

    def pick(role: str) -> str | int:
        return OK if role in names else 403

    return Expect(
        LOGIN,
        403,
        403,
        pick("verifikator"),
        pick("penandatangan"),
        pick("superadmin"),
        method=method,
    )


def logged_in(method: str = "GET") -> Expect:
    """Any logged-in user."""
    return Expect(LOGIN, OK, OK, OK, OK, OK, method=method)


@dataclass
class World:
    """The users and objects the matrix runs against."""

    users: dict[str, object] = field(default_factory=dict)
    args: dict[str, object] = field(default_factory=dict)


def area_modules() -> list:
    """Every module in tests/security/access/."""
    import tests.security.access as pkg

    return [
        importlib.import_module(f"{pkg.__name__}.{m.name}")
        for m in pkgutil.iter_modules(pkg.__path__)
    ]


@functools.cache
def all_rows() -> dict[str, Expect]:
    """Merged ROWS of every area; an endpoint listed twice is an error."""
    rows: dict[str, Expect] = {}
    for module in area_modules():
        for endpoint, expect in getattr(module, "ROWS", {}).items():
            assert endpoint not in rows, f"{endpoint} listed twice"
            rows[endpoint] = expect
    return rows


def build_world() -> World:
    """Party A and B accounts, one user per staff role, and each area's objects (needs an app
    context). Shared by the access matrix, the CSRF walker and the form fuzzer."""
    from tests import factories

    w = World()
    party_a = factories.party()
    party_b = factories.party()
    w.users = {
        "anon": None,
        "pemohon_a": party_a.account,
        "pemohon_b": party_b.account,
        "verifikator": factories.user(Role.VERIFIKATOR),
        "penandatangan": factories.user(Role.PENANDATANGAN),
        "superadmin": factories.user(Role.SUPERADMIN),
    }
    w.args["party_a"] = party_a
    w.args["party_b"] = party_b
    for module in area_modules():
        if hasattr(module, "setup"):
            module.setup(w)
    return w


def first_allowed_role(expect: Expect) -> str | None:
    """The first user kind for which ``expect`` says OK, else the first one its GET redirects
    (a page that hands out its form at another address, such as /survei); None when nobody may
    use it."""
    return next((r for r in ROLES if expect.for_role(r) == OK), None) or next(
        (r for r in ROLES if expect.for_role(r) == 302), None
    )


def rule_url(app, rule, args: dict) -> str:
    """The URL of ``rule`` built with the world's ids (honouring the row's ``args`` mapping)."""
    from flask import url_for

    mapping = dict(all_rows()[rule.endpoint].args) if rule.endpoint in all_rows() else {}
    values = {}
    for name in rule.arguments:
        key = mapping.get(name, name)
        key = key if key in args else name  # callers may pass the parameter name directly
        assert key in args, f"{rule.endpoint}: no value for <{name}> (add it in a setup(world))"
        values[name] = args[key]
    with app.test_request_context():
        return url_for(rule.endpoint, **values)
