@echo off
rem SISAKAT (Windows): double-click or run "scripts\run.bat" to install, migrate and serve.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0run.ps1" %*
rem Started by a double-click, the window would close before the message could be read.
if errorlevel 1 (
  echo.
  echo SISAKAT berhenti karena masalah di atas. Tekan tombol apa saja untuk menutup jendela ini.
  pause >nul
)
