"""Ship the top-level resources/ folder inside the package as smallbiz_codes/resources.

The project keeps fonts, catalogs and examples in a top-level resources/ folder
(easy to find and edit), while an installed wheel and a frozen build need them
inside the package, where importlib.resources can reach them.
"""

from __future__ import annotations

import os

from setuptools import find_packages, setup


def _resource_files() -> list[str]:
    out = []
    for root, _dirs, files in os.walk("resources"):
        for name in files:
            out.append(os.path.relpath(os.path.join(root, name), "resources"))
    return out


setup(
    packages=find_packages(include=["smallbiz_codes", "smallbiz_codes.*"])
    + ["smallbiz_codes.resources"],
    package_dir={"smallbiz_codes.resources": "resources"},
    package_data={"smallbiz_codes.resources": _resource_files()},
)
