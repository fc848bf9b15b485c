"""Test set-up shared by every test.

- Qt runs offscreen (set before anything imports Qt).
- Every test gets its own per-user data folder, so backups and locks of one
  test never meet another's, and nothing is written to the real home folder.
- Sockets are blocked: the program never uses the network, and a dependency
  that tries makes the test fail loudly.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QPA_FONTDIR", str(Path(__file__).resolve().parent / "no_fonts"))


class NetworkBlocked(RuntimeError):
    pass


def _blocked(*args: object, **kwargs: object) -> None:
    raise NetworkBlocked("smallbiz-codes must never open a network connection")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _blocked)
    monkeypatch.setattr(socket.socket, "connect_ex", _blocked)
    monkeypatch.setattr(socket, "create_connection", _blocked)
    monkeypatch.setattr(socket, "getaddrinfo", _blocked)


@pytest.fixture(autouse=True)
def _private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("SMALLBIZ_CODES_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def cjk_dir(tmp_path: Path) -> Path:
    """A folder with Chinese and accented characters in its name (as Spyder's tests do)."""
    folder = tmp_path / "麦香坊 èáïü 字分误"
    folder.mkdir()
    return folder
