"""Living with the code (ISO 10001 clauses 7 and 8): home screen and logs. ``PAGES`` lists them.

Home stays first (the main window shows it on its own, at the top); the
others appear under "Living with the code" in this order.
"""

from __future__ import annotations

from smallbiz_codes.ui.living.checklist import ChecklistPage
from smallbiz_codes.ui.living.feedback import FeedbackPage
from smallbiz_codes.ui.living.home import HomePage
from smallbiz_codes.ui.living.measurements import MeasurementsPage
from smallbiz_codes.ui.living.review import ReviewPage
from smallbiz_codes.ui.living.satisfaction import SatisfactionPage

PAGES: list[type] = [
    HomePage,
    ChecklistPage,
    FeedbackPage,
    MeasurementsPage,
    SatisfactionPage,
    ReviewPage,
]
