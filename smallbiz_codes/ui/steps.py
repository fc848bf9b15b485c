"""The contract between the main window and every step page.

A step page is a form for one step of the way through the program. The main
window frames it (title, clause, guidance, Back/Next), loads it when the
workbook changes, asks it how complete it is, and re-translates it when the
language changes. Wizards add pages by listing them in their package's
``PAGES`` (see ``navigation.py``), never by editing the main window.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.ui.binding import Binder
from smallbiz_codes.ui.session import Session


class StepPage(QWidget):
    key: str = ""  # stable key, stored as Code.current_step to reopen here
    clause: str = ""  # e.g. "5.1, Annex C", shown small and grey
    live_view: bool = True  # False: the page needs the width more than the customer's view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.binder = Binder(lambda: self.session)

    # -- what the frame shows --------------------------------------------------
    def title(self) -> str:
        raise NotImplementedError

    def guidance(self) -> str:
        return ""

    def completion(self, wb: Workbook) -> tuple[int, int]:
        """(done, total) for the step list's mark; (0, 0) means no mark."""
        return (0, 0)

    def visible(self, wb: Workbook) -> bool:
        """Questions branch on the business profile: a page may hide itself."""
        return True

    # -- life cycle -----------------------------------------------------------
    def attach(self, session: Session | None) -> None:
        """Take the open workbook. A hidden page reloads when it is shown (MainWindow.go),
        so opening a workbook does not load it once per step."""
        self.session = session
        if session is None or self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Show what the workbook holds now."""

    def retranslate(self) -> None:
        """Set every visible string again in the current language."""

    def leave(self) -> None:
        """Called before another page is shown: save what is still pending."""
        self.binder.flush()
