"""What every document shares: escaping, the version stamp, metadata, page frame, footer.

User text reaches ReportLab only through :func:`esc` (characters the font lacks
made visible, then XML-escaped, then line breaks as ``<br/>``), so ``<``, ``&``
and quotes print as typed and an unclosed ``<b>`` cannot break a page.

Output is reproducible: the same workbook gives the same bytes, because
ReportLab runs in invariant mode and the PDF's date comes from the data (the
approval date, else the effective date), never from the clock.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.export import fonts
from smallbiz_codes.export.styles import MUTED, RULE, WATERMARK
from smallbiz_codes.export.voice import Voice
from smallbiz_codes.i18n import N_, tr

CREATOR = "smallbiz-codes"
_QUOTES = {'"': "&quot;", "'": "&apos;"}


def esc(text: str | None) -> str:
    """User text as safe Paragraph markup that prints exactly what was typed."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return escape(fonts.drawable(text), _QUOTES).replace("\n", "<br/>")


def plain(text: str | None) -> str:
    """User text for canvas strings and chart labels (no markup, no line breaks)."""
    return fonts.drawable(" ".join((text or "").split()))


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so one canvas line never runs past ``width``."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


# ---------------------------------------------------------------- version stamp


@dataclass(frozen=True)
class Stamp:
    """Which version of the code a printed page shows."""

    version: int
    published: bool
    approved_on: str = ""
    effective_date: str = ""
    fingerprint: str = ""


def stamp(workbook: Workbook) -> Stamp:
    approval = workbook.latest_approval()
    if approval is None:
        return Stamp(workbook.code.version or 1, False, "", workbook.code.effective_date, "")
    return Stamp(
        approval.version,
        True,
        approval.approved_on,
        approval.effective_date or workbook.code.effective_date,
        approval.fingerprint,
    )


def version_text(st: Stamp, voice: Voice, sep: str = " / ") -> str:
    """ "version 2, approved on 20 Nov 2026" or a plain DRAFT mark."""
    parts = []
    for lang in voice.langs:
        one = Voice(lang, voice.primary)
        if st.published:
            text = tr(lang, N_("version {n}, approved on {date}")).format(
                n=st.version, date=one.date(st.approved_on) or "?"
            )
        else:
            text = tr(lang, N_("DRAFT, version {n}, not yet published")).format(n=st.version)
        parts.append(text)
    return sep.join(dict.fromkeys(parts))


def creation_date(workbook: Workbook) -> dt.date:
    """The PDF's date, taken from the data so that the same input gives the same bytes."""
    approval = workbook.latest_approval()
    for iso in (
        approval.approved_on if approval else "",
        approval.effective_date if approval else "",
        workbook.code.effective_date,
    ):
        try:
            return dt.date.fromisoformat(iso)
        except (TypeError, ValueError):
            continue
    return dt.date(2000, 1, 1)


def business_name(workbook: Workbook, voice: Voice, sep: str = " / ") -> str:
    org = workbook.organization
    return voice.user_one(org.name, org.name_alt, sep=sep)


# ---------------------------------------------------------------- page frame


@dataclass
class Meta:
    title: str
    author: str
    subject: str
    lang: str  # "zh-CN" or "en"
    date: dt.date


@dataclass
class Footer:
    left: str  # business name
    middle: str  # version text
    size: float
    margin: float
    draft_mark: str = ""  # the watermark word on a draft, empty once published


def _timestamp(day: dt.date) -> TimeStamp:
    ts = TimeStamp(invariant=1)
    t = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()
    ts.t = t
    ts.lt = dt.datetime.fromtimestamp(t, dt.UTC).timetuple()
    ts.YMDhms = tuple(ts.lt)[:6]
    ts.dhh = ts.dmm = 0
    return ts


def _canvas_class(footer: Footer, day: dt.date) -> type[Canvas]:
    """A canvas that knows the page count when it draws each footer ("3 / 7")."""

    class FooterCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._doc._timeStamp = _timestamp(day)
            self._saved_pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            w, _h = self._pagesize
            m = footer.margin
            y = m * 0.55
            size = footer.size
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(m, y + size * 1.4, w - m, y + size * 1.4)
            self.setFont(fonts.REGULAR, size)
            self.setFillColor(MUTED)
            pages = f"{self._pageNumber} / {total}"
            pw = stringWidth(pages, fonts.REGULAR, size)
            self.drawRightString(w - m, y, pages)
            room = w - 2 * m - pw - size * 2
            # the version stamp matters more than the name beside it: it gets the room
            left_w = min(stringWidth(footer.left, fonts.REGULAR, size), room * 0.25)
            middle = fit(footer.middle, fonts.REGULAR, size, room - left_w - size * 2)
            left = fit(
                footer.left,
                fonts.REGULAR,
                size,
                room - stringWidth(middle, fonts.REGULAR, size) - size * 2,
            )  # noqa: E501
            self.drawString(m, y, left)
            self.drawRightString(w - m - pw - size * 2, y, middle)
            self.restoreState()

    return FooterCanvas


def _watermark(mark: str) -> Callable[[Canvas, BaseDocTemplate], None]:
    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        if not mark:
            return
        w, h = doc.pagesize
        size = min(w, h) / max(4, len(mark)) * 1.3
        canvas.saveState()
        canvas.setFillColor(WATERMARK)
        canvas.setFont(fonts.BOLD, size)
        canvas.translate(w / 2, h / 2)
        canvas.rotate(40)
        canvas.drawCentredString(0, -size / 3, mark)
        canvas.restoreState()

    return draw


class Heading(Paragraph):
    """A heading that becomes a PDF bookmark and, when asked, a table-of-contents line."""

    def __init__(
        self, markup: str | None, style: object, level: int = 0, outline: str = "", **kwargs: object
    ) -> None:
        super().__init__(markup, style, **kwargs)
        self.toc_level = level
        self.outline = outline

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 (ReportLab's names)
        """A heading too long for the page splits; only its first part is bookmarked."""
        parts = super().split(aW, aH)
        for i, part in enumerate(parts):
            part.toc_level = self.toc_level
            part.outline = self.outline if i == 0 else ""
        return parts


class _Doc(BaseDocTemplate):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._heading_count = 0

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (ReportLab's name)
        if isinstance(flowable, Heading) and flowable.outline:
            self._heading_count += 1
            key = f"h{self._heading_count}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.outline, key, level=flowable.toc_level, closed=True)
            self.notify("TOCEntry", (flowable.toc_level, flowable.outline, self.page, key))

    def handle_documentBegin(self) -> None:  # noqa: N802 (ReportLab's name)
        self._heading_count = 0
        super().handle_documentBegin()


def draft_mark(st: Stamp, voice: Voice) -> str:
    if st.published:
        return ""
    return " ".join(dict.fromkeys(tr(lang, N_("DRAFT")) for lang in ("zh", "en")))


def render(
    story_factory: Callable[[], Sequence[Flowable]],
    *,
    pagesize: tuple[float, float],
    margin: float,
    meta: Meta,
    footer: Footer,
    multi_pass: bool = False,
    top_margin: float | None = None,
) -> tuple[bytes, int]:
    """Lay out a story into PDF bytes; returns the bytes and the page count.

    ``story_factory`` is called afresh for each layout, because ReportLab
    consumes the flowables it lays out.
    """
    fonts.register()
    buf = io.BytesIO()
    doc = _Doc(
        buf,
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=top_margin if top_margin is not None else margin,
        bottomMargin=margin + footer.size * 2.5,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        creator=CREATOR,
        producer=CREATOR,
        lang=meta.lang,
        invariant=1,
        # ReportLab starts every page with Helvetica selected, which would put a
        # non-embedded font into the file: start with ours instead.
        initialFontName=fonts.REGULAR,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=_watermark(footer.draft_mark))]
    )
    canvasmaker = _canvas_class(footer, meta.date)
    story = list(story_factory())
    if multi_pass:
        doc.multiBuild(story, canvasmaker=canvasmaker)
    else:
        doc.build(story, canvasmaker=canvasmaker)
    return buf.getvalue(), doc.page


def write_atomically(out: Path, data: bytes) -> Path:
    """Write the whole file or nothing: a crash never leaves half a PDF behind."""
    out = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=".pdf-", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


def table_style(cmds: list[tuple]) -> TableStyle:
    """A TableStyle whose cells use our font: a Table's own default is a non-embedded Helvetica."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), *cmds])


def toc(styles: object) -> TableOfContents:
    t = TableOfContents(
        tableStyle=table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    t.levelStyles = [styles.toc1, styles.toc2]  # type: ignore[attr-defined]
    t.dotsMinLevel = 0
    return t


# ---------------------------------------------------------------- building blocks


def user_paras(
    voice: Voice,
    primary: str,
    alt: str,
    style: object,
    alt_style: object | None = None,
    prefix: Callable[[str], str] | None = None,
) -> list[Paragraph]:
    """The user's text in each language of the document, the second in ``alt_style``.

    ``prefix(lang)`` gives optional markup (a bold label) put before each version.
    """
    out = []
    for i, (lang, text) in enumerate(voice.user(primary, alt)):
        st = style if i == 0 or alt_style is None else alt_style
        out.append(Paragraph((prefix(lang) if prefix else "") + esc(text), st))
    return out


def heading(voice: Voice, msg: str, style: object, level: int = 0) -> Heading:
    """A catalog heading, "承诺 / Promises" in a bilingual document."""
    text = voice.label(msg)
    return Heading(esc(text), style, level, text)


def bold_label(lang: str, msg: str, colon: bool = True) -> str:
    """``<b>条件：</b>`` markup in ``lang`` (Chinese takes a full-width colon)."""
    word = esc(tr(lang, msg))
    if colon:
        word += "：" if lang == "zh" else ": "
    return f"<b>{word}</b>"


def not_filled(voice: Voice, style: object) -> Paragraph:
    """Says plainly that a field is empty, instead of leaving a silent gap."""
    return Paragraph(esc(voice.label(N_("Not filled in yet."))), style)


def title_block(
    wb: Workbook, voice: Voice, st: object, title_msg: str, title: str = "", title_alt: str = ""
) -> list[Flowable]:
    """Document title, business name and the version line, the same on every document.

    ``title`` (and its other-language ``title_alt`` under it) replaces the generic title.
    """
    from reportlab.platypus import Spacer

    out: list[Flowable] = []
    heads = [x for x in (title, title_alt) if x] if title else [
        t for _, t in voice.labels(title_msg)
    ]
    out.append(Paragraph(esc(heads[0]), st.title))  # type: ignore[attr-defined]
    for extra in heads[1:]:
        out.append(Paragraph(esc(extra), st.h2))  # type: ignore[attr-defined]
    sub = business_name(wb, voice)
    version = version_text(stamp(wb), voice)
    lines = [esc(x) for x in (sub, version) if x]
    out.append(Paragraph("<br/>".join(lines), st.subtitle))  # type: ignore[attr-defined]
    out.append(Spacer(1, 2))
    return out


def build_standard(
    wb: Workbook,
    voice: Voice,
    size: str,
    large_print: bool,
    title_msg: str,
    story_fn: Callable[[object, float], Sequence[Flowable]],
    *,
    landscape_page: bool = False,
    toc_after_pages: int | None = None,
    surely_long: bool = False,
) -> bytes:
    """Build a reading document with the shared frame, footer and metadata.

    ``story_fn(styles, frame_width)`` returns the flowables; when
    ``toc_after_pages`` is given and the document runs longer, it is built
    again with a table of contents after the title block; ``surely_long``
    builds with the table of contents straight away.
    """
    from reportlab.lib.pagesizes import landscape

    from smallbiz_codes.export import styles as styles_mod

    st = styles_mod.doc_styles(size, large_print)
    pagesize = styles_mod.page_size(size)
    if landscape_page:
        pagesize = landscape(pagesize)
    width = pagesize[0] - 2 * st.margin
    name = business_name(wb, voice)
    stp = stamp(wb)
    title = voice.label(title_msg, sep=" / ")
    meta = Meta(
        title=" — ".join(x for x in (name, title) if x),
        author=name,
        subject=version_text(stp, voice),
        lang=voice.pdf_lang,
        date=creation_date(wb),
    )
    footer = Footer(
        left=plain(name),
        middle=plain(version_text(stp, voice)),
        size=st.footer_size,
        margin=st.margin,
        draft_mark=draft_mark(stp, voice),
    )

    def run(with_toc: bool) -> tuple[bytes, int]:
        def factory() -> list[Flowable]:
            flow = list(story_fn(st, width))
            if with_toc:
                from reportlab.platypus import PageBreak

                n = next((i for i, f in enumerate(flow) if isinstance(f, Heading)), 0)
                head = Paragraph(esc(voice.label(N_("Contents"))), st.h1)
                flow[n:n] = [head, toc(st), PageBreak()]
            return flow

        return render(
            factory,
            pagesize=pagesize,
            margin=st.margin,
            meta=meta,
            footer=footer,
            multi_pass=with_toc,
        )

    if surely_long:
        return run(True)[0]  # skip the trial layout: it would only confirm the length
    data, pages = run(False)
    if toc_after_pages is not None and pages > toc_after_pages:
        data, pages = run(True)
    return data


def simple_table(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    st: object,
    header: bool = True,
    zebra: bool = True,
) -> Flowable:
    """A plain grid: Paragraph cells (so they wrap), a coloured header row, thin rules.

    Strings are treated as user text and escaped; Flowables pass through.
    Rows may split inside a cell, so a huge cell never pushes off the page.
    """
    from reportlab.platypus import Table

    from smallbiz_codes.export.styles import ACCENT, ACCENT_LIGHT, GRID

    data = []
    for r, row in enumerate(rows):
        cells = []
        for cell in row:
            if isinstance(cell, str):
                style = st.cell_head if (header and r == 0) else st.cell  # type: ignore[attr-defined]
                cells.append(Paragraph(esc(cell), style))
            else:
                cells.append(cell)
        data.append(cells)
    t = Table(data, colWidths=list(widths), repeatRows=1 if header else 0, splitInRow=1)
    pad = 4 * getattr(st, "scale", 1.0)
    cmds = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad * 0.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
    ]
    if header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), ACCENT))
    if zebra:
        for r in range(1 if header else 0, len(data)):
            if (r - (1 if header else 0)) % 2 == 1:
                cmds.append(("BACKGROUND", (0, r), (-1, r), ACCENT_LIGHT))
    t.setStyle(table_style(cmds))
    return t
