"""Probe routes for the benchmarks: what a logged-in page costs before it has content.

Added only to the app a benchmark builds (``bench_inprocess`` in its own process, and the
server ``bench_pages`` starts with ``python -m benchmarks.serve sisakat-probes``); the
application itself never registers them.

- ``/_probe/text``: a logged-in route answering plain text (session, user loader, idle and
  absolute timeouts, CSRF check, security headers, access log);
- ``/_probe/layout``: a logged-in empty page with the base layout (menu, bell count, settings,
  logout form): the floor under every logged-in page;
- ``/_probe/orm-queue``: the staff queue as the straightforward version would write it, on the
  same layout: ``db.paginate`` over ``Application`` entities (each with the party, logo and
  claiming officer the model joins), 25 rows.
"""

from __future__ import annotations

from flask import Flask


def add_probes(app: Flask) -> None:
    """Register the probe routes on ``app``."""
    from flask import render_template
    from flask_login import login_required

    from sisakat.extensions import db
    from sisakat.models import Application
    from sisakat.services.queue import ACTIVE

    layout = app.jinja_env.from_string('{% extends "base.html" %}')
    orm_queue = app.jinja_env.from_string(
        '{% extends "base.html" %}{% block content %}<table>'
        "{% for a in page %}<tr><td>{{ a.party.board_name }}</td>"
        "<td>{{ a.party.level.label if a.party.level }}</td><td>{{ a.status|status_badge }}</td>"
        "<td>{{ a.status_changed_at }}</td><td>{{ a.claimed_by.full_name if a.claimed_by }}</td>"
        "</tr>{% endfor %}</table><p>{{ page.page }} / {{ page.pages }} ({{ page.total }})</p>"
        "{% endblock %}"
    )

    @login_required
    def text():
        return "ok"

    @login_required
    def empty_layout():
        return render_template(layout)

    @login_required
    def plain_orm_queue():
        query = (
            db.select(Application)
            .where(Application.status.in_(ACTIVE))
            .order_by(Application.status_changed_at, Application.id)
        )
        return render_template(orm_queue, page=db.paginate(query, per_page=25))

    app.add_url_rule("/_probe/text", "probe_text", text)
    app.add_url_rule("/_probe/layout", "probe_layout", empty_layout)
    app.add_url_rule("/_probe/orm-queue", "probe_orm_queue", plain_orm_queue)
