"""Paths and a clean environment shared by the packaging tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """No venv on PATH, no PYTHONPATH, no display: what a fresh login would give."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "SMALLBIZ_CODES_DATA_DIR": str(home / "data"),
        # an empty font folder: Chinese must come from the bundled font
        "QT_QPA_FONTDIR": str(ROOT / "tests" / "no_fonts"),
    }
    env.update(extra)
    return env
