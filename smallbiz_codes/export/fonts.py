"""The bundled CJK font, registered once, and the check for characters it cannot draw.

ReportLab embeds only TrueType outlines and silently prints a blank for a
character the font lacks. So every piece of user text goes through
:func:`drawable` before it reaches a PDF (a missing character becomes a visible
placeholder), and the program can list such characters up front with
:func:`missing_characters` to warn the user.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

from smallbiz_codes.resources_path import resource

REGULAR = "NotoSansSC"
BOLD = "NotoSansSC-Bold"
PLACEHOLDER = "\u25a1"  # □, printed where the font has no glyph

# Characters that only shape or join their neighbours (emoji sequences): never
# printed on their own, so they are neither reported nor replaced.
_JOINER = "\u200d"
_SILENT = frozenset(
    [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xFE0E, 0xFE0F, 0x20E3]
    + list(range(0x1F3FB, 0x1F400))  # skin-tone modifiers
    + list(range(0xE0020, 0xE0080))  # tag characters (subdivision flags)
    + list(range(0xFE00, 0xFE10))  # variation selectors
)
_REGIONAL = range(0x1F1E6, 0x1F200)  # two of these make one flag


# Chinese punctuation that must not begin a line. ReportLab's CJK wrapping
# knows 。、」 but not ，；：！？”》, so a line could start with "；". It reads the
# list from module globals; extending them is the least intrusive fix.
_CANNOT_START = "，；：！？”’》〉）｝％…·～—"


def _extend_line_rules() -> None:
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    extra = "".join(ch for ch in _CANNOT_START if ch not in textsplit.ALL_CANNOT_START)
    textsplit.ALL_CANNOT_START += extra
    paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START


@cache
def register() -> str:
    """Register regular and bold as ONE family, so ``<b>`` really prints bold."""
    _extend_line_rules()
    pdfmetrics.registerFont(TTFont(REGULAR, str(resource("fonts", "NotoSansSC-Regular.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(resource("fonts", "NotoSansSC-Bold.ttf"))))
    registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    return REGULAR


@cache
def _coverage() -> frozenset[int]:
    """Code points both weights can draw (each font's cmap is read once)."""
    register()
    regular = pdfmetrics.getFont(REGULAR).face.charToGlyph
    bold = pdfmetrics.getFont(BOLD).face.charToGlyph
    return frozenset(regular.keys() & bold.keys())


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf") and ord(ch) not in _SILENT


def can_draw(ch: str) -> bool:
    return ord(ch) in _coverage()


def missing_characters(texts: str | Iterable[str]) -> list[str]:
    """Characters of ``texts`` the PDF font cannot draw, each once, in order of appearance.

    Line breaks, tabs and joiners inside emoji sequences are not reported: the
    PDF handles them on its own.
    """
    if isinstance(texts, str):
        texts = [texts]
    seen: dict[str, None] = {}
    for text in texts:
        for ch in text or "":
            if ord(ch) in _SILENT or _is_control(ch) or ch in seen:
                continue
            if not can_draw(ch):
                seen[ch] = None
    return list(seen)


def drawable(text: str) -> str:
    """``text`` with every character the font lacks shown as :data:`PLACEHOLDER`.

    An emoji sequence (joined by ZWJ, with skin tones or a flag's two letters)
    becomes one placeholder, not five. Tabs become spaces; other control
    characters, which print nothing anyway, are dropped.
    """
    out: list[str] = []
    joining = False
    pending_flag = False
    for ch in text or "":
        cp = ord(ch)
        if ch == "\n":
            out.append(ch)
            joining = pending_flag = False
            continue
        if ch == "\t":
            out.append(" ")
            continue
        if ch == _JOINER:
            joining = bool(out) and out[-1] == PLACEHOLDER
            continue
        if cp in _SILENT or _is_control(ch):
            continue
        if can_draw(ch):
            out.append(ch)
            joining = pending_flag = False
            continue
        if cp in _REGIONAL and pending_flag:
            pending_flag = False  # second letter of a flag: already shown
            continue
        if joining:
            joining = False
            continue
        out.append(PLACEHOLDER)
        pending_flag = cp in _REGIONAL
    return "".join(out)


def workbook_texts(workbook: object) -> list[str]:
    """Every string a user typed into ``workbook`` (for :func:`missing_characters`)."""
    from dataclasses import fields, is_dataclass

    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif is_dataclass(value) and not isinstance(value, type):
            for f in fields(value):
                if f.name not in ("snapshot", "fingerprint"):
                    walk(getattr(value, f.name))

    walk(workbook)
    return found


def workbook_missing_characters(workbook: object) -> list[str]:
    """What the UI warns about before printing: characters the PDFs would show as □."""
    return missing_characters(workbook_texts(workbook))
