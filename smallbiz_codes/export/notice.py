"""The customer notice: our promises in plain words, for the wall or the counter.

Laid out to be read across a counter: a clear headline, numbered promises with
their conditions and remedy directly underneath each (as prominent as the
promise, never small print), a contact box at the bottom of the page and a
small version stamp, so a notice on a wall can be matched to the published
version it shows.

A long code first shrinks, within limits (A4 body text never below 14 pt),
to stay on one page; if it still does not fit, it flows onto further pages.
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
from reportlab.platypus.flowables import TopPadder

from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.export import common, fonts, styles
from smallbiz_codes.export.styles import ACCENT, ACCENT_LIGHT, RULE, NoticeStyles
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


def _header(wb: Workbook, voice: Voice, ns: NoticeStyles) -> list[Flowable]:
    org = wb.organization
    story: list[Flowable] = []
    names = voice.user(org.name, org.name_alt)
    if names:
        markup = common.esc(names[0][1])
        if len(names) > 1:
            size = ns.business.fontSize * 0.75
            markup += f"<br/><font size={size:.1f}>{common.esc(names[1][1])}</font>"
        story.append(Paragraph(markup, ns.business))
    heads = voice.labels(HEADLINE)
    story.append(Paragraph(common.esc(heads[0][1]), ns.headline))
    for _lang, text in heads[1:]:
        story.append(Paragraph(common.esc(text), ns.headline_alt))
    story.append(Spacer(1, ns.body_pt * 0.4))
    intro = "<br/>".join(common.esc(t) for _, t in voice.labels(INTRO))
    story.append(Paragraph(intro, ns.intro))
    story.append(Spacer(1, ns.body_pt * 0.5))
    story.append(
        HRFlowable(
            width="100%",
            thickness=max(1.5, ns.body_pt / 8),
            color=ACCENT,
            spaceBefore=0,
            spaceAfter=ns.body_pt * 0.9,
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
    for msg, primary, alt in (
        (CONDITIONS, p.conditions, p.conditions_alt),
        (REMEDY, p.remedy, p.remedy_alt),
    ):
        for i, (lang, text) in enumerate(voice.user(primary, alt)):
            st = ns.provision if i == 0 else ns.provision_alt
            label = common.bold_label(lang, msg)
            if msg is REMEDY:
                label = f"<font color='#{ACCENT.hexval()[2:]}'>{label}</font>"
            block.append(Paragraph(label + common.esc(text), st))
    return block


def _side_by_side(voice: Voice, ns: NoticeStyles, number: int, p: object, width: float) -> Flowable:
    """One promise as two columns, one per language (the bilingual side-by-side layout)."""
    b = ns.body_pt
    promise_st = styles.style("sbs-promise", b * 0.95, bold=True, leading=1.35)
    provision_st = styles.style("sbs-provision", b * 0.88, leading=1.38, spaceBefore=b * 0.25)
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
                cell.append(
                    Paragraph(common.bold_label(lang, msg) + common.esc(text), provision_st)
                )
        cols.append(cell)
    num = Paragraph(f"<font color='#{ACCENT.hexval()[2:]}'><b>{number}</b></font>", promise_st)
    indent = ns.promise.leftIndent
    # share the width by how much each language has to say (Chinese is denser), within 40-60 %
    need = [sum(stringWidth(p.text, fonts.REGULAR, 10) for p in col) or 1.0 for col in cols]
    share = min(0.6, max(0.4, need[0] / sum(need)))
    rest = width - indent
    t = Table(
        [[num, cols[0], cols[1]]],
        colWidths=[indent, rest * share, rest * (1 - share)],
        splitInRow=1,
    )
    t.setStyle(
        common.table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (2, 0), (2, 0), ns.body_pt * 0.8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (1, 0), (1, 0), ns.body_pt * 0.8),
                ("LINEAFTER", (1, 0), (1, 0), 0.5, RULE),
            ]
        )
    )
    return t


def _contact_box(wb: Workbook, voice: Voice, ns: NoticeStyles, width: float) -> Flowable:
    org, code = wb.organization, wb.code
    lines: list[Flowable] = []
    heads = voice.labels(CONTACT_HEAD)
    lines.append(Paragraph("<br/>".join(common.esc(t) for _, t in heads), ns.box_head))
    lines.append(Spacer(1, ns.body_pt * 0.3))
    contacts = common.user_paras(
        voice, code.complaints_contact, code.complaints_contact_alt, ns.box_body, ns.box_alt
    )
    lines.extend(contacts)
    details = []
    for msg, value in ((PHONE, org.phone), (EMAIL, org.email), (ADDRESS, org.address)):
        if value.strip() and value.strip() not in (
            code.complaints_contact + code.complaints_contact_alt
        ):
            details.append(
                f"{common.esc(voice.label(msg))}{'：' if voice.first == 'zh' else ': '}"
                f"{common.esc(value)}"
            )
    if details:
        lines.append(
            Paragraph(
                "　".join(details) if voice.first == "zh" else " · ".join(details), ns.box_alt
            )
        )
    if not contacts and not details:
        lines.append(Paragraph(common.esc(voice.label(NO_CONTACT)), ns.box_body))
    if code.dispute_route.strip():
        lines.append(Spacer(1, ns.body_pt * 0.3))
        lines.append(Paragraph(common.esc(code.dispute_route), ns.box_alt))
    st = common.stamp(wb)
    if st.effective_date:
        eff = " / ".join(
            tr(lang, EFFECTIVE).format(date=Voice(lang, voice.primary).date(st.effective_date))
            for lang in voice.langs
        )
        lines.append(Spacer(1, ns.body_pt * 0.3))
        lines.append(Paragraph(f"<b>{common.esc(eff)}</b>", ns.box_alt))
    cells: list[object] = [lines]
    widths = [width]
    if org.website.strip():
        side = max(22 * mm, ns.body_pt * 5.5)
        qr = QrCodeWidget(org.website.strip())
        x1, y1, x2, y2 = qr.getBounds()
        d = Drawing(
            side,
            side,
            transform=[side / (x2 - x1), 0, 0, side / (y2 - y1), 0, 0],
            initialFontName=fonts.REGULAR,
        )
        d.add(qr)
        cap = Paragraph("<br/>".join(common.esc(t) for _, t in voice.labels(WEB)), ns.box_alt)
        cap.style = styles.style(
            "qrcap", ns.box_alt.fontSize * 0.8, textColor=ns.box_alt.textColor, alignment=1
        )
        cells.append([d, cap])
        widths = [width - side - 8 * mm, side + 8 * mm]
    t = Table([cells], colWidths=widths, splitInRow=1)
    pad = ns.body_pt * 0.8
    t.setStyle(
        common.table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                ("LINEBEFORE", (0, 0), (0, -1), max(2, ns.body_pt / 5), ACCENT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("TOPPADDING", (0, 0), (-1, -1), pad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ]
        )
    )
    return t


def story(
    wb: Workbook, voice: Voice, size: str, body_pt: float, side_by_side: bool
) -> list[Flowable]:
    ns = styles.notice_styles(size, body_pt, num_width=body_pt * 1.7)
    w, _h = styles.page_size(size)
    width = w - 2 * ns.margin
    out = _header(wb, voice, ns)
    promises = sorted(wb.promises, key=lambda p: p.position)
    if not promises:
        out.append(Paragraph(common.esc(voice.label(NO_PROMISES)), ns.provision))
    for n, p in enumerate(promises, start=1):
        if side_by_side and voice.both:
            block: list[Flowable] = [_side_by_side(voice, ns, n, p, width)]
        else:
            block = _promise(wb, voice, ns, n, p)
        out.append(KeepTogether(block))
        if n < len(promises):
            out.append(
                HRFlowable(
                    width="100%",
                    thickness=0.5,
                    color=RULE,
                    spaceBefore=body_pt * 0.6,
                    spaceAfter=body_pt * 0.6,
                )
            )
    out.append(Spacer(1, body_pt * 1.2))
    out.append(KeepTogether([TopPadder(_contact_box(wb, voice, ns, width))]))
    return out


def build(
    wb: Workbook, voice: Voice, size: str, large_print: bool, side_by_side: bool = False
) -> bytes:
    pref, low = styles.notice_body_range(size, large_print)
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

    first, pages = attempt(pref)
    if pages == 1:
        return first
    smallest, pages = attempt(low)
    if pages > 1:
        return first  # too long for one page even at the smallest size: flow on, at full size
    body = pref - 1
    while body > low:
        data, pages = attempt(body)
        if pages == 1:
            return data
        body -= 1
    return smallest
