"""docs/PANDUAN.md against the app: the configuration line it tells an office to write works, and
the screen words it quotes for the path of an office without BSrE are the app's own."""

from __future__ import annotations

import re
from pathlib import Path

from sisakat.instance import config_file_settings
from sisakat.signing.forms import SigningSettingsForm, UploadSignedForm

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "PANDUAN.md").read_text(encoding="utf-8")


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_public_address_line_the_guide_shows_sets_the_public_address(tmp_path):
    """Before: the guide said only "Setel SISAKAT_PUBLIC_BASE_URL", while the readiness item
    points to instance/config.py and PANDUAN §2; an office on run.bat had no way to know what
    to write. Now the guide shows the line, and that line is what the app reads."""
    blocks = re.findall(r"```\n(.*?)```", GUIDE, flags=re.S)
    lines = [b.strip() for b in blocks if "PUBLIC_BASE_URL" in b]
    assert lines, "PANDUAN shows no instance/config.py line for PUBLIC_BASE_URL"
    (tmp_path / "config.py").write_text(lines[0] + "\n", encoding="utf-8")
    assert config_file_settings(tmp_path)["PUBLIC_BASE_URL"].startswith("http")
    assert "instance\\config.py" in GUIDE


def test_the_scan_path_words_the_guide_quotes_are_on_the_screens():
    """Before: the guide sent an office without BSrE to "pengaturan TTE" and a "pindaian" box;
    the screens say otherwise. Now it quotes the setting and the box as the app labels them."""
    guide = _flat(GUIDE)
    queue = (ROOT / "templates" / "signing" / "queue.html").read_text(encoding="utf-8")
    menu = (ROOT / "templates" / "admin" / "index.html").read_text(encoding="utf-8")
    quoted = {
        SigningSettingsForm.allow_scan.args[0]: "",
        UploadSignedForm.scan.args[0]: "",
        "Unduh untuk TTD basah": queue,
        "Cara penandatanganan": menu,
    }
    for words, screen in quoted.items():
        assert words in guide, words
        assert not screen or words in screen, words
