"""The docs against the code, for the drift that comes back most often: a setting the code reads
that README's table forgets (or one it still lists after the code dropped it), a default that
changed, a command option or a module nobody documented, a test suite the pages do not name.

Cheap text checks: they read files and the registered commands, never a server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sisakat import config, setup

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
ARCHITECTURE = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
DOCS = README + "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))
BENCHMARKS_README = (ROOT / "benchmarks" / "README.md").read_text(encoding="utf-8")

VARIABLE = re.compile(r"\bSISAKAT_[A-Z0-9_]*[A-Z0-9]\b")
# DefaultConfig keys that are Flask internals fixed on purpose; README says to set none of them.
FIXED_KEYS = {
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "SESSION_COOKIE_NAME",
    "REMEMBER_COOKIE_DURATION",
    "WTF_CSRF_TIME_LIMIT",
    "SQLALCHEMY_ENGINE_OPTIONS",
}
# Read with os.environ directly, not through DefaultConfig.
DIRECT_VARIABLES = {
    "SISAKAT_INSTANCE_PATH",
    "SISAKAT_SECRET_KEY",
    "SISAKAT_ADMIN_PASSWORD",
    "SISAKAT_P12_PASSPHRASE",
}
CLI_BUILTINS = {"db", "routes", "run", "shell"}
# Empty in DefaultConfig, filled in by config.finalise: README gives the folder it becomes.
DERIVED_DEFAULTS = {"UPLOAD_FOLDER": "`uploads/`", "BACKUP_FOLDER": "`instance/backups/`"}


def _sources(*folders: str, pattern: str = "*.py") -> list[Path]:
    files = [ROOT / "app.py"] if "." in folders else []
    for folder in folders:
        if folder != ".":
            files += sorted((ROOT / folder).rglob(pattern))
    return files


def _config_table() -> dict[str, str]:
    """README's configuration table: each variable -> the default cell of its row."""
    start = README.index("| variable | default | meaning |")
    rows = {}
    for line in README[start:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        for name in VARIABLE.findall(cells[0]):
            rows[name] = cells[1]
    return rows


def _config_keys() -> dict[str, object]:
    return {
        k: v for k, v in vars(config.DefaultConfig).items() if k.isupper() and k not in FIXED_KEYS
    }


def test_every_sisakat_variable_the_code_scripts_or_tests_read_is_documented():
    files = _sources(".", "sisakat", "tests", "benchmarks", "scripts")
    files += [ROOT / ".ci" / "run", *sorted((ROOT / "scripts").glob("*.sh"))]
    files += sorted((ROOT / "scripts").glob("*.ps1"))
    read = set()
    for path in files:
        read |= set(VARIABLE.findall(path.read_text(encoding="utf-8")))
    missing = sorted(name for name in read if name not in DOCS)
    assert not missing, f"read by the code but named in no README/docs page: {missing}"


def test_every_setting_an_office_may_set_is_in_the_readme_table_with_its_default():
    table = _config_table()
    for key, default in _config_keys().items():
        name = f"SISAKAT_{key}"
        assert name in table, f"{name} (DefaultConfig.{key}) is missing from README's table"
        cell = table[name]
        if key in DERIVED_DEFAULTS:
            expected = DERIVED_DEFAULTS[key]
        elif isinstance(default, bool):
            expected = "`1`" if default else "`0`"
        elif default in ("", None):
            expected = "empty" if "empty" in cell else "none"
        else:
            expected = f"`{default}`"
        assert expected in cell, f"README gives {name} the default {cell!r}, the code {default!r}"


def test_the_readme_table_lists_nothing_the_code_no_longer_reads():
    known = {f"SISAKAT_{k}" for k in _config_keys()} | DIRECT_VARIABLES
    code = "".join(p.read_text(encoding="utf-8") for p in _sources(".", "sisakat"))
    for name in DIRECT_VARIABLES:
        assert name in code, f"{name} is no longer read: drop it from README and this test"
    stale = sorted(set(_config_table()) - known)
    assert not stale, f"README documents variables the code does not read: {stale}"


def test_every_command_and_option_is_in_the_readme_command_table(app):
    start = README.index("| command | does |")
    table = README[start : README.index("\n\n", start)]
    rows = {}
    for line in table.splitlines()[2:]:
        first = line.strip("|").split("|")[0]
        rows[first.strip(" `").split()[0]] = line
    for name, command in app.cli.commands.items():
        if name in CLI_BUILTINS:
            continue
        assert name in rows, f"flask {name} is missing from README's command table"
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--"):
                    assert opt in rows[name], f"README does not mention flask {name} {opt}"
    gone = sorted(set(rows) - set(app.cli.commands) - CLI_BUILTINS)
    assert not gone, f"README lists commands that no longer exist: {gone}"


def test_every_module_of_the_package_is_named_in_the_architecture_page():
    modules = [
        *sorted((ROOT / "sisakat").glob("*.py")),
        *sorted((ROOT / "sisakat" / "services").rglob("*.py")),
        *sorted((ROOT / "sisakat" / "pdf").glob("*.py")),
    ]

    def named(stem: str) -> bool:  # `x.py`, or `services/x.function`
        return bool(re.search(rf"\b{stem}\.py\b|services/(signing/)?{stem}\.\w", ARCHITECTURE))

    missing = [
        str(path.relative_to(ROOT))
        for path in modules
        if path.stem != "__init__" and not named(path.stem)
    ]
    assert not missing, f"docs/ARCHITECTURE.md names no role for: {missing}"


def test_every_blueprint_is_on_the_architecture_layer_line():
    line = next(x for x in ARCHITECTURE.splitlines() if x.startswith("blueprints "))
    for dotted in setup.BLUEPRINTS:
        assert re.search(rf"\b{dotted.rsplit('.', 1)[1]}\b", line), dotted


@pytest.mark.parametrize(
    "suite",
    sorted({p.parent.name for p in (ROOT / "tests").glob("*/test_*.py")}),
)
def test_every_test_suite_is_named_in_readme_and_architecture(suite):
    layout = next(x for x in README.split("```") if "pytest suites" in x)
    assert re.search(rf"\b{suite}\b", layout), f"README's layout does not list tests/{suite}/"
    tests_section = ARCHITECTURE[ARCHITECTURE.index("## Tests") :]
    assert f"`{suite}/`" in tests_section, f"ARCHITECTURE's Tests section omits `{suite}/`"


def test_every_benchmark_option_is_in_the_benchmarks_readme():
    for path in _sources("benchmarks"):
        for option in re.findall(r'add_argument\(\s*"(--[a-z-]+)"', path.read_text("utf-8")):
            assert option in BENCHMARKS_README, f"{path.name}: {option} is not documented"


def test_every_flask_command_line_in_the_docs_runs_a_real_command_with_real_options(app):
    """`flask --app app backup --output E:\\...` in OPERATIONS, `flask check --deploy` in a
    sentence: the command exists and each `--option` written after it is one it takes."""
    pages = {"README.md": README, "benchmarks/README.md": BENCHMARKS_README}
    pages |= {f"docs/{p.name}": p.read_text("utf-8") for p in (ROOT / "docs").glob("*.md")}
    seen = 0
    for page, text in pages.items():
        for line in re.findall(r"flask (?:--app app )?([a-z][a-z-]*[^`\n|;>)]*)", text):
            name, *rest = line.split()
            if name in CLI_BUILTINS:
                continue
            seen += 1
            assert name in app.cli.commands, f"{page}: flask {name} is no command"
            options = {o for p in app.cli.commands[name].params for o in p.opts} | {"--help"}
            for word in rest:
                if word.startswith("--"):
                    assert word in options, f"{page}: flask {name} takes no {word}"
    assert seen > 20


def test_every_table_is_in_the_architecture_data_model():
    from sisakat import models  # noqa: F401 - registers every table on the metadata
    from sisakat.extensions import db

    missing = sorted(t for t in db.metadata.tables if f"`{t}`" not in ARCHITECTURE)
    assert not missing, f"docs/ARCHITECTURE.md's data model omits: {missing}"


def test_the_files_section_names_where_pdf_content_is_checked_and_who_calls_it():
    """The PDF content checks moved from `uploads.py` to `services/pdf_checks.py`; the Files
    section names that module and every service that runs a PDF through it."""
    files = ARCHITECTURE[ARCHITECTURE.index("## Files") : ARCHITECTURE.index("## Letters and")]
    sentence = files[files.index("Content is checked before") :].split("images in")[0]
    assert "`services/pdf_checks.py`" in sentence
    defined = re.compile(r"^def check_pdf\(", re.M)
    homes = [p for p in _sources("sisakat") if defined.search(p.read_text("utf-8"))]
    assert [p.name for p in homes] == ["pdf_checks.py"]
    callers = sorted(
        p.name
        for p in _sources("sisakat/services")
        if "pdf_checks.check_pdf(" in p.read_text("utf-8")
    )
    missing = [name for name in callers if f"services/{name}" not in sentence]
    assert not missing, f"docs/ARCHITECTURE.md's Files section omits PDF checks by: {missing}"
