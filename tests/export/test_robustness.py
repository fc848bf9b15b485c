"""Bad input never crashes or spills off the page; the file is embedded, tagged and reproducible."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import pdf_text
from pypdf import PdfReader
from pypdf.generic import IndirectObject
from sample_data import add_history, publish

from smallbiz_codes.domain.examples import load_example
from smallbiz_codes.domain.records import Code, Organization, Promise
from smallbiz_codes.domain.workbook import Workbook
from smallbiz_codes.export import DOCUMENTS, fonts, styles
from smallbiz_codes.export.documents import build_document

LONG_ZH = ("如果您对我们的服务有任何不满意的地方，请随时告诉我们，我们一定认真对待。" * 200)[:5000]
EMOJI = "蛋糕按时做好 🎂👍🏽 全家 👨‍👩‍👧 满意 🇨🇳！"
ARABIC = "نعدكم بالخبز الطازج كل يوم"
HEBREW = "אנו מבטיחים לחם טרי בכל יום"


def workbook(promises: list[Promise], **org: str) -> Workbook:
    return Workbook(
        organization=Organization(id=1, name=org.get("name", "测试小店"), language="zh"),
        code=Code(id=1, complaints_contact=org.get("contact", "店长：电话 123")),
        promises=promises,
    )


def pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


# ------------------------------------------------------------ escaping


@pytest.mark.parametrize("doc", ["notice", "code", "briefing"])
def test_markup_in_user_text_prints_literally(doc):
    nasty = '<b>A&B</b> "q" \'s'
    wb = workbook(
        [Promise(id=1, position=1, wording=nasty, conditions="x < y & z > 0", remedy="<unclosed")],
        name="A&B <Shop>",
    )
    text = pdf_text(build_document(wb, doc, "zh"))
    assert '<b>A&B</b>"q"\'s' in text
    assert "x<y&z>0" in text
    assert "<unclosed" in text
    assert "A&B<Shop>" in text


# ------------------------------------------------------------ bad inputs


@pytest.mark.parametrize("doc", DOCUMENTS)
@pytest.mark.parametrize("lang", ["zh", "both"])
def test_empty_workbook_prints_and_says_what_is_missing(doc, lang):
    data = build_document(Workbook(), doc, lang)
    assert pages(data) >= 1
    if doc in ("notice", "code", "briefing"):
        assert "还没有写承诺" in pdf_text(data)


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_five_thousand_character_promise(doc):
    wb = workbook([Promise(id=1, position=1, wording=LONG_ZH, conditions=LONG_ZH, remedy="退款")])
    wb.code.complaints_contact = LONG_ZH
    data = build_document(wb, doc, "zh")
    if doc in ("notice", "code", "briefing"):
        assert LONG_ZH[:200] in pdf_text(data)
        assert pages(data) > 1


def test_sixty_promises_flow_onto_more_pages():
    few = workbook(
        [
            Promise(
                id=i,
                position=i,
                wording=f"第 {i} 条承诺：我们按时交货。",
                conditions="工作日",
                remedy="退运费",
            )
            for i in range(1, 4)
        ]
    )
    many = workbook(
        [
            Promise(
                id=i,
                position=i,
                wording=f"第 {i} 条承诺：我们按时交货。",
                conditions="工作日",
                remedy="退运费",
            )
            for i in range(1, 61)
        ]
    )
    for doc in ("notice", "code", "briefing"):
        data = build_document(many, doc, "zh")
        assert pages(data) > pages(build_document(few, doc, "zh")), doc
        text = pdf_text(data)
        assert "第60条承诺" in text and "第1条承诺" in text
        if doc == "code":
            assert "目录" in text  # a long code gets a table of contents
    assert "目录" not in pdf_text(build_document(few, "code", "zh"))


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_emoji_and_right_to_left_text(doc):
    wb = load_example("bakery", "zh")
    wb.promises[0].wording = EMOJI
    wb.promises[1].wording = ARABIC
    wb.promises[1].wording_alt = HEBREW
    wb.organization.name = "麦香坊 🥐"
    wb.communication_items[0].audience = EMOJI
    add_history(wb)
    wb.feedback[0].summary = ARABIC
    data = build_document(wb, doc, "both")
    if doc in ("notice", "code", "briefing"):
        text = pdf_text(data)
        # each emoji sequence becomes ONE visible placeholder, never a silent gap
        assert "蛋糕按时做好□□全家□满意□！" in text
        assert fonts.PLACEHOLDER * 3 in text  # Arabic letters shown as placeholders


def test_missing_characters_lists_what_the_font_cannot_draw():
    assert fonts.missing_characters("面包 bread café ¥20 — “好”") == []
    found = fonts.missing_characters([EMOJI, "abc", ARABIC])
    assert "🎂" in found and "👍" in found and "ن" in found
    assert "\u200d" not in found and "\ufe0f" not in found and "\n" not in found
    assert len(found) == len(set(found))
    wb = load_example("bakery", "zh")
    assert fonts.workbook_missing_characters(wb) == []
    wb.promises[2].remedy = "送您一个 🍰"
    assert fonts.workbook_missing_characters(wb) == ["🍰"]


def test_drawable_replaces_missing_characters_visibly():
    assert fonts.drawable("好😀好") == "好□好"
    assert fonts.drawable("👨‍👩‍👧") == "□"
    assert fonts.drawable("🇨🇳🇺🇸") == "□□"
    assert fonts.drawable("a\tb\x07c\nd") == "a bc\nd"


# ------------------------------------------------------------ fonts, metadata, reproducibility


def _fonts(reader: PdfReader):
    for page in reader.pages:
        res = page["/Resources"]
        if isinstance(res, IndirectObject):
            res = res.get_object()
        for ref in (res.get("/Font") or {}).values():
            yield ref.get_object()


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_every_font_is_embedded_and_subset(doc):
    wb = add_history(load_example("bakery", "zh"))
    wb.organization.website = "https://goldenwheat.example/承诺"  # the notice draws a QR code
    reader = PdfReader(io.BytesIO(build_document(wb, doc, "both")))
    seen = list(_fonts(reader))
    assert seen
    for font in seen:
        name = str(font["/BaseFont"])
        assert font["/Subtype"] == "/TrueType", name
        prefix, _, family = name.lstrip("/").partition("+")
        assert len(prefix) == 6 and prefix.isupper() and family.startswith("NotoSansSC"), name
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), name
    assert any("Bold" in str(f["/BaseFont"]) for f in seen)  # <b> really prints bold


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_same_input_gives_byte_identical_output(doc):
    first = build_document(add_history(publish(load_example("bakery", "zh"))), doc, "both")
    second = build_document(add_history(publish(load_example("bakery", "zh"))), doc, "both")
    assert first == second


def test_metadata_title_author_language_and_date():
    wb = publish(load_example("bakery", "zh"))
    reader = PdfReader(io.BytesIO(build_document(wb, "notice", "zh")))
    meta = reader.metadata
    assert meta.title == "麦香坊烘焙 — 我们对您的承诺"
    assert meta.author == "麦香坊烘焙"
    assert str(meta["/CreationDate"]).startswith("D:20261120")  # the approval date, not the clock
    assert reader.trailer["/Root"]["/Lang"] == "zh-CN"
    en = PdfReader(io.BytesIO(build_document(wb, "code", "en")))
    assert en.metadata.author == "Golden Wheat Bakery"
    assert en.trailer["/Root"]["/Lang"] == "en"


def test_notice_body_at_least_14pt_on_a4():
    for large in (False, True):
        pref, low = styles.notice_body_range("A4", large)
        assert low >= 14
        ns = styles.notice_styles("A4", low, 20)
        for st in (ns.promise, ns.promise_alt, ns.provision, ns.provision_alt, ns.box_body):
            assert st.fontSize >= 14, st.name
        assert ns.headline.fontSize > ns.promise.fontSize
    assert styles.notice_body_range("A4", True)[1] > styles.notice_body_range("A4", False)[0]


def test_short_notice_stays_on_one_page():
    wb = workbook(
        [
            Promise(
                id=1,
                position=1,
                wording="当天烤的面包，不隔夜卖。",
                conditions="不含预包装食品",
                remedy="换新或退款",
            )
        ]
    )
    for size in ("A5", "A4", "A3", "Letter"):
        assert pages(build_document(wb, "notice", "both", size)) == 1


# ------------------------------------------------------------ a look at the page


@pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed"
)
@pytest.mark.parametrize("size", ["A5", "A4"])
def test_notice_bottom_margin_stays_blank(tmp_path: Path, size):
    """Render each page and check the strip below the footer carries no ink (nothing overflows)."""
    wb = workbook(
        [
            Promise(
                id=i, position=i, wording=LONG_ZH[: 300 + i], conditions="工作日", remedy="退款"
            )
            for i in range(1, 8)
        ]
    )
    pdf = tmp_path / "n.pdf"
    pdf.write_bytes(build_document(wb, "notice", "zh", size))
    subprocess.run(["pdftoppm", "-r", "50", "-gray", str(pdf), str(tmp_path / "p")], check=True)
    images = sorted(tmp_path.glob("p-*.pgm"))
    assert len(images) > 1
    ns = styles.notice_styles(size, styles.notice_body_range(size, False)[0], 0)
    for img in images:
        w, h, pixels = _read_pgm(img)
        # the lowest 55 % of the margin: below the footer line and its text
        strip = int(ns.margin * 0.45 / 72 * 50)
        bottom = pixels[(h - strip) * w :]
        assert min(bottom) > 200, f"ink in the bottom margin of {img.name}"
        # and the page is not blank: something was printed
        assert min(pixels) < 100


def _read_pgm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P5"
    w, h = int(parts[1]), int(parts[2])
    return w, h, parts[4][-w * h :]
