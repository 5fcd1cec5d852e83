"""The start scripts on a fresh laptop: a missing or too old Python, and a Debian/Ubuntu Python
without its venv module, stop with what to install instead of a half-made ``.venv`` that every
later start trips over ("No module named pip"). The Windows scripts cannot run here; their
shape is checked as text."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from sisakat.config import ROOT

NO_PIP = '#!/bin/sh\necho "No module named pip" >&2\nexit 1\n'
# Answers the version check like Python 3.11+, then fails to make a venv as Debian's python3
# without python3-venv does: .venv/bin/python exists, pip does not.
NO_PIP_PRINTF = NO_PIP.replace("\n", "\\n")
WITHOUT_VENV_MODULE = """#!/bin/sh
if [ "$1" = "-c" ]; then exit 0; fi
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
  mkdir -p "$3/bin"
  printf '%s' > "$3/bin/python"
  chmod +x "$3/bin/python"
  echo "The virtual environment was not created successfully because ensurepip is not available."
  exit 1
fi
exit 1
""".replace("%s", NO_PIP_PRINTF)
TOO_OLD = "#!/bin/sh\nexit 1\n"  # sys.version_info < (3, 11): exit status 1


def _project(tmp_path: Path, python: str) -> tuple[Path, dict]:
    project = tmp_path / "sisakat"
    (project / "scripts").mkdir(parents=True)
    for name in ("run.sh", "venv.sh"):
        if (ROOT / "scripts" / name).exists():
            shutil.copy(ROOT / "scripts" / name, project / "scripts" / name)
    shutil.copy(ROOT / "requirements.txt", project / "requirements.txt")
    fake = tmp_path / "python-fake"
    fake.write_text(python)
    fake.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SISAKAT_")}
    return project, {**env, "PYTHON": str(fake)}


def _run(project: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(project / "scripts" / "run.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(autouse=True)
def _bash():
    if shutil.which("bash") is None:
        pytest.skip("bash tidak tersedia")


def test_a_python_older_than_3_11_is_named_with_what_to_install(tmp_path):
    project, env = _project(tmp_path, TOO_OLD)
    result = _run(project, env)
    assert result.returncode == 1
    assert "GAGAL: SISAKAT memerlukan Python 3.11 atau lebih baru" in result.stderr
    assert "PYTHON=python3.11" in result.stderr
    assert not (project / ".venv").exists()


def test_a_python_without_its_venv_module_leaves_no_half_made_venv(tmp_path):
    project, env = _project(tmp_path, WITHOUT_VENV_MODULE)
    result = _run(project, env)
    assert result.returncode == 1
    assert "sudo apt-get install python3-venv" in result.stderr
    assert not (project / ".venv").exists()


def test_a_half_made_venv_from_an_earlier_attempt_is_not_used(tmp_path):
    project, env = _project(tmp_path, TOO_OLD)
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / ".venv" / "bin" / "python").write_text(NO_PIP)
    (project / ".venv" / "bin" / "python").chmod(0o755)
    result = _run(project, env)
    assert result.returncode == 1
    assert "No module named pip" not in result.stderr
    assert "Python 3.11 atau lebih baru" in result.stderr


def _ps1(name: str) -> str:
    return (ROOT / "scripts" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["run.ps1", "test.ps1"])
def test_windows_scripts_find_python_through_the_shared_helper(name):
    """Without the ``py`` launcher (a Microsoft Store or winget Python) ``& py`` throws
    PowerShell's English CommandNotFoundException; the helper tries ``py -3`` and ``python``,
    checks 3.11+, and a folder name with [brackets] must not be read as a wildcard."""
    text = _ps1(name)
    assert '. (Join-Path $PSScriptRoot "venv.ps1")' in text
    assert "Initialize-Venv" in text
    assert "& py -3 -m venv" not in text
    assert "Set-Location -LiteralPath (Split-Path -Parent $PSScriptRoot)" in text
    helper = _ps1("venv.ps1")
    assert "Get-Command py " in helper
    assert "Get-Command python " in helper
    assert "sys.version_info < (3, 11)" in helper
    assert "Python 3.11" in helper
