"""Find bundled resources in a source checkout, an installed wheel and a frozen build.

The wheel and the PyInstaller build carry the top-level ``resources/`` folder as
``smallbiz_codes/resources``; a checkout (and an editable install) has it beside
the package. Every layer asks this one module, so a moved folder breaks one place.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    override = os.environ.get("SMALLBIZ_CODES_RESOURCES")
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError(
        "The program's resource files are missing (fonts, translations, examples). "
        "Reinstall smallbiz-codes."
    )


def resource(*parts: str) -> Path:
    """Path of one bundled file, e.g. ``resource("fonts", "NotoSansSC-Regular.ttf")``."""
    return resources_dir().joinpath(*parts)
