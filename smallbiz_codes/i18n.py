"""One catalog mechanism for every string of ours, on screen and on paper.

Source strings are English; Simplified Chinese comes from gettext catalogs in
``resources/locale/zh_CN/LC_MESSAGES/<domain>.mo`` (one domain per area of the
program, so that areas are translated and merged independently). A PDF picks
its language per export with :func:`tr`, while the screen follows
:func:`set_language` through :func:`_`.

Standard library only: the domain, store, export and command line use it too.
"""

from __future__ import annotations

import datetime as _dt
import gettext
import locale
import os
import plistlib
import sys
from functools import cache
from pathlib import Path

from smallbiz_codes.resources_path import resource

LANGUAGES: tuple[str, ...] = ("zh", "en")
_GETTEXT_LOCALE = {"zh": "zh_CN", "en": "en"}
_current = "en"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """All domains of one language chained into one translations object."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    chain: gettext.NullTranslations = gettext.NullTranslations()
    folder = resource("locale", _GETTEXT_LOCALE[lang], "LC_MESSAGES")
    if folder.is_dir():
        for mo in sorted(folder.glob("*.mo")):
            with open(mo, "rb") as fh:
                catalog = gettext.GNUTranslations(fh)
            catalog.add_fallback(chain)
            chain = catalog
    return chain


def tr(lang: str, message: str) -> str:
    """``message`` in ``lang``, whatever language the screen shows."""
    return translations(lang).gettext(message)


def ntr(lang: str, singular: str, plural: str, n: int) -> str:
    return translations(lang).ngettext(singular, plural, n)


def _(message: str) -> str:
    """``message`` in the language the program currently shows."""
    return translations(_current).gettext(message)


def N_(message: str) -> str:
    """Mark a string for translation where it is defined; translate it where it is shown."""
    return message


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _current = lang


def current_language() -> str:
    return _current


def language_from_locale(name: str | None) -> str:
    """``zh`` for any Chinese locale name, else ``en``.

    Covers POSIX and BCP 47 names (zh_CN, zh-Hans, zh_TW.UTF-8) and the names
    Windows gives (``Chinese (Simplified)_China``).
    """
    value = (name or "").strip().lower()
    return "zh" if value.startswith(("zh", "chinese")) else "en"


def _language_from_langid(langid: int) -> str:
    """A Windows LANGID (e.g. 0x0804 zh-CN): its low 10 bits name the language, 0x04 Chinese."""
    return "zh" if langid & 0x3FF == 0x04 else "en"


def _windows_language() -> str | None:
    try:
        import ctypes

        langid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except (AttributeError, OSError):  # pragma: no cover - not Windows
        return None
    return _language_from_langid(int(langid))


MACOS_GLOBAL_PREFERENCES = Path.home() / "Library" / "Preferences" / ".GlobalPreferences.plist"


def _macos_language(plist: Path = MACOS_GLOBAL_PREFERENCES) -> str | None:
    """The first of the user's preferred languages on macOS (System Settings > Language).

    A program started from the Finder gets no LANG, so the environment alone
    would show English to every Chinese Mac user.
    """
    try:
        with open(plist, "rb") as fh:
            languages = plistlib.load(fh).get("AppleLanguages") or []
    except (OSError, ValueError, plistlib.InvalidFileException, AttributeError):
        return None
    if not languages or not isinstance(languages[0], str):
        return None
    return language_from_locale(languages[0])


def system_language() -> str:
    """The language the person's system shows: environment, then the OS's own setting."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return language_from_locale(value)
    if sys.platform == "win32":
        found = _windows_language()
        if found:
            return found
    elif sys.platform == "darwin":
        found = _macos_language()
        if found:
            return found
    try:
        return language_from_locale(locale.getlocale()[0])
    except ValueError:
        return "en"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(iso: str, lang: str) -> str:
    """An ISO date as the language writes it: 2026年11月25日 / 25 Nov 2026.

    A value that is not a date is returned as it is, so a half-typed field
    never breaks a page.
    """
    try:
        d = _dt.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    if lang == "zh":
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
