"""Screenshots of every plan step and the overview, in both languages, for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest

from smallbiz_codes.ui.plan import PAGES


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_plan_step_drawn_at_1280x800(window, qtbot, shots_dir: Path, lang: str) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window.switch_language(lang)
    window.open_example("bakery")
    keys = [cls.key for cls in PAGES]
    for n, key in enumerate(keys, 1):
        window.go_key(key)
        frame = window._current_frame()
        assert frame.page.key == key
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
