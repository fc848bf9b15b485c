"""Suggest performance indicators (ISO 10001 6.5) from a promise's own words.

A promise that says "48 小时内" or "within 2 working days" suggests "share
of orders ready within 48 hours"; a percentage that is a target becomes the
indicator's target; a discount or an amount of money paid as a remedy
suggests counting the remedies given and what they cost. Patterns and
wordings are data (``resources/checks/suggest.json``, time units in
``units.json``). The indicators returned are not saved: the wizard offers
them and the owner keeps, edits or drops each.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from smallbiz_codes.domain import wording
from smallbiz_codes.domain.records import Indicator, Promise
from smallbiz_codes.resources_path import resource

_CJK = re.compile(r"[\u4e00-\u9fff]")


@cache
def _data() -> dict[str, Any]:
    with open(resource("checks", "suggest.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    for lang in wording.LANGS:
        data["_percent_" + lang] = re.compile(data["percent"][lang], re.IGNORECASE)
        data["_remedy_" + lang] = re.compile(data["percent"]["remedy_context"][lang], re.IGNORECASE)
        data["_money_" + lang] = re.compile(data["money"][lang], re.IGNORECASE)
    return data


def language_of(text: str) -> str:
    """ "zh" for a text with Chinese characters in it, else "en"."""
    return "zh" if _CJK.search(text) else "en"


def _texts(promise: Promise, *parts: str) -> list[tuple[str, str]]:
    """(text, its language) for the named parts of a promise, both language versions."""
    out = []
    for part in parts:
        for name in (part, part + "_alt"):
            text = getattr(promise, name).strip()
            if text:
                out.append((text, language_of(text)))
    return out


def _limit_phrase(d: wording.Duration, lang: str) -> str:
    phrase = _data()["limit_phrase"]
    if d.unit == "same_day":
        return phrase["same_day"][lang]
    return phrase[lang].format(limit=wording.limit_name(d, lang))


def _clause_at(text: str, pos: int) -> str:
    clauses = re.split(r"[，,。；;！？!?]|\.(?=\s|$)", text)
    at = 0
    for clause in clauses:
        if at <= pos <= at + len(clause):
            return clause.strip()
        at += len(clause) + 1
    return ""


def _number(match: re.Match[str]) -> float:
    return float(next(g for g in match.groups() if g))


def suggest_indicators(promise: Promise, lang: str) -> list[Indicator]:
    """Indicators the promise's words suggest, written in ``lang``; unsaved (id None)."""
    data = _data()
    category = promise.category if promise.category in data["time"] else "other"
    tmpl = data["time"][category]
    wordings = _texts(promise, "wording")
    with_remedy = _texts(promise, "wording", "remedy")

    target: float | None = None
    remedies: list[tuple[str, str]] = []  # (clause, language) naming a remedy
    money: list[tuple[str, str]] = []
    for text, tlang in with_remedy:
        for m in data["_percent_" + tlang].finditer(text):
            clause = _clause_at(text, m.start())
            if data["_remedy_" + tlang].search(clause):
                remedies.append((clause, tlang))
            elif target is None:
                target = _number(m)
        for m in data["_money_" + tlang].finditer(text):
            money.append((_clause_at(text, m.start()), tlang))

    out: list[Indicator] = []
    seen: set[tuple[float, str]] = set()
    for text, tlang in wordings:
        for d in wording.durations(text, tlang):
            if (d.value, d.unit) in seen:
                continue
            if d.unit == "same_day" and not wording.has_action(_clause_at(text, d.start), tlang):
                continue  # "当天烤的" is a fact about the bread, not a time limit to measure
            seen.add((d.value, d.unit))
            limit = _limit_phrase(d, lang)
            out.append(
                Indicator(
                    promise_id=promise.id,
                    name=tmpl["name"][lang].format(limit=limit),
                    measure=tmpl["measure"][lang].format(limit=limit),
                    unit="%",
                    target=target,
                    direction="up",
                    frequency="monthly",
                    source=tmpl["source"][lang],
                    owner=promise.owner,
                )
            )
    if target is not None and not out:
        kept = data["percent"]["kept"]
        out.append(
            Indicator(
                promise_id=promise.id,
                name=kept["name"][lang],
                measure=kept["measure"][lang],
                unit="%",
                target=target,
                direction="up",
                frequency="monthly",
                source=tmpl["source"][lang],
                owner=promise.owner,
            )
        )
    if remedies or money:
        what = _what(remedies + money, lang)
        rc = data["remedy_count"]
        out.append(
            Indicator(
                promise_id=promise.id,
                name=rc["name"][lang],
                measure=rc["measure"][lang].format(what=what),
                unit=rc["unit"][lang],
                target=None,
                direction="down",
                frequency="monthly",
                source=rc["source"][lang],
                owner=promise.owner,
            )
        )
    if money:
        cost = data["remedy_cost"]
        out.append(
            Indicator(
                promise_id=promise.id,
                name=cost["name"][lang],
                measure=cost["measure"][lang].format(what=_what(money, lang)),
                unit=cost["unit"][lang],
                target=None,
                direction="down",
                frequency="monthly",
                source=cost["source"][lang],
                owner=promise.owner,
            )
        )
    return out


def _what(clauses: list[tuple[str, str]], lang: str) -> str:
    """The remedy in the words of the promise, in ``lang`` when the promise has them."""
    mine = [c for c, tlang in clauses if tlang == lang and c]
    text = mine[0] if mine else (clauses[0][0] if clauses else "")
    return text if len(text) <= 60 else text[:59] + "…"
