@echo off
rem Opens the gigdesk counter desk: in Windows Terminal when it is installed, else in a console window.
rem Put a shortcut to this file on the desktop; double-click it to start the desk.
chcp 65001 >nul
where wt >nul 2>nul
if %errorlevel%==0 (
  start "" wt -d "%~dp0." "%~dp0gigdesk.exe"
  exit /b
)
"%~dp0gigdesk.exe"
if errorlevel 1 pause
