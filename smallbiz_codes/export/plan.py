"""The communication plan: who is told what, how, when and by whom, inside and outside.

Internal items (staff) and external items (customers and others) each get a
table, then one timeline shows every item by month, drawn with ReportLab
graphics. Printed landscape, because the table has many columns.
"""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from smallbiz_codes.domain.records import CommunicationItem
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.export import charts, common
from smallbiz_codes.export.styles import DocStyles
from smallbiz_codes.export.voice import Voice
from smallbiz_codes.i18n import N_

TITLE = N_("Communication plan")
MONTHS = 12
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

COLUMNS = (
    (N_("Audience"), 0.12),
    (N_("Message"), 0.17),
    (N_("Method or channel"), 0.15),
    (N_("When"), 0.12),
    (N_("Responsible"), 0.10),
    (N_("Accessibility"), 0.13),
    (N_("How we know it worked"), 0.13),
)


def _month_label(d: dt.date, lang: str) -> str:
    return f"{d.month}月" if lang == "zh" else _EN_MONTHS[d.month - 1]


def _month_year(d: dt.date, voice: Voice) -> str:
    return " / ".join(
        dict.fromkeys(
            f"{d.year}年{d.month}月" if lang == "zh" else f"{_EN_MONTHS[d.month - 1]} {d.year}"
            for lang in voice.langs
        )
    )


def _items_table(
    voice: Voice, st: DocStyles, width: float, items: list[tuple[int, CommunicationItem]]
) -> Flowable:  # noqa: E501
    rows = [[voice.label(N_("No."))] + [voice.label(msg, sep="\n") for msg, _ in COLUMNS]]
    for n, it in items:
        when = "\n".join(x for x in (it.timing, voice.date(it.start_date)) if x.strip())
        message = "\n".join(x for x in (it.message, it.purpose) if x.strip())
        if it.done_on:
            when += "\n✓ " + voice.label(N_("done")) + " " + voice.date(it.done_on)
        rows.append(
            [
                str(n),
                it.audience,
                message,
                it.method,
                when,
                it.owner,
                it.accessibility,
                it.evaluation,
            ]
        )
    widths = [width * 0.04] + [width * w * (0.96 / sum(w for _, w in COLUMNS)) for _, w in COLUMNS]
    return common.simple_table(rows, widths, st)


def _first_month(wb: Workbook, items: list[CommunicationItem]) -> dt.date:
    starts = [d for d in (charts.month_start(it.start_date) for it in items) if d]
    if starts:
        return min(starts)
    eff = charts.month_start(common.stamp(wb).effective_date)
    return eff or common.creation_date(wb).replace(day=1)


def story(wb: Workbook, voice: Voice, st: DocStyles, width: float) -> list[Flowable]:
    out = common.title_block(wb, voice, st, TITLE)
    items = sorted(wb.communication_items, key=lambda i: i.position)
    numbered = list(enumerate(items, start=1))
    for direction, msg, none_msg in (
        ("internal", N_("Internal: telling our staff"), N_("No internal items planned yet.")),
        (
            "external",
            N_("External: telling customers and others"),
            N_("No external items planned yet."),
        ),  # noqa: E501
    ):
        out.append(common.heading(voice, msg, st.h1))
        group = [
            (n, it)
            for n, it in numbered
            if (it.direction == "internal") == (direction == "internal")
        ]  # noqa: E501
        if group:
            out.append(_items_table(voice, st, width, group))
        else:
            out.append(Paragraph(common.esc(voice.label(none_msg)), st.note))

    head = common.heading(voice, N_("Timeline"), st.h1)
    if not items:
        out.append(head)
        out.append(
            Paragraph(common.esc(voice.label(N_("Nothing to show on the timeline yet."))), st.note)
        )
        return out
    first = _first_month(wb, items)
    last = charts.add_months(first, MONTHS - 1)
    span = " – ".join(_month_year(d, voice) for d in (first, last))
    rows = []
    for n, it in numbered:
        label = f"{n}. " + " · ".join(x for x in (it.audience, it.method) if x.strip())
        rows.append(
            charts.TimelineRow(
                common.plain(label),
                it.direction == "internal",
                charts.month_start(it.start_date),
                charts.month_start(it.done_on),
            )
        )
    labels = [_month_label(charts.add_months(first, i), voice.first) for i in range(MONTHS)]
    legend = (
        voice.label(N_("internal")),
        voice.label(N_("external")),
        common.plain(voice.label(N_("◆ start month   ▢ done   ▶ outside these months"))),
    )
    drawing = charts.timeline(rows, first, MONTHS, width, labels, st.cell.fontSize, legend)
    out.append(
        KeepTogether(
            [head, Paragraph(common.esc(span), st.small), Spacer(1, 4 * st.scale), drawing]
        )
    )
    undated = [str(n) for n, it in numbered if charts.month_start(it.start_date) is None]
    if undated:
        out.append(
            Paragraph(
                common.esc(
                    voice.fmt(
                        N_("No start date yet for item(s) {items}."), items=", ".join(undated)
                    )
                ),
                st.note,
            )
        )
    return out


def build(wb: Workbook, voice: Voice, size: str, large_print: bool) -> bytes:
    return common.build_standard(
        wb,
        voice,
        size,
        large_print,
        TITLE,
        lambda st, width: story(wb, voice, st, width),
        landscape_page=True,
    )
