"""The groups of steps in the left-hand list, in the order of the way through the program.

Each group's pages come from its own package (``wizard``, ``plan``, ``living``),
so adding a page never means editing the main window.
"""

from __future__ import annotations

from smallbiz_codes.i18n import N_
from smallbiz_codes.ui import living, plan, wizard
from smallbiz_codes.ui.print_page import PrintPage


def groups() -> list[tuple[str, str, list[type]]]:
    """(key, label msgid, page classes) for every group."""
    return [
        ("home", N_("Home"), list(living.PAGES[:1])),
        ("code", N_("Code"), list(wizard.PAGES)),
        ("plan", N_("Communication plan"), list(plan.PAGES)),
        ("living", N_("Living with the code"), list(living.PAGES[1:])),
        ("print", N_("Print"), [PrintPage]),
    ]
