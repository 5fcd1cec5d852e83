@echo off
rem SISAKAT (Windows): install dev requirements and run the whole test suite.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0test.ps1" %*
