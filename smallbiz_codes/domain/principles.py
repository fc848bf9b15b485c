"""Check a workbook against the guiding principles (ISO 10001 clause 4).

Clause 4 has a general part (4.1) and twelve principles, 4.2 Commitment to
4.13 Timeliness. For each principle the status is derived from what the
workbook holds, and shown with the owner's own comment (PrincipleAssessment
records). What is checked for each principle is this program's reading of the
principle, kept deliberately simple; docs/checks.md lists it.

Each problem is a Finding whose ``step`` names the wizard page that fixes it.
Problems that other checks already report (a promise with no remedy, void
wording) appear here as those same findings, so a principle can point at them,
but ``principle_findings`` (what ``run_all`` adds) leaves them out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from smallbiz_codes.domain import wording
from smallbiz_codes.domain.checks import ERROR, WARNING, Finding, structural_findings
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import N_
from smallbiz_codes.resources_path import resource

OK = "ok"
PARTLY = "partly"  # some advice open
MISSING = "missing"  # at least one blocking problem: the principle is not met yet

# Wizard pages a problem can send the owner to.
STEPS: tuple[str, ...] = (
    "business",
    "objectives",
    "known",
    "asked",
    "promises",
    "indicators",
    "procedures",
    "resources",
    "principles",
    "publish",
    "plan",
    "feedback",
)


@cache
def _data() -> dict[str, Any]:
    with open(resource("checks", "principles.json"), encoding="utf-8") as fh:
        return json.load(fh)


@dataclass(frozen=True)
class PrincipleStatus:
    clause: str  # "4.2" ... "4.13"
    key: str  # "commitment" ...
    status: str  # OK, PARTLY or MISSING
    blocking: tuple[Finding, ...]  # what keeps the principle from being met
    advice: tuple[Finding, ...]  # what would make it stronger
    step: str  # the page to open first: that of the first problem, else the principle's own
    owner_status: str = ""  # the owner's own verdict: "", "ok", "todo"
    comment: str = ""  # the owner's own comment

    @property
    def problems(self) -> tuple[Finding, ...]:
        return self.blocking + self.advice

    def title(self, lang: str) -> str:
        return _principle(self.clause)["title"][lang]

    def question(self, lang: str) -> str:
        return _principle(self.clause)["question"][lang]


def _principle(clause: str) -> dict[str, Any]:
    return next(p for p in _data()["principles"] if p["clause"] == clause)


def clauses() -> list[str]:
    """The principles this check covers: 4.2 to 4.13 (4.1 is the clause's introduction)."""
    return [p["clause"] for p in _data()["principles"]]


Problem = tuple[str, Finding]  # (MISSING or PARTLY, finding)


def _f(
    rule: str,
    message: str,
    step: str,
    record: str = "code:1",
    fields: dict[str, str] | None = None,
    where: str = "",
) -> Finding:
    return Finding(WARNING, rule, message, dict(fields or {}), record, where=where, step=step)


class _Context:
    """What several principles look at, computed once per assessment."""

    def __init__(self, wb: Workbook, known: tuple[list[Finding], list[Finding]] | None) -> None:
        self.wb = wb
        if known is None:
            known = (structural_findings(wb), wording.wording_findings(wb))
        self.structural, self.wording = known

    def structural_rule(self, rule: str) -> list[Finding]:
        return [f for f in self.structural if f.rule == rule]


def _commitment(c: _Context) -> list[Problem]:
    wb, out = c.wb, []
    if not wb.code.approver.strip():
        out.append(
            (
                MISSING,
                _f(
                    "principle.commitment.no_approver",
                    N_("Nobody is named as approving the code."),
                    "publish",
                    where="approver",
                ),
            )
        )
    pending = [r for r in wb.resources if not r.approved]
    if pending:
        out.append(
            (
                PARTLY,
                _f(
                    "principle.commitment.resources_not_approved",
                    N_("{count} of the resources are not approved yet."),
                    "resources",
                    fields={"count": str(len(pending))},
                ),
            )
        )
    return out


def _capability(c: _Context) -> list[Problem]:
    wb, out = c.wb, []
    for n, p in enumerate(wb.promises, start=1):
        if not p.capability_confirmed:
            out.append(
                (
                    MISSING,
                    _f(
                        "principle.capability.not_confirmed",
                        N_("Promise {n} is not yet confirmed as one you can keep."),
                        "promises",
                        f"promise:{p.id}",
                        {"n": str(n)},
                        "capability_confirmed",
                    ),
                )
            )
    if not wb.resources:
        out.append(
            (
                MISSING,
                _f(
                    "principle.capability.no_resources",
                    N_(
                        "No resources are listed for keeping the promises (people, time, money for remedies, materials)."  # noqa: E501
                    ),
                    "resources",
                ),
            )
        )
    return out


def _transparency(c: _Context) -> list[Problem]:
    wb, out = c.wb, []
    if not wb.code.monitoring.strip():
        out.append(
            (
                PARTLY,
                _f(
                    "principle.transparency.no_monitoring",
                    N_("The code does not say how you check that you keep your promises."),
                    "indicators",
                    where="monitoring",
                ),
            )
        )
    if not wb.code.dispute_route.strip():
        out.append(
            (
                PARTLY,
                _f(
                    "principle.transparency.no_dispute_route",
                    N_(
                        "The code does not say where customers can turn when you cannot settle a complaint (for example 12315)."  # noqa: E501
                    ),
                    "publish",
                    where="dispute_route",
                ),
            )
        )
    return out


def _accessibility(c: _Context) -> list[Problem]:
    wb, out = c.wb, []
    external = [i for i in wb.communication_items if i.direction == "external"]
    if not external:
        out.append(
            (
                MISSING,
                _f(
                    "principle.accessibility.no_external",
                    N_(
                        "Customers have no way to see the code yet: plan at least one (a notice by the till, the order slip, your online shop)."  # noqa: E501
                    ),
                    "plan",
                ),
            )
        )
    for item in external:
        if not item.accessibility.strip():
            out.append(
                (
                    PARTLY,
                    _f(
                        "principle.accessibility.no_notes",
                        N_(
                            "“{audience}”: say how everyone can read it (large print, languages, read out loud)."  # noqa: E501
                        ),
                        "plan",
                        f"communication_item:{item.id}",
                        {"audience": item.audience or item.method or "…"},
                        "accessibility",
                    ),
                )
            )
    out += [(MISSING, f) for f in c.structural_rule("code.no_contact")]
    return out


def _responsiveness(c: _Context) -> list[Problem]:
    out = [(MISSING, f) for f in c.structural_rule("promise.no_remedy")]
    out += [(MISSING, f) for f in c.structural_rule("promise.no_owner")]
    out += [(MISSING, f) for f in c.structural_rule("code.no_contact")]
    return out


def _integrity(c: _Context) -> list[Problem]:
    out: list[Problem] = [(MISSING, f) for f in c.wording if f.severity == ERROR]
    out += [(PARTLY, f) for f in c.wording if f.rule == "promise.alt_numbers_differ"]
    for n, p in enumerate(c.wb.promises, start=1):
        if p.wording.strip() and not p.conditions.strip():
            out.append(
                (
                    PARTLY,
                    _f(
                        "principle.integrity.no_conditions",
                        N_(
                            "Promise {n} states no conditions or limitations. If there are any, put them right next to the promise."  # noqa: E501
                        ),
                        "promises",
                        f"promise:{p.id}",
                        {"n": str(n)},
                        "conditions",
                    ),
                )
            )
    return out


def _accountability(c: _Context) -> list[Problem]:
    wb = c.wb
    out = [(MISSING, f) for f in c.structural_rule("promise.no_owner")]
    for ind in wb.indicators:
        if not ind.owner.strip():
            out.append(
                (
                    PARTLY,
                    _f(
                        "principle.accountability.indicator_owner",
                        N_("Indicator “{name}” has nobody responsible for it."),
                        "indicators",
                        f"indicator:{ind.id}",
                        {"name": ind.name or "…"},
                        "owner",
                    ),
                )
            )
    for proc in wb.procedures:
        if not proc.owner.strip():
            out.append(
                (
                    PARTLY,
                    _f(
                        "principle.accountability.procedure_owner",
                        N_("Procedure “{name}” has nobody responsible for it."),
                        "procedures",
                        f"procedure:{proc.id}",
                        {"name": proc.title or "…"},
                        "owner",
                    ),
                )
            )
    out += [p for p in _commitment(c) if p[1].rule == "principle.commitment.no_approver"]
    return out


def _review_date(c: _Context) -> list[Problem]:
    code = c.wb.code
    if not code.review_date.strip():
        return [
            (
                MISSING,
                _f(
                    "principle.improvement.no_review_date",
                    N_("No date is set for reviewing the code."),
                    "publish",
                    where="review_date",
                ),
            )
        ]
    if code.effective_date and code.review_date <= code.effective_date:
        return [
            (
                PARTLY,
                _f(
                    "principle.improvement.review_before_start",
                    N_("The review date is not after the effective date."),
                    "publish",
                    where="review_date",
                ),
            )
        ]
    return []


def _confidentiality(c: _Context) -> list[Problem]:
    conf = _data()["confidentiality"]
    identifying = [re.compile(p) for p in conf["identifying"]]
    out: list[Problem] = []
    for fb in c.wb.feedback:
        ref = fb.customer_ref.strip()
        if not ref:
            continue
        if any(p.search(ref) for p in identifying) or len(ref) > conf["max_ref_chars"]:
            out.append(
                (
                    PARTLY,
                    _f(
                        "principle.confidentiality.customer_ref",
                        N_(
                            "Feedback of {date}: the customer reference “{ref}” could identify the customer. Keep a surname and the last four phone digits at most."  # noqa: E501
                        ),
                        "feedback",
                        f"feedback:{fb.id}",
                        {"date": fb.date, "ref": ref},
                        "customer_ref",
                    ),
                )
            )
    return out


def _customer_focus(c: _Context) -> list[Problem]:
    inputs = c.wb.party_inputs
    if not inputs:
        return [
            (
                MISSING,
                _f(
                    "principle.customer_focus.nobody_asked",
                    N_(
                        "Nobody has been asked about the promises yet. Ask a few customers what matters to them."  # noqa: E501
                    ),
                    "asked",
                ),
            )
        ]
    words = [w.lower() for w in _data()["customer_parties"]]
    if not any(w in i.party.lower() for i in inputs for w in words):
        return [
            (
                PARTLY,
                _f(
                    "principle.customer_focus.no_customers",
                    N_("None of the people you asked are customers."),
                    "asked",
                ),
            )
        ]
    return []


def _competence(c: _Context) -> list[Problem]:
    wb = c.wb
    internal = any(i.direction == "internal" for i in wb.communication_items)
    training = any(r.kind == "training" for r in wb.resources)
    if not internal and not training:
        return [
            (
                MISSING,
                _f(
                    "principle.competence.no_briefing",
                    N_("No staff briefing or training on the promises is planned."),
                    "plan",
                ),
            )
        ]
    return []


def _timeliness(c: _Context) -> list[Problem]:
    wb = c.wb
    out = [p for p in _review_date(c) if p[0] == MISSING]
    lang = wb.organization.language if wb.organization.language in wording.LANGS else "zh"
    complaints = [p for p in wb.promises if p.category == "complaints"]
    if not any(wording.measured(p.wording, lang) for p in complaints):
        out.append(
            (
                PARTLY,
                _f(
                    "principle.timeliness.no_complaint_time",
                    N_("No promise says how fast you answer complaints."),
                    "promises",
                ),
            )
        )
    immediate = re.compile(_data()["immediate"][lang], re.IGNORECASE)
    for n, p in enumerate(wb.promises, start=1):
        remedy = p.remedy.strip()
        if remedy and not wording.measured(remedy, lang) and not immediate.search(remedy):
            out.append(
                (
                    PARTLY,
                    _f(
                        "principle.timeliness.remedy_time",
                        N_("Promise {n} does not say when the customer gets the remedy."),
                        "promises",
                        f"promise:{p.id}",
                        {"n": str(n)},
                        "remedy",
                    ),
                )
            )
    return out


_CHECKS: dict[str, Callable[[_Context], list[Problem]]] = {
    "4.2": _commitment,
    "4.3": _capability,
    "4.4": _transparency,
    "4.5": _accessibility,
    "4.6": _responsiveness,
    "4.7": _integrity,
    "4.8": _accountability,
    "4.9": _review_date,
    "4.10": _confidentiality,
    "4.11": _customer_focus,
    "4.12": _competence,
    "4.13": _timeliness,
}


def assess(
    wb: Workbook, known: tuple[list[Finding], list[Finding]] | None = None
) -> list[PrincipleStatus]:
    """One status per principle 4.2–4.13, in the standard's order.

    ``known``: the structural and wording findings, when the caller has them already.
    """
    ctx = _Context(wb, known)
    own = {a.principle: a for a in wb.principle_assessments}
    out = []
    for p in _data()["principles"]:
        problems = _CHECKS[p["clause"]](ctx)
        blocking = tuple(f for level, f in problems if level == MISSING)
        advice = tuple(f for level, f in problems if level != MISSING)
        status = MISSING if blocking else PARTLY if advice else OK
        first = (blocking + advice)[0].step if problems else p["step"]
        mine = own.get(p["clause"])
        out.append(
            PrincipleStatus(
                p["clause"],
                p["key"],
                status,
                blocking,
                advice,
                first or p["step"],
                mine.owner_status if mine else "",
                mine.comment if mine else "",
            )
        )
    return out


# What the full route adds that the short route (Annex C) may have left out.
_THIN: tuple[tuple[str, str, str, Callable[[Workbook], bool]], ...] = (
    (
        "objectives",
        "6.1",
        N_(
            "Short route: no objectives yet (6.1). The full route sets what the code should achieve and how you will know."  # noqa: E501
        ),
        lambda wb: bool(wb.objectives),
    ),
    (
        "asked",
        "6.3",
        N_(
            "Short route: nobody asked yet (6.3). The full route records what customers and staff said and what you did with it."  # noqa: E501
        ),
        lambda wb: bool(wb.party_inputs),
    ),
    (
        "indicators",
        "6.5",
        N_(
            "Short route: no performance indicators yet (6.5). The full route gives each promise a measure and a target."  # noqa: E501
        ),
        lambda wb: bool(wb.indicators),
    ),
    (
        "procedures",
        "6.6",
        N_(
            "Short route: no procedures yet (6.6). The full route writes down what staff do to keep each promise and when it is at risk."  # noqa: E501
        ),
        lambda wb: bool(wb.procedures),
    ),
    (
        "resources",
        "6.8",
        N_(
            "Short route: no resources listed yet (6.8). The full route lists the people, time and money the promises need."  # noqa: E501
        ),
        lambda wb: bool(wb.resources),
    ),
)


def short_route_gaps(wb: Workbook) -> list[Finding]:
    """Clauses the short route left thin, for a code drafted on it (Code.route == "short")."""
    if wb.code.route != "short":
        return []
    return [
        Finding(WARNING, f"route.short.{step}", message, {"clause": clause}, "code:1", step=step)
        for step, clause, message, present in _THIN
        if not present(wb)
    ]


def principle_findings(
    wb: Workbook, known: tuple[list[Finding], list[Finding]] | None = None
) -> list[Finding]:
    """The principle problems no other check reports, each once, plus short-route gaps."""
    seen: set[tuple[str, str]] = set()
    out: list[Finding] = []
    for status in assess(wb, known):
        for f in status.problems:
            if not f.rule.startswith("principle.") or (f.rule, f.record) in seen:
                continue
            seen.add((f.rule, f.record))
            out.append(
                Finding(
                    f.severity,
                    f.rule,
                    f.message,
                    f.fields,
                    f.record,
                    f.why,
                    f.suggestion,
                    texts={"subject": _principle(status.clause)["title"]},
                    where=f.where,
                    span=f.span,
                    step=f.step,
                )
            )
    return out + short_route_gaps(wb)
