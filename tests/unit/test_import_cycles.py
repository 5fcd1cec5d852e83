"""Every service module imports on its own, first, in a fresh interpreter's order: an import
cycle between services (``workflow_guards -> register -> letter_search -> letters -> workflow``
once) shows only when a test file or a command happens to import one of them before the others,
so the rest of the suite, importing the app first, never saw it."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import importlib, pkgutil, sys
import sisakat.services as services
names = [m.name for m in pkgutil.walk_packages(services.__path__, "sisakat.services.")]
failed = []
for name in names:
    for key in [k for k in sys.modules if k == "sisakat" or k.startswith("sisakat.")]:
        del sys.modules[key]
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed.append(f"{name}: {exc!r}")
print(len(names))
print("\\n".join(failed))
"""


def test_each_service_module_imports_first():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    count, *failed = done.stdout.strip().splitlines()
    assert int(count) > 50  # the services were found
    assert not [line for line in failed if line], failed
