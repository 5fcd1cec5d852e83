"""Run ``pyhanko sign validate`` (pyhanko-cli) on a signed file against the test root."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import require_or_skip
from tests.pki import TestPki


def cli_validate(signed: bytes, pki: TestPki, folder: Path) -> str:
    """The CLI's executive summary line; fails the test on a non-zero exit."""
    cli = shutil.which("pyhanko") or shutil.which("pyhanko", path=str(Path(sys.executable).parent))
    if cli is None:
        require_or_skip("pyhanko-cli tidak terpasang (requirements-dev.txt)")
    (folder / "surat.pdf").write_bytes(signed)
    (folder / "root.pem").write_bytes(pki.root.pem)
    (folder / "inter.pem").write_bytes(pki.intermediate.pem)
    args = [cli, "sign", "validate", "--executive-summary", "--no-revocation-check"]
    args += ["--trust", "root.pem", "--trust-replace", "--other-certs", "inter.pem", "surat.pdf"]
    done = subprocess.run(args, cwd=folder, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.strip()
