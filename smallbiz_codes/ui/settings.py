"""What the program remembers between runs: language, recent files, print choices."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from smallbiz_codes import APP_NAME
from smallbiz_codes.store.paths import data_dir

MAX_RECENT = 8


class Settings:
    def __init__(self) -> None:
        # An ini file in the per-user data folder: easy to find, moved with
        # SMALLBIZ_CODES_DATA_DIR in tests, never the real user's registry.
        self._s = QSettings(str(data_dir() / f"{APP_NAME}.ini"), QSettings.Format.IniFormat)

    def language(self) -> str:
        return str(self._s.value("language", "") or "")

    def set_language(self, lang: str) -> None:
        self._s.setValue("language", lang)
        self._s.sync()

    def recent_files(self) -> list[Path]:
        value = self._s.value("recent", []) or []
        if isinstance(value, str):
            value = [value]
        return [Path(v) for v in value if v]

    def add_recent(self, path: Path) -> None:
        path = path.resolve()
        items = [p for p in self.recent_files() if p != path]
        items.insert(0, path)
        self._s.setValue("recent", [str(p) for p in items[:MAX_RECENT]])
        self._s.sync()

    def remove_recent(self, path: Path) -> None:
        self._s.setValue("recent", [str(p) for p in self.recent_files() if p != path.resolve()])
        self._s.sync()

    def value(self, key: str, default: str = "") -> str:
        return str(self._s.value(key, default) or default)

    def set_value(self, key: str, value: str) -> None:
        self._s.setValue(key, value)
        self._s.sync()


def default_paper_size() -> str:
    """A4, except Letter where the locale is the US or Canada."""
    from PySide6.QtCore import QLocale

    territory = QLocale.system().territory()
    if territory in (QLocale.Country.UnitedStates, QLocale.Country.Canada) or os.environ.get(
        "SMALLBIZ_CODES_PAPER"
    ) == "Letter":
        return "Letter"
    return "A4"
