"""Build the frozen program (PyInstaller one-folder) from packaging/smallbiz-codes.spec.

Run with the Python of a build environment that has the program's dependencies
and PyInstaller (``pip install ".[package]"`` or the plain requirements plus
``pyinstaller``), on the operating system you build for:

    python packaging/build_frozen.py [--dist DIR] [--work DIR]

Prints the folder it made and its size. The build never downloads anything.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPEC = HERE / "smallbiz-codes.spec"
APP_NAME = "smallbiz-codes"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path, python: str = sys.executable) -> Path:
    """Run PyInstaller; return the one-folder program (…/dist/smallbiz-codes)."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")  # hooks import Qt; no screen needed
    subprocess.run(
        [python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(SPEC)],
        check=True,
        env=env,
    )
    out = dist / APP_NAME
    if not out.is_dir():
        raise SystemExit(f"PyInstaller finished but {out} is missing")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=HERE / "dist")
    parser.add_argument("--work", type=Path, default=HERE / "build")
    args = parser.parse_args(argv)
    start = time.monotonic()
    out = build(args.dist, args.work)
    print(f"built {out} ({folder_size(out) / 1e6:.1f} MB) in {time.monotonic() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
