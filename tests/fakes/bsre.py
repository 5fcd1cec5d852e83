"""A fake BSrE Esign Client Service: WSGI on 127.0.0.1 (port 0) in a thread, v1 and v2.

Checks HTTP Basic credentials, signs with the test PKI through pyHanko, and can be scripted
(``fake.mode``) to answer 2011, 2031, HTTP 500, a non-PDF 200, a PDF signed off the allow-list,
a truncated PDF, or to stall past the client's read timeout. ``fake.status`` is the certificate
status it reports for every NIK. Like the real service, a request placed by ``tag_koordinat``
is refused unless the marker's text is found in the uploaded PDF.
"""

from __future__ import annotations

import base64
import io
import json
import threading
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from pypdf import PdfReader
from werkzeug.wrappers import Request, Response

from tests.pki import TestPki
from tests.signing import pdfs

USERNAME = "sisakat-uji"
PASSWORD = "rahasia-layanan-uji"  # noqa: S105 - test credentials
NIK = "1671000000000001"  # fictional
PASSPHRASE = "Frasa#Sandi-Penandatangan-42"  # noqa: S105 - test passphrase
MODES = ("ok", "2011", "2031", "500", "nonpdf", "foreign", "truncated", "stall")


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        """No access log on stderr."""


class FakeBsre:
    """The fake service; ``url`` is its base URL once started."""

    def __init__(self, pki: TestPki):
        self.pki = pki
        self.mode = "ok"
        self.status = "ISSUE"
        # path, field names and the marker seen (other values, the passphrase, are not kept)
        self.requests: list[dict] = []
        self.release = threading.Event()
        self._server = make_server(
            "127.0.0.1", 0, self.wsgi, server_class=_Server, handler_class=_QuietHandler
        )
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> FakeBsre:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()

    def wsgi(self, environ, start_response):
        """The WSGI entry point."""
        request = Request(environ)
        try:
            response = self.answer(request)
        finally:
            request.close()  # closes the spooled upload
        return response(environ, start_response)

    @staticmethod
    def _error(code: int, message: str, http: int = 400) -> Response:
        body = json.dumps({"error": message, "status_code": code})
        return Response(body, status=http, content_type="application/json")

    def answer(self, request: Request) -> Response:
        """Route one request."""
        auth = request.authorization
        if auth is None or (auth.username, auth.password) != (USERNAME, PASSWORD):
            return self._error(401, "Unauthorized", 401)
        path = request.path
        if path.startswith("/api/user/status/") or path == "/api/v2/user/check/status":
            return Response(json.dumps({"status": self.status}), content_type="application/json")
        if path == "/api/sign/pdf":
            form = request.form
            tag = form.get("tag_koordinat")
            self.requests.append({"path": path, "fields": sorted(form), "tag": tag})
            pdf = request.files["file"].read()
            return self._tagged(tag, pdf) or self._sign(
                form.get("nik"), form.get("passphrase"), pdf, v2=False
            )
        if path == "/api/v2/sign/pdf":
            data = request.get_json()
            props = (data.get("signatureProperties") or [{}])[0]
            tag = props.get("tag_koordinat")
            record = {"path": path, "fields": sorted(data), "tag": tag, "props": sorted(props)}
            self.requests.append(record)
            pdf = base64.b64decode(data["file"][0])
            return self._tagged(tag, pdf) or self._sign(
                data.get("nik"), data.get("passphrase"), pdf, v2=True
            )
        return self._error(404, "Not found", 404)

    def _tagged(self, tag: str | None, pdf: bytes) -> Response | None:
        """The error answer when the request places by a marker the PDF's text lacks."""
        if tag is None:
            return None
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        if tag and tag in text:
            return None
        return self._error(400, "Tag koordinat tidak ditemukan pada dokumen")

    def _sign(self, nik: str | None, passphrase: str | None, pdf: bytes, *, v2: bool) -> Response:
        mode = self.mode
        if mode == "2011" or nik != NIK:
            return self._error(2011, "User tidak terdaftar")
        if mode == "2031" or passphrase != PASSPHRASE:
            return self._error(2031, "Passphrase anda salah")
        if mode == "500":
            return Response("Internal Server Error", status=500)
        if mode == "stall":
            self.release.wait(10)
        if mode == "nonpdf":
            signed = b"<html>Sesi berakhir</html>"
        else:
            signer = self.pki.other_signer if mode == "foreign" else self.pki.signer
            signed = pdfs.sign(pdf, signer)
        if mode == "truncated":
            signed = signed[: len(signed) // 2]
        if v2:
            body = {"file": [base64.b64encode(signed).decode()], "time": 123}
            return Response(json.dumps(body), content_type="application/json")
        kind = "text/html" if mode == "nonpdf" else "application/pdf"
        return Response(signed, content_type=kind, headers={"id_dokumen": "uji-1"})
