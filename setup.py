"""Ship the top-level resources/ folder inside the package as smallbiz_codes/resources.

The project keeps fonts, catalogs and examples in a top-level resources/ folder
(easy to find and edit), while an installed wheel and a frozen build need them
inside the package, where importlib.resources can reach them.
"""

from __future__ import annotations

import os

from setuptools import find_packages, setup


def _resource_packages() -> dict[str, str]:
    """Every folder under resources/ as a data-only package, mapped to where it lies."""
    out = {}
    for root, _dirs, _files in os.walk("resources"):
        rel = os.path.relpath(root, "resources")
        name = "smallbiz_codes.resources" + ("" if rel == "." else "." + rel.replace(os.sep, "."))
        out[name] = root
    return out


_RESOURCES = _resource_packages()

setup(
    packages=find_packages(include=["smallbiz_codes", "smallbiz_codes.*"]) + sorted(_RESOURCES),
    package_dir=_RESOURCES,
    package_data={name: ["*"] for name in _RESOURCES},
)
