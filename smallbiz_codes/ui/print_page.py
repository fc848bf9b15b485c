"""Print (the last step): choose a document, see it, save it as PDF.

"Preview" writes the PDF to a temporary file and opens it in the system's
viewer, so the owner sees the real pages, edges included, before saving.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.export import DOCUMENTS, PAPER_SIZES, DocumentNotAvailable, export_pdf
from smallbiz_codes.export.fonts import workbook_missing_characters
from smallbiz_codes.i18n import N_, _
from smallbiz_codes.ui.settings import Settings, default_paper_size
from smallbiz_codes.ui.steps import StepPage
from smallbiz_codes.ui.widgets import Form

DOC_LABELS = {
    "notice": N_("Customer notice (for the wall or counter)"),
    "code": N_("The full code of conduct"),
    "briefing": N_("Staff briefing with sign-off sheet"),
    "plan": N_("Communication plan"),
    "report": N_("Performance and review report"),
}
# Each language by its own name, as language choosers do; "both" in the owner's language.
LANG_LABELS = {"zh": "中文", "en": "English", "both": N_("Both (中文 + English)")}


class PrintPage(StepPage):
    key = "print"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = Settings()
        outer = QVBoxLayout(self)
        form = Form()
        outer.addLayout(form)
        self.form = form
        self.doc = QComboBox()
        self.lang = QComboBox()
        for key in LANG_LABELS:
            self.lang.addItem("", key)
        self.size = QComboBox()
        for size in PAPER_SIZES:
            self.size.addItem(size, size)
        self.large = QCheckBox()
        self.side = QCheckBox()
        self.labels = [form.row(w) for w in (self.doc, self.lang, self.size, self.large, self.side)]
        self.lang.currentIndexChanged.connect(
            lambda _i: self.side.setEnabled(self.lang.currentData() == "both"))
        buttons = QHBoxLayout()
        self.preview_button = QPushButton()
        self.save_button = QPushButton()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        outer.addStretch(1)
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save_as)
        for combo, key in ((self.lang, "print/lang"), (self.size, "print/size")):
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, k=key: self.settings.set_value(k, c.currentData())
            )
        last_lang = self.settings.value("print/lang", "both")
        self.lang.setCurrentIndex(max(0, self.lang.findData(last_lang)))
        self.size.setCurrentIndex(
            max(0, self.size.findData(self.settings.value("print/size", default_paper_size())))
        )
        self.retranslate()

    def title(self) -> str:
        return _("Print")

    def guidance(self) -> str:
        return _(
            "Choose a document and look at it before you save it. A4 is the usual paper; "
            "the notice reads well from a metre and a half on A4."
        )

    def retranslate(self) -> None:
        current = self.doc.currentData()
        self.doc.clear()
        for key in DOCUMENTS:
            self.doc.addItem(_(DOC_LABELS[key]), key)
        self.doc.setCurrentIndex(max(0, self.doc.findData(current)))
        for n, key in enumerate(LANG_LABELS):
            self.lang.setItemText(n, _(LANG_LABELS[key]) if key == "both" else LANG_LABELS[key])
        texts = [_("&Document"), _("&Language"), _("Paper si&ze"), _("Large print"),
                 _("Two languages")]
        for label, text in zip(self.labels, texts, strict=True):
            self.form.set_label(label, text)
        self.large.setText(_("Larger type for the customer notice"))
        self.side.setText(_("Side by side in two columns: smaller type, fewer sheets "
                            "(otherwise one under the other, in full-size type)"))
        self.preview_button.setText(_("&Preview"))
        self.save_button.setText(_("&Save as PDF…"))

    def _export(self, out: Path) -> bool:
        self.status.clear()
        if self.session is None:
            return False
        wb: Workbook = self.session.load()
        missing = workbook_missing_characters(wb)
        if missing:
            shown = " ".join(missing[:12]) + (" …" if len(missing) > 12 else "")
            self.status.setText(_(
                "The printing font has no shape for these characters, so they print as □: {chars}. "
                "Replace them (for example emoji) with words if they matter."
            ).format(chars=shown))
        try:
            export_pdf(wb, self.doc.currentData(), self.lang.currentData(), out,
                       size=self.size.currentData(), large_print=self.large.isChecked(),
                       side_by_side=self.side.isChecked() and self.side.isEnabled())
        except DocumentNotAvailable as exc:
            self.status.setText(str(exc))
            return False
        except OSError as exc:
            QMessageBox.warning(self, _("Could not save"), _(
                "The PDF could not be written to {path} ({reason}). Your workbook is safe. "
                "Choose another folder.").format(path=out, reason=exc.strerror or exc))
            return False
        return True

    def preview(self) -> None:
        out = Path(tempfile.mkdtemp(prefix="smallbiz-preview-")) / f"{self.doc.currentData()}.pdf"
        if self._export(out):
            self._say(_("Opened {path} in your PDF viewer.").format(path=out))
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))

    def save_as(self) -> None:
        suggested = str(Path(self.settings.value("print/folder", str(Path.home())))
                        / f"{self.doc.currentData()}.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save as PDF"), suggested, "PDF (*.pdf)"
        )
        if not path:
            return
        if self._export(Path(path)):
            self.settings.set_value("print/folder", str(Path(path).parent))
            self._say(_("Saved {path}.").format(path=path))

    def _say(self, message: str) -> None:
        """Add to what the status line says: a font warning must stay visible."""
        current = self.status.text()
        self.status.setText(f"{current}\n{message}" if "□" in current else message)
