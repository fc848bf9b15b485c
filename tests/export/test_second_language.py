"""A code written in Chinese prints its title, scope, dispute route and address in English too.

The customer reading an English or bilingual notice of a Chinese-written code
must not meet Chinese text where the owner gave an English version.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from smallbiz_codes import cli
from smallbiz_codes.domain import checks
from smallbiz_codes.domain.examples import example_keys, load_example
from smallbiz_codes.domain.records import Code
from smallbiz_codes.store.workbook import WorkbookFile


def _text(path: Path) -> str:
    """The PDF's text with all white space removed, so line breaks do not matter."""
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(path).pages))


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.fixture
def bakery_zh(cjk_dir: Path) -> Path:
    path = cjk_dir / "麦香坊.sbcodes"
    assert cli.main(["new", str(path), "--example", "bakery", "--lang", "zh"]) == 0
    return path


def _pdf(workbook: Path, doc: str, lang: str, out: Path) -> str:
    assert cli.main(["pdf", str(workbook), "--doc", doc, "--lang", lang, "--out", str(out)]) == 0
    return _text(out)


def test_english_documents_of_a_chinese_code_use_the_english_texts(
    bakery_zh: Path, cjk_dir: Path
) -> None:
    with WorkbookFile.open(bakery_zh) as wf:
        wb = wf.load()
    code, org = wb.code, wb.organization
    assert code.dispute_route_alt.startswith("If we cannot") and org.address_alt == "88 Xingfu Road"

    notice = _pdf(bakery_zh, "notice", "en", cjk_dir / "告示 英文.pdf")
    assert _squash(code.dispute_route_alt) in notice
    assert _squash(org.address_alt) in notice
    assert _squash(code.dispute_route) not in notice and _squash(org.address) not in notice

    doc = _pdf(bakery_zh, "code", "en", cjk_dir / "规范 英文.pdf")
    for english in (code.title_alt, code.purpose_alt, code.scope_alt, code.exclusions_alt,
                    code.dispute_route_alt, org.address_alt):
        assert _squash(english)[:40] in doc, english
    for chinese in (code.title, code.scope, code.dispute_route, org.address):
        assert _squash(chinese)[:12] not in doc, chinese


def test_bilingual_documents_show_both_versions(bakery_zh: Path, cjk_dir: Path) -> None:
    with WorkbookFile.open(bakery_zh) as wf:
        wb = wf.load()
    code, org = wb.code, wb.organization
    notice = _pdf(bakery_zh, "notice", "both", cjk_dir / "告示 双语.pdf")
    for text in (code.dispute_route, code.dispute_route_alt, org.address, org.address_alt):
        assert _squash(text) in notice, text
    doc = _pdf(bakery_zh, "code", "both", cjk_dir / "规范 双语.pdf")
    for text in (code.title, code.title_alt, code.scope, code.scope_alt, code.dispute_route,
                 code.dispute_route_alt):
        assert _squash(text)[:30] in doc, text


def test_an_untranslated_text_falls_back_to_the_owners_language(
    bakery_zh: Path, cjk_dir: Path
) -> None:
    """No English written: the English notice still tells the customer where to turn."""
    with WorkbookFile.open(bakery_zh) as wf:
        wf.set_field(Code, 1, "dispute_route_alt", "")
        wb = wf.load()
    notice = _pdf(bakery_zh, "notice", "en", cjk_dir / "告示 未翻译.pdf")
    assert _squash(wb.code.dispute_route) in notice
    doc = _pdf(bakery_zh, "code", "en", cjk_dir / "规范 未翻译.pdf")
    assert _squash(wb.code.dispute_route)[:12] in doc


@pytest.mark.parametrize("key", example_keys())
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_examples_fill_every_second_language_text_and_pass_the_checks(key: str, lang: str) -> None:
    wb = load_example(key, lang)
    for name in ("title", "purpose", "scope", "exclusions", "dispute_route"):
        primary, alt = getattr(wb.code, name), getattr(wb.code, name + "_alt")
        assert alt.strip() and alt != primary, (key, name)
    assert wb.organization.address_alt.strip() or not wb.organization.address.strip()
    errors = [f for f in checks.run_all(wb) if f.severity == checks.ERROR]
    assert errors == [], [f.text("en") for f in errors]
