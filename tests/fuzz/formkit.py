"""Helpers for the form fuzzer: read forms from pages, build Hypothesis strategies for them.

Field names come from the real pages (``<input>``, ``<select>``, ``<textarea>``), so a form added
later is fuzzed with its own field names without touching this suite.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Every answer a user may legitimately get; 500 (or an exception in TESTING) is a failure.
ALLOWED = {200, 302, 303, 400, 404, 409, 413, 429}
EXAMPLES = int(os.environ.get("SISAKAT_FUZZ_EXAMPLES", "200"))  # QUALITY.md §7
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # each run builds a fresh world; replaying old examples proves little
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Fields a forged request may add: none of them may be trusted by any route (AC-4).
EXTRA_FIELDS = {
    "status": "terbit",
    "party_id": "1",
    "role": "superadmin",
    "user_id": "1",
    "id": "1",
    "active": "y",
    "session_epoch": "0",
    "password_hash": "$argon2id$v=19$m=1,t=1,p=1$x",
    "version": "999999",
    "next": "https://evil.example/",
}
# Query parameters a forged GET may add: url_for's own argument names (a list passing its query
# string on to its links gave them to url_for: a 500) and a name no filter reads.
EXTRA_QUERY = {
    "endpoint": "x",
    "_method": "POST",
    "_external": "1",
    "_scheme": "javascript",
    "_anchor": "x",
    "values": "x",
    "lain": "x",
}
NASTY = [
    "\x00",
    "Partai\x00Contoh",
    "\x1b[31mmerah",
    "\x07\x08\x0b\x0c",
    "\u202eabc\u202c",
    "\u200f\u200e\u2066x\u2069",
    "<script>alert(1)</script>",
    '<img src="/etc/hostname"/> & <b>X</b>',
    '<para><font name="x">',
    "javascript:alert(1)",
    "' OR '1'='1' --",
    "{{ 7*7 }}{% raw %}",
    "%s%n%x",
    "😀🇮🇩👨‍👩‍👧",
    "ﷺ نص عربي",
    "０１２３",
    "\r\n\r\n",
    "   ",
    "../../app.py",
    "9" * 40,
    "-1",
    "x" * 10_000,
    "ä" * 10_000,
]
text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.text(st.characters(max_codepoint=0x1F), max_size=8),
    st.tuples(st.sampled_from(NASTY), st.text(max_size=10)).map("".join),
)


@dataclass
class Form:
    """One ``<form>``: method, action and its named fields (name -> kind, select options)."""

    method: str
    action: str
    fields: dict[str, str] = field(default_factory=dict)
    options: dict[str, list[str]] = field(default_factory=dict)
    links: list[str] = field(default_factory=list)  # <a href> inside it (a list's exports)


class _Parser(HTMLParser):
    """Collect the forms of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self._select: str | None = None
        self._open = False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(Form(a.get("method", "get").lower(), a.get("action", "")))
            self._open = True
        elif tag == "a" and self._open and a.get("href", "").startswith("/"):
            self.forms[-1].links.append(a["href"])
        elif self.forms and tag in ("input", "select", "textarea") and a.get("name"):
            kind = a.get("type", "text").lower() if tag == "input" else tag
            if kind not in ("submit", "button", "reset", "image"):
                self.forms[-1].fields[a["name"]] = kind
            self._select = a["name"] if tag == "select" else None
        elif tag == "option" and self.forms and self._select:
            self.forms[-1].options.setdefault(self._select, []).append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._open = False


def parse_forms(html: str) -> list[Form]:
    """Every form of an HTML page."""
    parser = _Parser()
    parser.feed(html)
    return parser.forms


def forms_on(client, url: str) -> list[Form]:
    """The forms of the page at ``url`` (none when it does not answer 200 with HTML)."""
    response = client.get(url)
    try:
        if response.status_code != 200 or response.mimetype != "text/html":
            return []
        return parse_forms(response.get_data(as_text=True))
    finally:
        response.close()  # downloads stream from an open file


def _targets(form: Form, page: str, url: str) -> bool:
    """Does ``form`` on ``page`` post to ``url``? (An empty action posts to the page itself.)"""
    return form.method == "post" and (urlsplit(form.action).path or page) == urlsplit(url).path


def post_fields(client, url: str, serves_get: bool) -> Form:
    """The fields of the form that posts to ``url``: from its own page, else from the page an
    empty POST redirects to (action buttons live on the object's page)."""
    pages = [url] if serves_get else []
    empty = client.post(url, data={})
    empty.close()
    if empty.status_code in (302, 303):
        pages.append(urlsplit(empty.headers["Location"]).path)
    merged = Form("post", url, {"version": "hidden"})
    for page in pages:
        for form in forms_on(client, page):
            if _targets(form, page, url):
                merged.fields.update(form.fields)
                merged.options.update(form.options)
    return merged


def _file_upload():
    contents = st.one_of(
        st.sampled_from([SMALL_PDF, b"%PDF-1.7\n%%EOF", b"MZ\x90\x00", b"\x89PNG\r\n\x1a\n", b""]),
        st.binary(max_size=2048),
        st.binary(max_size=64).map(lambda b: b + SMALL_PDF),
    )
    names = st.sampled_from(
        ["dokumen.pdf", "../../app.py", "CON.pdf", "a\u202efdp.exe", "\x00.pdf", "😀.png", ""]
    )
    return st.tuples(contents, names).map(lambda t: (io.BytesIO(t[0]), t[1]))


def field_strategy(form: Form, name: str):
    """A strategy for one field: nasty text, a real or forged option, or a hostile file."""
    kind = form.fields[name]
    if kind == "file":
        return _file_upload()
    if kind == "checkbox":
        return st.sampled_from(["y", "on", "", "0", "\x00"])
    if form.options.get(name):
        return st.one_of(st.sampled_from(form.options[name]), text)
    return text


def form_data(form: Form, *, extras: dict[str, str] = EXTRA_FIELDS):
    """Values for every field (each may also be left out) plus forged ``extras`` (none when
    empty)."""
    optional = {n: field_strategy(form, n) for n in form.fields if n != "csrf_token"}
    data = st.fixed_dictionaries({}, optional=optional)
    if not extras:
        return data
    forged = st.dictionaries(st.sampled_from(sorted(extras)), text, max_size=3)
    plain = st.just({k: v for k, v in extras.items() if k not in form.fields})
    return st.tuples(data, st.one_of(forged, plain)).map(lambda t: {**t[1], **t[0]})


def _small_pdf() -> bytes:
    """A real one-page PDF made with ReportLab."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    page = canvas.Canvas(buf)
    page.drawString(72, 720, "Dokumen uji fuzz")
    page.save()
    return buf.getvalue()


SMALL_PDF = _small_pdf()


def url_map_endpoints(methods: set[str]) -> list[str]:
    """Endpoints accepting any of ``methods``, read from a throwaway app at collection time."""
    from sisakat import create_app
    from tests.conftest import base_config

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(base_config(Path(tmp)))
        found = {
            r.endpoint
            for r in app.url_map.iter_rules()
            if r.endpoint != "static" and methods & set(r.methods or ())
        }
        with app.app_context():
            from sisakat.extensions import db

            db.engine.dispose()
    return sorted(found)
