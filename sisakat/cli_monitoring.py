"""CLI commands of monitoring: deliver the e-mail outbox, send reminders (cron/Task Scheduler)."""

from __future__ import annotations

import click

from sisakat.extensions import db


@click.command("send-mail")
@click.option(
    "--limit",
    default=200,
    show_default=True,
    type=click.IntRange(min=1),
    help="Paling banyak N e-mail per jalan.",
)
def send_mail(limit: int) -> None:
    """Deliver due e-mails from the outbox (safe to run in several processes at once)."""
    from flask import current_app

    from sisakat.services import mail

    if not current_app.config.get("SMTP_HOST"):
        # A scheduled task must not look healthy while nothing can ever be sent.
        click.echo(
            f"GAGAL: SMTP belum disetel (SISAKAT_SMTP_HOST); {mail.waiting()} e-mail menunggu "
            "di antrean.",
            err=True,
        )
        raise SystemExit(1)
    sent, failed = mail.deliver_due(limit=limit)
    click.echo(f"{sent} e-mail terkirim, {failed} gagal (dicoba lagi nanti).")


@click.command("send-reminders")
def send_reminders() -> None:
    """Remind boards whose term of office or SKT ends soon (once per board and end date)."""
    from sisakat.services import reminders

    count = reminders.send(reminders.today())
    db.session.commit()
    click.echo(f"{count} pengingat dikirim.")


COMMANDS = (send_mail, send_reminders)
