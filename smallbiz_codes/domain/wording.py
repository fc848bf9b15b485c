"""Wording checks on promises, run on every keystroke of the promise editor.

The rules are data (``resources/checks/wording.json``; units of time in
``units.json``), one set per language: a promise's ``wording``, ``conditions``
and ``remedy`` are in the organization's language and the ``*_alt`` fields in
the other, and each is checked with its own language's rules. Everything here
is pure and compiled once, so a check of one promise takes well under a
millisecond. How to add a rule: ``docs/checks.md``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from smallbiz_codes.domain.checks import ERROR, WARNING, Finding
from smallbiz_codes.domain.records import Code, Promise
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.i18n import N_
from smallbiz_codes.resources_path import resource

LANGS = ("zh", "en")
PARTS = ("wording", "conditions", "remedy")  # promise fields with a *_alt twin

# What a finding on each field is called, before its text. "version" names the
# language of an *_alt field; the primary field needs no name of its language.
_SUBJECTS: dict[tuple[str, str], str] = {
    ("wording", ""): N_("Promise {n}"),
    ("wording", "zh"): N_("Promise {n}, Chinese version"),
    ("wording", "en"): N_("Promise {n}, English version"),
    ("conditions", ""): N_("Promise {n}, conditions"),
    ("conditions", "zh"): N_("Promise {n}, conditions, Chinese version"),
    ("conditions", "en"): N_("Promise {n}, conditions, English version"),
    ("remedy", ""): N_("Promise {n}, remedy"),
    ("remedy", "zh"): N_("Promise {n}, remedy, Chinese version"),
    ("remedy", "en"): N_("Promise {n}, remedy, English version"),
}

# Code fields a customer reads, checked for void and absolute wording.
_CODE_FIELDS: dict[str, str] = {
    "title": N_("Title of the code"),
    "title_alt": N_("Title of the code, other language"),
    "purpose": N_("Purpose of the code"),
    "purpose_alt": N_("Purpose of the code, other language"),
    "scope": N_("Scope of the code"),
    "scope_alt": N_("Scope of the code, other language"),
    "exclusions": N_("What the code does not cover"),
    "exclusions_alt": N_("What the code does not cover, other language"),
    "complaints_contact": N_("Complaints contact"),
    "complaints_contact_alt": N_("Complaints contact, other language"),
    "dispute_route": N_("If we cannot settle it"),
    "dispute_route_alt": N_("If we cannot settle it, other language"),
}

_SENTENCE_END = re.compile(r"[。！？；!?;\n]|\.(?=\s|$)")
_CLAUSE_END = re.compile(r"[，,、。！？；!?;:：\n]|\.(?=\s|$)")


def other(lang: str) -> str:
    return "en" if lang == "zh" else "zh"


@dataclass(frozen=True)
class Rule:
    """One rule of wording.json, its patterns compiled."""

    key: str
    severity: str
    kind: str  # "pattern", or a check done in code: "no_measure", "length", ...
    applies_to: frozenset[str]
    patterns: dict[str, tuple[re.Pattern[str], ...]]
    exceptions: dict[str, tuple[re.Pattern[str], ...]]
    unless_measured: bool
    unless_sentence: dict[str, tuple[re.Pattern[str], ...]]
    texts: dict[str, dict[str, str]] = field(hash=False, compare=False)

    def finding(self, fields: dict[str, str], **kwargs: Any) -> Finding:
        return Finding(
            self.severity,
            self.key,
            self.texts["message"]["en"],
            fields,
            why=self.texts["why"]["en"],
            suggestion=self.texts["suggestion"]["en"],
            texts=self.texts,
            **kwargs,
        )


@dataclass(frozen=True)
class Hit:
    """A rule matching a piece of text: ``text[start:end] == term``."""

    rule: Rule
    term: str
    start: int
    end: int


@dataclass(frozen=True)
class Duration:
    """A time limit found in a text: ``value`` ``unit`` ("hour", "same_day", ...)."""

    value: float
    unit: str
    text: str
    start: int
    end: int


def _compile(items: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in items)


def _per_lang(data: dict[str, list[str]] | None) -> dict[str, tuple[re.Pattern[str], ...]]:
    data = data or {}
    return {lang: _compile(data.get(lang, [])) for lang in LANGS}


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    measure: dict[str, tuple[re.Pattern[str], ...]]
    max_chars: dict[str, int]
    max_words: dict[str, int]
    expects_measure: frozenset[str]
    actions: dict[str, dict[str, tuple[re.Pattern[str], ...]]]
    refund_offer: dict[str, tuple[re.Pattern[str], ...]]

    def rule(self, key: str) -> Rule:
        return next(r for r in self.rules if r.key == key)


def _load_json(name: str) -> dict[str, Any]:
    with open(resource("checks", name), encoding="utf-8") as fh:
        return json.load(fh)


@cache
def rules() -> RuleSet:
    """The wording rules, read and compiled once per run."""
    data = _load_json("wording.json")
    parsed = []
    for r in data["rules"]:
        parsed.append(
            Rule(
                key=r["key"],
                severity=ERROR if r["severity"] == "error" else WARNING,
                kind=r.get("kind", "pattern"),
                applies_to=frozenset(r.get("applies_to", ["wording"])),
                patterns=_per_lang(r.get("patterns")),
                exceptions=_per_lang(r.get("exceptions")),
                unless_measured=bool(r.get("unless_measured", False)),
                unless_sentence=_per_lang(r.get("unless_sentence")),
                texts={k: dict(r[k]) for k in ("message", "why", "suggestion")},
            )
        )
    length = data["length"]
    contra = data["contradiction"]
    return RuleSet(
        rules=tuple(parsed),
        measure=_per_lang(data["measure"]),
        max_chars={lang: length[lang].get("max_chars", 0) for lang in LANGS},
        max_words={lang: length[lang].get("max_words", 0) for lang in LANGS},
        expects_measure=frozenset(data["expects_measure"]),
        actions={
            key: {lang: _compile(re.escape(w) for w in words[lang]) for lang in LANGS}
            for key, words in contra["actions"].items()
        },
        refund_offer=_per_lang(contra["refund_offer"]),
    )


# ---------------------------------------------------------------- single texts


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]`` (commas do not end a sentence)."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    return text[left : m.start() if m else len(text)]


def measured(text: str, lang: str) -> bool:
    """Whether ``text`` gives a number or a time (digits, 两小时, 当天, same day ...)."""
    return any(p.search(text) for p in rules().measure[lang])


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def check_text(text: str, lang: str, part: str = "wording") -> list[Hit]:
    """Pattern rules that match ``text``, written in ``lang``, as field ``part``.

    ``part`` is "wording", "conditions", "remedy" or "code"; each rule says
    which parts it applies to. A span matched by an earlier rule is not matched
    again by a later one, so "概不退换" is one finding, not three.
    """
    if not text.strip():
        return []
    claimed: list[tuple[int, int]] = []
    hits: list[Hit] = []
    for rule in rules().rules:
        if rule.kind != "pattern" or part not in rule.applies_to:
            continue
        excepted = [m.span() for p in rule.exceptions[lang] for m in p.finditer(text)]
        for pattern in rule.patterns[lang]:
            for m in pattern.finditer(text):
                start, end = m.span()
                if start == end or _overlaps(claimed, start, end):
                    continue
                if any(s <= start and end <= e for s, e in excepted):
                    continue
                if rule.unless_measured or rule.unless_sentence[lang]:
                    sentence = _sentence(text, start, end)
                    if rule.unless_measured and measured(sentence, lang):
                        continue
                    if any(p.search(sentence) for p in rule.unless_sentence[lang]):
                        continue
                hits.append(Hit(rule, m.group(0), start, end))
                claimed.append((start, end))
    hits.sort(key=lambda h: h.start)
    return hits


def text_length(text: str, lang: str) -> int:
    """Characters (Chinese, spaces not counted) or words (English)."""
    if lang == "zh":
        return len(re.sub(r"\s", "", text))
    return len(text.split())


def too_long(text: str, lang: str) -> tuple[int, int] | None:
    """(length, limit) when ``text`` is longer than a person reads on a wall."""
    rs = rules()
    limit = rs.max_chars[lang] if lang == "zh" else rs.max_words[lang]
    n = text_length(text, lang)
    return (n, limit) if limit and n > limit else None


# ---------------------------------------------------------------- numbers and limits


@cache
def _units() -> dict[str, Any]:
    data = _load_json("units.json")
    compiled: dict[str, Any] = {"names": data["names"], "numbers": data["numbers"]}
    for lang in LANGS:
        words = sorted(data["numbers"][lang], key=len, reverse=True)
        if lang == "zh":
            num = r"\d+(?:\.\d+)?|[一二两三四五六七八九十]+半?|半"
        else:
            num = r"\d+(?:\.\d+)?|" + "|".join(r"\b" + re.escape(w) for w in words)
        units = "|".join(f"(?P<{u['key']}>{u[lang]})" for u in data["units"])
        sep = r"\s*" if lang == "zh" else r"[\s-]+"
        before = data["limit_before"][lang]
        after = data["limit_after"][lang]
        lead = r"(?<![第\d.])" if lang == "zh" else r"(?<![\d.])"
        tail = "" if lang == "zh" else r"\b"
        wb = "" if lang == "zh" else r"\b"
        compiled[lang] = re.compile(
            rf"(?:{wb}(?P<before>{before})\s*)?{lead}(?P<num>{num}){sep}(?:{units}){tail}"
            rf"(?:\s*(?P<after>{after}))?",
            re.IGNORECASE,
        )
        compiled["same_" + lang] = re.compile(data["same_day"][lang], re.IGNORECASE)
    compiled["unit_keys"] = [u["key"] for u in data["units"]]
    return compiled


def _number(word: str, lang: str) -> float | None:
    word = word.strip().lower()
    try:
        return float(word)
    except ValueError:
        pass
    table = _units()["numbers"][lang]
    if lang == "en":
        return table.get(word)
    half = 0.5 if word.endswith("半") and word != "半" else 0.0
    word = word.rstrip("半") if half else word
    if word in table:
        return table[word] + half
    if "十" in word:  # 十五, 二十, 二十四
        tens, _, ones = word.partition("十")
        t = table.get(tens, 0) if tens else 1
        o = table.get(ones, 0) if ones else 0
        return t * 10 + o + half
    return None


def durations(text: str, lang: str, limits_only: bool = True) -> list[Duration]:
    """Time spans in ``text``: "48 小时内", "within 2 working days", "当天", "the same day".

    With ``limits_only`` a span counts only when written as a limit ("内",
    "最迟", "within", "more than … late"), so "提前 24 小时预订" is no limit.
    """
    u = _units()
    out: list[Duration] = []
    for m in u[lang].finditer(text):
        if limits_only and not (m.group("before") or m.group("after")):
            continue
        if (
            lang == "en"
            and m.group("before")
            and m.group("before").lower() in ("more than", "over")
        ):
            if not (m.group("after") and m.group("after").lower() == "late"):
                continue  # "more than 24 hours ahead" is a condition, not a limit
        value = _number(m.group("num"), lang)
        unit = next((k for k in u["unit_keys"] if m.group(k)), None)
        if value is None or unit is None:
            continue
        out.append(Duration(value, unit, m.group(0).strip(), m.start(), m.end()))
    for m in u["same_" + lang].finditer(text):
        if not _overlaps([(d.start, d.end) for d in out], m.start(), m.end()):
            out.append(Duration(1, "same_day", m.group(0), m.start(), m.end()))
    out.sort(key=lambda d: d.start)
    return out


def limit_name(d: Duration, lang: str) -> str:
    """A duration as ``lang`` writes it: "48 小时" / "48 hours"."""
    names = _units()["names"][d.unit]
    n = f"{d.value:g}"
    if lang == "en" and d.value == 1:
        return names["en_one"]
    return names[lang].format(n=n)


_ALT_NUMBER = {
    "zh": re.compile(
        r"(?<![第\d.])(\d+(?:\.\d+)?)|(?<!第)([二两三四五六七八九十]+)(?=\s*(?:个)?\s*"
        r"(?:小时|钟头|天|日|工作日|分钟|周|星期|月|年|元|块|次|倍|%|人|件|杯|个))"
    ),
    "en": re.compile(
        r"(?<![\d.])(\d+(?:\.\d+)?)|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
        r"(?=\s+(?:working |business |calendar )?(?:minutes?|hours?|days?|weeks?|months?|years?|times?|yuan)\b)",  # noqa: E501
        re.IGNORECASE,
    ),
}


def numbers(text: str, lang: str) -> set[float]:
    """The numbers a text states (digits, 三天, "three days"); "7:00" counts as 7."""
    text = re.sub(r"(\d):\d\d", r"\1", text)
    found: set[float] = set()
    for m in _ALT_NUMBER[lang].finditer(text):
        value = _number(m.group(1) or m.group(2), lang)
        if value is not None:
            found.add(value)
    return found


# ---------------------------------------------------------------- promises


def _versions(promise: Promise, part: str, lang: str) -> list[tuple[str, str, str, str]]:
    """(field name, text, language, version label) for the two language versions of a part."""
    alt = other(lang)
    return [
        (part, getattr(promise, part), lang, ""),
        (part + "_alt", getattr(promise, part + "_alt"), alt, alt),
    ]


def check_promise(promise: Promise, n: int, lang: str) -> list[Finding]:
    """Wording findings on one promise, whose primary fields are written in ``lang``.

    What the promise editor shows as the owner types: pattern rules on every
    part in both languages, a missing time limit where one is expected, a
    promise too long for a wall, and numbers that differ between languages.
    """
    rs = rules()
    ref = f"promise:{promise.id}"
    out: list[Finding] = []
    for part in PARTS:
        for name, text, tlang, version in _versions(promise, part, lang):
            subject = _SUBJECTS[(part, version)]
            for hit in check_text(text, tlang, part):
                out.append(
                    hit.rule.finding(
                        {"n": str(n), "term": hit.term},
                        record=ref,
                        subject=subject,
                        where=name,
                        span=(hit.start, hit.end),
                        step="promises",
                    )
                )
            if part != "wording" or not text.strip():
                continue
            conditions = getattr(promise, "conditions" + ("_alt" if version else ""))
            if promise.category in rs.expects_measure and not measured(
                text + "\n" + conditions, tlang
            ):
                out.append(
                    rs.rule("wording.no_measure").finding(
                        {"n": str(n)}, record=ref, subject=subject, where=name, step="promises"
                    )
                )
            long = too_long(text, tlang)
            if long:
                out.append(
                    rs.rule("wording.too_long").finding(
                        {"n": str(n), "count": str(long[0]), "max": str(long[1])},
                        record=ref,
                        subject=subject,
                        where=name,
                        step="promises",
                    )
                )
        primary, alt = getattr(promise, part), getattr(promise, part + "_alt")
        if primary.strip() and alt.strip():
            a, b = numbers(primary, lang), numbers(alt, other(lang))
            if a != b:
                out.append(
                    rs.rule("promise.alt_numbers_differ").finding(
                        {
                            "n": str(n),
                            "zh_numbers": _list(a if lang == "zh" else b),
                            "en_numbers": _list(b if lang == "zh" else a),
                        },
                        record=ref,
                        subject=_SUBJECTS[(part, "")],
                        where=part + "_alt",
                        step="promises",
                    )
                )
    return out


def _list(values: set[float]) -> str:
    return ", ".join(f"{v:g}" for v in sorted(values)) or "–"


def check_code(code: Code, lang: str) -> list[Finding]:
    """Void and absolute wording in the parts of the code a customer reads."""
    out: list[Finding] = []
    for name, subject in _CODE_FIELDS.items():
        tlang = other(lang) if name.endswith("_alt") else lang
        for hit in check_text(getattr(code, name), tlang, "code"):
            out.append(
                hit.rule.finding(
                    {"term": hit.term},
                    record="code:1",
                    subject=subject,
                    where=name,
                    span=(hit.start, hit.end),
                    step="publish",
                )
            )
    return out


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE_END.split(text) if c.strip()]


_NEXT_WORDS = re.compile(r"\s*([\u4e00-\u9fff]{2})")
_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)\s*$")


def _limits_by_action(text: str, lang: str) -> dict[str, list[Duration]]:
    """For each action ("reply", "deliver" ...) the time limits the text gives it.

    A clause with a limit but no action of the list is keyed by the words next
    to the limit: the two characters after it in Chinese ("3 天内洗好" →
    "=洗好"), the word before it in English ("cleaned within 3 days" → "=cleaned").
    """
    found: dict[str, list[Duration]] = {}
    actions = rules().actions
    for clause in _clauses(text):
        limits = durations(clause, lang)
        if not limits:
            continue
        keys = [key for key, pats in actions.items() if any(p.search(clause) for p in pats[lang])]
        if not keys:
            if lang == "zh":
                m = _NEXT_WORDS.match(clause, limits[0].end)
            else:
                m = _PREVIOUS_WORD.search(clause, 0, limits[0].start)
            keys = ["=" + m.group(1).lower()] if m else []
        for key in keys:
            found.setdefault(key, []).append(limits[0])
    return found


def has_action(text: str, lang: str) -> bool:
    """Whether ``text`` names something done for the customer (reply, deliver, refund ...)."""
    return any(p.search(text) for pats in rules().actions.values() for p in pats[lang])


def _refund_offered(text: str, lang: str) -> bool:
    """Whether ``text`` promises a refund (outside any "no refunds" wording)."""
    flagged = [
        (h.start, h.end)
        for h in check_text(text, lang, "remedy")
        if h.rule.key.startswith("legal.")
    ]
    return any(
        not _overlaps(flagged, m.start(), m.end())
        for p in rules().refund_offer[lang]
        for m in p.finditer(text)
    )


def contradictions(promises: list[Promise], lang: str) -> list[Finding]:
    """Promises that disagree with each other; kept simple on purpose.

    - Two promises of the same category give different time limits for the
      same action ("24 小时内回复" and "48 小时内回复").
    - One promise says no refunds (a void blanket clause) while another offers
      a refund.
    Only the primary language is compared: the *_alt texts are checked against
    it by ``promise.alt_numbers_differ``.
    """
    rs = rules()
    out: list[Finding] = []
    limits = [_limits_by_action(p.wording, lang) for p in promises]
    for j, pj in enumerate(promises):
        for i in range(j):
            pi = promises[i]
            if pi.category != pj.category:
                continue
            for action, mine in limits[j].items():
                theirs = limits[i].get(action)
                if not theirs:
                    continue
                key = lambda d: (d.value, d.unit)  # noqa: E731
                if not {key(d) for d in mine} & {key(d) for d in theirs}:
                    out.append(
                        rs.rule("promise.contradiction.time").finding(
                            {
                                "n": str(j + 1),
                                "other": str(i + 1),
                                "action": _action_word(pj.wording, action, lang),
                                "this_limit": mine[0].text,
                                "other_limit": theirs[0].text,
                            },
                            record=f"promise:{pj.id}",
                            subject=_SUBJECTS[("wording", "")],
                            where="wording",
                            step="promises",
                        )
                    )
                    break
    offers = [_refund_offered(p.wording, lang) or _refund_offered(p.remedy, lang) for p in promises]
    for j, pj in enumerate(promises):
        blanket = [
            (part, h)
            for part in PARTS
            for h in check_text(getattr(pj, part), lang, part)
            if h.rule.key == "legal.no_returns"
        ]
        if not blanket:
            continue
        other_i = next((i for i, yes in enumerate(offers) if yes and i != j), None)
        if other_i is not None:
            part, hit = blanket[0]
            out.append(
                rs.rule("promise.contradiction.refund").finding(
                    {"n": str(j + 1), "other": str(other_i + 1), "term": hit.term},
                    record=f"promise:{pj.id}",
                    subject=_SUBJECTS[(part, "")],
                    where=part,
                    span=(hit.start, hit.end),
                    step="promises",
                )
            )
    return out


def _action_word(text: str, action: str, lang: str) -> str:
    if action.startswith("="):
        return action[1:]
    for p in rules().actions[action][lang]:
        m = p.search(text)
        if m:
            return m.group(0)
    return action


def wording_findings(wb: Workbook) -> list[Finding]:
    """Wording findings on every promise and on the code's customer-facing texts."""
    lang = wb.organization.language if wb.organization.language in LANGS else "zh"
    out: list[Finding] = []
    for n, p in enumerate(wb.promises, start=1):
        out += check_promise(p, n, lang)
    out += contradictions(wb.promises, lang)
    out += check_code(wb.code, lang)
    return out
