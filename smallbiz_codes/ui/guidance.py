"""Short guidance per step, kept as data in resources/guidance/steps.json (zh and en).

Read once; every page of every wizard asks here, so guidance is edited in one
file and never in code.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from smallbiz_codes.i18n import current_language
from smallbiz_codes.resources_path import resource


@cache
def guidance_data() -> dict[str, Any]:
    with open(resource("guidance", "steps.json"), encoding="utf-8") as fh:
        return json.load(fh)


def guidance_for(key: str, lang: str | None = None) -> str:
    """The step's short guidance and its example, in the screen's language."""
    lang = lang or current_language()
    data = guidance_data()
    entry = data.get("steps", {}).get(key)
    if not entry:
        return ""
    text = entry["guidance"][lang]
    example = entry.get("example", {}).get(lang)
    if example:
        text += "\n" + data["example_label"][lang] + example
    return text
