#!/usr/bin/env bash
# SISAKAT: install the dev requirements and run the whole test suite (Linux/macOS).
# SQLite first (browser tests included), then PostgreSQL and MariaDB when reachable on 127.0.0.1
# (required when SISAKAT_REQUIRE_ALL=1, as in CI). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh
ensure_venv
stamp=".venv/.requirements-dev.sha256"
want=$(files_sha256 requirements.txt requirements-dev.txt)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install --disable-pip-version-check -q -r requirements-dev.txt
  echo "$want" > "$stamp"
fi
export PYTHONDONTWRITEBYTECODE=1
echo "== ruff =="
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== pytest: SQLite =="
.venv/bin/python -m pytest "$@"

PG_URL="${SISAKAT_TEST_POSTGRES_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/sisakat_test}"
MARIADB_URL="${SISAKAT_TEST_MARIADB_URL:-mysql+pymysql://root@127.0.0.1:3306/sisakat_test?charset=utf8mb4}"
for url in "$PG_URL" "$MARIADB_URL"; do
  name="${url%%:*}"
  if .venv/bin/python scripts/prepare_test_db.py "$url"; then
    echo "== pytest: $name =="
    SISAKAT_TEST_DATABASE_URL="$url" .venv/bin/python -m pytest -m "not browser" "$@"
  elif [ "${SISAKAT_REQUIRE_ALL:-0}" = "1" ]; then
    echo "Database $name tidak dapat dihubungi, padahal SISAKAT_REQUIRE_ALL=1" >&2
    exit 1
  else
    echo "== $name tidak tersedia: dilewati =="
  fi
done
