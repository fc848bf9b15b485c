"""The program never opens a network connection.

conftest.py blocks sockets for every test; this proves the block holds, then
imports every module below the window and runs the demo under it.
"""

from __future__ import annotations

import importlib
import socket
from pathlib import Path

import pytest

from smallbiz_codes import cli

ROOT = Path(__file__).resolve().parents[1]


def test_the_block_works() -> None:
    with pytest.raises(RuntimeError, match="never open a network connection"):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(RuntimeError), socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.connect(("127.0.0.1", 9))
    with pytest.raises(RuntimeError):
        socket.getaddrinfo("example.com", 80)


def _modules() -> list[str]:
    out = []
    for path in sorted((ROOT / "smallbiz_codes").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "ui" in parts[1:2] or parts[-1] == "__main__":
            continue
        out.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return out


def test_every_module_imports_offline() -> None:
    for name in _modules():
        importlib.import_module(name)


def test_demo_runs_offline(cjk_dir: Path) -> None:
    out = cjk_dir / "演示"
    assert cli.main(["demo", str(out), "--lang", "zh"]) == 0
    assert (out / "bakery.sbcodes").is_file()
