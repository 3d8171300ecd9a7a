"""The warning-signs scene's steps under AppTest: every step, and hostile `step=` values."""

from __future__ import annotations

import pytest

from lib import redflags
from tests.app.test_pages import open_page

SCENE = {"present": "1", "scene": "warning-signs", "country": "us"}
STEPS = 1 + len(redflags.GROUPS)


def _bodies(at) -> str:
    return " ".join(h.proto.body for h in at.get("html"))


def _bar(at) -> str:
    return " ".join(str(m.value) for m in at.markdown)


@pytest.mark.parametrize("step", range(1, STEPS + 1))
def test_each_step_opens_with_the_emergency_line_for_the_readers_country(step: int):
    """The first box of every step is the emergency verdict with the country's number; the
    first step names every group, each later one its own group's signs and no other's."""
    at = open_page("pages/red_flags.py", {**SCENE, "step": str(step)})
    assert not at.exception
    body = _bodies(at)
    signs = body[body.index('class="lme-room-signs') :]
    first = signs[signs.index("lme-room-box") :]
    assert 'data-urgency="emergency"' in first.split(">", 1)[0]
    assert "Call 911 now." in first[:400]
    assert "999" not in signs
    assert "112" not in signs
    assert f"step {step} of {STEPS}" in _bar(at)
    if step == 1:
        assert at.title[0].value == "Know the warning signs"
        for group in redflags.GROUPS:
            assert group.heading in signs
    else:
        group = redflags.GROUPS[step - 2]
        assert at.title[0].value == group.heading
        for flag in redflags.RED_FLAGS:
            assert (flag.symptom in signs) == (flag.group == group.heading), flag.id


@pytest.mark.parametrize(
    ("raw", "shown"), [("0", 1), ("-4", 1), ("abc", 1), ("", 1), ("2.5", 2), ("999", STEPS)]
)
def test_a_hostile_step_is_kept_within_the_steps(raw: str, shown: int):
    """A step that is not a whole number, or out of range, opens the nearest real step."""
    at = open_page("pages/red_flags.py", {**SCENE, "step": raw})
    assert not at.exception
    assert f"step {shown} of {STEPS}" in _bar(at)


def test_the_checklist_itself_is_folded_under_the_scene_and_still_ticks():
    """Ticking an emergency sign in the folded checklist gives the emergency verdict."""
    at = open_page("pages/red_flags.py", {**SCENE, "step": "3"})
    first = redflags.RED_FLAGS[0]
    at.checkbox(key=f"rf_{first.id}").check().run()
    assert not at.exception
    assert any("Call 911 now." in str(e.value) for e in at.error)


def test_off_a_scene_the_page_is_the_checklist():
    """Without presenter mode the page is the plain checklist, with no scene steps."""
    at = open_page("pages/red_flags.py", {"country": "us"})
    assert at.title[0].value == "Warning signs checklist"
    assert "lme-room-signs" not in _bodies(at)
