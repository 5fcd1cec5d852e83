"""Infrastructure configuration: defaults, load order and the checks that refuse a bad setup.

Load order (later wins): ``DefaultConfig`` in code, ``instance/config.py``, ``instance/secret_key``,
then ``SISAKAT_*`` environment variables. Office settings (agency, signatory, ...) are *not* here:
they live in the database (``services/settings.py``).
"""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent

WEAK_SECRETS = {"dev", "secret", "changeme", "change-me", "please-change", "sisakat", "development"}
MIN_SECRET_BYTES = 32


class ConfigError(RuntimeError):
    """Raised when the configuration is unsafe or incomplete; the message says how to fix it."""


class DefaultConfig:
    """Defaults that suit the office laptop."""

    DATABASE_URL = "sqlite:///sisakat.db"  # relative SQLite paths live inside instance/
    UPLOAD_FOLDER = ""  # empty: <project>/uploads
    PUBLIC_BASE_URL = ""  # e.g. https://sisakat.kesbangpol.example.go.id (QR codes)
    HOST = "0.0.0.0"  # noqa: S104 - the office Wi-Fi must reach the laptop
    PORT = 8080
    THREADS = 4
    REDIS_URL = ""
    MAX_UPLOAD_MB = 10  # per document; MAX_CONTENT_LENGTH is derived
    CLAMAV_SOCKET = ""  # clamd address (Unix socket path or tcp://host:port); empty = no scan
    CLAMAV_TIMEOUT = 60  # seconds for one scan
    MAX_PDF_PAGES = 200  # page cap for requirement PDFs (services/uploads.py)
    LOW_DISK_MB = 1024  # `flask check` warns below this much room for uploads or the instance
    MAX_FORM_PARTS = 300  # the party profile posts up to 100 board rows x 2 fields + ~25 others
    SESSION_IDLE_MINUTES = 60
    SESSION_ABSOLUTE_HOURS = 12
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    SESSION_COOKIE_NAME = "sisakat_session"
    REMEMBER_COOKIE_DURATION = 0
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session (slow phone uploads)
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    LOG_TO_STDOUT = False
    TRUSTED_PROXY_COUNT = 0  # behind nginx: 1 (ProxyFix x_for/x_proto)
    TRUSTED_HOSTS: list[str] | None = None  # hosted: "sisakat.example.go.id,www.sisakat..."
    BACKUP_FOLDER = ""  # empty: instance/backups; may be another drive (E:\\sisakat-cadangan)
    BACKUP_KEY = ""  # SISAKAT_BACKUP_KEY: 32 bytes base64 (flask backup-keygen); or a key file
    BACKUP_KEY_FILE = ""
    SMTP_HOST = ""
    SMTP_PORT = 587
    SMTP_USE_TLS = True
    SMTP_USER = ""
    SMTP_PASSWORD = ""
    SMTP_SENDER = ""
    # Signing backends (services/signing). Passphrases/passwords never go in files: the P12
    # passphrase is typed or read from SISAKAT_P12_PASSPHRASE; the BSrE password comes from
    # SISAKAT_BSRE_PASSWORD (loaded as BSRE_PASSWORD by the SISAKAT_* environment step).
    SIGNING_P12_PATH = ""  # institution seal .p12, outside uploads/, readable by the service only
    BSRE_BASE_URL = ""  # the agency's Esign Client Service, e.g. http://10.0.0.5:8080
    BSRE_USERNAME = ""
    BSRE_PASSWORD = ""
    BSRE_API_VERSION = "v1"  # "v1" (multipart) or "v2" (JSON, base64)
    # Empty: the visible signature is placed by coordinates (page, x, y, width, height). A marker
    # such as "#" or "[qr_bsre]": letters drawn while the BSrE path is chosen print it, unseen,
    # in the signature space, and BSrE places the signature there (``tag_koordinat``).
    BSRE_TAG_KOORDINAT = ""
    BSRE_CONNECT_TIMEOUT = 5
    BSRE_READ_TIMEOUT = 60


def instance_path() -> str:
    """Where instance/ lives: ``SISAKAT_INSTANCE_PATH`` (absolute) or ``<project>/instance``."""
    configured = os.environ.get("SISAKAT_INSTANCE_PATH", "").strip()
    if configured:
        path = Path(configured)
        if not path.is_absolute():
            raise ConfigError("SISAKAT_INSTANCE_PATH harus berupa path absolut.")
        return str(path)
    return str(ROOT / "instance")


def load_secret_file(app: Flask) -> None:
    """Read ``instance/secret_key`` when no key came from instance/config.py."""
    if app.config.get("SECRET_KEY"):
        return
    path = Path(app.instance_path) / "secret_key"
    if path.is_file():
        app.config["SECRET_KEY"] = path.read_text(encoding="utf-8").strip()


def is_weak_secret(secret: object) -> bool:
    """A key is weak when missing, shorter than 32 bytes or a well-known placeholder."""
    if not isinstance(secret, str | bytes) or not secret:
        return True
    raw = secret.encode() if isinstance(secret, str) else secret
    text = raw.decode("utf-8", "replace").lower()
    return len(raw) < MIN_SECRET_BYTES or text in WEAK_SECRETS or len(set(text)) < 8


# Every scheme an office may write, and the driver it runs on: the ones requirements.txt ships
# (psycopg 3, PyMySQL). Hosting panels hand out postgres://, mysql:// and mariadb://.
DATABASE_SCHEMES = {
    "sqlite": "sqlite",
    "sqlite+pysqlite": "sqlite",
    "postgres": "postgresql+psycopg",
    "postgresql": "postgresql+psycopg",
    "postgresql+psycopg": "postgresql+psycopg",
    "mysql": "mysql+pymysql",
    "mariadb": "mysql+pymysql",
    "mysql+pymysql": "mysql+pymysql",
    "mariadb+pymysql": "mariadb+pymysql",
}
ACCEPTED_DATABASE_URLS = (
    "Bentuk yang diterima: sqlite:///sisakat.db, "
    "postgresql://pengguna:sandi@server:5432/sisakat (atau postgres://), "
    "mysql://pengguna:sandi@server:3306/sisakat?charset=utf8mb4 (atau mariadb://)."
)


def normalise_database_url(url: str) -> str:
    """The one reading of a database address (configuration, ``flask transfer --to``): the
    scheme, in any case, mapped to a driver SISAKAT ships; anything else refused in words
    (``ConfigError``) that name the accepted forms and never the password."""
    text = str(url).strip()
    scheme, sep, rest = text.partition("://")
    target = DATABASE_SCHEMES.get(scheme.lower())
    if not sep:
        raise ConfigError(f"bukan alamat database (skema://...). {ACCEPTED_DATABASE_URLS}")
    if target is None:
        base, plus, driver = scheme.lower().partition("+")
        why = f"skema {scheme}:// tidak didukung"
        if plus and base in DATABASE_SCHEMES:
            why = f"driver {driver} tidak terpasang; tulis {base}:// tanpa nama driver"
        raise ConfigError(f"{why}. {ACCEPTED_DATABASE_URLS}")
    normalised = f"{target}://{rest}"
    _check_parts(normalised)
    return normalised


def _check_parts(url: str) -> None:
    """Refuse a port that is not a port, or an address SQLAlchemy cannot read."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        port = make_url(url).port
    except (ArgumentError, ValueError):
        port = -1
    if port is not None and not 0 < port < 65536:
        raise ConfigError(
            "bagian server:port tidak terbaca (port berupa angka 1-65535; karakter khusus di "
            f"kata sandi ditulis dengan kode %, misalnya @ menjadi %40). {ACCEPTED_DATABASE_URLS}"
        )


def database_uri(url: str, instance_dir: str) -> str:
    """Turn the configured URL into a SQLAlchemy URI (``normalise_database_url``); relative
    SQLite files go into instance/."""
    url = normalise_database_url(url)
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
        rel = url[len("sqlite:///") :]
        if rel and rel != ":memory:" and not Path(rel).is_absolute():
            return "sqlite:///" + str(Path(instance_dir) / rel)
    return url


def startup_problem(exc: BaseException) -> str:
    """What the operator is told when the app cannot start (``app.py``): the configuration's
    own Indonesian message, or what is wrong with a folder or the database address; never a
    traceback."""
    if isinstance(exc, ConfigError):
        return str(exc)
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        return (
            f"Folder atau berkas tidak dapat dibuat atau ditulis{where}. Periksa "
            "SISAKAT_INSTANCE_PATH / SISAKAT_UPLOAD_FOLDER, apakah foldernya ada, dan hak "
            "tulisnya."
        )
    return f"Alamat database (SISAKAT_DATABASE_URL) tidak dikenali. {ACCEPTED_DATABASE_URLS}"


def _as_int(app: Flask, key: str) -> None:
    try:
        app.config[key] = int(app.config[key])
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{key} harus berupa angka.") from exc


def _as_seconds(app: Flask, key: str) -> None:
    """A timeout in seconds (fractions allowed), refused at start rather than at signing."""
    try:
        seconds = float(app.config[key])
    except (TypeError, ValueError):
        seconds = -1.0
    if not 0 < seconds < 3600:
        raise ConfigError(f"{key} harus berupa angka detik, lebih dari 0 dan kurang dari 3600.")
    app.config[key] = seconds


def _as_bool(app: Flask, key: str) -> None:
    value = app.config.get(key)
    if isinstance(value, str):
        app.config[key] = value.strip().lower() in {"1", "true", "yes", "ya", "on"}


def trusted_hosts(value: object) -> list[str] | None:
    """``TRUSTED_HOSTS`` from a comma-separated string (environment) or a list; None = any."""
    if isinstance(value, str):
        value = [h.strip() for h in value.split(",")]
    hosts = [str(h).strip() for h in (value or []) if str(h).strip()]
    return hosts or None


def max_upload_bytes(app: Flask) -> int:
    """The per-file upload cap in bytes (``MAX_UPLOAD_MB``), read when used."""
    return int(app.config["MAX_UPLOAD_MB"]) * 1024 * 1024


BSRE_TAG_MAX = 40  # characters: longer, and the white marker would wrap onto a second line


def _check_bsre_tag(tag: str) -> None:
    """BSrE's placement marker is printed on one line in the signature space: one word, no
    spaces (a space or a long marker wraps, and BSrE would not find it whole)."""
    text = tag.strip()
    if text and (len(text) > BSRE_TAG_MAX or any(ch.isspace() for ch in text)):
        raise ConfigError(
            f"BSRE_TAG_KOORDINAT harus satu kata tanpa spasi, paling panjang {BSRE_TAG_MAX} "
            "karakter (misalnya [qr_bsre] atau #), sama dengan penanda di layanan BSrE."
        )


def public_base_url(config) -> str:
    """The configured public address (QR codes, e-mail links; never the request's Host) without
    surrounding spaces or a trailing slash: the Windows Command Prompt keeps a space typed
    before Enter in ``set SISAKAT_PUBLIC_BASE_URL=...``."""
    return str(config.get("PUBLIC_BASE_URL") or "").strip().rstrip("/")


def finalise(app: Flask) -> None:
    """Derive computed settings and refuse unsafe ones."""
    for key in (
        "PORT",
        "THREADS",
        "MAX_UPLOAD_MB",
        "MAX_PDF_PAGES",
        "LOW_DISK_MB",
        "MAX_FORM_PARTS",
        "SESSION_IDLE_MINUTES",
        "SESSION_ABSOLUTE_HOURS",
        "TRUSTED_PROXY_COUNT",
        "SMTP_PORT",
        "CLAMAV_TIMEOUT",
    ):
        _as_int(app, key)
    for key in ("BSRE_CONNECT_TIMEOUT", "BSRE_READ_TIMEOUT"):
        _as_seconds(app, key)
    # DEBUG and TESTING too: from the environment they are strings, and "0" would be truthy.
    for key in ("SESSION_COOKIE_SECURE", "LOG_TO_STDOUT", "SMTP_USE_TLS", "DEBUG", "TESTING"):
        _as_bool(app, key)
    app.config["TRUSTED_HOSTS"] = trusted_hosts(app.config.get("TRUSTED_HOSTS"))
    app.config["REMEMBER_COOKIE_SECURE"] = app.config["SESSION_COOKIE_SECURE"]
    try:
        uri = database_uri(str(app.config["DATABASE_URL"]), app.instance_path)
    except ConfigError as exc:
        raise ConfigError(
            f"Alamat database (SISAKAT_DATABASE_URL) tidak dapat dipakai: {exc}"
        ) from None
    app.config["SQLALCHEMY_DATABASE_URI"] = uri
    upload = str(app.config.get("UPLOAD_FOLDER") or "")
    app.config["UPLOAD_FOLDER"] = upload or str(ROOT / "uploads")
    # One document plus form fields per request; keep a margin for multipart overhead.
    app.config["MAX_CONTENT_LENGTH"] = (app.config["MAX_UPLOAD_MB"] + 1) * 1024 * 1024
    app.config["PUBLIC_BASE_URL"] = public_base_url(app.config)
    _check_bsre_tag(str(app.config.get("BSRE_TAG_KOORDINAT") or ""))
    if not (app.debug or app.testing) and is_weak_secret(app.config.get("SECRET_KEY")):
        raise ConfigError(
            "SECRET_KEY tidak ada atau lemah (minimal 32 byte acak). Jalankan scripts/run.sh "
            "sekali agar instance/secret_key dibuat, atau setel SISAKAT_SECRET_KEY, misalnya: "
            'python -c "import secrets; print(secrets.token_urlsafe(48))"'
        )
