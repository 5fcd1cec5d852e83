@echo off
rem SISAKAT (Windows): double-click or run "scripts\run.bat" to install, migrate and serve.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0run.ps1" %*
