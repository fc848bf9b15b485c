"""The communication plan (ISO 10001 6.7): its word lists, a one-click starting plan, its schedule.

A code nobody hears about does nothing. This module turns the approved code
and the business profile into a first plan of internal and external items
(who is told what, how, when and by whom) that the owner then edits, and
expands each item's timing into dates for the timeline.

Every word it offers (audiences, methods, timings, accessibility measures,
ways to judge an effect) and every message template is data in
``resources/plan/vocabulary.json`` and ``resources/plan/suggestions.json``,
in Chinese and English. Standard library only.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from smallbiz_codes.domain.records import CommunicationItem, Promise
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.resources_path import resource

DIRECTIONS: tuple[str, ...] = ("internal", "external")
TIMING_KEYS: tuple[str, ...] = (
    "launch",
    "before_effective",
    "every_new_hire",
    "monthly",
    "each_review",
    "custom",
)
BRIEFING_DAYS_BEFORE = 7


@cache
def vocabulary() -> dict[str, Any]:
    with open(resource("plan", "vocabulary.json"), encoding="utf-8") as fh:
        return json.load(fh)


@cache
def _suggestions() -> dict[str, Any]:
    with open(resource("plan", "suggestions.json"), encoding="utf-8") as fh:
        return json.load(fh)


@dataclass(frozen=True)
class Choice:
    """One word the wizard offers: key, label in one language, whether it fits this business."""

    key: str
    label: str
    suggested: bool = False


def _label(entry: dict[str, Any], lang: str) -> str:
    return str(entry.get(lang) or entry.get("en", ""))


def _by_key(section: str) -> dict[str, dict[str, Any]]:
    return {e["key"]: e for e in vocabulary()[section]}


# -- word lists ---------------------------------------------------------------


def audiences(direction: str, lang: str) -> list[Choice]:
    return [Choice(e["key"], _label(e, lang)) for e in vocabulary()["audiences"][direction]]


def audience_label(key: str, lang: str) -> str:
    for entries in vocabulary()["audiences"].values():
        for e in entries:
            if e["key"] == key:
                return _label(e, lang)
    return key


def methods(
    direction: str, lang: str, channels: list[str] | None = None, trade: str = ""
) -> list[Choice]:
    """Methods for one direction; those that fit the profile's channels or trade come first."""
    channels = channels or []
    out = []
    for e in vocabulary()["methods"]:
        if e["direction"] != direction:
            continue
        fits = bool(set(e["channels"]) & set(channels)) or (bool(trade) and trade in e["trades"])
        out.append(Choice(e["key"], _label(e, lang), fits))
    return sorted(out, key=lambda c: not c.suggested)


def method_label(key: str, lang: str) -> str:
    e = _by_key("methods").get(key)
    return _label(e, lang) if e else key


def timing_options(lang: str) -> list[Choice]:
    return [Choice(e["key"], _label(e, lang)) for e in vocabulary()["timing"]]


def timing_label(key: str, lang: str) -> str:
    e = _by_key("timing").get(key)
    return _label(e, lang) if e else key


def timing_key(text: str) -> str:
    """Which timing a stored ``timing`` text means, in either language or in the owner's words.

    A key itself, or a label of the vocabulary in either language, maps to its
    key; otherwise the first timing whose pattern occurs in the text; else
    ``custom`` (a one-off on the item's date).
    """
    value = (text or "").strip()
    if not value:
        return "custom"
    lowered = value.lower()
    entries = vocabulary()["timing"]
    for e in entries:
        if lowered in (e["key"], e["zh"].lower(), e["en"].lower()):
            return str(e["key"])
    for e in entries:
        for lang in ("zh", "en"):
            if any(p.lower() in lowered for p in e["patterns"][lang]):
                return str(e["key"])
    return "custom"


def timing_shape(text: str) -> str:
    """How the timeline draws an item: ``once`` (dot), ``repeat`` (ticks) or ``ongoing`` (bar)."""
    key = timing_key(text)
    shape = str(_by_key("timing")[key]["shape"])
    if key == "custom":
        lowered = (text or "").lower()
        pats = vocabulary()["ongoing_patterns"]
        if any(p.lower() in lowered for lang in ("zh", "en") for p in pats[lang]):
            return "ongoing"
    return shape


def accessibility_options(lang: str) -> list[Choice]:
    return [Choice(e["key"], _label(e, lang)) for e in vocabulary()["accessibility"]]


def accessibility_label(key: str, lang: str) -> str:
    e = _by_key("accessibility").get(key)
    return _label(e, lang) if e else key


def accessibility_in(text: str, key: str) -> bool:
    """Whether an accessibility text already names measure ``key`` (in either language)."""
    e = _by_key("accessibility")[key]
    return any(e[lang] in (text or "") for lang in ("zh", "en"))


def evaluation_options(direction: str, lang: str) -> list[Choice]:
    """Ways to judge an item's effect; those made for this direction first."""
    out = [Choice(e["key"], _label(e, lang), e["direction"] == direction)
           for e in vocabulary()["evaluation"]]
    return sorted(out, key=lambda c: not c.suggested)


def evaluation_label(key: str, lang: str) -> str:
    e = _by_key("evaluation").get(key)
    return _label(e, lang) if e else key


# -- dates --------------------------------------------------------------------


def parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def add_months(d: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def plan_start(wb: Workbook, today: dt.date) -> dt.date:
    """Where the plan's year begins: the code's effective date, or today when it has none."""
    return parse_date(wb.code.effective_date) or today


def occurrences(item: CommunicationItem, start: dt.date, months: int) -> list[dt.date]:
    """The dates an item happens within ``months`` months from ``start``, for the timeline.

    A one-off item happens on its date; a monthly item every month from its
    date; an item at each review every twelve months; an ongoing item (every
    new hire, with every order) is in force from its date, so it returns the
    first day it is in force within the window. An item without a date has none.
    """
    first = parse_date(item.start_date)
    if first is None:
        return []
    end = add_months(start, months)
    shape = timing_shape(item.timing)
    if shape == "ongoing":
        begin = max(first, start)
        return [begin] if begin < end else []
    if shape == "repeat":
        step = int(_by_key("timing")[timing_key(item.timing)].get("months", 1))
        out: list[dt.date] = []
        n = 0
        when = first
        while when < end:
            if when >= start:
                out.append(when)
            n += 1
            when = add_months(first, step * n)
        return out
    return [first] if start <= first < end else []


# -- the one-click plan -----------------------------------------------------------


def _other(lang: str) -> str:
    return "en" if lang == "zh" else "zh"


def _in_lang(wb: Workbook, primary: str, alt: str, lang: str) -> str:
    """A text in ``lang``: the primary field if the workbook is written in it, else its *_alt."""
    if (wb.organization.language or "zh") == lang or not alt:
        return primary
    return alt


def _promise_text(wb: Workbook, p: Promise, lang: str) -> str:
    return _in_lang(wb, p.wording, p.wording_alt, lang).strip()


def people(wb: Workbook) -> list[str]:
    """Everyone the code names as responsible: the approver first, then by promises looked after."""
    counts = Counter(p.owner.strip() for p in wb.promises if p.owner.strip())
    out = [wb.code.approver.strip()] if wb.code.approver.strip() else []
    for name, _n in counts.most_common():
        if name not in out:
            out.append(name)
    for extra in [i.owner for i in wb.indicators] + [p.owner for p in wb.procedures]:
        if extra.strip() and extra.strip() not in out:
            out.append(extra.strip())
    return out


def _owner(wb: Workbook, role: str, lang: str) -> str:
    msgs = _suggestions()["messages"]
    approver = (wb.code.approver.strip() or wb.organization.name.strip()
                or msgs["default_owner"][lang])
    if role == "manager":
        counts = Counter(p.owner.strip() for p in wb.promises if p.owner.strip())
        if counts:
            return counts.most_common(1)[0][0]
    return approver


def _format_date(d: dt.date, lang: str) -> str:
    from smallbiz_codes.i18n import format_date

    return format_date(d.isoformat(), lang)


def draft_message(wb: Workbook, template: str, lang: str, effective: dt.date | None = None) -> str:
    """A message drafted from the code's promises, in ``lang``: the owner edits it afterwards."""
    msgs = _suggestions()["messages"]
    promises = [t for t in (_promise_text(wb, p, lang) for p in wb.promises) if t]
    contact = _in_lang(wb, wb.code.complaints_contact, wb.code.complaints_contact_alt, lang).strip()
    lines = [msgs["owner_line"][lang].format(owner=p.owner.strip() or msgs["everyone"][lang],
                                             promise=_promise_text(wb, p, lang))
             for p in wb.promises if _promise_text(wb, p, lang)]
    where = msgs["where_online" if "online" in wb.organization.channels
                 and "shop" not in wb.organization.channels else "where"][lang]
    when = effective or parse_date(wb.code.effective_date)
    values = {
        "promises": "\n".join(f"{n}. {t}" for n, t in enumerate(promises, 1))
        or msgs["no_promises"][lang],
        "first_promise": promises[0] if promises else msgs["no_promises"][lang],
        "n": len(promises),
        "contact": contact or msgs["no_contact"][lang],
        "effective": _format_date(when, lang) if when else "",
        "owner_lines": "\n".join(lines) or msgs["no_promises"][lang],
        "where": where,
    }
    return str(msgs[template][lang]).format(**values)


def _applies(when: Any, channels: list[str], channel_hit: bool) -> bool:
    if when == "always":
        return True
    if when == "no_channel":
        return not channel_hit
    return bool(set(when) & set(channels))


def generate_plan(wb: Workbook, lang: str, today: dt.date) -> list[CommunicationItem]:
    """A sensible first plan from the code and the profile: internal and external items.

    Each item has an audience, a purpose, a message drafted from the promises,
    a method fitting one of the business's channels, a timing with its first
    date (relative to the effective date: staff briefed a week before, notices
    on the day, new hires from then on, a monthly check, each review), an owner
    taken from the code, a rough cost, accessibility measures and a way to
    judge the effect. The items are not saved: the caller adds them.
    """
    data = _suggestions()
    org = wb.organization
    channels = list(org.channels)
    effective = plan_start(wb, today)
    review = parse_date(wb.code.review_date) or add_months(effective, 12)
    first_date = {
        "launch": effective,
        "before_effective": effective - dt.timedelta(days=BRIEFING_DAYS_BEFORE),
        "every_new_hire": effective,
        "monthly": add_months(effective, 1),
        "each_review": review,
        "custom": effective,
    }
    channel_hit = any(
        isinstance(t["when"], list) and set(t["when"]) & set(channels) for t in data["items"]
    )
    out: list[CommunicationItem] = []
    first_external = ""
    for t in data["items"]:
        if not _applies(t["when"], channels, channel_hit):
            continue
        method = t["method"]
        if method == "first_external":
            method_text = first_external or method_label("counter_notice", lang)
        else:
            method_text = method_label(method, lang)
        if t["direction"] == "external" and not first_external:
            first_external = method_text
        out.append(CommunicationItem(
            direction=t["direction"],
            audience=audience_label(t["audience"], lang),
            purpose=_label(t["purpose"], lang),
            message=draft_message(wb, t["message"], lang, effective),
            method=method_text,
            timing=timing_label(t["timing"], lang),
            start_date=first_date[t["timing"]].isoformat(),
            owner=_owner(wb, t["owner"], lang),
            cost=_label(t["cost"], lang),
            accessibility=_join([accessibility_label(k, lang) for k in t["accessibility"]], lang),
            evaluation=evaluation_label(t["evaluation"], lang),
        ))
    return out


def _join(parts: list[str], lang: str) -> str:
    return ("；" if lang == "zh" else "; ").join(parts)


def new_suggestions(existing: list[CommunicationItem],
                    generated: list[CommunicationItem]) -> list[CommunicationItem]:
    """The generated items the plan does not have yet (same direction, method and timing)."""
    have = {(i.direction, i.method.strip(), timing_key(i.timing)) for i in existing}
    return [g for g in generated
            if (g.direction, g.method.strip(), timing_key(g.timing)) not in have]


def timeline_window(wb: Workbook, today: dt.date) -> tuple[dt.date, int]:
    """(first day, number of months) the timeline shows: the plan's first year, whole months.

    Twelve months from the effective date (or today), widened to take in the
    staff briefing just before it and the first review at its end, so the two
    items that frame the launch are never off the edge.
    """
    start = plan_start(wb, today)
    first = start
    for item in wb.communication_items:
        d = parse_date(item.start_date)
        if d is not None and add_months(start, -2) <= d < first:
            first = d
    last = add_months(start.replace(day=1), 12) - dt.timedelta(days=1)
    review = parse_date(wb.code.review_date)
    if review is not None and last < review <= add_months(start, 13):
        last = review
    begin = first.replace(day=1)
    months = (last.year - begin.year) * 12 + last.month - begin.month + 1
    return begin, months
