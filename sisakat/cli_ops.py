"""Operations commands: backup, verify-backup, restore, backup-keygen, transfer and
purge-personal-data (``flask --app app <command>``). Each calls a service, commits, echoes and
exits non-zero on failure with the service's Indonesian message."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from sisakat.exceptions import DomainError
from sisakat.extensions import db

KEY_FILE_HELP = "Berkas kunci cadangan (menggantikan SISAKAT_BACKUP_KEY / SISAKAT_BACKUP_KEY_FILE)."


@contextmanager
def _failing_cleanly():
    """Roll back and exit 1 with the message on a domain error."""
    try:
        yield
    except DomainError as exc:
        db.session.rollback()
        click.echo(f"GAGAL: {exc.message}", err=True)
        sys.exit(1)


@click.command("backup")
@click.option("--output", type=click.Path(file_okay=False), help="Folder tujuan (mis. diska USB).")
@click.option("--key-file", default="", help=KEY_FILE_HELP)
def backup_command(output: str | None, key_file: str) -> None:
    """Write one timestamped backup archive (database, stored files, manifest)."""
    from sisakat.services import backup

    with _failing_cleanly():
        key = backup.configured_key(key_file)
        result = backup.create(output, key=key)
        db.session.commit()
    click.echo(backup.require_key_or_note(key))
    for missing in result.manifest["missing_files"]:
        click.echo(f"PERINGATAN: berkas hilang di folder unggahan: {missing}")
    for old in result.pruned:
        click.echo(f"Arsip lama dihapus: {old.name}")
    tables = result.manifest["tables"]
    rows = sum(t["rows"] for t in tables.values())
    click.echo(f"{len(tables)} tabel, {rows} baris, {len(result.manifest['files'])} berkas.")
    click.echo(f"Cadangan selesai: {result.path}")


@click.command("verify-backup")
@click.argument("archive", type=click.Path(dir_okay=False))
@click.option("--key-file", default="", help=KEY_FILE_HELP)
def verify_backup_command(archive: str, key_file: str) -> None:
    """Open an archive, run PRAGMA integrity_check, re-hash every file and table."""
    from sisakat.services import backup, restore

    with _failing_cleanly():
        verified = restore.verify(archive, key=backup.configured_key(key_file))
    manifest = verified.manifest
    click.echo(f"Arsip dibuat {manifest['created_at']} (versi {manifest['app_version']}).")
    for note in verified.notes:
        click.echo(f"OK    {note}")
    click.echo("Arsip utuh.")


@click.command("restore")
@click.argument("archive", type=click.Path(dir_okay=False))
@click.option("--key-file", default="", help=KEY_FILE_HELP)
def restore_command(archive: str, key_file: str) -> None:
    """Restore an archive into this empty instance (verified completely first)."""
    from sisakat.services import backup, restore

    with _failing_cleanly():
        verified = restore.restore(archive, key=backup.configured_key(key_file))
        db.session.commit()
    for note in verified.notes:
        click.echo(f"OK    {note}")
    click.echo(f"Pemulihan selesai dari cadangan {verified.manifest['created_at']}.")


@click.command("backup-keygen")
@click.argument("path", type=click.Path(dir_okay=False))
def backup_keygen_command(path: str) -> None:
    """Write a new random backup key to PATH (0600); keep it apart from the archives."""
    from sisakat.services.backup_crypto import new_key

    target = Path(path)
    if target.exists():
        click.echo(f"GAGAL: {target} sudah ada; kunci lama tidak ditimpa.", err=True)
        sys.exit(1)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(new_key() + "\n")
    except OSError as exc:
        click.echo(f"GAGAL: kunci tidak dapat ditulis ke {target} ({exc.strerror}).", err=True)
        sys.exit(1)
    click.echo(f"Kunci cadangan ditulis ke {target}. Simpan salinannya di tempat terpisah.")


@click.command("transfer")
@click.option("--to", "url", required=True, help="URL database tujuan yang kosong.")
def transfer_command(url: str) -> None:
    """Copy everything into an empty PostgreSQL/MariaDB database and verify the copy."""
    from sisakat.services import transfer

    with _failing_cleanly():
        result = transfer.transfer(url)
    for name, info in result.tables.items():
        click.echo(f"OK    {name}: {info['rows']} baris, checksum {info['checksum'][:12]}")
    click.echo("Pemindahan selesai. Salin folder unggahan juga (lihat docs/OPERATIONS.md).")


@click.command("purge-personal-data")
@click.option("--dry-run", is_flag=True, help="Hanya tampilkan, jangan hapus.")
def purge_personal_data_command(dry_run: bool) -> None:
    """Delete personal documents past their retention period (hash and record are kept)."""
    from sisakat.services import retention

    with _failing_cleanly():
        files = retention.due_for_purge()
        if not dry_run:
            paths = retention.purge(files, actor=None)
            db.session.commit()
            retention.remove_bytes(paths)
    for row in files:
        click.echo(f"{row.id}\t{row.sha256}\t{row.display_name}")
    verb = "akan dihapus" if dry_run else "dihapus"
    click.echo(f"{len(files)} dokumen pribadi {verb}.")


COMMANDS = (
    backup_command,
    verify_backup_command,
    restore_command,
    backup_keygen_command,
    transfer_command,
    purge_personal_data_command,
)
