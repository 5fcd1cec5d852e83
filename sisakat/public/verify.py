"""The public verification page the QR code opens, the compare-upload, the optional download.

Unknown, malformed and not-yet-issued tokens all get the same generic 404 page. Every answer
carries ``Referrer-Policy: no-referrer`` (the URL holds the token) and ``Cache-Control: no-store``;
requests are rate limited per address.
"""

from __future__ import annotations

from flask import abort, make_response, redirect, render_template, request, url_for

from sisakat.db_setup import write_transaction
from sisakat.errors import render_error
from sisakat.exceptions import DomainError
from sisakat.public.forms import CompareForm
from sisakat.public.routes import bp
from sisakat.services import (
    letter_download,
    letter_registry,
    numbering,
    ratelimit,
    settings,
    storage,
)
from sisakat.services.ratelimit import COMPARE_LIMIT, VERIFY_LIMIT, Limit

TOO_MANY_CHECKS = (
    "Terlalu banyak pemeriksaan surat dari alamat ini. Coba lagi dalam {minutes} menit."
)
# One text for every token that does not open an issued letter (unknown, malformed, not yet
# issued), so the page reveals nothing; it tells whoever holds the paper what that means.
LETTER_NOT_FOUND = (
    "Surat dengan kode verifikasi ini tidak ada dalam register surat yang terbit. Periksa "
    "kembali kode yang Anda ketik, atau pindai ulang kode QR pada surat. Bila kode QR pada "
    "surat membuka halaman ini, surat tersebut belum dapat dipastikan keasliannya: hubungi "
    "kantor penerbit."
)


def _key(kind: str) -> str:
    return f"{kind}:ip:{request.remote_addr or '-'}"


def over_limit(kind: str, limit: Limit = VERIFY_LIMIT) -> bool:
    """Count one request from this address in its own short write (GETs count too)."""
    key = _key(kind)
    with write_transaction():
        limited = ratelimit.is_limited(key, limit)
        if not limited:
            ratelimit.hit(key, limit)
    return limited


def at_limit(kind: str, limit: Limit = VERIFY_LIMIT) -> bool:
    """Whether this address has used up ``limit``, counting nothing: for a request counted only
    when it ends here (``count_one``), not when it leads to a page that counts it."""
    return ratelimit.is_limited(_key(kind), limit)


def count_one(kind: str, limit: Limit = VERIFY_LIMIT) -> None:
    """Count one request from this address (after ``at_limit``), in its own short write."""
    with write_transaction():
        ratelimit.hit(_key(kind), limit)


def too_many(limit: Limit = VERIFY_LIMIT):
    """The friendly 429 page, with the wait until the window turns (text and ``Retry-After``)."""
    wait = ratelimit.seconds_left(limit)
    response = private(render_error(429, TOO_MANY_CHECKS.format(minutes=-(-wait // 60))))
    response.headers["Retry-After"] = str(wait)
    return response


def private(answer):
    """Add the headers of a page whose URL is a secret-ish token."""
    response = make_response(answer)
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


def _page(letter, *, form=None, comparison=None, status: int = 200):
    view = letter_registry.public_view(letter, numbering.office_today())
    body = render_template(
        "public/verify.html",
        letter=view,
        form=form or CompareForm(formdata=None),
        comparison=comparison,
        allow_download=bool(settings.get("verification.allow_download")),
    )
    return private((body, status))


@bp.get("/verifikasi/<token>")
def verify_letter(token: str):
    """The letter's public page: status banner, public facts, hash and the compare form."""
    if over_limit("verify"):
        return too_many()
    letter = letter_registry.find_by_token(token)
    if letter is None:
        return private(render_error(404, LETTER_NOT_FOUND))
    return _page(letter)


@bp.get("/verifikasi/<token>/")
def verify_letter_slash(token: str):
    """The letter's address with a slash after the code (a link pasted from a chat or a
    document): to the letter's page, instead of a "not found" that casts doubt on the letter."""
    return private(redirect(url_for(".verify_letter", token=token)))


@bp.post("/verifikasi/<token>/bandingkan")
def compare_letter(token: str):
    """Compare an uploaded file with the issued one, byte for byte; nothing is kept."""
    if over_limit("verify-compare", COMPARE_LIMIT):
        return too_many(COMPARE_LIMIT)
    letter = letter_registry.find_by_token(token)
    if letter is None:
        return private(render_error(404, LETTER_NOT_FOUND))
    form = CompareForm()
    comparison, error = None, None
    if form.validate_on_submit():
        try:
            comparison = letter_registry.compare_upload(letter, form.berkas.data.stream)
        except DomainError as exc:
            error = exc.message
    if error:
        form.berkas.errors = [*form.berkas.errors, error]
    return _page(letter, form=form, comparison=comparison)


@bp.get("/verifikasi/<token>/bandingkan")
def compare_letter_again(token: str):
    """The compare address opened again (copied, shared, from the history): the letter's page."""
    return private(redirect(url_for(".verify_letter", token=token)))


@bp.get("/verifikasi/<token>/unduh")
def download_letter(token: str):
    """The signed PDF, only when the office turned ``verification.allow_download`` on, and only
    of a letter still handed out (not revoked or replaced: to its page, which says so)."""
    if over_limit("verify"):
        return too_many()
    letter = letter_registry.find_by_token(token)
    if letter is None or not settings.get("verification.allow_download"):
        return private(render_error(404))
    if letter.signed_file is None:
        abort(404)
    if not letter_download.party_may_download(letter):  # revoked or replaced: its page says so
        return private(redirect(url_for(".verify_letter", token=letter.token)))
    name = letter_download.download_name(letter, letter.token)
    return private(storage.send(letter.signed_file, download_name=name))
