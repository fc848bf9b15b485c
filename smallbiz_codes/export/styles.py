"""Page sizes, margins, colours and paragraph styles, per paper size and large print.

Every style uses the bundled font family and CJK wrapping (which also keeps
English words whole, so mixed Chinese/English lines break correctly), and sets
the bullet font too: ReportLab's default bullet font is a non-embedded
Helvetica.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A3, A4, A5, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from smallbiz_codes.export import fonts

PAGE_SIZES: dict[str, tuple[float, float]] = {"A5": A5, "A4": A4, "A3": A3, "Letter": letter}
# Type scale of the reading documents against A4 (A3 is read from further away).
SIZE_SCALE = {"A5": 0.88, "A4": 1.0, "Letter": 1.0, "A3": 1.3}
LARGE_PRINT = 1.4
MARGINS = {"A5": 13 * mm, "A4": 18 * mm, "Letter": 18 * mm, "A3": 24 * mm}

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
ACCENT = colors.HexColor("#1f5c58")  # dark teal: prints well in colour and in grey
ACCENT_LIGHT = colors.HexColor("#e8f1f0")
RULE = colors.HexColor("#b9c9c7")
GRID = colors.HexColor("#c8c8c8")
WARN = colors.HexColor("#9a3b12")
WATERMARK = colors.HexColor("#eeeeee")


def page_size(size: str) -> tuple[float, float]:
    return PAGE_SIZES[size]


def style(
    name: str, size: float, *, bold: bool = False, leading: float = 1.45, **kw: object
) -> ParagraphStyle:
    """A paragraph style in the bundled font; ``leading`` is a factor of ``size``."""
    fonts.register()
    kw.setdefault("textColor", INK)
    return ParagraphStyle(
        name,
        fontName=fonts.BOLD if bold else fonts.REGULAR,
        bulletFontName=fonts.BOLD if bold else fonts.REGULAR,
        fontSize=size,
        leading=round(size * leading, 2),
        wordWrap="CJK",
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
        **kw,
    )


@dataclass
class DocStyles:
    """Styles for the reading documents (code, briefing, plan, report)."""

    scale: float
    margin: float
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    strong: ParagraphStyle  # a promise's own words
    alt: ParagraphStyle  # the second language, under the first
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    note: ParagraphStyle  # "nothing recorded yet" and similar plain notes
    toc1: ParagraphStyle
    toc2: ParagraphStyle
    footer_size: float


def doc_styles(size: str, large_print: bool = False) -> DocStyles:
    s = SIZE_SCALE[size] * (LARGE_PRINT if large_print else 1.0)
    body = 10.5 * s
    return DocStyles(
        scale=s,
        margin=MARGINS[size],
        title=style("title", 22 * s, bold=True, leading=1.25, textColor=ACCENT, spaceAfter=4 * s),
        subtitle=style("subtitle", 12 * s, leading=1.35, textColor=MUTED, spaceAfter=10 * s),
        h1=style(
            "h1",
            15 * s,
            bold=True,
            leading=1.3,
            textColor=ACCENT,
            spaceBefore=14 * s,
            spaceAfter=6 * s,
            keepWithNext=1,
        ),
        h2=style(
            "h2",
            12 * s,
            bold=True,
            leading=1.35,
            spaceBefore=9 * s,
            spaceAfter=3 * s,
            keepWithNext=1,
        ),
        body=style("body", body, spaceAfter=4 * s),
        strong=style("strong", body * 1.05, bold=True, spaceAfter=3 * s),
        alt=style("alt", body * 0.95, textColor=MUTED, spaceAfter=4 * s),
        small=style("small", 8.5 * s, textColor=MUTED),
        cell=style("cell", 9 * s, leading=1.35),
        cell_head=style("cell_head", 9 * s, bold=True, leading=1.3, textColor=colors.white),
        note=style("note", body, textColor=WARN, spaceAfter=4 * s, borderPadding=0),
        toc1=style("toc1", 11 * s, leftIndent=0, spaceBefore=3 * s),
        toc2=style("toc2", 10 * s, leftIndent=14 * s, textColor=MUTED),
        footer_size=7.5 * min(s, 1.3),
    )


@dataclass
class NoticeStyles:
    """The customer notice: large, plain, readable across the counter."""

    body_pt: float
    margin: float
    business: ParagraphStyle
    headline: ParagraphStyle
    headline_alt: ParagraphStyle
    intro: ParagraphStyle
    promise: ParagraphStyle
    promise_alt: ParagraphStyle
    provision: ParagraphStyle
    provision_alt: ParagraphStyle
    box_head: ParagraphStyle
    box_body: ParagraphStyle
    box_alt: ParagraphStyle
    stamp_size: float
    gap: float  # the space either side of the rule between two promises


# Preferred and smallest body size per paper (points); A4 never below 14 pt,
# which reads from about 1.5 m. A notice that does not fit on one page at the
# preferred size shrinks step by step down to the smallest, then flows on.
# A5 and A3 follow A4 roughly in proportion to the paper (A3 a little smaller,
# as a larger sheet hangs where people stand closer to it than 2 m).
NOTICE_BODY = {"A5": (12.0, 10.5), "A4": (16.0, 14.0), "Letter": (16.0, 14.0), "A3": (21.0, 17.0)}
# Two languages side by side in columns: a one-sheet bilingual notice that is
# read from about a metre, so its floor is lower than the one-language notice.
NOTICE_BODY_SIDE = {
    "A5": (10.0, 9.0),
    "A4": (13.0, 10.5),
    "Letter": (13.0, 10.5),
    "A3": (17.0, 13.0),
}
# Margins scale with the paper (A5 : A4 : A3 = 1 : 1.41 : 2); 13 mm on A4
# stays clear of every office printer's unprintable edge.
NOTICE_MARGINS = {"A5": 9 * mm, "A4": 13 * mm, "Letter": 13 * mm, "A3": 18 * mm}


def notice_body_range(
    size: str, large_print: bool, side_by_side: bool = False
) -> tuple[float, float]:
    pref, low = (NOTICE_BODY_SIDE if side_by_side else NOTICE_BODY)[size]
    if large_print:
        return round(pref * LARGE_PRINT, 1), round(low * LARGE_PRINT, 1)
    return pref, low


def notice_styles(size: str, body_pt: float, num_width: float) -> NoticeStyles:
    """Sizes as factors of the body size, so the whole notice scales as one.

    The promise's own words are only a little larger than its conditions and
    remedy (bold carries the difference), so the limits are never small print.
    """
    b = body_pt
    indent = num_width
    return NoticeStyles(
        body_pt=b,
        margin=NOTICE_MARGINS[size],
        business=style(
            "business",
            b * 1.1,
            bold=True,
            leading=1.2,
            textColor=ACCENT,
            alignment=TA_CENTER,
            spaceAfter=b * 0.1,
        ),
        headline=style("headline", b * 1.7, bold=True, leading=1.18, alignment=TA_CENTER),
        headline_alt=style(
            "headline_alt", b * 1.15, bold=True, leading=1.2, alignment=TA_CENTER, textColor=MUTED
        ),
        intro=style(
            "intro",
            b * 0.8,
            leading=1.3,
            alignment=TA_CENTER,
            textColor=MUTED,
            spaceBefore=b * 0.1,
        ),
        promise=style(
            "promise",
            b * 1.1,
            bold=True,
            leading=1.22,
            leftIndent=indent,
            bulletIndent=0,
            bulletFontSize=b * 1.3,
            bulletColor=ACCENT,
            alignment=TA_LEFT,
        ),
        promise_alt=style(
            "promise_alt", b, bold=True, leading=1.26, leftIndent=indent, textColor=MUTED
        ),
        provision=style("provision", b, leading=1.25, leftIndent=indent),
        provision_alt=style("provision_alt", b, leading=1.25, leftIndent=indent, textColor=MUTED),
        box_head=style("box_head", b * 1.1, bold=True, leading=1.22, textColor=ACCENT),
        box_body=style("box_body", b, leading=1.25),
        box_alt=style("box_alt", b, leading=1.25, textColor=MUTED),
        stamp_size=max(6.5, b * 0.46),
        gap=b * 0.32,
    )
