"""HDR-1 at the source: templates need no CSP exception and load nothing from another host."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ALLOWED_HOSTS = ("wa.me", "lapor.go.id")
TAG = re.compile(r"<[a-zA-Z][^>]*>", re.S)
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
EVENT_ATTR = re.compile(r"\son[a-z]+\s*=", re.I)
STYLE_JS = re.compile(r"""style\s*=\s*["'][^"']*(javascript:|expression\(|url\()""", re.I)
JS_URL = re.compile(r"""(href|src|action)\s*=\s*["']\s*javascript:""", re.I)
ASSET = re.compile(
    r"""(?:src|href|action|srcset|poster|data)\s*=\s*["']\s*(?:https?:)?//([^/"'\s]+)"""
)
CSS_URL = re.compile(r"""(?:url\(|@import\s+)["']?\s*(?:https?:)?//([^/"')\s]+)""")


def _files(folder: str, pattern: str) -> list[Path]:
    return sorted(p for p in (ROOT / folder).rglob(pattern) if "vendor" not in p.parts)


def _external(host: str) -> bool:
    host = host.lower().split(":")[0]
    return not any(host == h or host.endswith("." + h) for h in ALLOWED_HOSTS)


def test_templates_have_no_inline_script_or_event_handlers():
    problems = []
    for path in _files("templates", "*.html"):
        source = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT)
        problems += [
            f"{name}: inline <script>" for a, body in SCRIPT.findall(source) if body.strip()
        ]
        problems += [
            f"{name}: <script> without src" for a, _ in SCRIPT.findall(source) if "src" not in a
        ]
        for tag in TAG.findall(source):
            if EVENT_ATTR.search(tag) or STYLE_JS.search(tag) or JS_URL.search(tag):
                problems.append(f"{name}: {tag[:80]}")
    assert problems == []


def test_no_asset_from_another_host():
    problems = []
    for path in (
        _files("templates", "*.html") + _files("static", "*.css") + _files("static", "*.js")
    ):
        source = path.read_text(encoding="utf-8")
        for host in ASSET.findall(source) + CSS_URL.findall(source):
            if _external(host):
                problems.append(f"{path.relative_to(ROOT)}: {host}")
    assert problems == []
    assert len(_files("templates", "*.html")) >= 5  # the scan really read the templates
