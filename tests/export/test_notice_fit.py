"""The customer notice of every example trade fits one A4 sheet at 14 pt or more.

A notice for the counter wall should be one sheet. Conditions, remedy and
contact stay at 14 pt or more on A4 (readable from 1.5 m), so whether a code
fits one sheet depends on how much it says: the example texts are written to
fit (about four printed lines per promise in English), in both languages and
whichever language the workbook is kept in. A code that says more takes two
sheets, broken cleanly: page 2 starts with a whole promise and the contact box
stays with the last one.
"""

from __future__ import annotations

import io

import pytest
from conftest import squash
from pypdf import PdfReader
from sample_data import publish

from smallbiz_codes.domain.examples import example_keys, load_example
from smallbiz_codes.export import styles
from smallbiz_codes.export.documents import build_document

ALL = [(trade, lang) for trade in example_keys() for lang in ("zh", "en")]


def test_every_example_trade_is_checked():
    assert len(example_keys()) == 8
    assert len(ALL) == 16


def _pages(data: bytes) -> list[str]:
    return [squash(p.extract_text() or "") for p in PdfReader(io.BytesIO(data)).pages]


def _sized_text(data: bytes) -> list[tuple[float, str]]:
    """The text of every page as runs of one size: (points, text without spaces).

    ReportLab writes Chinese lines in many small pieces, so neighbouring
    pieces of the same size are joined back together.
    """
    runs: list[tuple[float, str]] = []

    def visit(text: str, _cm: object, tm: list[float], _font: object, size: float) -> None:
        if not text.strip():
            return
        pt = round(size * tm[0], 1)
        if runs and runs[-1][0] == pt:
            runs[-1] = (pt, runs[-1][1] + squash(text))
        else:
            runs.append((pt, squash(text)))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return runs


@pytest.fixture(scope="module")
def notices() -> dict[tuple[str, str], tuple[object, bytes]]:
    out = {}
    for trade, lang in ALL:
        wb = publish(load_example(trade, "zh"))
        out[trade, lang] = wb, build_document(wb, "notice", lang, "A4")
    return out


@pytest.mark.parametrize(("trade", "lang"), ALL)
def test_a4_notice_is_one_sheet(notices, trade, lang):
    _wb, data = notices[trade, lang]
    pages = _pages(data)
    assert len(pages) == 1, f"{trade}/{lang} takes {len(pages)} pages"


@pytest.mark.parametrize(("trade", "lang"), ALL)
def test_a4_notice_is_one_sheet_when_the_workbook_is_kept_in_that_language(trade, lang):
    """An English owner starts from the English example: its notice fits one sheet too."""
    wb = publish(load_example(trade, lang))
    pages = _pages(build_document(wb, "notice", lang, "A4"))
    assert len(pages) == 1, f"{trade}/{lang} (workbook in {lang}) takes {len(pages)} pages"
    assert squash(wb.promises[-1].wording)[:10] in pages[0]
    assert squash(wb.code.complaints_contact)[:12] in pages[0]


@pytest.mark.parametrize(("trade", "lang"), ALL)
def test_conditions_remedy_and_contact_are_printed_at_14pt_or_more(notices, trade, lang):
    wb, data = notices[trade, lang]
    zh = lang == "zh"
    body = [squash(p.conditions if zh else p.conditions_alt) for p in wb.promises] + [
        squash(p.remedy if zh else p.remedy_alt) for p in wb.promises
    ]
    body.append(squash(wb.code.complaints_contact if zh else wb.code.complaints_contact_alt))
    body.append(squash(wb.code.dispute_route if zh else wb.code.dispute_route_alt))
    for field in body:
        sizes = [size for size, text in _sized_text(data) if field[:12] in text]
        assert sizes, f"{field[:12]!r} not found"
        assert min(sizes) >= 14, f"{field[:12]!r} printed at {min(sizes):.1f} pt"


def test_notice_styles_keep_body_text_at_14pt_on_a4():
    for large in (False, True):
        _pref, low = styles.notice_body_range("A4", large)
        ns = styles.notice_styles("A4", low, 20)
        for st in (ns.provision, ns.provision_alt, ns.box_body, ns.box_alt):
            assert st.fontSize >= 14, st.name
        # the promise's own words a little larger than its conditions, not a poster headline
        assert 1.0 < ns.promise.fontSize / ns.provision.fontSize <= 1.25


def test_bakery_bilingual_side_by_side_is_one_sheet():
    wb = publish(load_example("bakery", "zh"))
    data = build_document(wb, "notice", "both", "A4", side_by_side=True)
    (page,) = _pages(data)
    for p in wb.promises:
        assert squash(p.wording) in page and squash(p.wording_alt) in page
    assert squash(wb.code.complaints_contact_alt) in page


def test_bakery_one_under_the_other_breaks_between_promises():
    """Stacked languages take two sheets: no page starts mid-promise, the box is never alone."""
    wb = publish(load_example("bakery", "zh"))
    pages = _pages(build_document(wb, "notice", "both", "A4"))
    assert len(pages) == 2
    starts = [f"{n}{squash(p.wording)[:10]}" for n, p in enumerate(wb.promises, start=1)]
    assert any(pages[1].startswith(s) for s in starts), pages[1][:40]
    assert squash(wb.promises[-1].wording) in pages[1]
    assert squash(wb.code.complaints_contact) in pages[1]


@pytest.mark.parametrize("size", ["A3", "A5"])
def test_bakery_on_other_paper(size):
    wb = publish(load_example("bakery", "zh"))
    for lang in ("zh", "en"):
        n = len(_pages(build_document(wb, "notice", lang, size)))
        assert n == 1 if size == "A3" else n <= 2, f"{lang} on {size}: {n} pages"


def _longer(trade: str) -> object:
    """An example whose English conditions say everything twice: too much for one sheet."""
    wb = publish(load_example(trade, "zh"))
    for p in wb.promises:
        p.conditions_alt = f"{p.conditions_alt} {p.conditions_alt}"
    return wb


def test_a_notice_that_does_not_fit_breaks_between_promises():
    wb = _longer("webshop")
    pages = _pages(build_document(wb, "notice", "en", "A4"))
    # too much to say for one sheet at 14 pt: two sheets, never three
    assert len(pages) == 2
    promises = sorted(wb.promises, key=lambda p: p.position)
    words = [squash(p.wording_alt) for p in promises]
    # page 2 starts with a promise's number and the start of its words, not mid-promise
    starts = [f"{n}{w[:10]}" for n, w in enumerate(words, start=1)]
    assert any(pages[1].startswith(s) for s in starts), pages[1][:40]
    # the contact box is on the last page together with the last promise
    contact = squash(wb.code.complaints_contact_alt)
    assert contact[:12] in pages[1] and contact[:12] not in pages[0]
    assert words[-1][:10] in pages[1]


def test_a_notice_that_does_not_fit_uses_the_room_of_its_second_page():
    """Two sheets anyway: the type is as large as two sheets allow, not the one-sheet minimum."""
    wb = _longer("webshop")
    data = build_document(wb, "notice", "en", "A4")
    conditions = [squash(p.conditions_alt) for p in wb.promises]
    sizes = {size for size, text in _sized_text(data) for c in conditions if c[:12] in text}
    assert len(sizes) >= 1
    assert min(sizes) > styles.notice_body_range("A4", False)[1]


@pytest.mark.parametrize("size", ["A5", "A4", "Letter"])
@pytest.mark.parametrize("large", [False, True])
def test_side_by_side_promise_longer_than_a_page_flows_on(size, large):
    """A promise taller than a page cannot sit in two columns; it flows on, nothing is lost."""
    from test_robustness import LONG_ZH, workbook

    from smallbiz_codes.domain.records import Promise

    huge = Promise(
        id=1,
        position=1,
        wording=LONG_ZH,
        wording_alt="We answer every message. " * 180,
        conditions="工作日",
        remedy="退款",
    )
    short = Promise(id=2, position=2, wording="当天烤的面包", conditions="不含礼盒", remedy="换新")
    wb = workbook([huge, short])
    pages = _pages(build_document(wb, "notice", "both", size, large, side_by_side=True))
    assert len(pages) > 2
    text = "".join(pages)
    assert squash(LONG_ZH)[-20:] in text and "当天烤的面包" in text and "店长：电话123" in text
