"""Fixtures for the packaging tests: a build Python with PyInstaller, the frozen program."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging_helpers import PACKAGING, ROOT

RUNTIME_DISTRIBUTIONS = ("PySide6-Essentials", "reportlab", "sqlite-utils", "platformdirs")


@pytest.fixture(scope="session")
def build_python() -> str:
    """A Python with PyInstaller and the program's dependencies, at this environment's versions.

    This one if PyInstaller is installed here; otherwise a build venv in
    packaging/build/ (git-ignored, reused by later runs) gets PyInstaller and the
    same versions of Qt, ReportLab, sqlite-utils and platformdirs from PyPI (or
    pip's cache), so a shared test environment is never changed.
    """
    if importlib.util.find_spec("PyInstaller") is not None:
        return sys.executable
    pins = [f"{name}=={metadata.version(name)}" for name in RUNTIME_DISTRIBUTIONS]
    venv = PACKAGING / "build" / "venv-pyinstaller"
    python = venv / "bin" / "python"
    stamp = venv / "pins.txt"
    wanted = "\n".join(pins) + "\n"
    if not (python.exists() and stamp.exists() and stamp.read_text() == wanted):
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        # PyPI is reachable in CI; the build itself downloads nothing.
        subprocess.run([str(python), "-m", "pip", "install", "-q", "pyinstaller>=6.5", *pins],
                       check=True)
        stamp.write_text(wanted)
    return str(python)


@pytest.fixture(scope="session")
def frozen_program(build_python: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the Linux one-folder program once for the session; return its folder."""
    base = tmp_path_factory.mktemp("frozen")
    env = dict(os.environ)
    env["PYINSTALLER_CONFIG_DIR"] = str(base / "pyinstaller-cache")  # a build from scratch
    subprocess.run(
        [build_python, str(PACKAGING / "build_frozen.py"),
         "--dist", str(base / "dist"), "--work", str(base / "work")],
        check=True, env=env, cwd=ROOT,
    )
    return base / "dist" / "smallbiz-codes"
