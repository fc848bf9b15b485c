"""Every document, read back: the business name, each promise and the contact are there."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import pdf_text, squash
from pypdf import PdfReader
from sample_data import add_history, publish

from smallbiz_codes.domain.examples import load_example
from smallbiz_codes.export import DOCUMENTS, PAPER_SIZES, DocumentNotAvailable, export_pdf
from smallbiz_codes.export.documents import build_document


@pytest.fixture(scope="module")
def bakery_zh():
    return load_example("bakery", "zh")


# documents that print the customer-facing promises in full
PROMISE_DOCS = ("notice", "code", "briefing")


@pytest.mark.parametrize("doc", PROMISE_DOCS)
@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_promises_name_and_contact_in_chosen_languages(bakery_zh, doc, lang):
    wb = bakery_zh
    text = pdf_text(build_document(wb, doc, lang))
    want_zh = lang in ("zh", "both")
    want_en = lang in ("en", "both")
    org = wb.organization
    if want_zh:
        assert squash(org.name) in text
        assert squash(wb.code.complaints_contact) in text
        for p in wb.promises:
            assert squash(p.wording) in text, p.wording
    if want_en:
        assert squash(org.name_alt) in text
        assert squash(wb.code.complaints_contact_alt) in text
        for p in wb.promises:
            assert squash(p.wording_alt) in text, p.wording_alt
    if lang == "en":
        assert squash(wb.promises[0].wording) not in text
    if lang == "zh":
        assert squash(wb.promises[0].wording_alt) not in text


def test_english_owner_prints_chinese_from_alt_fields():
    wb = load_example("bakery", "en")
    text = pdf_text(build_document(wb, "notice", "zh"))
    assert squash(wb.promises[0].wording_alt) in text  # the Chinese version
    assert squash(wb.organization.name_alt) in text


def test_notice_shows_conditions_and_remedy_next_to_each_promise(bakery_zh):
    text = pdf_text(build_document(bakery_zh, "notice", "zh"))
    for p in bakery_zh.promises:
        w, c, r = (text.index(squash(x)) for x in (p.wording, p.conditions, p.remedy))
        assert w < c < r  # in reading order, under the promise


@pytest.mark.parametrize("doc", DOCUMENTS)
@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_every_document_builds_with_version_and_page_numbers(bakery_zh, doc, lang):
    data = build_document(bakery_zh, doc, lang)
    reader = PdfReader(io.BytesIO(data))
    n = len(reader.pages)
    text = pdf_text(data)
    assert f"1/{n}" in text
    if lang != "en":
        assert "草稿" in text
    if lang != "zh":
        assert "DRAFT" in text


def test_published_version_stamp_on_notice(bakery_zh):
    wb = publish(load_example("bakery", "zh"))
    text = pdf_text(build_document(wb, "notice", "both"))
    assert "1a2b3c4d" in text  # the snapshot fingerprint, to match a wall notice to its version
    assert "2026年12月1日" in text and "1Dec2026" in text
    assert "草稿" not in text and "DRAFT" not in text
    code = pdf_text(build_document(wb, "code", "en"))
    assert "version2,approvedon20Nov2026" in code


@pytest.mark.parametrize("size", PAPER_SIZES)
def test_every_size_and_large_print(bakery_zh, size):
    for large in (False, True):
        data = build_document(bakery_zh, "notice", "both", size, large)
        page = PdfReader(io.BytesIO(data)).pages[0]
        expected = {"A5": (420, 595), "A4": (595, 842), "A3": (842, 1191), "Letter": (612, 792)}[
            size
        ]
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == expected


def test_plan_lists_internal_and_external_items(bakery_zh):
    text = pdf_text(build_document(bakery_zh, "plan", "zh"))
    for item in bakery_zh.communication_items:
        assert squash(item.audience) in text
    assert "内部" in text and "外部" in text


def test_report_says_what_is_missing_then_shows_data(bakery_zh):
    empty = pdf_text(build_document(bakery_zh, "report", "en"))
    assert "Nomeasurementshavebeenrecorded" in empty
    assert "Noreviewmeetinghasbeenrecorded" in empty
    wb = add_history(load_example("bakery", "zh"))
    full = pdf_text(build_document(wb, "report", "zh"))
    assert "周六加一名裱花师傅" in full  # improvement action
    assert squash("承诺 2 的补救提高到减 30%") in full  # review decision
    assert "Nomeasurements" not in full


def test_export_pdf_writes_file_in_chinese_folder(bakery_zh, cjk_dir: Path):
    out = export_pdf(bakery_zh, "notice", "zh", cjk_dir / "顾客告示.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in cjk_dir.iterdir()] == ["顾客告示.pdf"]  # no temporary file left


def test_unknown_document_is_refused(bakery_zh, tmp_path: Path):
    with pytest.raises(DocumentNotAvailable):
        export_pdf(bakery_zh, "poster", "zh", tmp_path / "x.pdf")


def test_side_by_side_bilingual_notice(bakery_zh, tmp_path: Path):
    out = export_pdf(bakery_zh, "notice", "both", tmp_path / "n.pdf", side_by_side=True)
    text = pdf_text(out.read_bytes())
    for p in bakery_zh.promises:
        assert squash(p.wording) in text and squash(p.wording_alt) in text


def test_cli_pdf_command(bakery_zh, tmp_path: Path):
    from smallbiz_codes.cli import main

    wbfile = tmp_path / "麦香坊.smallbiz"
    assert main(["new", str(wbfile), "--example", "bakery", "--lang", "zh"]) == 0
    out = tmp_path / "告示.pdf"
    assert (
        main(
            [
                "pdf",
                str(wbfile),
                "--doc",
                "notice",
                "--lang",
                "both",
                "--size",
                "A5",
                "--large-print",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert squash(bakery_zh.promises[0].wording) in pdf_text(out.read_bytes())


def test_qr_code_only_when_the_business_has_a_web_page(bakery_zh):
    without = build_document(bakery_zh, "notice", "zh")
    wb = load_example("bakery", "zh")
    wb.organization.website = "https://goldenwheat.example/promises"
    with_web = build_document(wb, "notice", "zh")
    assert "我们的网页" in pdf_text(with_web)
    assert "我们的网页" not in pdf_text(without)
