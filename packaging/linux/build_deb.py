"""Build the Debian package from the frozen one-folder program, with dpkg-deb.

    python packaging/linux/build_deb.py packaging/dist/smallbiz-codes --out packaging/dist

Layout of the package:

- ``/usr/lib/smallbiz-codes/``: the frozen program, as PyInstaller made it;
- ``/usr/bin/smallbiz-codes``: a link to it, so the menu, "Open with" and a terminal find it;
- ``/usr/share/applications/smallbiz-codes.desktop``: the menu entry, which also
  says the program opens ``application/x-sbcodes`` (workbooks);
- ``/usr/share/mime/packages/smallbiz-codes.xml``: teaches the desktop that
  ``*.sbcodes`` is that type (shared-mime-info's dpkg trigger updates its
  database, and desktop-file-utils' trigger the menu: no maintainer scripts);
- ``/usr/share/icons/hicolor/…``: the icon in every size, also for workbook files.

Depends: the operating-system libraries the frozen program was not given
(the spec leaves out everything from /lib and /usr/lib) are looked up with
``dpkg -S`` on the build machine, as dpkg-shlibdeps would, plus the packages Qt's
xcb platform loads at run time. Build on the Debian release you target (CI uses
debian:12). Nothing here deletes user data: the package holds no file in a
home folder, so removing or purging it leaves every workbook, setting and backup.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
from smallbiz_codes import APP_NAME, __version__  # noqa: E402

MIME_TYPE = "application/x-sbcodes"
MAINTAINER = "smallbiz-codes maintainers <maintainers@smallbiz-codes.invalid>"
# What Qt's xcb platform plugin needs from the system (some only dlopen()ed, so
# they would not all show up in the scan of NEEDED entries).
REQUIRED_DEPENDS = ("libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "libgl1", "libfontconfig1")
# Plugins Qt loads only if their libraries are there: their needs are Recommends.
OPTIONAL_PLUGINS = ("platformthemes/libqgtk3.so",)
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
DESCRIPTION = """\
Customer satisfaction code of conduct for a small business
 Walks the owner of a shop, salon, workshop or clinic through drafting,
 publishing, living by and reviewing a customer satisfaction code of conduct
 prepared following ISO 10001:2018 / GB/T 19010-2021, and prints the counter
 notice, the code, a staff briefing, a communication plan and a review report
 as PDFs in Chinese, English or both. Works offline; everything stays in one
 workbook file (.sbcodes) in your documents folder.
 .
 帮助小店编写、发布、执行和评审顾客满意行为规范（依据 GB/T 19010-2021 编制）。"""


def _is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == b"\x7fELF"
    except OSError:
        return False


def _needed(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def _ldconfig() -> dict[str, str]:
    """soname → path of the system's 64-bit (or native) library."""
    try:
        out = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
    except OSError:
        return {}
    found: dict[str, str] = {}
    for line in out.splitlines():
        m = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if m and (m.group(1) not in found) and ("x86-64" in m.group(2) or "64" in m.group(2)
                                                or os.uname().machine not in ("x86_64",)):
            found[m.group(1)] = m.group(3)
    return found


def _package_of(path: str) -> str | None:
    candidates = {path, os.path.realpath(path)}
    for p in list(candidates):  # merged /usr: dpkg may know the file under either name
        if p.startswith("/usr/lib/"):
            candidates.add(p[len("/usr"):])
        elif p.startswith("/lib/"):
            candidates.add("/usr" + p)
    for p in sorted(candidates):
        res = subprocess.run(["dpkg", "-S", p], capture_output=True, text=True)
        if res.returncode == 0 and res.stdout:
            return res.stdout.split(":", 1)[0].split(",")[0].strip()
    return None


def glibc_needed(folder: Path) -> str | None:
    """The newest GLIBC_x.y symbol version any ELF file of the folder asks for."""
    best: tuple[int, ...] = ()
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink() and _is_elf(path):
            for m in re.finditer(rb"GLIBC_(2\.\d+(?:\.\d+)?)", path.read_bytes()):
                v = tuple(int(x) for x in m.group(1).split(b"."))
                best = max(best, v)
    return ".".join(map(str, best)) if best else None


def system_depends(folder: Path) -> tuple[list[str], list[str], list[str]]:
    """(depends, recommends, unresolved sonames) for the ELF files of a frozen folder."""
    bundled = {p.name for p in folder.rglob("*")}
    system = _ldconfig()
    depends: set[str] = set()
    recommends: set[str] = set()
    unresolved: set[str] = set()
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink() or not _is_elf(path):
            continue
        optional = any(path.as_posix().endswith(o) for o in OPTIONAL_PLUGINS)
        for soname in _needed(path):
            if soname in bundled:
                continue
            lib = system.get(soname)
            pkg = _package_of(lib) if lib else None
            if pkg is None:
                if not optional:
                    unresolved.add(soname)
                continue
            (recommends if optional else depends).add(pkg)
    recommends -= depends
    return sorted(depends), sorted(recommends), sorted(unresolved)


def control_text(version: str, arch: str, installed_kb: int, depends: list[str],
                 recommends: list[str]) -> str:
    lines = [
        f"Package: {APP_NAME}",
        f"Version: {version}",
        f"Architecture: {arch}",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {installed_kb}",
        f"Depends: {', '.join(depends)}",
    ]
    if recommends:
        lines.append(f"Recommends: {', '.join(recommends)}")
    lines += [
        "Section: misc",
        "Priority: optional",
        f"Description: {DESCRIPTION}",
    ]
    return "\n".join(lines) + "\n"


def _copyright() -> str:
    ofl = (ROOT / "resources" / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {APP_NAME}\n\n"
        "Files: *\nLicense: MIT\n\n"
        "Files: usr/lib/smallbiz-codes/_internal/smallbiz_codes/resources/fonts/*\n"
        "Copyright: Google LLC and Adobe (Noto Sans SC)\nLicense: OFL-1.1\n"
        + "".join(f" {line}\n" if line.strip() else " .\n" for line in ofl.splitlines())
        + "\nFiles: usr/lib/smallbiz-codes/_internal/PySide6/*\n"
        "Copyright: The Qt Company Ltd.\nLicense: LGPL-3.0\n"
        " Qt and PySide6, unchanged, as shared libraries; see https://www.qt.io/licensing\n"
    )


def stage(frozen: Path, root: Path, version: str, arch: str) -> dict[str, list[str]]:
    """Lay out the package tree under root; return its dependency lists."""
    app_dir = root / "usr" / "lib" / APP_NAME
    shutil.copytree(frozen, app_dir, symlinks=True)
    exe = app_dir / APP_NAME
    if not exe.is_file():
        raise SystemExit(f"{frozen} has no {APP_NAME} program in it")
    exe.chmod(0o755)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / APP_NAME).symlink_to(f"../lib/{APP_NAME}/{APP_NAME}")

    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy(HERE / f"{APP_NAME}.desktop", share / "applications" / f"{APP_NAME}.desktop")
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy(HERE / f"{APP_NAME}-mime.xml", share / "mime" / "packages" / f"{APP_NAME}.xml")
    icons = ROOT / "resources" / "icons"
    mime_icon = MIME_TYPE.replace("/", "-")
    for size in ICON_SIZES:
        for kind, name in (("apps", APP_NAME), ("mimetypes", mime_icon)):
            d = share / "icons" / "hicolor" / f"{size}x{size}" / kind
            d.mkdir(parents=True, exist_ok=True)
            shutil.copy(icons / f"{APP_NAME}-{size}.png", d / f"{name}.png")
    for kind, name in (("apps", APP_NAME), ("mimetypes", mime_icon)):
        d = share / "icons" / "hicolor" / "scalable" / kind
        d.mkdir(parents=True, exist_ok=True)
        shutil.copy(icons / f"{APP_NAME}.svg", d / f"{name}.svg")
    doc = share / "doc" / APP_NAME
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(_copyright(), encoding="utf-8")

    depends, recommends, unresolved = system_depends(app_dir)
    if unresolved:
        print("warning: no Debian package found for: " + ", ".join(unresolved), file=sys.stderr)
    glibc = glibc_needed(app_dir)
    depends = sorted(set(depends) | set(REQUIRED_DEPENDS))
    depends = [f"libc6 (>= {glibc})" if d == "libc6" and glibc else d for d in depends]
    if glibc and not any(d.startswith("libc6") for d in depends):
        depends.insert(0, f"libc6 (>= {glibc})")

    installed_kb = sum(
        p.lstat().st_size for p in root.rglob("*") if p.is_file() or p.is_symlink()
    ) // 1024 + 1
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(
        control_text(version, arch, installed_kb, depends, recommends), encoding="utf-8"
    )
    sums = []
    for p in sorted(root.rglob("*")):
        if p.is_file() and not p.is_symlink() and debian not in p.parents:
            sums.append(f"{hashlib.md5(p.read_bytes()).hexdigest()}  {p.relative_to(root)}")
    (debian / "md5sums").write_text("\n".join(sums) + "\n", encoding="utf-8")
    for p in root.rglob("*"):  # dpkg wants 0755 folders and no group/other write
        if p.is_dir():
            p.chmod(0o755)
        elif p.is_file() and not p.is_symlink():
            p.chmod(0o755 if os.access(p, os.X_OK) else 0o644)
    return {"depends": depends, "recommends": recommends}


def build_deb(frozen: Path, out_dir: Path, version: str = __version__, arch: str | None = None,
              compress: str = "xz", level: int = 9) -> Path:
    arch = arch or subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{APP_NAME}_{version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="deb-") as tmp:
        root = Path(tmp) / "root"
        root.mkdir()
        root.chmod(0o755)
        stage(frozen, root, version, arch)
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", f"-Z{compress}", f"-z{level}", "--build",
             str(root), str(deb)],
            check=True, stdout=subprocess.DEVNULL,
        )
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the .deb from the frozen program.")
    parser.add_argument("frozen", type=Path, help="the PyInstaller one-folder program")
    parser.add_argument("--out", type=Path, default=HERE.parent / "dist")
    parser.add_argument("--version", default=__version__)
    parser.add_argument("--arch", default=None)
    parser.add_argument("--fast", action="store_true", help="gzip -1 instead of xz -9 (tests)")
    args = parser.parse_args(argv)
    deb = build_deb(args.frozen, args.out, args.version, args.arch,
                    *(("gzip", 1) if args.fast else ("xz", 9)))
    print(f"built {deb} ({deb.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
