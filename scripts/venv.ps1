# SISAKAT: shared by scripts\run.ps1 and scripts\test.ps1 (dot-sourced, not run): make .venv
# with a Python that SISAKAT runs on. Python from python.org brings the "py" launcher; one from
# the Microsoft Store or winget may bring only "python" (and Windows has a "python" stub that
# only opens the Store). Calling a command that does not exist would stop the script with
# PowerShell's English CommandNotFoundException, so each candidate is looked up first.

function Find-Python {
  # The command that runs Python 3.11+: $env:PYTHON, else "py -3", else "python"; $null if none.
  $candidates = @()
  if ($env:PYTHON) { $candidates += , @($env:PYTHON) }
  if (Get-Command py -ErrorAction SilentlyContinue) { $candidates += , @("py", "-3") }
  if (Get-Command python -ErrorAction SilentlyContinue) { $candidates += , @("python") }
  foreach ($candidate in $candidates) {
    $exe = $candidate[0]
    $pre = @($candidate | Select-Object -Skip 1)
    try {
      & $exe @pre -c "import sys; sys.exit(sys.version_info < (3, 11))"
      if ($LASTEXITCODE -eq 0) { return , $candidate }
    } catch {
      continue  # $env:PYTHON naming a file that is not there
    }
  }
  return $null
}

function Initialize-Venv {
  # Keep a .venv whose Python runs and has pip; otherwise (none yet, or a half-made one from a
  # failed attempt, or one whose Python was uninstalled) make it again.
  if (Test-Path -LiteralPath ".venv\Scripts\python.exe") {
    try {
      & .venv\Scripts\python.exe -m pip --version | Out-Null
      if ($LASTEXITCODE -eq 0) { return }
    } catch { }
  }
  $python = Find-Python
  if (-not $python) {
    throw ("SISAKAT memerlukan Python 3.11 atau lebih baru dan tidak menemukannya (py, python, " +
      "atau variabel PYTHON). Pasang Python dari python.org (centang 'Add python.exe to PATH'), " +
      "tutup jendela ini, lalu jalankan lagi.")
  }
  if (Test-Path -LiteralPath ".venv") { Remove-Item -LiteralPath ".venv" -Recurse -Force }
  Write-Host "Membuat lingkungan Python (.venv) ..."
  $exe = $python[0]
  $pre = @($python | Select-Object -Skip 1)
  & $exe @pre -m venv .venv
  if ($LASTEXITCODE -ne 0) { throw "Gagal membuat .venv dengan $($python -join ' ')." }
}
