"""The example codes by trade: what an owner copies first, so they must be right.

Each example is checked the way a careful reader of a printed notice would:
every part is there in both languages, nothing promises what the law forbids
or what a small business cannot keep, and the program's own checks pass.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from smallbiz_codes import cli
from smallbiz_codes.domain import checks
from smallbiz_codes.domain.examples import example_keys, load_example, trade_name
from smallbiz_codes.resources_path import resource
from smallbiz_codes.store.workbook import WorkbookFile

TRADES = ["bakery", "retail", "repair", "salon", "webshop", "laundry", "clinic", "tutoring"]
LANGS = ["zh", "en"]

# Absolute advertising terms (Advertising Law art. 9) and promises nobody can keep.
ABSOLUTE_ZH = [
    "最",
    "第一",
    "国家级",
    "顶级",
    "极品",
    "绝对",
    "万能",
    "100%满意",
    "包治",
    "根治",
    "治愈",
    "药到病除",
]
ABSOLUTE_EN = [
    r"\bbest\b(?!-before)",
    r"\bno\.? ?1\b",
    r"\bnumber one\b",
    r"\bguarantee",
    r"\bfinest\b",
    r"\bworld[- ]class\b",
    r"\bcure[sd]?\b",
    r"\b100% satisf",
]
# Clauses Chinese consumer law makes void (消费者权益保护法 art. 26).
VOID_ZH = [
    "一经售出",
    "概不退换",
    "不退不换",
    "最终解释权",
    "概不负责",
    "恕不退款",
    "定金不退",
    "不予退款",
]
VOID_EN = [
    r"\bno refunds?\b",
    r"non-refundable",
    r"all sales (are )?final",
    r"right of (final )?interpretation",
    r"not responsible for",
]
# An English owner writes "once" or "twice" rather than a digit.
EN_NUMBER = r"\d|\b(once|twice|one|two|three|four|five|six|seven|eight|nine|ten|half)\b"


def raw(key: str) -> dict[str, Any]:
    with open(resource("examples", f"{key}.json"), encoding="utf-8") as fh:
        return json.load(fh)


def texts(value: Any, where: str = "") -> list[tuple[str, dict[str, str]]]:
    """Every bilingual text in an example, with where it is."""
    if isinstance(value, dict) and set(value) == {"zh", "en"}:
        return [(where, value)]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in texts(v, f"{where}.{k}")]
    if isinstance(value, list):
        return [t for n, v in enumerate(value) for t in texts(v, f"{where}[{n}]")]
    return []


def test_every_trade_is_shipped() -> None:
    assert sorted(example_keys()) == sorted(TRADES)
    assert example_keys()[0] == "bakery"
    for key in TRADES:
        assert trade_name(key, "zh") and trade_name(key, "en")


@pytest.mark.parametrize("key", TRADES)
def test_every_text_exists_in_both_languages(key: str) -> None:
    found = texts(raw(key))
    assert len(found) > 100  # a complete code, not a stub
    for where, value in found:
        assert value["zh"].strip() and value["en"].strip(), f"{key}{where} is empty in one language"
        # The Chinese is written in Chinese, the English in English.
        assert re.search(r"[\u4e00-\u9fff]", value["zh"]), (
            f"{key}{where}: no Chinese in the zh text"
        )
        assert not re.search(r"[\u4e00-\u9fff]", value["en"]), (
            f"{key}{where}: Chinese in the en text"
        )


@pytest.mark.parametrize("key", TRADES)
def test_no_absolute_terms_or_void_clauses(key: str) -> None:
    for where, value in texts(raw(key)):
        for term in ABSOLUTE_ZH + VOID_ZH:
            assert term not in value["zh"], f"{key}{where}: {term!r} in {value['zh']!r}"
        for pattern in ABSOLUTE_EN + VOID_EN:
            assert not re.search(pattern, value["en"], re.I), (
                f"{key}{where}: {pattern!r} in {value['en']!r}"
            )


@pytest.mark.parametrize("key", TRADES)
@pytest.mark.parametrize("lang", LANGS)
def test_example_has_every_part(key: str, lang: str) -> None:
    wb = load_example(key, lang)
    org, code = wb.organization, wb.code
    for text in (
        org.name,
        org.name_alt,
        org.products_services,
        org.customers,
        org.phone,
        code.title,
        code.purpose,
        code.scope,
        code.effective_date,
        code.review_date,
        code.complaints_contact,
        code.complaints_contact_alt,
        code.monitoring,
        code.approver,
    ):
        assert text.strip()
    assert "12315" in code.dispute_route
    assert 1 <= len(wb.objectives) <= 3
    for obj in wb.objectives:
        assert (
            obj.text
            and obj.problem
            and obj.measure
            and obj.baseline
            and obj.target
            and obj.target_date
        )
    assert 4 <= len(wb.promises) <= 7
    categories = set()
    for p in wb.promises:
        categories.add(p.category)
        for text in (
            p.wording,
            p.wording_alt,
            p.covers,
            p.conditions,
            p.conditions_alt,
            p.remedy,
            p.remedy_alt,
            p.owner,
        ):
            assert text.strip(), f"{key}/{p.origin}: a part is missing"
        assert p.tailored and p.capability_confirmed
        assert p.origin.startswith(f"example:{key}/") and p.origin_wording == p.wording
        indicators = wb.indicators_for(p)
        assert indicators, f"{p.origin} has no indicator"
        for ind in indicators:
            assert ind.name and ind.measure and ind.unit and ind.source and ind.owner
            assert ind.target is not None and ind.direction in ("up", "down")
        procedures = wb.procedures_for(p)
        assert procedures, f"{p.origin} has no procedure"
        for proc in procedures:
            assert proc.title and proc.steps and proc.at_risk and proc.records and proc.owner
    assert "complaints" in categories  # how a complaint is answered is itself a promise
    directions = {c.direction for c in wb.communication_items}
    assert directions == {"internal", "external"}
    for c in wb.communication_items:
        assert c.audience and c.message and c.method and c.timing and c.owner and c.evaluation


@pytest.mark.parametrize("key", TRADES)
def test_promises_are_short_enough_for_a_wall_notice(key: str) -> None:
    """About 120 Chinese characters or 60 English words is what the checks allow;
    a notice read at the counter needs far less, so the examples keep to 80 / 45."""
    for p in raw(key)["promises"]:
        zh, en = p["wording"]["zh"], p["wording"]["en"]
        assert len(re.sub(r"\s", "", zh)) <= 80, f"{key}/{p['key']}: {len(zh)} characters"
        assert len(en.split()) <= 45, f"{key}/{p['key']}: {len(en.split())} words"
        # Concrete: a number (time, amount or count) in every promise except a plain fact.
        if f"{key}/{p['key']}" not in ("bakery/fresh", "bakery/allergens"):
            assert re.search(r"\d", zh), f"{key}/{p['key']} has no number"
            assert re.search(EN_NUMBER, en, re.I), f"{key}/{p['key']} has no number"


@pytest.mark.parametrize("key", TRADES)
def test_promise_with_its_conditions_and_remedy_fits_a_notice(key: str) -> None:
    """The notice prints each promise with its limits and remedy next to it."""
    for p in raw(key)["promises"]:
        parts = [p[k] for k in ("wording", "conditions", "remedy")]
        zh = sum(len(re.sub(r"\s", "", t["zh"])) for t in parts)
        en = sum(len(t["en"].split()) for t in parts)
        assert zh <= 130 and en <= 95, f"{key}/{p['key']}: {zh} characters, {en} words"


def test_webshop_keeps_the_seven_day_return_whole() -> None:
    """Distance sales: 7 days without a reason (消费者权益保护法 art. 25); only the
    law's own exceptions may be excluded, and opening the parcel to look is allowed."""
    data = raw("webshop")
    returns = next(p for p in data["promises"] if p["category"] == "returns")
    assert "7 天" in returns["wording"]["zh"] and "无理由" in returns["wording"]["zh"]
    assert "7 days" in returns["wording"]["en"]
    assert "拆" in returns["conditions"]["zh"]  # unpacking to inspect does not lose the right
    for narrowing in ("3 天", "5 天", "吊牌", "未拆封"):
        assert narrowing not in returns["conditions"]["zh"]


def test_clinic_promises_behaviour_not_outcomes() -> None:
    for where, value in texts(raw("clinic")):
        for word in ("疗效保证", "有效率", "痊愈", "无效退款", "包好"):
            assert word not in value["zh"], where
        outcome = r"\b(cure[sd]?|effective(?! date)|heal(s|ed|ing)?|recover(s|ed|y)?)\b"
        assert not re.search(outcome, value["en"], re.I), where


@pytest.mark.parametrize("key", TRADES)
@pytest.mark.parametrize("lang", LANGS)
def test_example_passes_the_programs_checks(key: str, lang: str) -> None:
    findings = checks.run_all(load_example(key, lang))
    errors = [f.text("en") for f in findings if f.severity == checks.ERROR]
    assert errors == []


@pytest.mark.parametrize("key", TRADES)
def test_new_from_example_on_the_command_line(
    key: str, cjk_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for lang in LANGS:
        path = cjk_dir / f"{key}-{lang}店.sbcodes"
        assert cli.main(["new", str(path), "--example", key, "--lang", lang]) == cli.EXIT_OK
        with WorkbookFile.open(path) as wf:
            wb = wf.load()
        expected = load_example(key, lang)
        assert wb.organization.name == expected.organization.name
        assert [p.wording for p in wb.promises] == [p.wording for p in expected.promises]
        assert len(wb.indicators) == len(expected.indicators)
        assert cli.main(["check", str(path)]) == cli.EXIT_OK
        out = capsys.readouterr().out
        assert "0 errors" in out or "0 个" in out
