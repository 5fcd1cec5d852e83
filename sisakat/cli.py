"""Flask CLI commands (``flask --app app <command>``): each calls a service, commits, echoes."""

from __future__ import annotations

import sys

import click
from flask import Flask, current_app

from sisakat.extensions import db
from sisakat.services import storage_sweep as sweep_service


@click.command("storage-sweep")
@click.option("--delete", is_flag=True, help="Hapus berkas yatim (tanpa ini hanya menampilkan).")
@click.option(
    "--min-age",
    default=3600,
    show_default=True,
    help="Abaikan berkas yang lebih muda dari N detik (unggahan yang sedang berjalan).",
)
def storage_sweep(delete: bool, min_age: int) -> None:
    """List (or with --delete remove) files under uploads/ that no database row points to."""
    found = sweep_service.sweep(delete=delete, min_age_seconds=min_age)
    verb = "dihapus" if delete else "ditemukan"
    for rel in found:
        click.echo(rel)
    click.echo(f"{len(found)} berkas yatim {verb}.")


@click.command("check")
@click.option("--deploy", is_flag=True, help="Periksa juga keamanan untuk server hosting.")
def check(deploy: bool) -> None:
    """Check database, uploads folder, stored files, audit chain, antivirus; exit 1 on problems."""
    from sisakat.services import health

    report = health.check(current_app, deploy=deploy)
    for label, lines in (
        ("OK       ", report.notes),
        ("PERHATIAN", report.warnings),
        ("MASALAH  ", report.problems),
    ):
        for line in lines:
            click.echo(f"{label} {line}")
    if report.problems:
        sys.exit(1)
    attention = f"; {len(report.warnings)} hal perlu perhatian" if report.warnings else ""
    click.echo(f"Semua pemeriksaan lulus{attention}.")


@click.command("demo-data")
def demo_data() -> None:
    """Create fictional demo staff and party accounts; passwords are printed once."""
    from sisakat.exceptions import DomainError
    from sisakat.services import demo

    try:
        made = demo.create_demo_data()
        db.session.commit()
    except DomainError as exc:
        db.session.rollback()
        click.echo(exc.message, err=True)
        sys.exit(1)
    click.echo("Akun demo dibuat (data fiktif). Catat kata sandi ini: tidak ditampilkan lagi.")
    for account in made.accounts:
        click.echo(
            f"{account.role.label:<14} {account.username:<20} {account.password}  {account.label}"
        )
    click.echo(
        f"Permohonan contoh #{made.example.id} ({made.example.party.board_name}) sudah diajukan "
        "dan menunggu di Antrean Verifikasi."
    )


@click.command("init-data")
def init_data() -> None:
    """Seed the default requirement lists and reason catalogue, and the starter FAQ while the FAQ
    has never been set (idempotent; run after migrating)."""
    from sisakat.services import faq_starter, requirements

    added = requirements.ensure_defaults()
    added += faq_starter.ensure_starter()
    db.session.commit()
    click.echo(f"Data awal siap ({added} baris ditambahkan).")


def init_app(app: Flask) -> None:
    """Register every command."""
    from sisakat.cli_accounts import COMMANDS as ACCOUNT_COMMANDS
    from sisakat.cli_monitoring import COMMANDS as MONITORING_COMMANDS
    from sisakat.cli_ops import COMMANDS as OPS_COMMANDS

    for command in (
        storage_sweep,
        check,
        init_data,
        demo_data,
        *ACCOUNT_COMMANDS,
        *OPS_COMMANDS,
        *MONITORING_COMMANDS,
    ):
        app.cli.add_command(command)
