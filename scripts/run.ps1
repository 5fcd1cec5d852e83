# SISAKAT: install what is needed, migrate, check, then serve on the office network (Windows).
# Usage (PowerShell):  powershell -ExecutionPolicy Bypass -File scripts\run.ps1
$ErrorActionPreference = "Stop"
Set-Location -LiteralPath (Split-Path -Parent $PSScriptRoot)
. (Join-Path $PSScriptRoot "venv.ps1")
Initialize-Venv
$want = (Get-FileHash -LiteralPath requirements.txt -Algorithm SHA256).Hash
$stamp = ".venv\.requirements.sha256"
if (-not (Test-Path -LiteralPath $stamp) -or (Get-Content -LiteralPath $stamp) -ne $want) {
  Write-Host "Memasang paket yang diperlukan ..."
  & .venv\Scripts\python.exe -m pip install --disable-pip-version-check -q -r requirements.txt
  if ($LASTEXITCODE -ne 0) { throw "Gagal memasang paket" }
  Set-Content -LiteralPath $stamp -Value $want
}
& .venv\Scripts\python.exe -c "from sisakat.instance import ensure_instance; ensure_instance()"
if ($LASTEXITCODE -ne 0) { throw "Gagal menyiapkan folder instance" }
& .venv\Scripts\flask.exe --app app db upgrade
if ($LASTEXITCODE -ne 0) { throw "Migrasi database gagal" }
& .venv\Scripts\flask.exe --app app init-data
if ($LASTEXITCODE -ne 0) { throw "Pengisian data awal gagal" }
& .venv\Scripts\flask.exe --app app check
if ($LASTEXITCODE -ne 0) { throw "Pemeriksaan gagal" }
& .venv\Scripts\python.exe app.py
exit $LASTEXITCODE
