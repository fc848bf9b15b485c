"""The .deb: control file, desktop entry, file type, and what dpkg-deb says is inside."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from packaging_helpers import PACKAGING

pytestmark = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb")

sys.path.insert(0, str(PACKAGING / "linux"))
import build_deb  # noqa: E402


def _stand_in(folder: Path) -> Path:
    """A frozen folder with the right shape: the program, a Python extension, the resources."""
    import _sqlite3  # an ELF file that needs a system library (libsqlite3)

    frozen = folder / "smallbiz-codes"
    (frozen / "_internal" / "smallbiz_codes" / "resources").mkdir(parents=True)
    exe = frozen / "smallbiz-codes"
    exe.write_text("#!/bin/sh\necho stand-in\n", encoding="utf-8")
    exe.chmod(0o755)
    shutil.copy(_sqlite3.__file__, frozen / "_internal" / Path(_sqlite3.__file__).name)
    return frozen


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("麦香坊 deb")
    return build_deb.build_deb(_stand_in(folder), folder / "out", compress="gzip", level=1)


def _field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_control_file_names_the_program_and_what_qt_needs(deb: Path):
    from smallbiz_codes import __version__

    assert _field(deb, "Package") == "smallbiz-codes"
    assert _field(deb, "Version") == __version__
    assert deb.name == f"smallbiz-codes_{__version__}_{_field(deb, 'Architecture')}.deb"
    depends = [d.strip().split(" ")[0] for d in _field(deb, "Depends").split(",")]
    for pkg in ("libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "libgl1", "libfontconfig1"):
        assert pkg in depends, pkg
    import _sqlite3

    if "libsqlite3.so.0" in build_deb._needed(Path(_sqlite3.__file__)):
        assert "libsqlite3-0" in depends  # found from the ELF file's needs, as dpkg-shlibdeps would
    info = subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True,
                          check=True).stdout
    assert "Description:" in info and "GB/T 19010-2021" in info
    # no maintainer scripts: nothing runs as root that could touch a home folder
    for script in ("preinst", "postinst", "prerm", "postrm"):
        assert script not in info


def test_contents_put_program_menu_entry_file_type_and_icons_in_place(deb: Path):
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True,
                             text=True, check=True).stdout
    paths = {line.split()[5].lstrip(".") for line in listing.splitlines()}
    assert "/usr/lib/smallbiz-codes/smallbiz-codes" in paths
    assert "/usr/bin/smallbiz-codes" in paths
    assert "-> ../lib/smallbiz-codes/smallbiz-codes" in listing
    assert "/usr/share/applications/smallbiz-codes.desktop" in paths
    assert "/usr/share/mime/packages/smallbiz-codes.xml" in paths
    for size in (16, 32, 48, 256):
        icons = f"/usr/share/icons/hicolor/{size}x{size}"
        assert f"{icons}/apps/smallbiz-codes.png" in paths
        assert f"{icons}/mimetypes/application-x-sbcodes.png" in paths
    assert "/usr/share/icons/hicolor/scalable/apps/smallbiz-codes.svg" in paths
    assert "/usr/share/doc/smallbiz-codes/copyright" in paths
    assert not [p for p in paths if p.startswith(("/home", "/root", "/etc", "/var"))]
    assert "root/root" in listing and "-rwxr-xr-x" in listing


def test_desktop_entry_opens_workbooks(deb: Path, tmp_path: Path):
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(tmp_path / "usr/share/applications/smallbiz-codes.desktop", encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Type"] == "Application"
    assert d["Exec"] == "smallbiz-codes %f"  # the double-clicked workbook is passed on
    assert d["Icon"] == "smallbiz-codes"
    assert d["Terminal"] == "false"
    assert "application/x-sbcodes" in d["MimeType"].split(";")
    assert d["Name[zh_CN]"] and d["Comment[zh_CN]"]
    mime = ET.parse(tmp_path / "usr/share/mime/packages/smallbiz-codes.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = mime.find("m:mime-type", ns)
    assert kind is not None and kind.get("type") == "application/x-sbcodes"
    assert kind.find("m:glob", ns).get("pattern") == "*.sbcodes"
    if shutil.which("desktop-file-validate"):
        res = subprocess.run(["desktop-file-validate",
                              str(tmp_path / "usr/share/applications/smallbiz-codes.desktop")],
                             capture_output=True, text=True)
        assert res.returncode == 0, res.stdout + res.stderr


def test_a_folder_without_the_program_is_refused(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(SystemExit):
        build_deb.build_deb(tmp_path / "empty", tmp_path / "out", compress="gzip", level=1)
