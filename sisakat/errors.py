"""Friendly Indonesian error pages; the 500 handler rolls back first. No catch-all handler."""

from __future__ import annotations

import logging
import tempfile

from flask import (
    Flask,
    Request,
    Response,
    current_app,
    jsonify,
    make_response,
    render_template,
    request,
)
from flask.globals import request_ctx
from sqlalchemy.exc import DBAPIError
from werkzeug.exceptions import HTTPException

from sisakat import config, db_setup
from sisakat.extensions import db
from sisakat.routing import from_script
from sisakat.services.storage import too_big_message

log = logging.getLogger(__name__)

MESSAGES = {
    400: (
        "Permintaan tidak valid",
        # Reloading this page would send the same request again.
        "Permintaan tidak dapat diproses; belum ada yang tersimpan. Tekan tombol Kembali pada "
        "peramban, lalu coba lagi.",
    ),
    403: ("Akses ditolak", "Anda tidak memiliki hak untuk membuka halaman ini."),
    404: ("Halaman tidak ditemukan", "Halaman atau data yang Anda cari tidak ada."),
    405: ("Metode tidak diizinkan", "Tindakan ini tidak dapat dilakukan dengan cara tersebut."),
    413: ("Berkas terlalu besar", "Ukuran berkas atau formulir melebihi batas yang diizinkan."),
    429: (
        "Terlalu banyak percobaan",
        "Terlalu banyak permintaan. Tunggu beberapa menit lalu coba lagi.",
    ),
    500: ("Terjadi kesalahan", "Terjadi kesalahan pada server. Data Anda tidak hilang; coba lagi."),
    503: ("Layanan tidak tersedia", "Layanan sedang tidak tersedia. Coba lagi beberapa saat lagi."),
}
BUSY = (
    "Server sedang sibuk melayani permintaan lain, jadi permintaan Anda belum diproses dan belum "
    "ada yang tersimpan. Tunggu sebentar, lalu kirim lagi (tombol Kembali pada peramban "
    "menampilkan isian Anda)."
)
BUSY_RETRY_SECONDS = 5
# The database is full or read-only (db_setup.is_storage_fault): only the office can fix it.
STORAGE_FULL = (
    "Penyimpanan data server penuh atau tidak dapat ditulis, jadi permintaan Anda belum "
    "tersimpan. Beri tahu pengelola SISAKAT di kantor; setelah diperbaiki, kirim lagi (tombol "
    "Kembali pada peramban menampilkan isian Anda)."
)


# Reloading this page would send the old token again; the page before it gets a new one only
# by a reload, which empties its form.
SESSION_EXPIRED = (
    "Sesi kedaluwarsa; isian belum terkirim. Tekan tombol Kembali pada peramban, salin isian "
    "yang masih diperlukan, lalu muat ulang halaman itu (masuk kembali bila diminta) dan kirim "
    "lagi."
)
# The public forms a visitor fills without an account: when the session behind one is gone
# (phone browser restarted, cookies cleared), reloading would empty the form, while the
# browser's Back button shows it as typed and sending again from there works.
TYPED_FORMS = {"public.complaint", "public.survey"}
TYPED_FORM_EXPIRED = (
    "Sesi formulir kedaluwarsa; isian belum terkirim. Tekan tombol Kembali pada peramban: "
    "isian Anda masih ada. Kirim lagi dari sana."
)


class SpoolError(Exception):
    """The form could not be parsed because its upload could not be spooled to the system temp
    folder (Werkzeug keeps 500 KB in memory, the rest in ``tempfile.gettempdir()``): that disk
    is full, read-only or not a folder. Raised before any of our code sees the upload."""

    def __init__(self, folder: str) -> None:
        super().__init__(folder)
        self.folder = folder


class SisakatRequest(Request):
    """Flask's request, whose form parsing turns an OS refusal into ``SpoolError``."""

    def _get_file_stream(self, *args, **kwargs):
        """Werkzeug's spool for one uploaded file, remembered so a failed parse can close it."""
        stream = super()._get_file_stream(*args, **kwargs)
        self.__dict__.setdefault("_sisakat_spools", []).append(stream)
        return stream

    def _load_form_data(self) -> None:
        try:
            super()._load_form_data()
        except OSError as exc:
            for stream in self.__dict__.pop("_sisakat_spools", []):
                stream.close()  # the parser drops the half-written spools without closing them
            # Empty form and files, so nothing later (a hook, the error page) parses again.
            empty = self.parameter_storage_class
            self.__dict__.update(form=empty(), files=empty())
            raise SpoolError(tempfile.gettempdir()) from exc


def _wants_json() -> bool:
    return (
        request.path.startswith("/healthz")
        or request.accept_mimetypes.best == "application/json"
        or from_script()
    )


def _too_large_message() -> str | None:
    """A body over the request cap is a file over the upload cap: name the cap (the upload
    script shows this text), the image cap on a page whose file is an image. Too many form
    parts keeps the general text."""
    from sisakat.services import images

    length = request.content_length or 0
    if length <= (current_app.config.get("MAX_CONTENT_LENGTH") or length):
        return None
    if request.endpoint in images.IMAGE_PAGES:
        return images.too_big_message()
    return too_big_message(config.max_upload_bytes(current_app))


def render_error(code: int, message: str | None = None):
    """Render ``templates/errors/error.html`` for a status code."""
    title, default = MESSAGES.get(code, MESSAGES[500])
    if request_ctx.url_adapter is None:  # Host not in TRUSTED_HOSTS: no URL can be built
        return Response(f"{code} {title}", status=code, mimetype="text/plain")
    if _wants_json():
        return jsonify(error=title, message=message or default), code
    return render_template(
        "errors/error.html", code=code, title=title, message=message or default
    ), code


def _unavailable(message: str, *, retry_after: int | None = None) -> Response:
    """503 after a database refusal, rolled back first; rendered without the layout, whose
    context processors would ask the database again."""
    db.session.rollback()
    title = MESSAGES[503][0]
    if _wants_json():
        response = make_response(jsonify(error=title, message=message), 503)
    else:
        page = current_app.jinja_env.get_template("errors/busy.html")
        response = make_response(page.render(title=title, message=message), 503)
    if retry_after is not None:
        response.headers["Retry-After"] = str(retry_after)
    return response


def init_app(app: Flask) -> None:
    """Register handlers for the HTTP errors users can meet."""
    app.request_class = SisakatRequest

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        code = exc.code or 500
        if code == 400 and "CSRF" in (exc.description or ""):
            typed = request.endpoint in TYPED_FORMS
            return render_error(400, TYPED_FORM_EXPIRED if typed else SESSION_EXPIRED)
        if code == 413:
            return render_error(413, _too_large_message())
        if code in MESSAGES:
            return render_error(code)
        return exc

    @app.errorhandler(DBAPIError)
    def _database_error(exc: DBAPIError):
        """A busy database (a write waited past the lock timeout, a deadlock), or one that is
        full or read-only: 503 with a way forward instead of the 500 page; the transaction is
        rolled back, nothing half-saved. Any other database error goes on as unhandled (the 500
        page; raised in tests)."""
        if db_setup.is_transient(exc):
            log.warning("database busy on %s %s: %s", request.method, request.path, exc.orig)
            return _unavailable(BUSY, retry_after=BUSY_RETRY_SECONDS)
        if db_setup.is_storage_fault(exc):
            log.error("database cannot store on %s %s: %s", request.method, request.path, exc.orig)
            return _unavailable(STORAGE_FULL)
        raise exc

    @app.errorhandler(SpoolError)
    def _spool_error(exc: SpoolError):
        """The temp disk refused a large upload: the same 503 as a full database (only the
        office can fix it), and the folder in the log (``TMPDIR`` moves it)."""
        log.error(
            "temporary folder %s cannot take the upload on %s %s: %s (free space there or "
            "point TMPDIR at a disk with room)",
            exc.folder,
            request.method,
            request.path,
            exc.__cause__,
        )
        return _unavailable(STORAGE_FULL)

    @app.errorhandler(500)
    def _server_error(exc: Exception):
        db.session.rollback()
        log.exception("unhandled error on %s %s", request.method, request.path)
        return render_error(500)
