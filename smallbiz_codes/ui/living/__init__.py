"""Living with the code (ISO 10001 clauses 7 and 8): home screen and logs. ``PAGES`` lists them."""

from __future__ import annotations

from smallbiz_codes.ui.living.home import HomePage

PAGES: list[type] = [HomePage]
