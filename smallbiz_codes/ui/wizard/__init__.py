"""The code-drafting wizard (ISO 10001 Annex H, Annex C): one module per page group.

``PAGES`` lists the step pages in order; the main window shows them under "Code".
The short route (Annex C) walks business → example → promises → publish; the
other pages hide themselves on it (``visible``).
"""

from __future__ import annotations

from smallbiz_codes.ui.wizard.business import BusinessPage
from smallbiz_codes.ui.wizard.check import PrinciplesPage
from smallbiz_codes.ui.wizard.planning import AskedPage, KnownPage, ObjectivesPage
from smallbiz_codes.ui.wizard.promises import PromisesPage
from smallbiz_codes.ui.wizard.provisions import IndicatorsPage, ProceduresPage, ResourcesPage
from smallbiz_codes.ui.wizard.publish import PublishPage
from smallbiz_codes.ui.wizard.start import ExamplePage

PAGES: list[type] = [
    BusinessPage,
    ObjectivesPage,
    KnownPage,
    AskedPage,
    ExamplePage,
    PromisesPage,
    IndicatorsPage,
    ProceduresPage,
    ResourcesPage,
    PrinciplesPage,
    PublishPage,
]
