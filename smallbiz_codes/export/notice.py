"""The customer notice: our promises in plain words, for the wall or the counter.

Laid out to be read across a counter: a compact headline, numbered promises
with their conditions and remedy directly underneath each (as large as the
promise's own words, never small print), the contact box right after the last
promise and a small version stamp in the footer, so a notice on a wall can be
matched to the published version it shows.

One sheet is the aim: a notice shrinks, within limits (A4 body text never
below 14 pt), to stay on one page. If it still does not fit, it takes the
fewest pages it can at the largest size that needs no more of them; a page
never starts inside a promise, and the contact box stays with the last one.
"""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.export import common, fonts, styles
from smallbiz_codes.export.styles import ACCENT, ACCENT_LIGHT, MUTED, RULE, NoticeStyles
from smallbiz_codes.export.voice import Voice
from smallbiz_codes.i18n import N_, tr

HEADLINE = N_("Our promises to you")
INTRO = N_("What you can count on from us, and what we do if we fall short.")
CONDITIONS = N_("Conditions")
REMEDY = N_("If we fall short")
CONTACT_HEAD = N_("Not what we promised? Tell us")
DISPUTE = N_("If we cannot settle it")
EFFECTIVE = N_("In force from {date}")
NO_PROMISES = N_("No promises have been written yet.")
NO_CONTACT = N_("Contact details have not been filled in yet.")
WEB = N_("Our web page")
PHONE = N_("Phone")
EMAIL = N_("E-mail")
ADDRESS = N_("Address")
STAMP_PUBLISHED = N_("Version {n} · in force from {date}")
STAMP_REF = N_("ref. {ref}")
STAMP_DRAFT = N_("DRAFT (not yet published) · version {n}")


def notice_stamp(wb: Workbook, voice: Voice) -> str:
    """The small version stamp: version, effective date and the snapshot's fingerprint.

    The fingerprint is printed once, so the stamp stays on one line in both languages.
    """
    st = common.stamp(wb)
    parts = []
    for lang in voice.langs:
        one = Voice(lang, voice.primary)
        if st.published:
            date = one.date(st.effective_date) or "?"
            parts.append(tr(lang, STAMP_PUBLISHED).format(n=st.version, date=date))
        else:
            parts.append(tr(lang, STAMP_DRAFT).format(n=st.version))
    text = " / ".join(dict.fromkeys(parts))
    if st.published and st.fingerprint:
        text += " · " + tr(voice.first, STAMP_REF).format(ref=st.fingerprint)
    return text


def _header(wb: Workbook, voice: Voice, ns: NoticeStyles, width: float) -> list[Flowable]:
    org = wb.organization
    story: list[Flowable] = []
    names = voice.user(org.name, org.name_alt)
    if names:
        markup = common.esc(names[0][1])
        if len(names) > 1:
            markup += f"<font color='#{MUTED.hexval()[2:]}'> · {common.esc(names[1][1])}</font>"
        story.append(Paragraph(markup, ns.business))
    heads = voice.labels(HEADLINE)
    story.append(Paragraph(common.esc(heads[0][1]), ns.headline))
    for _lang, text in heads[1:]:
        story.append(Paragraph(common.esc(text), ns.headline_alt))
    # the effective date shares the intro's line when there is room: it matters,
    # but not at headline size; it never breaks in the middle of the date
    st = common.stamp(wb)
    intro = []
    for lang, text in voice.labels(INTRO):
        line = common.esc(text)
        if st.effective_date:
            date = Voice(lang, voice.primary).date(st.effective_date)
            eff = tr(lang, EFFECTIVE).format(date=date)
            one = f"{text} · {eff}"
            fits = stringWidth(one, fonts.BOLD, ns.intro.fontSize) <= width
            line += " · " if fits else "<br/>"
            line += f"<b>{common.esc(eff)}</b>"
        intro.append(line)
    story.append(Paragraph("<br/>".join(intro), ns.intro))
    story.append(
        HRFlowable(
            width="100%",
            thickness=max(1.5, ns.body_pt / 8),
            color=ACCENT,
            spaceBefore=ns.body_pt * 0.4,
            spaceAfter=ns.body_pt * 0.5,
        )
    )
    return story


def _promise(
    wb: Workbook, voice: Voice, ns: NoticeStyles, number: int, p: object
) -> list[Flowable]:
    block: list[Flowable] = []
    wordings = voice.user(p.wording, p.wording_alt)
    if not wordings:
        wordings = [(voice.first, "…")]
    for i, (_lang, text) in enumerate(wordings):
        if i == 0:
            block.append(Paragraph(common.esc(text), ns.promise, bulletText=f"{number}"))
        else:
            block.append(Paragraph(common.esc(text), ns.promise_alt))
    block.append(Spacer(1, ns.body_pt * 0.12))
    for msg, primary, alt in (
        (CONDITIONS, p.conditions, p.conditions_alt),
        (REMEDY, p.remedy, p.remedy_alt),
    ):
        for i, (lang, text) in enumerate(voice.user(primary, alt)):
            st = ns.provision if i == 0 else ns.provision_alt
            block.append(Paragraph(_label(lang, msg) + common.esc(text), st))
    return block


def _sbs_cells(voice: Voice, ns: NoticeStyles, p: object) -> list[list[Flowable]]:
    """One promise's words, conditions and remedy, one list per language."""
    b = ns.body_pt
    promise_st = styles.style("sbs-promise", b * 1.08, bold=True, leading=1.22)
    provision_st = styles.style("sbs-provision", b, leading=1.25, spaceBefore=b * 0.12)
    cols = []
    for lang in voice.langs:
        one = Voice(lang, voice.primary)
        cell: list[Flowable] = []
        wording = one.user_one(p.wording, p.wording_alt)
        cell.append(Paragraph(common.esc(wording or "…"), promise_st))
        for msg, primary, alt in (
            (CONDITIONS, p.conditions, p.conditions_alt),
            (REMEDY, p.remedy, p.remedy_alt),
        ):
            text = one.user_one(primary, alt)
            if text:
                cell.append(Paragraph(_label(lang, msg) + common.esc(text), provision_st))
        cols.append(cell)
    return cols


def _sbs_table(ns: NoticeStyles, number: int, cols: list[list[Flowable]], widths: list[float]):
    """One promise as a numbered row of two language columns."""
    b = ns.body_pt
    num = Paragraph(
        f"<font color='#{ACCENT.hexval()[2:]}'><b>{number}</b></font>",
        styles.style("sbs-num", b * 1.2, bold=True, leading=1.1),
    )
    t = Table([[num, cols[0], cols[1]]], colWidths=[ns.promise.leftIndent, *widths], splitInRow=1)
    t.setStyle(
        common.table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (2, 0), (2, 0), b * 0.7),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (1, 0), (1, 0), b * 0.7),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("LINEAFTER", (1, 0), (1, 0), 0.5, RULE),
            ]
        )
    )
    return t


def _height(col: list[Flowable], width: float) -> float:
    return sum(f.wrap(width, 1e6)[1] + f.getSpaceBefore() for f in col)


def _column_share(rows: list[list[list[Flowable]]], width: float, pad: float) -> float:
    """The first column's share of ``width`` that makes the promises shortest in total.

    Chinese says the same in about half the width of English; one share for the
    whole notice keeps the dividing line straight from promise to promise.
    """
    best, best_h = 0.5, float("inf")
    for i in range(13):
        share = 0.3 + 0.025 * i
        left, right = width * share - pad, width * (1 - share) - pad
        total = sum(max(_height(cols[0], left), _height(cols[1], right)) for cols in rows)
        if total < best_h - 0.5:
            best, best_h = share, total
    return best


def _label(lang: str, msg: str) -> str:
    """The bold inline label; the remedy's in the accent colour, so it is found at a glance."""
    label = common.bold_label(lang, msg)
    if msg is REMEDY:
        label = f"<font color='#{ACCENT.hexval()[2:]}'>{label}</font>"
    return label


def _contact_lines(wb: Workbook, voice: Voice, ns: NoticeStyles) -> list[Flowable]:
    """Who to tell, in each language of ``voice``."""
    code = wb.code
    return list(
        common.user_paras(
            voice, code.complaints_contact, code.complaints_contact_alt, ns.box_body, ns.box_alt
        )
    )


def _contact_box(
    wb: Workbook, voice: Voice, ns: NoticeStyles, width: float, columns: bool
) -> Flowable:
    """The box that says whom to tell: per language in two columns when ``columns``."""
    org, code = wb.organization, wb.code
    b = ns.body_pt
    pad = b * 0.75
    heads = voice.labels(CONTACT_HEAD)
    head = Paragraph(
        (" · " if columns else "<br/>").join(common.esc(t) for _, t in heads), ns.box_head
    )
    details = []
    address = voice.user_one(org.address, org.address_alt)
    for msg, value in ((PHONE, org.phone), (EMAIL, org.email), (ADDRESS, address)):
        if value.strip() and value.strip() not in (
            code.complaints_contact + code.complaints_contact_alt
        ):
            sep = "：" if voice.first == "zh" else ": "
            details.append(f"{common.esc(voice.label(msg))}{sep}{common.esc(value)}")
    tail: list[Flowable] = []
    if details:
        tail.append(Paragraph(" · ".join(details), ns.box_alt))
    tail.extend(
        common.user_paras(voice, code.dispute_route, code.dispute_route_alt, ns.box_alt, ns.box_alt)
    )

    side = 0.0
    qr_cell: list[Flowable] = []
    if org.website.strip():
        side = max(22 * mm, b * 5.5)
        qr = QrCodeWidget(org.website.strip())
        x1, y1, x2, y2 = qr.getBounds()
        d = Drawing(
            side,
            side,
            transform=[side / (x2 - x1), 0, 0, side / (y2 - y1), 0, 0],
            initialFontName=fonts.REGULAR,
        )
        d.add(qr)
        cap = Paragraph(
            "<br/>".join(common.esc(t) for _, t in voice.labels(WEB)),
            styles.style("qrcap", b * 0.8, textColor=MUTED, alignment=1),
        )
        qr_cell = [d, cap]
    text_w = width - (side + pad * 2 if side else 0)

    if columns and voice.both:
        cols = [_contact_lines(wb, Voice(lang, voice.primary), ns) for lang in voice.langs]
        inner_w = text_w - 2 * pad
        # the box's own balance: its narrower text must not break inside a phone number
        share = _column_share([cols], inner_w, b * 0.7)
        inner = Table([[cols[0], cols[1]]], colWidths=[inner_w * share, inner_w * (1 - share)])
        inner.setStyle(
            common.table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (0, 0), b * 0.7),
                    ("LEFTPADDING", (1, 0), (1, 0), b * 0.7),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        body: list[Flowable] = [inner]
    else:
        body = _contact_lines(wb, voice, ns)
    if not body and not details:
        body = [Paragraph(common.esc(voice.label(NO_CONTACT)), ns.box_body)]
    text: list[Flowable] = [head, Spacer(1, b * 0.2), *body, *tail]
    cells: list[object] = [text]
    widths = [text_w]
    if qr_cell:
        cells.append(qr_cell)
        widths.append(side + pad * 2)
    t = Table([cells], colWidths=widths, splitInRow=1)
    t.setStyle(
        common.table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                ("LINEBEFORE", (0, 0), (0, -1), max(2, b / 5), ACCENT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("TOPPADDING", (0, 0), (-1, -1), pad * 0.8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ]
        )
    )
    return t


def story(
    wb: Workbook, voice: Voice, size: str, body_pt: float, side_by_side: bool
) -> list[Flowable]:
    columns = side_by_side and voice.both
    ns = styles.notice_styles(size, body_pt, num_width=body_pt * 1.6)
    w, h = styles.page_size(size)
    width = w - 2 * ns.margin
    out = _header(wb, voice, ns, width)
    promises = sorted(wb.promises, key=lambda p: p.position)
    blocks: list[list[Flowable]] = []
    share = 0.5
    if columns:
        rows = [_sbs_cells(voice, ns, p) for p in promises]
        rest = width - ns.promise.leftIndent
        share = _column_share(rows, rest, body_pt * 0.7)
        widths = [rest * share, rest * (1 - share)]
        # a promise taller than most of a page prints one language under the other:
        # a table row split across pages is where ReportLab's layout can overflow
        tall = (h - 2 * ns.margin) * 0.7
        for n, (p, cols) in enumerate(zip(promises, rows, strict=True), start=1):
            if max(_height(c, w - body_pt * 0.7) for c, w in zip(cols, widths, strict=True)) > tall:
                blocks.append(_promise(wb, voice, ns, n, p))
            else:
                blocks.append([_sbs_table(ns, n, cols, widths)])
    else:
        blocks = [_promise(wb, voice, ns, n, p) for n, p in enumerate(promises, start=1)]
    box = _contact_box(wb, voice, ns, width, columns)
    if not blocks:
        out.append(Paragraph(common.esc(voice.label(NO_PROMISES)), ns.provision))
        blocks.append([])
    for block in blocks[:-1]:
        out.append(KeepTogether(block))
        out.append(
            HRFlowable(
                width="100%", thickness=0.5, color=RULE, spaceBefore=ns.gap, spaceAfter=ns.gap
            )
        )
    # the last promise and the contact box share a page: the box is never left alone
    out.append(KeepTogether([*blocks[-1], Spacer(1, body_pt * 0.75), box]))
    return out


def build(
    wb: Workbook, voice: Voice, size: str, large_print: bool, side_by_side: bool = False
) -> bytes:
    columns = side_by_side and voice.both
    pref, low = styles.notice_body_range(size, large_print, columns)
    ns = styles.notice_styles(size, pref, 0)
    name = common.business_name(wb, voice)
    st = common.stamp(wb)
    meta = common.Meta(
        title=" — ".join(x for x in (name, voice.label(HEADLINE)) if x),
        author=name,
        subject=common.version_text(st, voice),
        lang=voice.pdf_lang,
        date=common.creation_date(wb),
    )
    footer = common.Footer(
        left=common.plain(name),
        middle=common.plain(notice_stamp(wb, voice)),
        size=ns.stamp_size,
        margin=ns.margin,
        draft_mark=common.draft_mark(st, voice),
    )

    def attempt(body: float) -> tuple[bytes, int]:
        return common.render(
            lambda: story(wb, voice, size, body, side_by_side),
            pagesize=styles.page_size(size),
            margin=ns.margin,
            meta=meta,
            footer=footer,
        )

    first, most = attempt(pref)
    if most == 1:
        return first
    smallest, fewest = attempt(low)
    if fewest == most:
        return first  # shrinking saves no sheet: stay at full size
    # the largest size, in half points, that needs no more pages than the smallest does
    sizes = [pref - 0.5 * i for i in range(1, int((pref - low) * 2))]
    best = smallest
    lo, hi = 0, len(sizes) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        data, pages = attempt(sizes[mid])
        if pages <= fewest:
            best, hi = data, mid - 1
        else:
            lo = mid + 1
    return best
