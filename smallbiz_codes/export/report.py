"""Performance and review report: are we keeping our promises, and what do we change?

Indicators against their targets (table and one chart per indicator), the
satisfaction results, a summary of feedback and complaints, the review's
decisions and the improvement actions. Until data exists it prints what there
is and says plainly, at the top, what is still missing.
"""

from __future__ import annotations

from collections import Counter

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from smallbiz_codes.domain.records import Indicator
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.export import charts, common
from smallbiz_codes.export.styles import ACCENT_LIGHT, WARN, DocStyles
from smallbiz_codes.export.voice import Voice
from smallbiz_codes.i18n import N_, tr

TITLE = N_("Performance and review report")


def _num(v: float | None) -> str:
    return "" if v is None else f"{v:g}"


def _status(ind: Indicator, latest: float | None) -> str:
    if latest is None or ind.target is None:
        return N_("no data yet") if latest is None else N_("no target set")
    ok = latest <= ind.target if ind.direction == "down" else latest >= ind.target
    return N_("on target") if ok else N_("missed")


def _missing(wb: Workbook) -> list[str]:
    gaps: list[str] = []
    if not wb.indicators:
        gaps.append(N_("No performance indicators have been set."))
    elif not wb.measurements:
        gaps.append(N_("No measurements have been recorded for any indicator yet."))
    else:
        without = [i for i in wb.indicators if not wb.measurements_for(i)]
        if without:
            gaps.append(N_('Some indicators have no measurements yet (marked "no data yet").'))
    if not wb.satisfaction_results:
        gaps.append(N_("No survey of customer satisfaction with the code has been recorded."))
    if not wb.feedback:
        gaps.append(N_("No feedback or complaints have been logged."))
    if not wb.reviews:
        gaps.append(N_("No review meeting has been recorded."))
    if not wb.improvement_actions:
        gaps.append(N_("No improvement actions have been recorded."))
    return gaps


def _label_rows(voice: Voice, msgs: tuple[str, ...]) -> list[str]:
    return [voice.label(m, sep="\n") for m in msgs]


def story(wb: Workbook, voice: Voice, st: DocStyles, width: float) -> list[Flowable]:
    out = common.title_block(wb, voice, st, TITLE)
    periods = sorted({m.period for m in wb.measurements if m.period})
    if periods:
        out.append(
            Paragraph(
                common.esc(
                    voice.fmt(
                        N_("Measurements from {a} to {b}"),
                        dates={"a": periods[0], "b": periods[-1]},
                    )
                ),
                st.body,
            )
        )

    gaps = _missing(wb)
    if gaps:
        lines = [Paragraph(common.esc(voice.label(N_("Not recorded yet"))), st.h2)]
        for g in gaps:
            for i, (_l, text) in enumerate(voice.labels(g)):
                lines.append(
                    Paragraph(
                        common.esc(text),
                        st.body if i == 0 else st.alt,
                        bulletText="•" if i == 0 else None,
                    )
                )
        box = Table([[lines]], colWidths=[width], splitInRow=1)
        box.setStyle(
            common.table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                    ("LINEBEFORE", (0, 0), (0, -1), 3, WARN),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10 * st.scale),
                    ("TOPPADDING", (0, 0), (-1, -1), 2 * st.scale),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6 * st.scale),
                ]
            )
        )
        out.append(box)

    # indicators against targets
    out.append(common.heading(voice, N_("Indicators against targets"), st.h1))
    promise_no = {p.id: n for n, p in enumerate(sorted(wb.promises, key=lambda p: p.position), 1)}
    if wb.indicators:
        rows = [
            [voice.label(N_("No."))]
            + _label_rows(
                voice, (N_("Indicator"), N_("Promise"), N_("Target"), N_("Latest"), N_("Status"))
            )
        ]
        for n, ind in enumerate(wb.indicators, start=1):
            ms = [m for m in wb.measurements_for(ind) if m.value is not None]
            latest = ms[-1].value if ms else None
            better = voice.label(
                N_("lower is better") if ind.direction == "down" else N_("higher is better")
            )  # noqa: E501
            target = f"{_num(ind.target)} {ind.unit}".strip() + f"\n({better})"
            rows.append(
                [
                    str(n),
                    ind.name or voice.label(N_("not set")),
                    str(promise_no.get(ind.promise_id, "–")),
                    target,
                    f"{_num(latest)} {ind.unit}".strip() if latest is not None else "–",
                    voice.label(_status(ind, latest), sep="\n"),
                ]
            )
        out.append(
            common.simple_table(rows, [width * f for f in (0.06, 0.34, 0.1, 0.2, 0.14, 0.16)], st)
        )
        for n, ind in enumerate(wb.indicators, start=1):
            ms = [m for m in wb.measurements_for(ind) if m.value is not None]
            if not ms:
                continue
            head = f"{n}. {ind.name}"
            cats = [m.period[:7] for m in ms][-24:]
            vals = [float(m.value) for m in ms][-24:]  # type: ignore[arg-type]
            tlabel = tr(voice.first, N_("target")) + f" {_num(ind.target)}"
            chart = charts.indicator_chart(
                cats,
                vals,
                ind.target,
                ind.direction,
                width,
                140 * st.scale,
                st.cell.fontSize,
                tlabel,
            )
            out.append(KeepTogether([Paragraph(common.esc(head), st.h2), chart]))
    else:
        out.append(
            Paragraph(
                common.esc(voice.label(N_("No performance indicators have been set."))), st.note
            )
        )

    # satisfaction with the code
    out.append(common.heading(voice, N_("Customer satisfaction with the code"), st.h1))
    if wb.satisfaction_results:
        rows = [
            _label_rows(
                voice,
                (
                    N_("Date"),
                    N_("Method"),
                    N_("People asked"),
                    N_("Knew the code"),
                    N_("Found it clear"),
                    N_("Found it fair"),
                    N_("Overall"),
                ),
            )
        ]
        for r in sorted(wb.satisfaction_results, key=lambda r: r.date):
            rows.append(
                [
                    voice.date(r.date, sep="\n"),
                    r.method,
                    str(r.sample),
                    _num(r.awareness),
                    _num(r.clarity),
                    _num(r.fairness),
                    _num(r.overall),
                ]
            )
        out.append(common.simple_table(rows, [width / 7] * 7, st))
    else:
        out.append(Paragraph(common.esc(voice.label(N_("Nothing recorded yet."))), st.note))

    # feedback summary
    out.append(common.heading(voice, N_("Feedback and complaints"), st.h1))
    if wb.feedback:
        kinds = Counter(f.kind for f in wb.feedback)
        open_n = sum(f.status != "closed" for f in wb.feedback)
        kind_names = {
            "complaint": N_("complaints"),
            "feedback": N_("suggestions"),
            "praise": N_("praise"),
        }
        rows = [_label_rows(voice, (N_("Kind"), N_("Number")))]
        for k, c in sorted(kinds.items()):
            rows.append([voice.label(kind_names.get(k, k)), str(c)])
        rows.append([voice.label(N_("still open")), str(open_n)])
        out.append(common.simple_table(rows, [width * 0.4, width * 0.2], st))
        by_promise = Counter(promise_no.get(f.promise_id) for f in wb.feedback)
        if any(k is not None for k in by_promise):
            out.append(Spacer(1, 6 * st.scale))
            rows = [_label_rows(voice, (N_("Promise"), N_("Feedback"), N_("Remedies given")))]
            for pn in sorted(k for k in by_promise if k is not None):
                items = [f for f in wb.feedback if promise_no.get(f.promise_id) == pn]
                rows.append(
                    [
                        str(pn),
                        str(len(items)),
                        str(sum(bool(f.remedy_given.strip()) for f in items)),
                    ]
                )  # noqa: E501
            out.append(common.simple_table(rows, [width * 0.2, width * 0.2, width * 0.2], st))
        recent = sorted(wb.feedback, key=lambda f: f.date, reverse=True)[:10]
        out.append(Paragraph(common.esc(voice.label(N_("Most recent"))), st.h2))
        rows = [_label_rows(voice, (N_("Date"), N_("Summary"), N_("Remedy given"), N_("Status")))]
        for f in recent:
            rows.append(
                [
                    voice.date(f.date, sep="\n"),
                    f.summary,
                    f.remedy_given,
                    voice.label(N_("closed") if f.status == "closed" else N_("open")),
                ]
            )
        out.append(common.simple_table(rows, [width * f for f in (0.16, 0.46, 0.26, 0.12)], st))
    else:
        out.append(Paragraph(common.esc(voice.label(N_("Nothing recorded yet."))), st.note))

    # review decisions
    out.append(common.heading(voice, N_("Review decisions"), st.h1))
    if wb.reviews:
        for r in sorted(wb.reviews, key=lambda r: r.date, reverse=True):
            block: list[Flowable] = [
                Paragraph(
                    common.esc(voice.fmt(N_("Review of {date}"), dates={"date": r.date})),
                    st.h2,
                )
            ]
            rows = [
                [voice.label(k), v or "–"]
                for k, v in (
                    (N_("Participants"), r.participants),
                    (N_("What we looked at"), r.inputs),
                    (N_("Decisions"), r.decisions),
                    (N_("Next review"), voice.date(r.next_review)),
                )
            ]
            block.append(common.simple_table(rows, [width * 0.25, width * 0.75], st, header=False))
            out.append(KeepTogether(block))
    else:
        out.append(Paragraph(common.esc(voice.label(N_("Nothing recorded yet."))), st.note))
        if wb.code.review_date:
            out.append(
                Paragraph(
                    common.esc(
                        voice.fmt(
                            N_("The first review is due by {date}."),
                            dates={"date": wb.code.review_date},
                        )
                    ),
                    st.body,
                )
            )

    # improvement actions
    out.append(common.heading(voice, N_("Improvement actions"), st.h1))
    if wb.improvement_actions:
        rows = [
            _label_rows(
                voice,
                (
                    N_("Action"),
                    N_("Why"),
                    N_("Responsible"),
                    N_("Due"),
                    N_("Status"),
                    N_("Did it work?"),
                ),
            )
        ]
        for a in wb.improvement_actions:
            rows.append(
                [
                    a.action,
                    "\n".join(x for x in (a.source, a.cause) if x.strip()),
                    a.owner,
                    voice.date(a.due, sep="\n"),
                    voice.label(N_("closed") if a.status in ("done", "closed") else N_("open")),
                    a.effectiveness,
                ]
            )
        out.append(
            common.simple_table(rows, [width * f for f in (0.28, 0.2, 0.14, 0.12, 0.1, 0.16)], st)
        )
    else:
        out.append(Paragraph(common.esc(voice.label(N_("Nothing recorded yet."))), st.note))
    return out


def build(wb: Workbook, voice: Voice, size: str, large_print: bool) -> bytes:
    return common.build_standard(
        wb, voice, size, large_print, TITLE, lambda st, width: story(wb, voice, st, width)
    )
