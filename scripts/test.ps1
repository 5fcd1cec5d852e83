# SISAKAT: install the dev requirements and run the whole test suite (Windows).
# Usage (PowerShell):  powershell -ExecutionPolicy Bypass -File scripts\test.ps1
$ErrorActionPreference = "Stop"
Set-Location -LiteralPath (Split-Path -Parent $PSScriptRoot)
. (Join-Path $PSScriptRoot "venv.ps1")
Initialize-Venv
# Install only when a requirements file changed (as scripts/test.sh and run.ps1 do).
$want = (Get-FileHash -LiteralPath requirements.txt -Algorithm SHA256).Hash + (Get-FileHash -LiteralPath requirements-dev.txt -Algorithm SHA256).Hash
$stamp = ".venv\.requirements-dev.sha256"
if (-not (Test-Path -LiteralPath $stamp) -or (Get-Content -LiteralPath $stamp) -ne $want) {
  & .venv\Scripts\python.exe -m pip install --disable-pip-version-check -q -r requirements-dev.txt
  if ($LASTEXITCODE -ne 0) { throw "Gagal memasang paket" }
  Set-Content -LiteralPath $stamp -Value $want
}
& .venv\Scripts\ruff.exe check .
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& .venv\Scripts\ruff.exe format --check .
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& .venv\Scripts\python.exe -m pytest @args
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
foreach ($url in @(
    $(if ($env:SISAKAT_TEST_POSTGRES_URL) { $env:SISAKAT_TEST_POSTGRES_URL } else { "postgresql+psycopg://postgres@127.0.0.1:5432/sisakat_test" }),
    $(if ($env:SISAKAT_TEST_MARIADB_URL) { $env:SISAKAT_TEST_MARIADB_URL } else { "mysql+pymysql://root@127.0.0.1:3306/sisakat_test?charset=utf8mb4" }))) {
  & .venv\Scripts\python.exe scripts\prepare_test_db.py $url
  if ($LASTEXITCODE -eq 0) {
    $env:SISAKAT_TEST_DATABASE_URL = $url
    & .venv\Scripts\python.exe -m pytest -m "not browser" @args
    $code = $LASTEXITCODE
    Remove-Item Env:\SISAKAT_TEST_DATABASE_URL
    if ($code -ne 0) { exit $code }
  } elseif ($env:SISAKAT_REQUIRE_ALL -eq "1") { throw "Database tidak dapat dihubungi: $url" }
}
