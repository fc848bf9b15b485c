"""The code-drafting wizard (ISO 10001 Annex H, Annex C): one module per page group.

``PAGES`` lists the step pages in order; the main window shows them under "Code".
"""

from __future__ import annotations

from smallbiz_codes.ui.wizard.business import BusinessPage

PAGES: list[type] = [BusinessPage]
