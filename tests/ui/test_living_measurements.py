"""Indicator measurements: values per month, the chart, and the verdict in plain words."""

from __future__ import annotations

from smallbiz_codes.domain.records import Measurement
from smallbiz_codes.store.workbook import WorkbookFile


def _type(edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setText(text)
    edit.textEdited.emit(text)
    edit.editingFinished.emit()


def test_monthly_values_give_a_verdict_against_the_target(window, qtbot) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.open_example("bakery")
    path = window.session.path
    window.go_key("measurements")
    page = window._current_frame().page
    assert page.key == "measurements"
    # indicators are grouped under their promise; the promise lines cannot be chosen
    headings = [page.indicator.itemText(n) for n in range(page.indicator.count())
                if page.indicator.itemData(n) == "group"]
    assert headings[0].startswith("Promise 1")
    cakes = next(n for n in range(page.indicator.count())
                 if page.indicator.itemText(n).strip() == "Cakes on time")
    page.indicator.setCurrentIndex(cakes)
    cakes_id = page.current_indicator_id()
    assert "at least 97%" in page.info.text() and "higher is better" in page.info.text()
    assert page.verdict.text() == "No values entered yet."

    months = []
    for value in ("98", "95,5", "99"):
        page.editor.add()
        months.append(page.month.iso())
        _type(page.value, value)
    qtbot.waitUntil(lambda: page.verdict.text() == "On target in 2 of the last 3 months.")
    assert months == sorted(months) and len(set(months)) == 3
    assert [v for _p, v, _ok in page.chart.months] == [98, 95.5, 99]
    assert [ok for _p, _v, ok in page.chart.months] == [True, False, True]
    assert page.editor.cell(1, 1) == "95.5%"
    assert page.editor.cell(1, 2) == "no"
    _type(page.comment, "节日订单太多")

    window.switch_language("zh")
    assert page.verdict.text() == "最近 3 个月中，有 2 个月达到目标值。"
    window.close_workbook()
    with WorkbookFile.open(path) as wf:
        stored = sorted((m.period, m.value) for m in wf.all(Measurement)
                        if m.indicator_id == cakes_id)
        comments = [m.comment for m in wf.all(Measurement)]
    assert stored == list(zip(months, [98.0, 95.5, 99.0], strict=True))
    assert "节日订单太多" in comments
