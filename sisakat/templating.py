"""Jinja filters and the small context every page gets."""

from __future__ import annotations

from flask import Flask
from flask_login import current_user
from markupsafe import Markup, escape

from sisakat import formatting
from sisakat.services import settings


def status_badge(status) -> Markup:
    """A Bootstrap badge for any LabelledEnum member (label and colour live on the enum)."""
    if status is None:
        return Markup("")
    label = getattr(status, "label", str(status))
    colour = getattr(status, "badge", "secondary")
    return Markup('<span class="badge text-bg-{}">{}</span>').format(colour, escape(label))


def init_app(app: Flask) -> None:
    """Register filters and the context processor."""
    app.jinja_env.filters["tanggal"] = formatting.tanggal
    app.jinja_env.filters["nip"] = formatting.nip
    app.jinja_env.filters["npwp"] = formatting.npwp
    app.jinja_env.filters["rupiah"] = formatting.rupiah
    app.jinja_env.filters["angka"] = formatting.angka
    app.jinja_env.filters["durasi"] = formatting.durasi
    app.jinja_env.filters["status_badge"] = status_badge
    app.jinja_env.filters["wa_link"] = formatting.wa_link

    def tanggal_jam(moment) -> str:
        zone = settings.get("agency.timezone") or "WIB"
        return formatting.tanggal_jam(moment, settings.TIMEZONES.get(zone, 7), zone)

    app.jinja_env.filters["tanggal_jam"] = tanggal_jam

    def service_label(code: str | None) -> str:
        """The short name of a service (one lookup; lists pass a ready map instead)."""
        from sisakat.services import catalog

        service = catalog.get(code)
        return (service.short_name or service.name) if service else (code or "")

    app.jinja_env.globals["service_label"] = service_label

    @app.context_processor
    def _site() -> dict:
        return {
            "site_name": "SISAKAT",
            "agency_short_name": settings.get("agency.short_name"),
            "nav_user": current_user if current_user.is_authenticated else None,
        }
