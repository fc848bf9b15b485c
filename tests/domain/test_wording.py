"""Wording checks: each rule in Chinese and English, flagged and (more often) not flagged."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smallbiz_codes.cli import main
from smallbiz_codes.domain import checks, wording
from smallbiz_codes.domain.examples import load_example
from smallbiz_codes.domain.records import Code, Organization, Promise
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.store.workbook import WorkbookFile

CJK = re.compile(r"[\u4e00-\u9fff]")

# (text, language, part, rule, flagged term)
MUST_FLAG = [
    # Consumer Rights Protection Law art. 26: blanket no returns
    ("一经售出，概不退换", "zh", "conditions", "legal.no_returns", "一经售出，概不退换"),
    ("特价商品不退不换。", "zh", "wording", "legal.no_returns", "不退不换"),
    ("定金概不退还", "zh", "conditions", "legal.no_returns", "概不退还"),
    ("No refunds.", "en", "conditions", "legal.no_returns", "No refunds"),
    ("All sales are final.", "en", "wording", "legal.no_returns", "All sales are final"),
    ("No returns, no exchanges", "en", "code", "legal.no_returns", "No returns, no exchanges"),
    # final interpretation
    ("本活动最终解释权归本店所有", "zh", "code", "legal.final_interpretation", "最终解释权"),
    ("本店保留解释权。", "zh", "conditions", "legal.final_interpretation", "保留解释权"),
    (
        "The shop reserves the right of final interpretation.",
        "en",
        "conditions",
        "legal.final_interpretation",
        "right of final interpretation",
    ),
    (
        "We reserve the right to interpret these terms.",
        "en",
        "code",
        "legal.final_interpretation",
        "reserve the right to interpret",
    ),
    # no liability
    ("寄存物品丢失，本店概不负责。", "zh", "conditions", "legal.no_liability", "概不负责"),
    ("过期使用后果自负", "zh", "conditions", "legal.no_liability", "后果自负"),
    (
        "We are not responsible for any loss.",
        "en",
        "conditions",
        "legal.no_liability",
        "not responsible for any",
    ),
    ("Bags left at your own risk.", "en", "conditions", "legal.no_liability", "at your own risk"),
    # a limitation of refunds: allowed with care, so only advice
    ("定制蛋糕开始制作后不退款。", "zh", "conditions", "legal.limited_refund", "不退款"),
    (
        "No refunds on custom cakes after work starts.",
        "en",
        "conditions",
        "legal.limited_refund",
        "No refunds",
    ),
    ("Deposits are non-refundable.", "en", "conditions", "legal.limited_refund", "non-refundable"),
    # Advertising Law art. 9: absolute terms
    ("全市最好的面包", "zh", "wording", "ad.absolute", "最好"),
    ("最佳口感", "zh", "wording", "ad.absolute", "最佳"),
    ("本店最便宜", "zh", "wording", "ad.absolute", "最便宜"),
    ("最受欢迎的蛋糕", "zh", "wording", "ad.absolute", "最受欢迎"),
    ("全网最低价", "zh", "wording", "ad.absolute", "最低价"),
    ("最高级的原料", "zh", "wording", "ad.absolute", "最高级"),
    ("国家级大师亲手制作", "zh", "wording", "ad.absolute", "国家级"),
    ("销量全市第一", "zh", "wording", "ad.absolute", "第一"),
    ("第一品牌", "zh", "wording", "ad.absolute", "第一"),
    ("顶级奶油", "zh", "wording", "ad.absolute", "顶级"),
    ("本地唯一手工面包房", "zh", "wording", "ad.absolute", "本地唯一"),
    ("绝对新鲜", "zh", "wording", "ad.absolute", "绝对"),
    ("NO.1 烘焙", "zh", "wording", "ad.absolute", "NO.1"),
    ("The best bread in town.", "en", "wording", "ad.absolute", "The best"),
    ("No. 1 bakery in the district", "en", "wording", "ad.absolute", "No. 1"),
    ("World-class pastry", "en", "wording", "ad.absolute", "World-class"),
    ("The lowest prices around", "en", "wording", "ad.absolute", "lowest prices"),
    ("Our most popular cake", "en", "wording", "ad.absolute", "most popular"),
    ("the freshest croissants", "en", "wording", "ad.absolute", "freshest"),
    # best case instead of a promise
    ("最快 2 小时送达", "zh", "wording", "wording.best_case", "最快"),
    ("Delivered in as little as 2 hours.", "en", "wording", "wording.best_case", "in as little as"),
    # vague words without a measure
    ("意见我们尽快处理。", "zh", "wording", "wording.vague_time", "尽快"),
    ("及时回复您的留言", "zh", "wording", "wording.vague_time", "及时"),
    ("我们会第一时间处理", "zh", "wording", "wording.vague_time", "第一时间"),
    ("We reply as soon as possible.", "en", "wording", "wording.vague_time", "as soon as possible"),
    ("Fast delivery.", "en", "wording", "wording.vague_time", "Fast"),
    ("We answer promptly.", "en", "wording", "wording.vague_time", "promptly"),
    ("始终保持店面整洁", "zh", "wording", "wording.vague_always", "始终"),
    ("We are always polite.", "en", "wording", "wording.vague_always", "always"),
    ("我们尽量当天发货", "zh", "wording", "wording.vague_effort", "尽量"),
    ("We try to deliver on the day.", "en", "wording", "wording.vague_effort", "try to"),
    ("We do our best to reply.", "en", "wording", "wording.vague_effort", "do our best"),
    ("提供优质服务", "zh", "wording", "wording.vague_quality", "优质"),
    ("热情周到地接待每位顾客", "zh", "wording", "wording.vague_quality", "热情周到"),
    ("Excellent service every time.", "en", "wording", "wording.vague_quality", "Excellent"),
    ("High-quality ingredients", "en", "wording", "wording.vague_quality", "High-quality"),
    ("给予适当补偿", "zh", "remedy", "wording.vague_remedy", "适当补偿"),
    ("视情况给予赔偿", "zh", "remedy", "wording.vague_remedy", "视情况"),
    (
        "Appropriate compensation.",
        "en",
        "remedy",
        "wording.vague_remedy",
        "Appropriate compensation",
    ),
    ("Refunds at our discretion.", "en", "remedy", "wording.vague_remedy", "at our discretion"),
]

# Correct, ordinary wordings that must not be flagged at all.
MUST_NOT_FLAG = [
    ("最后一位顾客离店前不关门。", "zh", "wording"),
    ("最近的门店在幸福路。", "zh", "wording"),
    ("最迟 2 小时内回电。", "zh", "wording"),
    ("每单最多减免 20 元。", "zh", "remedy"),
    ("最少提前一天预订。", "zh", "conditions"),
    ("至少提前 24 小时预订。", "zh", "conditions"),
    ("最晚 20:00 前可取货。", "zh", "wording"),
    ("最高赔付 500 元。", "zh", "remedy"),
    ("最低消费 30 元。", "zh", "conditions"),
    ("最好提前一天预订。", "zh", "conditions"),
    ("以店内最新价目表为准。", "zh", "conditions"),
    ("第一次来店送一杯咖啡。", "zh", "wording"),
    ("第一天就告诉新员工。", "zh", "wording"),
    ("第一个工作日内回复。", "zh", "wording"),
    ("尽快，最迟 2 小时内回复。", "zh", "wording"),
    ("我们会尽快处理，3 天内给出结果。", "zh", "wording"),
    ("绝对不卖隔夜面包。", "zh", "wording"),
    ("最快 2 小时，最迟 4 小时送到。", "zh", "wording"),
    ("适当补偿，最多 50 元。", "zh", "remedy"),
    ("您随时可以打电话问配料。", "zh", "wording"),
    ("质量问题 7 天内包退包换。", "zh", "wording"),
    ("不满意可以退款。", "zh", "wording"),
    ("货架上的面包都是当天烤的，不隔夜卖。", "zh", "wording"),
    ("Last orders at 19:30.", "en", "wording"),
    ("Order at least 24 hours ahead.", "en", "conditions"),
    ("Does not cover prepacked biscuits that carry a best-before date.", "en", "conditions"),
    ("Your first visit: a free coffee.", "en", "wording"),
    ("On your first day we show you around.", "en", "wording"),
    ("We always give a receipt within 5 minutes of payment.", "en", "wording"),
    ("You can always ask us about ingredients.", "en", "wording"),
    ("We reply as soon as we can, within 2 hours at the latest.", "en", "wording"),
    ("Faulty items: refund or exchange within 7 days.", "en", "wording"),
    ("Breakfast is served from 7:00.", "en", "wording"),
    ("If the cake is late, we take 20% off.", "en", "remedy"),
    ("Full refund, no questions asked.", "en", "remedy"),
    ("Quick question? Call us on 021-5555 0188.", "en", "wording"),
    ("We never share your details with anyone.", "en", "wording"),
    ("维修前先给您书面报价，您同意后才开工。", "zh", "wording"),
    ("首次到店免费试剪。", "zh", "wording"),
    ("本店一律明码标价。", "zh", "wording"),
    ("衣服洗坏了，按洗衣费的 10 倍赔偿，最高赔付 1000 元。", "zh", "remedy"),
    ("我们一直营业到晚上 9 点。", "zh", "wording"),
]


@pytest.mark.parametrize(("text", "lang", "part", "rule", "term"), MUST_FLAG)
def test_rule_flags(text: str, lang: str, part: str, rule: str, term: str) -> None:
    hits = wording.check_text(text, lang, part)
    assert [(h.rule.key, h.term) for h in hits] == [(rule, term)]
    assert text[hits[0].start : hits[0].end] == term


@pytest.mark.parametrize(("text", "lang", "part"), MUST_NOT_FLAG)
def test_correct_use_not_flagged(text: str, lang: str, part: str) -> None:
    assert [(h.rule.key, h.term) for h in wording.check_text(text, lang, part)] == []


def test_each_rule_has_chinese_and_english_examples() -> None:
    flagged = {(rule, lang) for _t, lang, _p, rule, _term in MUST_FLAG}
    for rule in wording.rules().rules:
        if rule.kind == "pattern":
            assert (rule.key, "zh") in flagged and (rule.key, "en") in flagged, rule.key


def test_every_rule_is_documented() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "checks.md").read_text(encoding="utf-8")
    for rule in wording.rules().rules:
        assert f"`{rule.key}`" in docs, rule.key


def test_rule_texts_are_bilingual() -> None:
    for rule in wording.rules().rules:
        for part in ("message", "why", "suggestion"):
            zh, en = rule.texts[part]["zh"], rule.texts[part]["en"]
            assert CJK.search(zh), (rule.key, part)
            assert en and not CJK.search(en), (rule.key, part)


def test_chinese_rules_do_not_apply_to_english_text() -> None:
    # "best" is no absolute term to the Chinese rules; 最好 means nothing to the English ones
    assert wording.check_text("the best bread", "zh") == []
    assert wording.check_text("最好的面包", "en") == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bakery_example_has_no_errors_and_no_wording_findings(lang: str) -> None:
    wb = load_example("bakery", lang)
    assert [f.text(lang) for f in checks.run_all(wb) if f.severity == checks.ERROR] == []
    assert [f.text(lang) for f in wording.wording_findings(wb)] == []
    assert checks.publish_blockers(wb) == []


def _wb(lang: str = "zh", **promise: object) -> Workbook:
    defaults: dict[str, object] = {
        "id": 1,
        "wording": "当天烤的面包当天卖完。",
        "remedy": "全额退款",
        "owner": "李强",
        "category": "quality",
        "conditions": "不含预包装食品",
    }
    defaults.update(promise)
    return Workbook(
        organization=Organization(id=1, name="麦香坊", language=lang),
        code=Code(id=1, complaints_contact="店长 王丽"),
        promises=[Promise(**defaults)],  # type: ignore[arg-type]
    )


def test_finding_reads_in_both_languages_whatever_the_text_language() -> None:
    wb = _wb(conditions="一经售出，概不退换")
    [f] = [f for f in wording.wording_findings(wb) if f.rule == "legal.no_returns"]
    assert f.severity == checks.ERROR
    assert f.record == "promise:1" and f.where == "conditions" and f.step == "promises"
    assert f.text("zh").startswith("第 1 条承诺（条件和限制）：“一经售出，概不退换”")
    assert f.text("en").startswith("Promise 1, conditions: “一经售出，概不退换”")
    assert "第二十六条" in f.why_text("zh") and "art. 26" in f.why_text("en")
    assert CJK.search(f.suggestion_text("zh")) and not CJK.search(f.suggestion_text("en"))


def test_alt_wording_is_checked_with_the_other_language() -> None:
    wb = _wb("zh", wording_alt="All sales are final.")
    [f] = [f for f in wording.wording_findings(wb) if f.severity == checks.ERROR]
    assert (f.rule, f.where) == ("legal.no_returns", "wording_alt")
    assert f.text("en").startswith("Promise 1, English version:")
    wb = _wb("en", wording="Baked today.", wording_alt="本店最好的面包")
    [f] = [f for f in wording.wording_findings(wb) if f.severity == checks.ERROR]
    assert (f.rule, f.where, f.fields["term"]) == ("ad.absolute", "wording_alt", "最好")


def test_void_wording_in_the_code_itself_is_found() -> None:
    wb = _wb()
    wb.code.exclusions = "本活动最终解释权归本店所有。"
    [f] = [f for f in checks.publish_blockers(wb) if f.rule == "legal.final_interpretation"]
    assert f.record == "code:1" and f.where == "exclusions" and f.step == "publish"


def test_missing_time_limit_where_one_is_expected() -> None:
    found = wording.wording_findings(
        _wb(category="delivery", wording="蛋糕按时送到。", conditions="")
    )
    assert [f.rule for f in found] == ["wording.no_measure"]
    # a limit in the conditions next to the promise is enough
    ok = _wb(category="delivery", wording="蛋糕按时送到。", conditions="下单后 48 小时内")
    assert wording.wording_findings(ok) == []
    # a quality promise needs no number
    assert wording.wording_findings(_wb(category="quality", wording="面包不隔夜卖。")) == []


def test_promise_too_long_for_a_wall() -> None:
    long_zh = "我们" + "保证每一位顾客买到的面包都是当天新鲜出炉的，" * 4
    [f] = [
        f for f in wording.wording_findings(_wb(wording=long_zh)) if f.rule == "wording.too_long"
    ]
    assert f.fields["max"] == "70" and int(f.fields["count"]) > 70
    assert "贴在墙上" in f.text("zh")
    long_en = "We " + "bake every loaf on our shelves fresh in the morning and " * 5
    found = wording.wording_findings(_wb("en", wording=long_en))
    assert "wording.too_long" in [f.rule for f in found]
    assert "wording.too_long" not in [f.rule for f in wording.wording_findings(_wb())]


def test_numbers_that_differ_between_languages() -> None:
    wb = _wb(wording="投诉 24 小时内回复。", wording_alt="We reply to complaints within 48 hours.")
    [f] = wording.wording_findings(wb)
    assert f.rule == "promise.alt_numbers_differ"
    assert f.text("zh").endswith("（中文：24；英文：48）。")
    en = _wb("en", wording="We reply within 48 hours.", wording_alt="投诉 24 小时内回复。")
    [f] = wording.wording_findings(en)
    assert f.text("en").endswith("(Chinese: 24; English: 48).")
    same = _wb(
        wording="三天内给出结果，晚上 8 点后第二天回复。",
        wording_alt="A solution within 3 days; after 8 pm, the next day.",
    )
    assert wording.wording_findings(same) == []


def _two(a: str, b: str, cat_a: str = "complaints", cat_b: str = "complaints") -> Workbook:
    wb = _wb(wording=a, category=cat_a)
    wb.promises.append(
        Promise(
            id=2, wording=b, category=cat_b, remedy="送 20 元代金券", owner="王丽", conditions="无"
        )
    )
    return wb


def test_contradicting_time_limits() -> None:
    found = [
        f
        for f in wording.wording_findings(_two("投诉 24 小时内回复。", "来电 48 小时内回复。"))
        if f.rule.startswith("promise.contradiction")
    ]
    assert len(found) == 1
    f = found[0]
    assert f.record == "promise:2" and f.fields["other"] == "1"
    assert (
        f.text("zh")
        == "第 2 条承诺：和第 1 条承诺对“回复”给的时限不一样（48 小时内 / 24 小时内）。"
    )
    en = _two("We reply to complaints within 24 hours.", "Phone messages: we reply within 2 days.")
    en.organization.language = "en"
    assert [f.rule for f in wording.contradictions(en.promises, "en")] == [
        "promise.contradiction.time"
    ]


def test_contradiction_on_an_action_outside_the_list() -> None:
    wb = _two("衣物 3 天内洗好。", "西装 5 天内洗好。", "service_time", "service_time")
    [f] = wording.contradictions(wb.promises, "zh")
    assert (f.fields["action"], f.fields["this_limit"]) == ("洗好", "5 天内")
    en = _two("Shirts cleaned within 2 days.", "Suits cleaned within 4 days.")
    [f] = wording.contradictions(en.promises, "en")
    assert f.fields["action"] == "cleaned"
    other = _two("衬衫 3 天内洗好。", "5 天内取走的衣物免保管费。", "service_time", "service_time")
    assert wording.contradictions(other.promises, "zh") == []


def test_no_contradiction_for_the_same_limit_or_other_categories() -> None:
    assert (
        wording.contradictions(_two("24 小时内回复。", "电话留言 24 小时内回复。").promises, "zh")
        == []
    )
    assert (
        wording.contradictions(
            _two("24 小时内回复。", "48 小时内回复。", "complaints", "delivery").promises, "zh"
        )
        == []
    )
    # different actions in one category do not contradict
    assert wording.contradictions(_two("当天回复。", "3 天内给出处理结果。").promises, "zh") == []


def test_no_refunds_contradicts_a_refund_promise() -> None:
    wb = _two("不满意全额退款。", "所有商品一经售出，概不退换。", "returns", "other")
    found = wording.contradictions(wb.promises, "zh")
    assert [(f.rule, f.record, f.fields["other"]) for f in found] == [
        ("promise.contradiction.refund", "promise:2", "1")
    ]
    # a promise that only says "no refunds" contradicts nobody
    alone = _two("所有商品一经售出，概不退换。", "面包当天烤。", "other", "quality")
    alone.promises[1].remedy = "换一个"
    assert wording.contradictions(alone.promises, "zh") == []


def test_publish_blockers() -> None:
    empty = Workbook(organization=Organization(id=1), code=Code(id=1))
    rules = {f.rule for f in checks.publish_blockers(empty)}
    assert rules == {"org.no_name", "code.no_promises", "code.no_contact"}
    wb = _wb(remedy="", owner="", tailored=False)
    wb.promises.append(
        Promise(
            id=2,
            wording="全市最好的面包",
            remedy="退款",
            owner="李强",
            conditions="一经售出，概不退换",
        )
    )
    blockers = checks.publish_blockers(wb)
    assert {(f.rule, f.record) for f in blockers} == {
        ("promise.no_remedy", "promise:1"),
        ("promise.no_owner", "promise:1"),
        ("promise.untailored", "promise:1"),
        ("ad.absolute", "promise:2"),
        ("legal.no_returns", "promise:2"),
    }
    assert all(f.severity == checks.ERROR for f in blockers)
    # advice never blocks
    assert checks.publish_blockers(_wb(wording="我们尽量当天发货。")) == []


def test_structural_findings_explain_why() -> None:
    wb = _wb(remedy="")
    [f] = [f for f in checks.run_all(wb) if f.rule == "promise.no_remedy"]
    assert CJK.search(f.why_text("zh")) and f.why_text("en").startswith(
        "A promise without a remedy"
    )
    assert f.suggestion_text("zh") != f.suggestion_text("en")


def test_check_command_prints_void_clause_in_chinese(
    cjk_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = cjk_dir / "麦香坊.sbcodes"
    wb = load_example("bakery", "zh")
    wb.promises[3].conditions = "一经售出，概不退换。"
    with WorkbookFile.create(path, wb.organization, wb.code) as wf:
        wf.replace_all(wb)
    assert main(["check", str(path), "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert "第 4 条承诺（条件和限制）：“一经售出，概不退换”是无效的格式条款" in out
    assert main(["check", str(path), "--lang", "en"]) == 1
    assert "Promise 4, conditions: “一经售出，概不退换” is a void notice" in capsys.readouterr().out


def test_bakery_check_command_exits_zero(cjk_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = cjk_dir / "麦香坊.sbcodes"
    wb = load_example("bakery", "zh")
    with WorkbookFile.create(path, wb.organization, wb.code) as wf:
        wf.replace_all(wb)
    assert main(["check", str(path), "--lang", "zh"]) == 0
    # the only advice left on the example: nobody was asked (principle 4.11)
    assert "以顾客为关注焦点的方法：还没问过任何人" in capsys.readouterr().out
