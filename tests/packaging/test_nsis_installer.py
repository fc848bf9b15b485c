"""The Windows installer script compiles (Debian's makensis, a stand-in payload)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from packaging_helpers import PACKAGING

SCRIPT = PACKAGING / "windows" / "installer.nsi"
pytestmark = pytest.mark.skipif(shutil.which("makensis") is None,
                                reason="makensis missing (scripts/setup.sh test installs nsis)")


def _payload(folder: Path) -> Path:
    payload = folder / "smallbiz-codes"
    (payload / "_internal" / "smallbiz_codes" / "resources" / "fonts").mkdir(parents=True)
    (payload / "smallbiz-codes.exe").write_bytes(b"MZ stand-in for the frozen program")
    (payload / "_internal" / "smallbiz_codes" / "resources" / "fonts" / "字体.ttf").write_bytes(
        b"\0" * 64)
    return payload


def _makensis(payload: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["makensis", "-V2", "-WX", f"-DPAYLOAD={payload}", "-DVERSION=0.1.0",
         f"-DOUTFILE={out}", str(SCRIPT)],
        capture_output=True, text=True,
    )


def test_installer_compiles_around_a_stand_in_payload(cjk_dir: Path):
    out = cjk_dir / "smallbiz-codes-0.1.0-setup.exe"
    res = _makensis(_payload(cjk_dir), out)
    assert res.returncode == 0, res.stdout + res.stderr
    assert out.read_bytes()[:2] == b"MZ"  # a Windows program


def test_a_missing_payload_breaks_the_build(tmp_path: Path):
    res = _makensis(tmp_path / "nothing-here", tmp_path / "smallbiz-codes-setup.exe")
    assert res.returncode != 0
    assert not (tmp_path / "smallbiz-codes-setup.exe").exists()


def test_script_installs_per_user_in_two_languages_and_keeps_user_data():
    lines = SCRIPT.read_text(encoding="utf-8").splitlines()
    text = "\n".join(line for line in lines if not line.lstrip().startswith(";"))
    assert "RequestExecutionLevel user" in text
    assert '$LOCALAPPDATA\\Programs\\${APP}' in text
    assert re.search(r'MUI_LANGUAGE "SimpChinese"', text)
    assert re.search(r'MUI_LANGUAGE "English"', text)
    assert "$SMPROGRAMS" in text and "$DESKTOP" in text
    assert 'Software\\Classes\\.sbcodes' in text
    uninstall = text.split('Section "Uninstall"', 1)[1]
    assert "HKLM" not in text  # nothing needs administrator rights
    # never delete the program folder wholesale, the documents or the data folder
    assert not re.search(r'RMDir\s+/r\s+"\$INSTDIR"', uninstall)
    assert "$DOCUMENTS" not in uninstall and "$APPDATA" not in uninstall
    assert not re.search(r"\$LOCALAPPDATA\\smallbiz-codes", uninstall)
