"""Findings about a code: what a person should fix before publishing.

A finding carries an English msgid and its fields, so the same finding reads
in Chinese on screen and in English in a report. Rules kept as data
(``resources/checks/*.json``) carry their own Chinese and English texts in
``Finding.texts`` instead of catalog msgids; ``text``, ``why_text`` and
``suggestion_text`` read either kind. ``run_all`` is what the wizard shows and
what ``smallbiz-codes check`` prints; ``publish_blockers`` is the gate before
publishing. The rules themselves are described in ``docs/checks.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import N_, tr

ERROR = "error"
WARNING = "warning"


class _Fields(dict):
    """Format fields that leave an unknown ``{name}`` as it is rather than raise."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _format(template: str, fields: Mapping[str, str]) -> str:
    try:
        return template.format_map(_Fields(fields))
    except (ValueError, IndexError):  # a stray brace in data text: show it unformatted
        return template


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" blocks publishing; "warning" is advice
    rule: str  # stable key of the rule, e.g. "promise.no_remedy"
    message: str  # English msgid with {fields} (for data rules: the English text)
    fields: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    record: str = ""  # "promise:3" — what the finding is about, for a link to fix it
    why: str = ""  # msgid: why it matters
    suggestion: str = ""  # msgid or ready text: a better wording
    # Data texts: {"message"|"why"|"suggestion"|"subject": {"zh": ..., "en": ...}}; win over msgids.
    texts: Mapping[str, Mapping[str, str]] = field(default_factory=dict, hash=False, compare=False)
    subject: str = ""  # msgid naming what is meant, e.g. "Promise {n}, remedy"; put before the text
    where: str = ""  # field of the record, e.g. "wording_alt", for the wizard to mark
    span: tuple[int, int] | None = None  # characters of that field the finding is about
    step: str = ""  # wizard page that fixes it: "promises", "publish", "plan", ...

    def _pick(self, part: str, msgid: str, lang: str) -> str:
        texts = self.texts.get(part)
        if texts:
            return texts.get(lang) or texts.get("en", "")
        return tr(lang, msgid) if msgid else ""

    def body(self, lang: str) -> str:
        """The finding without its subject: what the wizard shows beside the field."""
        return _format(self._pick("message", self.message, lang), self.fields)

    def text(self, lang: str) -> str:
        body = self.body(lang)
        subject = _format(self._pick("subject", self.subject, lang), self.fields)
        if not subject:
            return body
        return f"{subject}：{body}" if lang == "zh" else f"{subject}: {body}"

    def why_text(self, lang: str) -> str:
        return _format(self._pick("why", self.why, lang), self.fields)

    def suggestion_text(self, lang: str) -> str:
        return _format(self._pick("suggestion", self.suggestion, lang), self.fields)


WHY_REMEDY = N_(
    "A promise without a remedy costs nothing to break. Customers trust a promise when they "
    "know what they get if it is not kept."
)
WHY_OWNER = N_(
    "When everybody is responsible, nobody is: one named person makes sure the promise is kept "
    "and answers for it."
)
WHY_CONTACT = N_(
    "A customer whose promise was broken needs to know whom to tell; otherwise the complaint "
    "goes to the neighbours, or online."
)
WHY_UNTAILORED = N_(
    "An example promise describes another business. Publish only what you have checked you "
    "can keep in yours."
)
WHY_INDICATOR = N_(
    "Without a measure you will not know whether the promise is kept until customers complain."
)


def structural_findings(wb: Workbook) -> list[Finding]:
    """What every code needs whatever its wording (ISO 10001 6.4, Annex H)."""
    out: list[Finding] = []
    if not wb.organization.name.strip():
        out.append(
            Finding(
                ERROR,
                "org.no_name",
                N_("The business has no name yet."),
                record="organization:1",
                step="business",
            )
        )
    if not wb.promises:
        out.append(
            Finding(
                ERROR,
                "code.no_promises",
                N_("The code has no promises yet."),
                record="code:1",
                step="promises",
            )
        )
    if not wb.code.complaints_contact.strip():
        out.append(
            Finding(
                ERROR,
                "code.no_contact",
                N_("Say whom customers contact when a promise is not kept."),
                record="code:1",
                why=WHY_CONTACT,
                suggestion=N_(
                    "For example: “Manager Wang Li, phone 021-5555 0188, daily 7:00–20:00”."
                ),
                where="complaints_contact",
                step="publish",
            )
        )
    for n, p in enumerate(wb.promises, start=1):
        ref = f"promise:{p.id}"
        num = {"n": str(n)}
        if not p.wording.strip():
            out.append(
                Finding(
                    ERROR,
                    "promise.empty",
                    N_("Promise {n} has no wording."),
                    num,
                    ref,
                    where="wording",
                    step="promises",
                )
            )
            continue
        if not p.remedy.strip():
            out.append(
                Finding(
                    ERROR,
                    "promise.no_remedy",
                    N_("Promise {n} does not say what the customer gets when it is not kept."),
                    num,
                    ref,  # noqa: E501
                    why=WHY_REMEDY,
                    suggestion=N_(
                        "For example: a refund of the delivery fee, a ¥20 voucher, the job redone free of charge."  # noqa: E501
                    ),
                    where="remedy",
                    step="promises",
                )
            )
        if not p.owner.strip():
            out.append(
                Finding(
                    ERROR,
                    "promise.no_owner",
                    N_("Promise {n} has nobody responsible for it."),
                    num,
                    ref,  # noqa: E501
                    why=WHY_OWNER,
                    where="owner",
                    step="promises",
                )
            )
        if not p.tailored:
            out.append(
                Finding(
                    ERROR,
                    "promise.untailored",
                    N_(
                        "Promise {n} is still the example's wording: edit it or confirm it fits your business."  # noqa: E501
                    ),
                    num,
                    ref,  # noqa: E501
                    why=WHY_UNTAILORED,
                    where="wording",
                    step="promises",
                )
            )
        if not wb.indicators_for(p):
            out.append(
                Finding(
                    WARNING,
                    "promise.no_indicator",
                    N_("Promise {n} has no way of measuring it yet."),
                    num,
                    ref,  # noqa: E501
                    why=WHY_INDICATOR,
                    step="indicators",
                )
            )
    return out


def run_all(wb: Workbook) -> list[Finding]:
    """Every finding about the workbook: structure, wording, principles (clause 4)."""
    # Imported here: those modules build their findings with Finding from this one.
    from smallbiz_codes.domain import principles, wording

    structural = structural_findings(wb)
    found = wording.wording_findings(wb)
    return structural + found + principles.principle_findings(wb, (structural, found))


def publish_blockers(wb: Workbook) -> list[Finding]:
    """The errors that stop a code from being published: everything of severity ``error``.

    That is: no promises, no business name, no contact for complaints, a promise
    with no wording, remedy or owner, an adopted promise not yet tailored, and
    wording that is void or unlawful (notices voided by Consumer Rights
    Protection Law art. 26, absolute terms of Advertising Law art. 9).
    """
    return [f for f in run_all(wb) if f.severity == ERROR]


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)
