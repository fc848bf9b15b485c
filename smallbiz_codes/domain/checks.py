"""Findings about a code: what a person should fix before publishing.

A finding carries an English msgid and its fields, so the same finding reads
in Chinese on screen and in English in a report. ``run_all`` is what the
wizard shows and what ``smallbiz-codes check`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import N_, tr

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" blocks publishing; "warning" is advice
    rule: str  # stable key of the rule, e.g. "promise.no_remedy"
    message: str  # English msgid with {fields}
    fields: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    record: str = ""  # "promise:3" — what the finding is about, for a link to fix it
    why: str = ""  # msgid: why it matters
    suggestion: str = ""  # msgid or ready text: a better wording

    def text(self, lang: str) -> str:
        return tr(lang, self.message).format(**self.fields)


def structural_findings(wb: Workbook) -> list[Finding]:
    """What every code needs whatever its wording (ISO 10001 6.4, Annex H)."""
    out: list[Finding] = []
    if not wb.organization.name.strip():
        out.append(Finding(ERROR, "org.no_name", N_("The business has no name yet."), record="organization:1"))
    if not wb.promises:
        out.append(Finding(ERROR, "code.no_promises", N_("The code has no promises yet."), record="code:1"))
    if not wb.code.complaints_contact.strip():
        out.append(
            Finding(
                ERROR,
                "code.no_contact",
                N_("Say whom customers contact when a promise is not kept."),
                record="code:1",
            )
        )
    for n, p in enumerate(wb.promises, start=1):
        ref = f"promise:{p.id}"
        num = {"n": str(n)}
        if not p.wording.strip():
            out.append(Finding(ERROR, "promise.empty", N_("Promise {n} has no wording."), num, ref))
            continue
        if not p.remedy.strip():
            out.append(
                Finding(ERROR, "promise.no_remedy", N_("Promise {n} does not say what the customer gets when it is not kept."), num, ref)  # noqa: E501
            )
        if not p.owner.strip():
            out.append(Finding(ERROR, "promise.no_owner", N_("Promise {n} has nobody responsible for it."), num, ref))  # noqa: E501
        if not p.tailored:
            out.append(
                Finding(ERROR, "promise.untailored", N_("Promise {n} is still the example's wording: edit it or confirm it fits your business."), num, ref)  # noqa: E501
            )
        if not wb.indicators_for(p):
            out.append(Finding(WARNING, "promise.no_indicator", N_("Promise {n} has no way of measuring it yet."), num, ref))  # noqa: E501
    return out


def run_all(wb: Workbook) -> list[Finding]:
    return structural_findings(wb)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)
