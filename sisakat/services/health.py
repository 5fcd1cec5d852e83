"""Installation checks used by ``flask check`` (and ``--deploy`` for hosted servers)."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask
from sqlalchemy.exc import SQLAlchemyError

from sisakat import config
from sisakat.extensions import db
from sisakat.services import backup_crypto
from sisakat.services.dataset import encoding_problem


def _database(problems: list[str], notes: list[str]) -> None:
    try:
        db.session.execute(db.text("SELECT 1"))
        notes.append("database dapat dihubungi")
        # A hosting panel's LATIN1/utf8mb3 database accepts the schema, then refuses or mangles
        # the first name with é, quotes or emoji: say so at start, not at a party's first save.
        if problem := encoding_problem(db.session.connection(), "Database"):
            problems.append(problem)
    except SQLAlchemyError as exc:
        problems.append(f"database tidak dapat dihubungi: {exc.__class__.__name__}")
        return
    try:
        from alembic.migration import MigrationContext
        from alembic.script import ScriptDirectory
        from flask_migrate import Migrate

        current = MigrationContext.configure(db.session.connection()).get_current_heads()
        migrate: Migrate = __import__("flask").current_app.extensions["migrate"]
        script = ScriptDirectory.from_config(migrate.migrate.get_config())
        heads = set(script.get_heads())
        if set(current) != heads:
            problems.append("skema database belum mutakhir: jalankan `flask --app app db upgrade`")
        else:
            notes.append("skema database mutakhir")
    except Exception as exc:  # noqa: BLE001 - report any failure to inspect migrations
        problems.append(f"tidak dapat memeriksa migrasi: {exc}")


def _uploads(app: Flask, problems: list[str], notes: list[str]) -> None:
    folder = Path(app.config["UPLOAD_FOLDER"])
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
        notes.append(f"folder unggahan dapat ditulis ({folder})")
        _stored_files(folder, problems, notes)
    except OSError as exc:
        problems.append(f"folder unggahan tidak dapat ditulis: {exc}")


def _free_space(app: Flask, warnings: list[str], notes: list[str]) -> None:
    """Room left on the disks SISAKAT writes to (uploads; the instance folder: the SQLite
    database, logs, backups; the system temp folder, where Waitress and Werkzeug spool large
    uploads first): a full disk refuses every upload and save, so say so in time."""
    floor = int(app.config["LOW_DISK_MB"]) * 1024 * 1024
    seen: set[int] = set()
    for label, folder in (
        ("folder unggahan", Path(app.config["UPLOAD_FOLDER"])),
        ("folder instance", Path(app.instance_path)),
        ("folder sementara (TMPDIR)", Path(tempfile.gettempdir())),
    ):
        try:
            device, free = folder.stat().st_dev, shutil.disk_usage(folder).free
        except OSError:
            continue  # a missing folder is reported by its own check
        if device in seen:
            continue
        seen.add(device)
        room = f"{free // (1024 * 1024):,} MB".replace(",", ".")
        if free < floor:
            warnings.append(
                f"ruang kosong diska {label} ({folder}) tinggal {room}: bila penuh, unggahan dan "
                "penyimpanan akan ditolak; hapus cadangan lama atau pindahkan ke diska lain"
            )
        else:
            notes.append(f"ruang kosong diska {label} ({folder}): {room}")


SHOWN_MISSING = 5  # names listed; the count says how many more


def _stored_files(folder: Path, problems: list[str], notes: list[str]) -> None:
    """Every stored-file row has its file (after moving the uploads folder, for instance). The
    start scripts stop on a missing one, so the line names the files and how to get them back."""
    from sisakat.services import storage_sweep

    try:
        missing = storage_sweep.missing_files()
    except SQLAlchemyError:
        db.session.rollback()
        return  # the database problem is reported already
    if not missing:
        notes.append("semua berkas tersimpan ada di folder unggahan")
        return
    names = ", ".join(missing[:SHOWN_MISSING])
    more = len(missing) - SHOWN_MISSING
    names += f" dan {more} lainnya" if more > 0 else ""
    problems.append(
        f"{len(missing)} berkas tersimpan tidak ada di folder unggahan ({folder}): {names}. "
        "Bila folder unggahan dipindahkan, setel SISAKAT_UPLOAD_FOLDER ke tempatnya; bila "
        "berkas hilang, pulihkan arsip cadangan terbaru ke folder kosong (docs/OPERATIONS.md "
        "bagian 3, Restore drill) dan salin berkas itu, dengan nama yang sama, dari folder "
        "unggahan hasil pemulihan ke folder unggahan ini"
    )


def _deploy_config(app: Flask, problems: list[str]) -> None:
    """Settings that make a hosted install unsafe (Django's ``check --deploy`` in spirit)."""
    cfg = app.config
    unsafe = [
        (app.debug, "DEBUG aktif (matikan di server)"),
        (config.is_weak_secret(cfg.get("SECRET_KEY")), "SECRET_KEY lemah atau tidak ada"),
        (
            not cfg.get("SESSION_COOKIE_SECURE"),
            "SESSION_COOKIE_SECURE mati (setel SISAKAT_SESSION_COOKIE_SECURE=1 di balik HTTPS)",
        ),
        (not cfg.get("TRUSTED_HOSTS"), "TRUSTED_HOSTS belum disetel (nama host yang sah)"),
        (
            not str(cfg.get("PUBLIC_BASE_URL", "")).startswith("https://"),
            "PUBLIC_BASE_URL harus https:// di server hosting",
        ),
        (
            cfg.get("TRUSTED_PROXY_COUNT", 0) < 1,
            "tidak ada TLS: Waitress tidak melayani HTTPS; pasang nginx dengan TLS di depan dan "
            "setel SISAKAT_TRUSTED_PROXY_COUNT=1",
        ),
        (
            cfg.get("TRUSTED_PROXY_COUNT", 0) >= 1 and cfg.get("HOST") != "127.0.0.1",
            "HOST harus 127.0.0.1 di balik proxy (jangan terima koneksi langsung)",
        ),
        (
            not (cfg.get("BACKUP_KEY") or cfg.get("BACKUP_KEY_FILE")),
            "kunci cadangan belum disetel: arsip berisi data pribadi tidak terenkripsi "
            f"({backup_crypto.KEY_VARIABLES})",
        ),
        (cfg.get("MAX_UPLOAD_MB", 0) > 50, "MAX_UPLOAD_MB terlalu besar (maksimal 50)"),
    ]
    problems.extend(message for bad, message in unsafe if bad)


def _demo_accounts(problems: list[str]) -> None:
    """CFG-1: no demo account (``flask demo-data``: fictional people, passwords printed on a
    screen) may stay active on a hosted server."""
    from sisakat.models import User
    from sisakat.services import demo

    active = (
        db.session.execute(
            db.select(User.username)
            .where(User.username.in_(demo.usernames()), User.active.is_(True))
            .order_by(User.username)
        )
        .scalars()
        .all()
    )
    if active:
        problems.append(
            f"akun demo masih aktif ({', '.join(active)}): nonaktifkan di Administrasi > Pengguna"
        )


def _deploy(app: Flask, report: Report) -> None:
    problems, warnings, notes = report.problems, report.warnings, report.notes
    _deploy_config(app, problems)
    from sisakat.services import catalog, readiness, settings

    stored = {key: settings.get(key) for key in readiness.SIGNATORY_EXAMPLE_KEYS}
    example = readiness.signatory_example(stored)
    if example:
        problems.append(f"{example} Ubah di Administrasi > Penandatangan surat.")
    for _service, text in readiness.number_format_problems(catalog.all_services()):
        problems.append(f"{text} Ubah di Administrasi > Pengaturan penomoran surat.")
    _demo_accounts(problems)
    if db.engine.dialect.name == "sqlite":
        warnings.append("SQLite cocok untuk satu server; beberapa proses butuh PostgreSQL")
    if not app.config.get("REDIS_URL"):
        notes.append("batas percobaan memakai penghitung di database (REDIS_URL tidak disetel)")
    if (Path(config.ROOT) / ".git").exists():
        warnings.append(
            "folder .git ada di samping aplikasi (pastikan tidak disajikan oleh web server)"
        )
    if not problems:
        notes.append("pengaturan hosting aman")


@dataclass
class Report:
    """What ``flask check`` prints: problems fail the check, warnings and notes do not."""

    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _audit_chain(warnings: list[str], notes: list[str]) -> None:
    """The audit log's hash chain is whole and the head anchored last time is still there: no
    row changed or removed behind the app's back. A break is a loud warning, not a refusal to
    start: the office keeps working while someone looks into it."""
    from sisakat.services import audit

    try:
        ok, broken = audit.verify_chain()
    except SQLAlchemyError:
        db.session.rollback()
        return  # the database problem is reported already
    missing = audit.check_anchor() if ok else None
    if ok and missing is None:
        audit.write_anchor()
        notes.append("rantai hash log audit utuh")
    elif ok:
        warnings.append(
            f"baris log audit {missing} (terakhir diperiksa) hilang atau diubah di luar aplikasi; "
            "laporkan ke pengelola TI"
        )
    else:
        warnings.append(
            f"rantai hash log audit terputus pada baris {broken}: log audit diubah atau "
            "dihapus di luar aplikasi; laporkan ke pengelola TI"
        )


def _number_twins(warnings: list[str]) -> None:
    """Register rows that are the same letter number in two spellings, stored before the
    register compared numbers spelling aside (kept by migration f3b8d2c6a1e9, never changed):
    a warning naming them, so the office checks which letters carry them."""
    from sisakat.services import number_register

    try:
        pairs = number_register.twins()
    except SQLAlchemyError:
        db.session.rollback()
        return  # the database problem is reported already
    if pairs:
        shown = "; ".join(f"{first} dan {twin}" for first, twin in pairs[:SHOWN_MISSING])
        more = len(pairs) - SHOWN_MISSING
        shown += f" dan {more} pasang lainnya" if more > 0 else ""
        warnings.append(
            f"register nomor surat memuat {len(pairs)} nomor yang tercatat dua kali dengan "
            f"ejaan berbeda (spasi atau huruf besar/kecil): {shown}. Periksa surat yang "
            "memakai nomor itu di Register Nomor Surat; nomor yang sama tidak dapat "
            "diberikan lagi"
        )


def _requirement_twins(warnings: list[str]) -> None:
    """Requirement lists naming a document twice, stored before the one-name rule (kept by
    migration b3d9e5a7c2f4): the admin home's advice, said by ``flask check`` too."""
    from sisakat.services import catalog, readiness

    try:
        found = readiness.requirement_twins(catalog.all_services())
    except SQLAlchemyError:
        db.session.rollback()
        return  # the database problem is reported already
    warnings.extend(f"{text} Ubah di Administrasi > Persyaratan." for _, text in found)


def _antivirus(problems: list[str], notes: list[str]) -> None:
    """When uploads are to be scanned, clamd must answer (else every upload is refused)."""
    from sisakat.services import antivirus

    if not antivirus.enabled():
        notes.append("pemindaian antivirus unggahan tidak aktif (CLAMAV_SOCKET kosong)")
    elif antivirus.ping():
        notes.append("pemindai antivirus (ClamAV) menjawab")
    else:
        problems.append(
            "pemindai antivirus (CLAMAV_SOCKET) tidak menjawab: semua unggahan akan ditolak"
        )


def check(app: Flask, *, deploy: bool) -> Report:
    """Check the installation (``deploy``: also the settings a hosted server needs)."""
    report = Report()
    problems, warnings, notes = report.problems, report.warnings, report.notes
    _database(problems, notes)
    _uploads(app, problems, notes)
    _free_space(app, warnings, notes)
    _audit_chain(warnings, notes)
    _number_twins(warnings)
    _requirement_twins(warnings)
    _antivirus(problems, notes)
    if not app.config.get("PUBLIC_BASE_URL"):
        message = "PUBLIC_BASE_URL belum disetel (alamat publik untuk kode QR surat)"
        (problems if deploy else warnings).append(message)
    else:
        notes.append(f"PUBLIC_BASE_URL = {app.config['PUBLIC_BASE_URL']}")
    if deploy:
        _deploy(app, report)
    return report
