"""The communication-plan wizard (ISO 10001 6.7). ``PAGES`` lists its step pages in order.

Six steps (purpose and messages, audiences, methods and channels, timing and
responsibility, accessibility, how you will know it worked) share one list of
plan items; the overview shows the plan as a table and on a timeline.
"""

from __future__ import annotations

from smallbiz_codes.i18n import N_
from smallbiz_codes.ui.plan.overview import OverviewPage
from smallbiz_codes.ui.plan.steps import (
    AccessibilityPage,
    AudiencesPage,
    EvaluationPage,
    MethodsPage,
    PurposePage,
    TimingPage,
)

PAGES: list[type] = [
    PurposePage,
    AudiencesPage,
    MethodsPage,
    TimingPage,
    AccessibilityPage,
    EvaluationPage,
    OverviewPage,
]

# The Home screen's way in (its label lives in this package's catalog).
HOME_BUTTON = N_("Communication &plan: tell your staff and customers")
