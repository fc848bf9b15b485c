"""Staff briefing: what we promised, what each person does to keep it, and a sign-off sheet.

Read at a staff meeting before the code comes into force and kept in the
training file: per promise, its conditions and remedy, the procedures that keep
it and who does them, what to do when it is at risk or broken, and whom to
tell. The last page is a sign-off sheet with lines for name, date and signature.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.export import common
from smallbiz_codes.export.styles import DocStyles
from smallbiz_codes.export.voice import Voice
from smallbiz_codes.i18n import N_, tr

TITLE = N_("Staff briefing: our promises to customers")
SIGN_ROWS = 14

AT_RISK_STEPS = (
    N_(
        "Put it right for the customer at once: give the remedy the promise states, "
        "without being asked twice."
    ),
    N_(
        "Tell the person responsible for the promise the same day, or the contact below if they are away."  # noqa: E501
    ),  # noqa: E501
    N_("Write it in the feedback log: date, what happened, what the customer received."),
    N_(
        "If you see a promise will be missed (an order running late, a wrong label), "
        "say so before the customer finds out, and tell the customer honestly."
    ),
)


def _lead(voice: Voice, st: DocStyles, msg: str) -> list[Flowable]:
    return [
        Paragraph(common.esc(t), st.body if i == 0 else st.alt)
        for i, (_l, t) in enumerate(voice.labels(msg))
    ]


def story(wb: Workbook, voice: Voice, st: DocStyles, width: float) -> list[Flowable]:
    code = wb.code
    out = common.title_block(wb, voice, st, TITLE)
    out.extend(
        _lead(
            voice,
            st,
            N_(
                "These are the promises we make to every customer. Each of us has a part in keeping "  # noqa: E501
                "them. Read them, ask about anything unclear, and sign the last page."
            ),
        )
    )
    stp = common.stamp(wb)
    if stp.effective_date:
        out.extend(
            Paragraph(
                common.esc(
                    tr(lang, N_("The promises apply from {date}.")).format(
                        date=Voice(lang, voice.primary).date(stp.effective_date)
                    )
                ),
                st.body if i == 0 else st.alt,
            )
            for i, lang in enumerate(voice.langs)
        )

    out.append(common.heading(voice, N_("Our promises and what we each do"), st.h1))
    promises = sorted(wb.promises, key=lambda p: p.position)
    if not promises:
        out.append(
            Paragraph(common.esc(voice.label(N_("No promises have been written yet."))), st.note)
        )
    roles: dict[str, list[tuple[int, str]]] = {}
    for n, p in enumerate(promises, start=1):
        head = f"{n}. " + (voice.user_one(p.wording, p.wording_alt, sep="\n") or "…")
        block: list[Flowable] = [common.Heading(common.esc(head), st.h2, 1, head.splitlines()[0])]
        facts = [
            (
                N_("Conditions and limitations"),
                voice.user_one(p.conditions, p.conditions_alt, sep="\n"),
            ),  # noqa: E501
            (N_("Remedy for the customer"), voice.user_one(p.remedy, p.remedy_alt, sep="\n")),
            (N_("Responsible"), p.owner),
        ]
        rows = [[voice.label(k), v or voice.label(N_("not set"))] for k, v in facts]
        block.append(common.simple_table(rows, [width * 0.28, width * 0.72], st, header=False))
        out.append(KeepTogether(block))
        procs = wb.procedures_for(p)
        if procs:
            rows = [
                [
                    voice.label(N_("Who")),
                    voice.label(N_("What to do")),
                    voice.label(N_("When it is at risk or broken")),
                ]
            ]
            for proc in procs:
                what = "\n".join(x for x in (proc.title, proc.steps) if x.strip())
                rows.append(
                    [
                        proc.owner or voice.label(N_("not set")),
                        what,
                        proc.at_risk or voice.label(N_("not set")),
                    ]
                )
                roles.setdefault(proc.owner.strip() or voice.label(N_("not set")), []).append(
                    (n, proc.title or proc.steps[:40])
                )
            out.append(Spacer(1, 4 * st.scale))
            out.append(common.simple_table(rows, [width * 0.2, width * 0.45, width * 0.35], st))
        else:
            out.append(
                Paragraph(
                    common.esc(
                        voice.label(N_("No procedure has been written for this promise yet."))
                    ),
                    st.note,
                )
            )
        out.append(Spacer(1, 6 * st.scale))

    out.append(CondPageBreak(120 * st.scale))
    out.append(common.heading(voice, N_("Who does what"), st.h1))
    if roles:
        rows = [[voice.label(N_("Who")), voice.label(N_("Tasks")), voice.label(N_("Promise"))]]
        for who in sorted(roles):
            tasks = roles[who]
            rows.append(
                [
                    who,
                    "\n".join(t for _, t in tasks),
                    ", ".join(dict.fromkeys(str(n) for n, _ in tasks)),
                ]
            )
        out.append(common.simple_table(rows, [width * 0.28, width * 0.56, width * 0.16], st))
    else:
        out.append(
            Paragraph(common.esc(voice.label(N_("No procedures have been written yet."))), st.note)
        )

    out.append(common.heading(voice, N_("When a promise is at risk or broken"), st.h1))
    for i, msg in enumerate(AT_RISK_STEPS, start=1):
        for j, (_l, text) in enumerate(voice.labels(msg)):
            out.append(
                Paragraph(
                    common.esc(text),
                    st.body if j == 0 else st.alt,
                    bulletText=f"{i}." if j == 0 else None,
                )
            )

    out.append(common.heading(voice, N_("Whom to tell"), st.h1))
    contact = common.user_paras(
        voice, code.complaints_contact, code.complaints_contact_alt, st.body, st.alt
    )
    out.extend(contact or [common.not_filled(voice, st.note)])
    owners = sorted({p.owner.strip() for p in promises if p.owner.strip()})
    if owners:
        out.append(
            Paragraph(
                common.bold_label(voice.first, N_("Responsible for the promises"))
                + common.esc("; ".join(owners)),
                st.body,
            )
        )

    out.append(PageBreak())
    out.append(common.heading(voice, N_("Sign-off sheet"), st.h1))
    out.extend(
        _lead(
            voice,
            st,
            N_(
                "I have been briefed on our promises to customers, I know what I do to keep them and "  # noqa: E501
                "what to do when one is at risk or broken."
            ),
        )
    )
    out.append(Spacer(1, 8 * st.scale))
    rows = [
        [
            voice.label(N_("No.")),
            voice.label(N_("Name")),
            voice.label(N_("Role")),
            voice.label(N_("Date")),
            voice.label(N_("Signature")),
        ]
    ]
    blank = Spacer(1, 22 * st.scale)
    for i in range(1, SIGN_ROWS + 1):
        rows.append([str(i), blank, "", "", ""])
    sheet = common.simple_table(
        rows, [width * 0.07, width * 0.28, width * 0.2, width * 0.17, width * 0.28], st, zebra=False
    )
    from reportlab.platypus import TableStyle

    from smallbiz_codes.export.styles import GRID

    sheet.setStyle(
        TableStyle([("GRID", (0, 1), (-1, -1), 0.5, GRID), ("VALIGN", (0, 1), (-1, -1), "MIDDLE")])
    )
    out.append(sheet)
    out.append(Spacer(1, 12 * st.scale))
    out.append(
        Paragraph(
            common.esc(
                voice.label(N_("Briefing given by"))
                + ": ________________    "
                + voice.label(N_("Date"))
                + ": ____________"
            ),
            st.body,
        )
    )
    return out


def build(wb: Workbook, voice: Voice, size: str, large_print: bool) -> bytes:
    return common.build_standard(
        wb, voice, size, large_print, TITLE, lambda st, width: story(wb, voice, st, width)
    )
