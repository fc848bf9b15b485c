"""The code of conduct itself: the full record, for the file, the website or anyone who asks.

It carries every element a code should state: title, purpose, scope and
exclusions, the promises with their conditions and remedies, whom to contact,
the route to outside dispute resolution, the effective date, how the business
checks it keeps its promises, and the version and approval. A field that is
still empty is named as such, so a reader never mistakes a gap for a promise.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.export import common
from smallbiz_codes.export.styles import DocStyles
from smallbiz_codes.export.voice import Voice
from smallbiz_codes.i18n import N_, tr

TITLE = N_("Customer satisfaction code of conduct")
BASIS = N_("Prepared following GB/T 19010-2021 (ISO 10001:2018).")


def _text(voice: Voice, st: DocStyles, value: str, alt: str = "") -> list[Flowable]:
    paras = common.user_paras(voice, value, alt, st.body, st.alt)
    return paras or [common.not_filled(voice, st.note)]


def _section(voice: Voice, st: DocStyles, n: int, msg: str) -> Flowable:
    label = voice.label(msg)
    return common.Heading(f"{n}&nbsp;&nbsp;{common.esc(label)}", st.h1, 0, f"{n} {label}")


def _facts(voice: Voice, st: DocStyles, width: float, rows: list[tuple[str, str]]) -> Flowable:
    data = [[voice.label(k), v or voice.label(N_("not set"))] for k, v in rows]
    return common.simple_table(data, [width * 0.3, width * 0.7], st, header=False, zebra=True)


def story(wb: Workbook, voice: Voice, st: DocStyles, width: float) -> list[Flowable]:
    code, org = wb.code, wb.organization
    stp = common.stamp(wb)
    # the code's own title in the document's first language; the generic title when that
    # language's version was not written (the other language's title would not fit)
    first, second = (code.title, code.title_alt)
    if voice.first != org.language:
        first, second = second, first
    own_title = first.strip()
    also = second.strip() if voice.both and own_title and second.strip() != own_title else ""
    out = common.title_block(wb, voice, st, TITLE, title=own_title, title_alt=also)
    out.append(Paragraph(common.esc(voice.label(BASIS, sep=" ")), st.small))
    out.append(Spacer(1, 6 * st.scale))
    status = voice.label(N_("published") if stp.published else N_("draft"))
    approval = wb.latest_approval()
    out.append(
        _facts(
            voice,
            st,
            width,
            [
                (N_("Version"), f"{stp.version} ({status})"),
                (N_("Effective date"), voice.date(stp.effective_date)),
                (N_("Next review"), voice.date(code.review_date)),
                (N_("Version reference"), stp.fingerprint),
            ],
        )
    )
    n = 0

    def section(msg: str) -> Flowable:
        nonlocal n
        n += 1
        return _section(voice, st, n, msg)

    out.append(section(N_("Who we are")))
    ident = [voice.user_one(org.name, org.name_alt)]
    for msg, value in (
        (N_("Address"), voice.user_one(org.address, org.address_alt)),
        (N_("Phone"), org.phone),
        (N_("E-mail"), org.email),
        (N_("Web page"), org.website),
    ):
        if value.strip():
            ident.append(f"{voice.label(msg)}: {value.strip()}")
    out.append(Paragraph("<br/>".join(common.esc(x) for x in ident if x) or "", st.body))
    if code.adopted_from.strip():
        out.append(
            Paragraph(
                common.esc(
                    voice.label(N_("Based on a code provided by:")) + " " + code.adopted_from
                ),
                st.body,
            )
        )
    if org.products_services.strip():
        out.extend(_text(voice, st, org.products_services))

    out.append(section(N_("Purpose")))
    out.extend(_text(voice, st, code.purpose, code.purpose_alt))

    out.append(section(N_("Scope")))
    out.extend(_text(voice, st, code.scope, code.scope_alt))
    out.append(Paragraph(common.esc(voice.label(N_("Not covered"))), st.h2))
    out.extend(_text(voice, st, code.exclusions, code.exclusions_alt))

    out.append(section(N_("Our promises and their provisions")))
    promises = sorted(wb.promises, key=lambda p: p.position)
    if not promises:
        out.append(
            Paragraph(common.esc(voice.label(N_("No promises have been written yet."))), st.note)
        )
    for i, p in enumerate(promises, start=1):
        head = voice.label(N_("Promise {n}")).format(n=i)
        block: list[Flowable] = [common.Heading(common.esc(head), st.h2, 1, head)]
        block.extend(
            common.user_paras(voice, p.wording, p.wording_alt, st.strong, st.alt)
            or [common.not_filled(voice, st.note)]
        )
        rows = [
            (N_("Covers"), voice.user_one(p.covers, "", sep="\n")),
            (
                N_("Conditions and limitations"),
                voice.user_one(p.conditions, p.conditions_alt, sep="\n"),
            ),  # noqa: E501
            (N_("Remedy"), voice.user_one(p.remedy, p.remedy_alt, sep="\n")),
            (N_("Responsible"), p.owner),
        ]
        block.append(_facts(voice, st, width, rows))
        inds = wb.indicators_for(p)
        if inds:
            names = "; ".join(x.name for x in inds if x.name)
            block.append(
                Paragraph(
                    common.bold_label(voice.first, N_("How we measure it")) + common.esc(names),
                    st.small,
                )
            )
        out.append(KeepTogether(block))

    out.append(section(N_("Remedies at a glance")))
    if promises:
        rows = [[voice.label(N_("No.")), voice.label(N_("Promise")), voice.label(N_("Remedy"))]]
        for i, p in enumerate(promises, start=1):
            rows.append(
                [
                    str(i),
                    voice.user_one(p.wording, p.wording_alt, sep="\n"),
                    voice.user_one(p.remedy, p.remedy_alt, sep="\n") or voice.label(N_("not set")),
                ]
            )
        out.append(common.simple_table(rows, [width * 0.08, width * 0.52, width * 0.40], st))
    else:
        out.append(common.not_filled(voice, st.note))

    out.append(section(N_("Questions and complaints")))
    out.extend(_text(voice, st, code.complaints_contact, code.complaints_contact_alt))
    if org.complaint_handling.strip():
        out.append(Paragraph(common.esc(voice.label(N_("How we handle a complaint"))), st.h2))
        out.extend(_text(voice, st, org.complaint_handling))

    out.append(section(N_("If we cannot settle it")))
    out.extend(_text(voice, st, code.dispute_route, code.dispute_route_alt))

    out.append(section(N_("How we check that we keep our promises")))
    out.extend(_text(voice, st, code.monitoring))
    if wb.indicators:
        rows = [
            [voice.label(N_("Indicator")), voice.label(N_("Target")), voice.label(N_("How often"))]
        ]
        for ind in wb.indicators:
            target = "" if ind.target is None else f"{ind.target:g} {ind.unit}".strip()
            rows.append([ind.name or voice.label(N_("not set")), target, ind.frequency])
        out.append(common.simple_table(rows, [width * 0.5, width * 0.25, width * 0.25], st))

    out.append(section(N_("Effective date and review")))
    eff = voice.date(stp.effective_date) or voice.label(N_("not set"))
    rev = voice.date(code.review_date) or voice.label(N_("not set"))
    lines = []
    for lang in voice.langs:
        lines.append(
            tr(
                lang,
                N_(
                    "This code is in force from {date}. We review it by {review} "
                    "and tell customers and staff about any change."
                ),
            ).format(date=eff, review=rev)
        )
    out.extend(Paragraph(common.esc(x), st.body if i == 0 else st.alt) for i, x in enumerate(lines))

    out.append(section(N_("Version and approval")))
    if stp.published and approval is not None:
        rows2 = [
            (N_("Version"), str(approval.version)),
            (N_("Approved by"), approval.approved_by),
            (N_("Approved on"), voice.date(approval.approved_on)),
            (N_("Version reference"), approval.fingerprint),
        ]
        out.append(_facts(voice, st, width, rows2))
    else:
        out.append(Paragraph(common.esc(common.version_text(stp, voice)), st.note))
        if code.approver.strip():
            out.append(
                Paragraph(
                    common.esc(voice.label(N_("To be approved by:")) + " " + code.approver), st.body
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
        toc_after_pages=3,
        surely_long=len(wb.promises) > 8,
    )
