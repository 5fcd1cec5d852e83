"""Client for BSrE's Esign Client Service (SIGNING.md §9), API v1 (multipart) and v2 (JSON).

The passphrase lives only in this call's memory: it is sent to the service and never logged,
stored, audited or put into an exception (errors carry a fixed Indonesian message and a code).
Call with no database transaction open; the signed bytes then go through ``validation.judge``.
"""

from __future__ import annotations

import base64
import binascii
import http.client
import json
import logging
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from sisakat.exceptions import SigningFailed
from sisakat.services.signing.pades import SignJob

log = logging.getLogger(__name__)

MESSAGES = {
    "2011": (
        "NIK pada akun Anda belum terdaftar di BSrE sebagai pemilik sertifikat, sehingga surat "
        "belum ditandatangani. Minta Super Admin memeriksa NIK akun Anda (Administrasi → "
        "Pengguna), atau daftarkan sertifikat Anda di BSrE."
    ),
    "2031": "Passphrase salah.",
    "auth": "Kredensial aplikasi SISAKAT ditolak oleh layanan BSrE. Hubungi administrator.",
    "server": "Layanan BSrE sedang bermasalah. Coba lagi nanti.",
    "rejected": "Layanan BSrE menolak permintaan penandatanganan.",
    "not_pdf": "Layanan BSrE tidak mengembalikan berkas PDF.",
    "truncated": "Berkas PDF dari layanan BSrE tidak utuh. Coba lagi.",
    "bad_answer": "Jawaban layanan BSrE tidak dapat dibaca.",
    "timeout": "Layanan BSrE tidak menjawab tepat waktu. Coba lagi nanti.",
    "unreachable": "Layanan BSrE tidak dapat dihubungi. Periksa jaringan kantor.",
    "not_configured": "Layanan BSrE belum dikonfigurasi.",
    "no_nik": "NIK penandatangan belum diisi oleh administrator.",
    "no_passphrase": "Passphrase wajib diisi.",
    "no_tag": (
        "Layanan BSrE tidak menemukan penanda posisi tanda tangan ({tag}) di dalam surat, "
        "sehingga surat belum ditandatangani. Minta administrator memeriksa "
        "SISAKAT_BSRE_TAG_KOORDINAT (atau mengosongkannya agar tanda tangan ditempatkan "
        "menurut koordinat), lalu coba lagi."
    ),
}
# BSrE documents no code for a tag_koordinat it cannot find; its answer is recognised by
# these words in the error text (never shown: the message above is ours).
_TAG_WORDS = ("tag", "koordinat")
STATUS_MESSAGES = {
    "EXPIRED": "Sertifikat Anda berstatus EXPIRED (kedaluwarsa). Perbarui sertifikat di BSrE.",
    "RENEW": "Sertifikat Anda berstatus RENEW (sedang diperbarui). Coba lagi setelah selesai.",
    "NOT_REGISTERED": MESSAGES["2011"],
    "SUSPEND": "Sertifikat Anda berstatus SUSPEND (dibekukan). Hubungi BSrE.",
    "REVOKE": "Sertifikat Anda berstatus REVOKE (dicabut). Hubungi BSrE.",
}


class BsreFailed(SigningFailed):
    """A BSrE call failed; ``code`` says why (a MESSAGES key or a certificate status)."""

    def __init__(self, code: str, message: str | None = None):
        """Keep the failure code (for callers and tests) beside the message."""
        super().__init__(message or MESSAGES.get(code, MESSAGES["rejected"]))
        self.code = code


@dataclass(frozen=True)
class BsreConfig:
    """Where the Esign Client Service is and how SISAKAT authenticates to it."""

    base_url: str
    username: str
    password: str = field(repr=False)
    api_version: str = "v1"
    connect_timeout: float = 5.0
    read_timeout: float = 60.0

    @classmethod
    def from_config(cls, config: Mapping) -> BsreConfig:
        """From ``BSRE_*`` config keys; the password may come from ``SISAKAT_BSRE_PASSWORD``."""
        base = str(config.get("BSRE_BASE_URL") or "").strip().rstrip("/")
        if not base:
            raise BsreFailed("not_configured")
        return cls(
            base_url=base,
            username=str(config.get("BSRE_USERNAME") or ""),
            password=str(
                config.get("BSRE_PASSWORD") or os.environ.get("SISAKAT_BSRE_PASSWORD", "")
            ),
            api_version="v2" if str(config.get("BSRE_API_VERSION")) == "v2" else "v1",
            connect_timeout=timeouts(config)[0],
            read_timeout=timeouts(config)[1],
        )


def timeouts(config: Mapping) -> tuple[float, float]:
    """The connect and read timeouts of one call to BSrE, in seconds (``BSRE_*_TIMEOUT``)."""
    return (
        float(config.get("BSRE_CONNECT_TIMEOUT") or 5),
        float(config.get("BSRE_READ_TIMEOUT") or 60),
    )


@dataclass(frozen=True)
class _Answer:
    """One HTTP answer from the service."""

    status: int
    content_type: str
    body: bytes

    def json(self) -> dict:
        """The body as a JSON object, or BsreFailed."""
        try:
            data = json.loads(self.body)
        except ValueError:
            raise BsreFailed("bad_answer") from None
        if not isinstance(data, dict):
            raise BsreFailed("bad_answer")
        return data


def _multipart(fields: dict[str, str], pdf: bytes) -> tuple[bytes, str]:
    """A multipart/form-data body with the text fields and the PDF as ``file``."""
    boundary = secrets.token_hex(16)
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="surat.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n".encode()
        + pdf
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _require_pdf(body: bytes) -> bytes:
    """A complete-looking PDF, or BsreFailed (not a PDF / truncated)."""
    if not body.startswith(b"%PDF-"):
        raise BsreFailed("not_pdf")
    if b"%%EOF" not in body[-1024:]:
        raise BsreFailed("truncated")
    return body


class BsreClient:
    """Talks to one Esign Client Service; implements the in-app ``sign()`` interface."""

    def __init__(self, config: BsreConfig):
        """A client for one configured service."""
        self.config = config

    def _request(self, method: str, path: str, body: bytes | None, content_type: str) -> _Answer:
        """One HTTP exchange with separate connect and read timeouts."""
        url = urlsplit(self.config.base_url)
        conn_cls = (
            http.client.HTTPSConnection if url.scheme == "https" else http.client.HTTPConnection
        )
        conn = conn_cls(url.hostname or "", url.port, timeout=self.config.connect_timeout)
        token = base64.b64encode(f"{self.config.username}:{self.config.password}".encode()).decode()
        headers = {"Authorization": f"Basic {token}", "Accept": "application/json, application/pdf"}
        if body is not None:
            headers["Content-Type"] = content_type
        try:
            conn.connect()
            conn.sock.settimeout(self.config.read_timeout)
            conn.request(method, url.path.rstrip("/") + path, body=body, headers=headers)
            resp = conn.getresponse()
            answer = _Answer(resp.status, resp.getheader("Content-Type", ""), resp.read())
        except TimeoutError:
            raise BsreFailed("timeout") from None
        except http.client.IncompleteRead:
            raise BsreFailed("truncated") from None
        except http.client.HTTPException:
            raise BsreFailed("bad_answer") from None
        except OSError:
            raise BsreFailed("unreachable") from None
        finally:
            conn.close()
        log.info("BSrE %s %s -> HTTP %s", method, path.split("/status/")[0], answer.status)
        return answer

    def _raise_for_error(self, answer: _Answer, tag: str = "") -> None:
        """Map an error answer to a BsreFailed with an Indonesian message (never echoing it);
        ``tag``: the marker the request placed the signature by, if any."""
        if answer.status == 200:
            return
        if answer.status == 401:
            raise BsreFailed("auth")
        if answer.status >= 500:
            raise BsreFailed("server")
        try:
            data = answer.json()
        except BsreFailed:
            data = {}
        code = str(data.get("status_code", ""))
        if code in MESSAGES:
            raise BsreFailed(code)
        error = str(data.get("error", "")).lower()
        if tag and any(word in error for word in _TAG_WORDS):
            raise BsreFailed("no_tag", MESSAGES["no_tag"].format(tag=f'"{tag}"'))
        raise BsreFailed("rejected")

    def user_status(self, nik: str) -> str:
        """The certificate status of the NIK's holder (``ISSUE`` may sign)."""
        if self.config.api_version == "v2":
            body = json.dumps({"nik": nik}).encode()
            answer = self._request("POST", "/api/v2/user/check/status", body, "application/json")
        else:
            answer = self._request("GET", f"/api/user/status/{quote(nik, safe='')}", None, "")
        self._raise_for_error(answer)
        status = str(answer.json().get("status", "")).upper()
        return "".join(ch for ch in status if ch.isalnum() or ch == "_")[:32]

    def ensure_can_sign(self, nik: str) -> None:
        """Stop early, before the passphrase is asked, unless the certificate is ``ISSUE``."""
        if not nik:
            raise BsreFailed("no_nik")
        status = self.user_status(nik)
        if status != "ISSUE":
            message = STATUS_MESSAGES.get(
                status, f"Sertifikat Anda berstatus {status or 'tidak dikenal'}."
            )
            raise BsreFailed(status or "unknown", message)

    def _sign_v1(self, unsigned: bytes, job: SignJob, passphrase: str) -> bytes:
        """API v1: multipart form, the signed PDF as the body."""
        fields = {"nik": job.nik, "passphrase": passphrase}
        fields["tampilan"] = "visible" if job.visible else "invisible"
        if job.visible:
            x1, y1, x2, y2 = job.box
            fields.update(image="false", linkQR=job.qr_url, width=str(x2 - x1))
            fields["height"] = str(y2 - y1)
            if job.tag:  # the marker instead of page and position; the size stays
                fields["tag_koordinat"] = job.tag
            else:
                fields.update(page=str(job.page), xAxis=str(x1), yAxis=str(y1))
        body, content_type = _multipart(fields, unsigned)
        answer = self._request("POST", "/api/sign/pdf", body, content_type)
        self._raise_for_error(answer, job.tag if job.visible else "")
        return _require_pdf(answer.body)

    def _sign_v2(self, unsigned: bytes, job: SignJob, passphrase: str) -> bytes:
        """API v2: JSON with base64 files."""
        x1, y1, x2, y2 = job.box
        props = {"tampilan": "VISIBLE" if job.visible else "INVISIBLE", "reason": job.reason}
        props["location"] = job.location
        if job.visible and job.tag:  # the marker instead of page and origin; the size stays
            props.update(tag_koordinat=job.tag, width=x2 - x1, height=y2 - y1)
        elif job.visible:
            props.update(page=job.page, originX=x1, originY=y1, width=x2 - x1, height=y2 - y1)
        payload = {
            "nik": job.nik,
            "passphrase": passphrase,
            "signatureProperties": [props],
            "file": [base64.b64encode(unsigned).decode()],
        }
        body = json.dumps(payload).encode()
        answer = self._request("POST", "/api/v2/sign/pdf", body, "application/json")
        self._raise_for_error(answer, job.tag if job.visible else "")
        files = answer.json().get("file")
        if not isinstance(files, list) or not files or not isinstance(files[0], str):
            raise BsreFailed("bad_answer")
        try:
            signed = base64.b64decode(files[0], validate=True)
        except (binascii.Error, ValueError):
            raise BsreFailed("bad_answer") from None
        return _require_pdf(signed)

    def sign(self, unsigned: bytes, job: SignJob, secret: str | None) -> bytes:
        """Have BSrE sign ``unsigned`` for ``job.nik`` with the typed passphrase ``secret``."""
        if not job.nik:
            raise BsreFailed("no_nik")
        if not secret:
            raise BsreFailed("no_passphrase")
        if self.config.api_version == "v2":
            return self._sign_v2(unsigned, job, secret)
        return self._sign_v1(unsigned, job, secret)
