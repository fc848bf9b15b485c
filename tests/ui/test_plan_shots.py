"""Screenshots of every plan step and the overview, in both languages, for a person to look at."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from smallbiz_codes.ui.plan import PAGES

# Steps about customers are shown with an item for customers chosen (the third of the bakery's).
CUSTOMER_ITEM_STEPS = {"plan_methods", "plan_access", "plan_evaluation"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_plan_step_drawn_at_1280x800(window, qtbot, shots_dir: Path, lang: str) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.switch_language(lang)
    window.open_example("bakery")
    keys = [cls.key for cls in PAGES]
    for n, key in enumerate(keys, 1):
        window.go_key(key)
        frame = window._current_frame()
        assert frame.page.key == key
        if key in CUSTOMER_ITEM_STEPS:
            frame.page.items.list.setCurrentRow(2)
        if key == "plan_overview":  # one item done, to see how done items look
            first = frame.page.model.items[0]
            frame.page.set_done(first.id, dt.date(2026, 11, 24))
            frame.page.choose(frame.page.model.items[2].id)
        qtbot.wait(10)
        path = shots_dir / f"plan-{n}-{key}-{lang}.png"
        assert window.grab().save(str(path))
        assert path.stat().st_size > 10_000
    page = window._current_frame().page
    page.tabs.setCurrentIndex(1)
    qtbot.wait(10)
    path = shots_dir / f"plan-8-timeline-{lang}.png"
    assert window.grab().save(str(path))
    assert page.timeline.grab().save(str(shots_dir / f"plan-9-timeline-only-{lang}.png"))
    # the one-click plan on top of the example's items, to see a fuller timeline
    from smallbiz_codes.domain import plan_suggest as ps
    from smallbiz_codes.domain.records import CommunicationItem

    wb = window.session.load()
    for item in ps.new_suggestions(wb.communication_items,
                                   ps.generate_plan(wb, wb.organization.language, dt.date.today())):
        window.session.add(item)
    assert isinstance(window.session.wf.all(CommunicationItem)[-1], CommunicationItem)
    page.reload()
    qtbot.wait(10)
    assert window.grab().save(str(shots_dir / f"plan-10-timeline-full-{lang}.png"))
    page.tabs.setCurrentIndex(0)
    assert window.grab().save(str(shots_dir / f"plan-11-table-full-{lang}.png"))


def test_home_with_the_way_into_the_plan(window, shots_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.switch_language("zh")
    window.open_example("bakery")
    window.go_key("home")
    assert window._current_frame().page.plan_button.text().startswith("沟通计划")
    assert window.grab().save(str(shots_dir / "plan-0-home-zh.png"))
