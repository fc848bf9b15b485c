"""The frozen Linux program: builds, passes its own self-test, carries what it needs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from packaging_helpers import ROOT, clean_env

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the Linux build is checked here")]

RESOURCES = ROOT / "resources"


def _bundle(frozen: Path) -> Path:
    return frozen / "_internal"


def test_self_test_passes_without_a_screen_or_the_dev_venv(frozen_program: Path, tmp_path: Path):
    exe = frozen_program / "smallbiz-codes"
    res = subprocess.run([str(exe), "--self-test"], capture_output=True, text=True,
                         env=clean_env(tmp_path), cwd=tmp_path, timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "self-test passed" in res.stdout
    for doc in ("notice", "code", "briefing", "plan", "report"):
        assert f"self-test: {doc}:" in res.stdout


def test_version_and_commands_work_frozen(frozen_program: Path, tmp_path: Path, cjk_dir: Path):
    exe = str(frozen_program / "smallbiz-codes")
    env = clean_env(tmp_path)
    res = subprocess.run([exe, "--version"], capture_output=True, text=True, env=env)
    from smallbiz_codes import __version__

    assert res.returncode == 0 and __version__ in res.stdout
    workbook = cjk_dir / "麦香坊.sbcodes"
    res = subprocess.run([exe, "new", str(workbook), "--example", "bakery"],
                         capture_output=True, text=True, env=env)
    assert res.returncode == 0, res.stderr
    res = subprocess.run([exe, "check", str(workbook), "--lang", "en"],
                         capture_output=True, text=True, env=env)
    assert res.returncode in (0, 1), res.stderr  # findings are fine; a crash is not
    assert "advice" in res.stdout or "errors" in res.stdout


def test_bundle_carries_every_resource_file(frozen_program: Path):
    packed = _bundle(frozen_program) / "smallbiz_codes" / "resources"
    source = {p.relative_to(RESOURCES) for p in RESOURCES.rglob("*") if p.is_file()}
    bundled = {p.relative_to(packed) for p in packed.rglob("*") if p.is_file()}
    assert source - bundled == set()
    for must in ("fonts/NotoSansSC-Regular.ttf", "fonts/NotoSansSC-Bold.ttf",
                 "qt/qtbase_zh_CN.qm", "examples/bakery.json", "icons/smallbiz-codes.png"):
        assert (packed / must).stat().st_size > 0, must
    mos = list((packed / "locale" / "zh_CN" / "LC_MESSAGES").glob("*.mo"))
    assert mos and {m.name for m in mos} == {
        m.name for m in (RESOURCES / "locale" / "zh_CN" / "LC_MESSAGES").glob("*.mo")}


def test_qt_is_trimmed_but_keeps_input_methods_and_platforms(frozen_program: Path):
    qt = _bundle(frozen_program) / "PySide6" / "Qt"
    plugins = {p.relative_to(qt / "plugins").as_posix() for p in (qt / "plugins").rglob("*.so")}
    for need in ("platforms/libqxcb.so", "platforms/libqoffscreen.so",
                 "platforminputcontexts/libibusplatforminputcontextplugin.so",
                 "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
                 "imageformats/libqsvg.so", "printsupport/libcupsprintersupport.so"):
        assert need in plugins, need
    libs = {p.name for p in (qt / "lib").iterdir()}
    for unused in ("libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6Network.so.6",
                   "libQt6WebEngineCore.so.6", "libQt6VirtualKeyboard.so.6"):
        assert unused not in libs, unused
    assert not (qt / "translations").exists() or not any((qt / "translations").iterdir())


def test_reportlab_is_bundled_whole(frozen_program: Path, build_python: str):
    """PDF export may use any part of ReportLab (tables, charts, QR codes, TTF embedding)."""
    listing = subprocess.run(
        [build_python, "-c",
         "import sys\nfrom PyInstaller.archive.readers import pkg_archive_contents\n"
         "print('\\n'.join(pkg_archive_contents(sys.argv[1])))",
         str(frozen_program / "smallbiz-codes")],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    modules = set(listing)
    for mod in ("reportlab.platypus.tables", "reportlab.pdfbase.ttfonts",
                "reportlab.graphics.barcode.qr", "reportlab.graphics.charts.barcharts",
                "reportlab.lib.styles", "sqlite_utils.db", "platformdirs",
                "smallbiz_codes.export", "smallbiz_codes.ui.selfcheck"):
        assert mod in modules, mod
