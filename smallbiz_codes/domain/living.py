"""Living with the code (ISO 10001 clauses 7 and 8), headless.

The pages of "Living with the code", the Home screen and the performance and
review report all read the workbook through these functions, so a verdict or a
reminder reads the same on screen and on paper:

- :func:`starter_tasks`: a first implementation checklist (clause 7) drawn from
  the code's promises, indicators and communication items.
- :func:`verdict` / :func:`verdict_text`: how an indicator did against its
  target over the last months (8.2).
- :func:`review_inputs`: a draft of a review's inputs (8.4) from the records.
- :func:`reminders`: everything due or overdue, for Home.
- :func:`contact_kind`: whether a customer reference looks like a full phone
  number or email address, which the log should not keep (principle 4.10).

Every text these functions write is data in ``resources/living/texts.json``,
in Chinese and English; ``lang`` picks one.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from smallbiz_codes.domain.records import (
    ImplementationTask,
    Indicator,
    Promise,
    SatisfactionResult,
)
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.resources_path import resource

LANGS = ("zh", "en")
FEEDBACK_KINDS: tuple[str, ...] = ("complaint", "feedback", "praise")
FEEDBACK_STATUSES: tuple[str, ...] = ("open", "closed")
ACTION_STATUSES: tuple[str, ...] = ("open", "doing", "done")
VERDICT_MONTHS = 6  # how many of the latest measured months a verdict looks at
MISSING_MONTHS_BACK = 12  # how far back a missing monthly value is still reminded
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@cache
def texts() -> dict[str, Any]:
    with open(resource("living", "texts.json"), encoding="utf-8") as fh:
        return json.load(fh)


def _t(lang: str, *path: str) -> str:
    node: Any = texts()
    for part in path:
        node = node[part]
    return node[lang if lang in LANGS else "en"]


def _lang_of(wb: Workbook, lang: str | None) -> str:
    """Texts written into the workbook follow the language the owner writes the code in."""
    if lang in LANGS:
        return lang  # type: ignore[return-value]
    return wb.organization.language if wb.organization.language in LANGS else "en"


# -- small helpers ---------------------------------------------------------------


def parse_date(iso: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return None


def month_start(d: dt.date) -> dt.date:
    return d.replace(day=1)


def add_months(d: dt.date, n: int) -> dt.date:
    """The first day of the month ``n`` months after ``d``'s month."""
    index = d.year * 12 + d.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def month_label(iso: str, lang: str) -> str:
    """2026年11月 / Nov 2026 for a period's ISO date."""
    d = parse_date(iso)
    if d is None:
        return iso or ""
    return _t(lang, "month").format(year=d.year, month=d.month, mon=_MONTHS_EN[d.month - 1])


def short(text: str, limit: int = 18) -> str:
    """The first words of a promise, to name it in a list."""
    text = " ".join(text.split())
    first = re.split(r"(?<=[。！？.!?])\s*", text, maxsplit=1)[0].rstrip("。.!！?？")
    if len(first) > limit:
        cut = first[: limit - 1]
        if " " in cut and not re.search(r"[\u4e00-\u9fff]", cut):
            cut = cut.rsplit(" ", 1)[0]  # English: end on a whole word
        first = cut.rstrip("，,、 ") + "…"
    return first


def number(value: float | None) -> str:
    """A value as people write it: 97, 96.5 (no trailing .0)."""
    if value is None:
        return "–"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def promise_number(wb: Workbook, promise_id: int | None) -> int:
    for n, p in enumerate(sorted(wb.promises, key=lambda p: (p.position, p.id or 0)), start=1):
        if p.id == promise_id:
            return n
    return 0


def promise_label(wb: Workbook, promise: Promise, lang: str) -> str:
    return _t(lang, "review", "promise").format(
        n=promise_number(wb, promise.id), short=short(promise.wording, 18 if lang == "zh" else 40)
    )


# -- 7: the starter checklist ------------------------------------------------------


def starter_tasks(
    wb: Workbook, today: dt.date, lang: str | None = None
) -> list[ImplementationTask]:
    """A first implementation checklist drawn from the workbook; not saved.

    Tasks already on the checklist (same title) are left out, so pressing the
    button twice adds nothing twice. Due dates count from the code's effective
    date (or from ``today`` when none is set yet), and a due date that would
    lie in the past is moved to ``today``.
    """
    lang = _lang_of(wb, lang)
    data = texts()["starter"]
    base = parse_date(wb.code.effective_date) or today
    owners = {
        "approver": wb.code.approver,
        "contact": next((p.owner for p in wb.promises if p.category == "complaints" and p.owner),
                        wb.code.approver),
        "": wb.code.approver,
    }
    existing = {t.title.strip() for t in wb.implementation_tasks}
    out: list[ImplementationTask] = []

    def due(offset: int, explicit: str = "") -> str:
        d = parse_date(explicit) or base + dt.timedelta(days=offset)
        return max(d, today).isoformat()

    def add(title: str, owner: str, when: str) -> None:
        title = title.strip()
        if title and title not in existing:
            existing.add(title)
            out.append(ImplementationTask(title=title, owner=owner, due=when))

    fixed = data["fixed"]
    add(fixed[0]["title"][lang], owners[fixed[0]["owner"]], due(fixed[0]["offset_days"]))
    for n, p in enumerate(sorted(wb.promises, key=lambda p: (p.position, p.id or 0)), start=1):
        tpl = data["promise" if p.owner else "promise_no_owner"]
        add(tpl["title"][lang].format(n=n, short=short(p.wording, 18 if lang == "zh" else 40)),
            p.owner or wb.code.approver, due(tpl["offset_days"]))
    for ind in wb.indicators:
        tpl = data["indicator"]
        if ind.source:
            add(tpl["title"][lang].format(name=ind.name or ind.measure, source=ind.source),
                ind.owner, due(tpl["offset_days"]))
    for item in sorted(wb.communication_items, key=lambda c: (c.position, c.id or 0)):
        if item.done_on:
            continue
        tpl = data["internal" if item.direction == "internal" else "external"]
        title = tpl["title"][lang].format(audience=item.audience, message=item.message,
                                          method=item.method)
        title = title.replace("（）", "").replace(" ()", "")
        add(title, item.owner, due(tpl["offset_days"], item.start_date))
    for spec in fixed[1:]:
        add(spec["title"][lang], owners[spec["owner"]], due(spec["offset_days"]))
    return sorted(out, key=lambda t: t.due)  # stable: same-day tasks keep their order


# -- 8.2: indicators against targets -------------------------------------------------


def on_target(value: float, target: float, direction: str) -> bool:
    """Higher is better for "up", lower for "down"; meeting the target exactly counts."""
    return value <= target if direction == "down" else value >= target


@dataclass(frozen=True)
class Verdict:
    """How an indicator did in its latest measured months (oldest first)."""

    target: float | None
    direction: str
    months: tuple[tuple[str, float, bool | None], ...]  # (period, value, on target)

    @property
    def measured(self) -> int:
        return len(self.months)

    @property
    def hits(self) -> int:
        return sum(1 for _p, _v, ok in self.months if ok)


def values(wb: Workbook, indicator: Indicator) -> list[tuple[str, float]]:
    """(period, value) of every measurement with a value, oldest first, one per period."""
    by_period: dict[str, float] = {}
    for m in wb.measurements_for(indicator):
        if m.value is not None and m.period:
            by_period[m.period] = m.value
    return sorted(by_period.items())


def verdict(wb: Workbook, indicator: Indicator, last: int = VERDICT_MONTHS) -> Verdict:
    months = values(wb, indicator)[-last:] if last > 0 else []
    t = indicator.target
    return Verdict(
        target=t,
        direction=indicator.direction,
        months=tuple((p, v, None if t is None else on_target(v, t, indicator.direction))
                     for p, v in months),
    )


def verdict_text(v: Verdict, lang: str) -> str:
    """ "On target in 4 of the last 6 months." in plain words."""
    if not v.months:
        return _t(lang, "verdict", "none")
    if v.target is None:
        return _t(lang, "verdict", "no_target")
    if v.measured == 1:
        return _t(lang, "verdict", "one_hit" if v.hits else "one_miss")
    return _t(lang, "verdict", "many").format(hits=v.hits, n=v.measured)


def with_unit(value: float | None, unit: str, lang: str) -> str:
    """97% / 2 per month / 2次/月: a space before a word unit in English only."""
    unit = unit.strip()
    sep = "" if lang == "zh" or unit in ("%", "") else " "
    return f"{number(value)}{sep}{unit}"


def target_text(indicator: Indicator, lang: str) -> str:
    """ "at least 97%" / "不低于 97%"; empty when there is no target."""
    if indicator.target is None:
        return ""
    op = _t(lang, "direction", "down" if indicator.direction == "down" else "up")
    return f"{op} {with_unit(indicator.target, indicator.unit, lang)}"


# -- 8.1: feedback ----------------------------------------------------------------------

_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
_DIGITS = re.compile(r"\d")


def contact_kind(ref: str) -> str | None:
    """ "email" or "phone" when a customer reference is a full address or number, else None.

    The log keeps initials or the last 4 digits only (principle 4.10,
    confidentiality): seven or more digits are a phone number (or an ID number),
    not a reference.
    """
    if _EMAIL.search(ref):
        return "email"
    if len(_DIGITS.findall(ref)) >= 7:
        return "phone"
    return None


def feedback_counts(
    wb: Workbook, since: str = "", until: str = ""
) -> dict[int | None, Counter[str]]:
    """Per promise id (None: not about a promise): counts of each kind and of "open"."""
    out: dict[int | None, Counter[str]] = {}
    for f in wb.feedback:
        if (since and f.date and f.date < since) or (until and f.date and f.date > until):
            continue
        c = out.setdefault(f.promise_id, Counter())
        c[f.kind] += 1
        if f.status != "closed":
            c["open"] += 1
    return out


# -- 8.4: review inputs -------------------------------------------------------------------


def _fmt_date(iso: str, lang: str) -> str:
    d = parse_date(iso)
    if d is None:
        return iso
    if lang == "zh":
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


def latest_satisfaction(wb: Workbook) -> SatisfactionResult | None:
    return max(wb.satisfaction_results, key=lambda s: (s.date, s.id or 0), default=None)


def review_inputs(wb: Workbook, since: str = "", lang: str | None = None) -> str:
    """A draft of a review's inputs (8.4): indicators vs targets, feedback per promise,
    satisfaction with the code, open improvement actions. ``since`` is the date of the
    previous review; feedback before it is left out."""
    lang = _lang_of(wb, lang)
    r = texts()["review"]
    lines = [r["indicators"][lang]]
    promises = sorted(wb.promises, key=lambda p: (p.position, p.id or 0))
    order = {p.id: n for n, p in enumerate(promises)}
    indicators = sorted(wb.indicators, key=lambda i: (order.get(i.promise_id, 999), i.id or 0))
    for ind in indicators:
        name = ind.name or ind.measure
        target = target_text(ind, lang) or "–"
        vals = values(wb, ind)
        if not vals:
            lines.append(r["indicator_none"][lang].format(name=name, target=target))
            continue
        period, value = vals[-1]
        lines.append(r["indicator"][lang].format(
            name=name, value=with_unit(value, ind.unit, lang), month=month_label(period, lang),
            target=target, verdict=verdict_text(verdict(wb, ind), lang)))
    if not indicators:
        lines.append(r["no_indicators"][lang])
    lines.append("")
    lines.append(r["feedback_since"][lang].format(since=_fmt_date(since, lang)) if since
                 else r["feedback_all"][lang])
    counts = feedback_counts(wb, since=since)
    by_id = {p.id: p for p in promises}
    keys = [p.id for p in promises if p.id in counts] + ([None] if None in counts else [])
    keys += [k for k in counts if k is not None and k not in by_id]  # promise since deleted
    for key in keys:
        c = counts[key]
        promise = by_id.get(key)
        about = promise_label(wb, promise, lang) if promise else r["no_promise"][lang]
        lines.append(r["feedback"][lang].format(
            about=about, complaint=c["complaint"], feedback=c["feedback"], praise=c["praise"],
            open=c["open"]))
    if not counts:
        lines.append(r["no_feedback"][lang])
    lines.append("")
    lines.append(r["satisfaction"][lang])
    s = latest_satisfaction(wb)
    if s is None:
        lines.append(r["no_satisfaction"][lang])
    else:
        lines.append(r["satisfaction_line"][lang].format(
            date=_fmt_date(s.date, lang), method=s.method, sample=s.sample,
            awareness=number(s.awareness), clarity=number(s.clarity),
            fairness=number(s.fairness), overall=number(s.overall)))
    lines.append("")
    lines.append(r["actions"][lang])
    open_actions = [a for a in wb.improvement_actions if a.status != "done"]
    for a in sorted(open_actions, key=lambda a: (a.due or "9999", a.id or 0)):
        lines.append(r["action"][lang].format(action=a.action, owner=a.owner or "–",
                                              due=_fmt_date(a.due, lang) or "–"))
    if not open_actions:
        lines.append(r["no_actions"][lang])
    return "\n".join(lines)


def previous_review_date(wb: Workbook, review_id: int | None, review_date: str) -> str:
    """The date of the review held before this one, or "" for the first review."""
    earlier = [r.date for r in wb.reviews
               if r.id != review_id and r.date and (not review_date or r.date < review_date)]
    return max(earlier, default="")


def is_latest_review(wb: Workbook, review_id: int | None) -> bool:
    """The latest review (by date, then by entry) sets the code's next review date."""
    if not wb.reviews:
        return False
    latest = max(wb.reviews, key=lambda r: (r.date or "", r.id or 0))
    return latest.id == review_id


# -- reminders for Home ---------------------------------------------------------------------


@dataclass(frozen=True)
class Reminder:
    """One thing due: ``date`` (ISO) is when; ``overdue`` when that is before today."""

    date: str
    kind: str  # "communication", "task", "review", "action", "measurement"
    text: str
    overdue: bool
    table: str  # where the record lives ("code" for the review date)
    record_id: int | None


def missing_months(wb: Workbook, indicator: Indicator, today: dt.date) -> list[str]:
    """Periods (first of the month, ISO) of a monthly indicator that have no value yet.

    Counted from the code's effective date (or the first value entered, if the
    code has none) to the last complete month, at most twelve months back; the
    month that is still running is not missing yet.
    """
    if indicator.frequency != "monthly":
        return []
    entered = {month_start(d).isoformat() for p, _v in values(wb, indicator)
               if (d := parse_date(p)) is not None}
    start = parse_date(wb.code.effective_date)
    if start is None and entered:
        start = parse_date(min(entered))
    if start is None:
        return []
    first = max(month_start(start), add_months(today, -MISSING_MONTHS_BACK))
    out = []
    m = first
    this_month = month_start(today)
    while m < this_month:
        if m.isoformat() not in entered:
            out.append(m.isoformat())
        m = add_months(m, 1)
    return out


def reminders(
    wb: Workbook, today: dt.date, lang: str | None = None, horizon_days: int = 30
) -> list[Reminder]:
    """Everything due within ``horizon_days`` or already overdue, soonest first.

    - communication items not done, by their start date;
    - implementation tasks not done, by their due date;
    - the code's review date;
    - improvement actions not done, by their due date;
    - each complete month with no value for a monthly indicator (due on the
      first day of the following month).

    ``lang`` defaults to the language the owner writes the code in. Home shows
    ``text`` with the date, and can mark ``overdue`` ones.
    """
    lang = _lang_of(wb, lang)
    limit = (today + dt.timedelta(days=horizon_days)).isoformat()
    now = today.isoformat()
    out: list[Reminder] = []

    def add(date: str, kind: str, text: str, table: str, record_id: int | None) -> None:
        if date and parse_date(date) is not None and date <= limit:
            out.append(Reminder(date, kind, text, date < now, table, record_id))

    for item in wb.communication_items:
        if not item.done_on:
            add(item.start_date, "communication", item.message or item.method or item.audience,
                "communication_item", item.id)
    for task in wb.implementation_tasks:
        if not task.done_on:
            add(task.due, "task", task.title, "implementation_task", task.id)
    add(wb.code.review_date, "review", _t(lang, "reminders", "review"), "code", wb.code.id)
    for action in wb.improvement_actions:
        if action.status != "done":
            add(action.due, "action",
                _t(lang, "reminders", "action").format(action=action.action),
                "improvement_action", action.id)
    for ind in wb.indicators:
        for period in missing_months(wb, ind, today):
            due_on = add_months(parse_date(period) or today, 1).isoformat()
            add(due_on, "measurement",
                _t(lang, "reminders", "measurement").format(
                    name=ind.name or ind.measure, month=month_label(period, lang)),
                "indicator", ind.id)
    return sorted(out, key=lambda r: (r.date, r.kind, r.text))

