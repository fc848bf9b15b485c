"""Where user data lives: workbooks in Documents, settings and backups per user.

``SMALLBIZ_CODES_DATA_DIR`` moves the per-user folder (tests, portable use).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from smallbiz_codes import APP_NAME


def data_dir() -> Path:
    override = os.environ.get("SMALLBIZ_CODES_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def documents_dir() -> Path:
    override = os.environ.get("SMALLBIZ_CODES_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_documents_dir())


def log_file() -> Path:
    return data_dir() / "smallbiz-codes.log"
