"""Jinja filters and the small context every page gets."""

from __future__ import annotations

from enum import Enum

from flask import Flask, current_app, has_request_context, request, url_for
from flask_login import current_user
from jinja2 import pass_context
from markupsafe import Markup, escape

from sisakat import formatting
from sisakat.services import letter_search, settings

_BADGES: dict[Enum, Markup] = {}  # one badge per enum member: label and colour are constants


def status_badge(status) -> Markup:
    """A Bootstrap badge for any LabelledEnum member (label and colour live on the enum)."""
    if status is None:
        return Markup("")
    if isinstance(status, Enum) and status in _BADGES:
        return _BADGES[status]
    label = getattr(status, "label", str(status))
    colour = getattr(status, "badge", "secondary")
    badge = Markup('<span class="badge text-bg-{}">{}</span>').format(colour, escape(label))
    if isinstance(status, Enum):
        _BADGES[status] = badge
    return badge


def slash_breaks(text) -> Markup:
    """``text`` (a register's heading or value) allowed to wrap after each slash in a narrow
    table column: a ``<wbr>``, so it copies unchanged."""
    return escape(text or "").replace("/", Markup("/<wbr>"))


_PART = Markup('<span class="text-nowrap">{}</span>')


def number_breaks(text) -> Markup:
    """``text`` (a letter number) allowed to wrap after each slash, and only there: each part,
    its slash included, is kept on one line (not at a hyphen, as in "BAN.KBP-SUMSEL", nor by a
    cell's ``overflow-wrap: anywhere``) and a ``<wbr>`` follows it; it copies unchanged."""
    parts = str(text or "").split("/")
    marked = [_PART.format(part + "/") for part in parts[:-1]]
    if parts[-1]:
        marked.append(_PART.format(parts[-1]))
    return Markup("<wbr>").join(marked)


_URLS: dict[tuple, str] = {}
_URLS_MAX = 2048  # bounded: links with ids fill it once, then are built as before
_NO_BASE = object()  # a context without ``_url_base``: not rendered by ``render_template``
MB = 1024 * 1024


def request_url_base() -> tuple[str, str] | None:
    """What a remembered link depends on besides its endpoint and arguments: the request's
    host and script root; None (build each link) outside a request or with URL defaults."""
    if not has_request_context() or current_app.url_default_functions:
        return None
    return (request.host, request.script_root)


def template_url_for(endpoint: str, **values) -> str:
    """``url_for`` for templates, remembered: the layout alone builds ~20 links per page (static
    files, menu), each a full rule build, and a path only depends on the endpoint, its
    arguments (kept in call order: extra ones become the query string) and the request's host
    and script root. Relative endpoints, ``_external``/``_anchor``/... arguments, values other
    than str and int, apps with URL defaults and calls outside a request are built each time."""
    return _remembered_url(request_url_base(), endpoint, values)


@pass_context
def page_url_for(context, endpoint: str, **values) -> str:
    """The templates' ``url_for``: ``template_url_for`` with the request's part of the key read
    once per page (``_url_base``, set by the context processor) instead of once per link."""
    base = context.get("_url_base", _NO_BASE)
    if base is _NO_BASE:
        return template_url_for(endpoint, **values)
    return _remembered_url(base, endpoint, values)


def _remembered_url(base: tuple[str, str] | None, endpoint: str, values: dict) -> str:
    if (
        base is None
        or endpoint.startswith(".")
        or (
            values
            and any(k.startswith("_") or type(v) not in (str, int) for k, v in values.items())
        )
    ):
        return url_for(endpoint, **values)
    key = (endpoint, *base, *values.items())
    url = _URLS.get(key)
    if url is None:
        url = url_for(endpoint, **values)
        if len(_URLS) < _URLS_MAX:
            _URLS[key] = url
    return url


class UrlPattern:
    """The URL of ``endpoint`` for many values of one integer argument, built once: a list
    of 25 rows links to the same route, and ``url_for`` per row rebuilds the whole rule each
    time. ``pattern(42)`` equals ``url_for(endpoint, <arg>=42, **values)``."""

    _MARK = 2_147_483_647  # a valid id (see converters.MAX_ID) that appears once in the URL

    def __init__(self, endpoint: str, arg: str, **values) -> None:
        url = url_for(endpoint, **{arg: self._MARK}, **values)
        self.prefix, found, self.suffix = url.partition(str(self._MARK))
        if not found:  # pragma: no cover - the argument is not in the path
            raise ValueError(f"{arg} is not part of the URL of {endpoint}")

    def __call__(self, value: int) -> str:
        return f"{self.prefix}{int(value)}{self.suffix}"


def service_label(code: str | None) -> str:
    """The short name of a service (one lookup; lists pass a ready map instead)."""
    from sisakat.services import catalog

    service = catalog.get(code)
    return (service.short_name or service.name) if service else (code or "")


def office_examples() -> dict[str, str]:
    """The forms' examples in the office's own region (``office.examples``)."""
    from sisakat.services import office

    return office.examples()


def _field_cap(field) -> tuple[int, str]:
    """A file field's cap and its refusal, as the server applies them: the field's own
    ``forms_common.FileCap``, the image cap for an image field (a logo, the emblem: ``accept``
    is ``images.ACCEPT``; ``images.max_bytes``), else the office's upload cap."""
    from sisakat.forms_common import FileCap
    from sisakat.services import images

    own = next((v for v in getattr(field, "validators", ()) if isinstance(v, FileCap)), None)
    if own is not None:
        return own.limit()
    if field is not None and (field.render_kw or {}).get("accept") == images.ACCEPT:
        return images.max_bytes(), images.too_big_message()
    return FileCap().limit()


def upload_limit(field=None) -> dict[str, str]:
    """A file field's cap for the page script, which refuses a bigger file beside the field
    before the form is sent (the server's own check and message stay the rule)."""
    cap, message = _field_cap(field)
    return {"data-max-bytes": str(cap), "data-too-big": message}


def upload_max(field=None) -> str:
    """A file field's cap for its hint: "10 MB", or "64 KB" under one MB."""
    cap = _field_cap(field)[0]
    return f"{cap // MB} MB" if cap >= MB else f"{cap // 1024} KB"


def init_app(app: Flask) -> None:
    """Register filters and the context processor."""
    # A moment (``created_at``) shows the office's day, not the UTC one; a date as it is.
    app.jinja_env.filters["tanggal"] = settings.office_day
    # A letter's date, or that SRIKANDI has not dated it yet and the day it was drawn up.
    app.jinja_env.filters["tanggal_surat"] = letter_search.date_text
    app.jinja_env.filters["nip"] = formatting.nip
    app.jinja_env.filters["npwp"] = formatting.npwp
    app.jinja_env.filters["rupiah"] = formatting.rupiah
    app.jinja_env.filters["angka"] = formatting.angka
    app.jinja_env.filters["durasi"] = formatting.durasi
    app.jinja_env.filters["ukuran"] = formatting.ukuran
    app.jinja_env.filters["status_badge"] = status_badge
    app.jinja_env.filters["slash_breaks"] = slash_breaks
    app.jinja_env.filters["number_breaks"] = number_breaks
    app.jinja_env.filters["wa_link"] = formatting.wa_link
    app.jinja_env.globals["url_pattern"] = UrlPattern
    app.jinja_env.globals["url_for"] = page_url_for

    app.jinja_env.filters["tanggal_jam"] = settings.office_time

    app.jinja_env.globals["service_label"] = service_label
    app.jinja_env.globals["office_examples"] = office_examples
    app.jinja_env.globals["upload_limit"] = upload_limit
    app.jinja_env.globals["upload_max"] = upload_max
    from sisakat.services import images  # as ``_field_cap`` does

    app.jinja_env.globals["image_pixels"] = images.PIXEL_HINT

    @app.context_processor
    def _site() -> dict:
        # The User itself, not the ``current_user`` proxy: the layout reads it ~15 times.
        user = current_user._get_current_object()
        return {
            "site_name": "SISAKAT",
            "agency_short_name": settings.get("agency.short_name"),
            # The footer's link to /ikm, only while the super admin publishes the results.
            "ikm_published": bool(settings.get("survey.publish_results")),
            "nav_user": user if user.is_authenticated else None,
            # Held at Ubah Kata Sandi (``sessions.hold_for_password_change``): the menu offers
            # only that page and Keluar, every other link would lead back there.
            "nav_held": user.is_authenticated and user.must_change_password,
            "_url_base": request_url_base(),
        }
