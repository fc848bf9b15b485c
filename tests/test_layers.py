"""Imports point one way: ui -> export/store -> domain; only ui may import Qt.

Checked twice: by reading every module's imports (ast, lazy imports inside
functions included) and by importing everything below ui in a fresh
interpreter and looking for PySide6 in sys.modules.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "smallbiz_codes"
STDLIB = set(sys.stdlib_module_names)
# The one place below ui that may reach into it: the command line starts the window.
LAZY_UI_ENTRY = {
    ("smallbiz_codes/cli.py", "smallbiz_codes.ui.app"),  # no command: start the window
    ("smallbiz_codes/selftest.py", "smallbiz_codes.ui.selfcheck"),  # --self-test checks Qt too
}


def _modules_below_ui() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = rel.parts
        if len(parts) > 1 and parts[1] == "ui":
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def _imports(path: Path) -> list[str]:
    """Every module a file imports, absolute names, lazy imports included."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                out.append(".".join([*base, node.module] if node.module else base))
            else:
                out.append(node.module or "")
    return out


def _files(*under: str) -> list[Path]:
    return [p for u in under for p in sorted((PACKAGE / u).rglob("*.py"))] if under else []


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_no_file_outside_ui_imports_qt() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).parts[0] == "ui":
            continue
        for name in _imports(path):
            if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
                offenders.append(f"{_rel(path)}: {name}")
    for folder in ("tools", "bench"):
        for path in sorted((ROOT / folder).rglob("*.py")) if (ROOT / folder).is_dir() else []:
            for name in _imports(path):
                if name.split(".")[0] == "PySide6":
                    offenders.append(f"{_rel(path)}: {name}")
    assert not offenders, offenders


def test_domain_imports_only_the_standard_library_and_itself() -> None:
    offenders = []
    for path in _files("domain"):
        for name in _imports(path):
            top = name.split(".")[0]
            if top in STDLIB or top == "__future__":
                continue
            # Within the package: the domain, translations and resource lookup only.
            if name == "smallbiz_codes" or name.startswith(
                ("smallbiz_codes.domain", "smallbiz_codes.i18n", "smallbiz_codes.resources_path")
            ):
                continue
            offenders.append(f"{_rel(path)}: {name}")
    assert not offenders, offenders


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        ("store", ("smallbiz_codes.ui", "smallbiz_codes.export", "smallbiz_codes.cli",
                   "reportlab")),
        ("export", ("smallbiz_codes.ui", "smallbiz_codes.cli")),
    ],
)
def test_layers_do_not_import_upwards(layer: str, forbidden: tuple[str, ...]) -> None:
    offenders = [
        f"{_rel(path)}: {name}"
        for path in _files(layer)
        for name in _imports(path)
        if name.startswith(forbidden)
    ]
    assert not offenders, offenders


def test_only_the_command_line_reaches_into_ui() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).parts[0] == "ui":
            continue
        for name in _imports(path):
            if name.startswith("smallbiz_codes.ui") and (_rel(path), name) not in LAZY_UI_ENTRY:
                offenders.append(f"{_rel(path)}: {name}")
    assert not offenders, offenders


def test_everything_below_ui_imports_without_qt() -> None:
    modules = _modules_below_ui()
    assert "smallbiz_codes.store.workbook" in modules and "smallbiz_codes.cli" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert run.returncode == 0, run.stdout + run.stderr
