@echo off
rem Opens the PAR index pages (parindex serve) in the default browser.
rem Keep this file beside parindex.exe, and set "2024" below to the
rem folder holding criteria.yaml, units.yaml and the metrics.
chcp 65001 >nul
cd /d "%~dp0"
parindex.exe serve "2024" --open
rem The window stays open while the pages are served: close it to stop.
pause
