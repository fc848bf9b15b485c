"""Dates and language choice as a person reads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from smallbiz_codes import i18n
from smallbiz_codes.store.errors import WorkbookMissing


def test_format_date() -> None:
    assert i18n.format_date("2026-11-25", "zh") == "2026年11月25日"
    assert i18n.format_date("2026-11-25", "en") == "25 Nov 2026"
    assert i18n.format_date("2026-01-05", "zh") == "2026年1月5日"
    assert i18n.format_date("2026-01-05", "en") == "5 Jan 2026"


@pytest.mark.parametrize("bad", ["", "下周三", "2026-13-01", "2026-02-30", "25/11/2026"])
def test_format_date_passes_bad_values_through(bad: str) -> None:
    # A half-typed date never breaks a page: it is printed as typed.
    assert i18n.format_date(bad, "zh") == bad
    assert i18n.format_date(bad, "en") == bad


def test_format_date_of_nothing_is_empty() -> None:
    assert i18n.format_date(None, "zh") == ""  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "lang"),
    [("zh_CN.UTF-8", "zh"), ("zh-Hans", "zh"), ("zh_TW", "zh"), ("en_GB", "en"), ("C", "en"),
     ("", "en"), (None, "en")],
)
def test_language_from_locale(name: str | None, lang: str) -> None:
    assert i18n.language_from_locale(name) == lang


def test_tr_is_per_call_whatever_the_screen_shows() -> None:
    before = i18n.current_language()
    try:
        i18n.set_language("en")
        error = WorkbookMissing("店.sbcodes")
        assert "找不到" in error.message("zh")
        assert "does not exist" in str(error)
        i18n.set_language("zh")
        assert "找不到" in str(error)
    finally:
        i18n.set_language(before)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        i18n.set_language("fr")


@pytest.mark.parametrize(
    ("name", "lang"),
    [("Chinese (Simplified)_China", "zh"), ("Chinese (Traditional)_Taiwan", "zh"),
     ("English_United States", "en")],
)
def test_windows_locale_names(name: str, lang: str) -> None:
    assert i18n.language_from_locale(name) == lang


@pytest.mark.parametrize(("langid", "lang"), [(0x0804, "zh"), (0x0404, "zh"), (0x0409, "en")])
def test_windows_ui_language(langid: int, lang: str) -> None:
    assert i18n._language_from_langid(langid) == lang


def test_macos_preferred_language(tmp_path: Path) -> None:
    import plistlib

    plist = tmp_path / ".GlobalPreferences.plist"
    plist.write_bytes(plistlib.dumps({"AppleLanguages": ["zh-Hans-CN", "en-CN"]}))
    assert i18n._macos_language(plist) == "zh"
    plist.write_bytes(plistlib.dumps({"AppleLanguages": ["en-GB"]}))
    assert i18n._macos_language(plist) == "en"
    plist.write_bytes(b"not a plist")
    assert i18n._macos_language(plist) is None
    assert i18n._macos_language(tmp_path / "missing.plist") is None


def test_environment_comes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert i18n.system_language() == "zh"
    monkeypatch.setenv("LANGUAGE", "en_US:zh")
    assert i18n.system_language() == "en"
