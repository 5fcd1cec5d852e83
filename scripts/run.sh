#!/usr/bin/env bash
# SISAKAT: install what is needed, migrate, check, then serve on the office network (Linux/macOS).
# Usage: scripts/run.sh            (serves on 0.0.0.0:8080; SISAKAT_HOST / SISAKAT_PORT change it)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh
ensure_venv
stamp=".venv/.requirements.sha256"
want=$(files_sha256 requirements.txt)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Memasang paket yang diperlukan ..."
  .venv/bin/python -m pip install --disable-pip-version-check -q -r requirements.txt
  echo "$want" > "$stamp"
fi
.venv/bin/python -c "from sisakat.instance import ensure_instance; ensure_instance()"
.venv/bin/flask --app app db upgrade
.venv/bin/flask --app app init-data
.venv/bin/flask --app app check
exec .venv/bin/python app.py
