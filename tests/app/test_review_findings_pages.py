"""The clinical review's closed findings, as a reader sees them (AppTest).

The warning-signs page lists each new or changed sign under its group, and ticking it gives
the verdict its source gives, with the reader's own emergency number (UK and US) and no other.
The exercise and plan pages show the stop rule in the words of content/plan_rules.yaml.
"""

from __future__ import annotations

import re

import pytest
import yaml

from lib import content, redflags, scenes
from tests.app.test_pages import open_page, texts
from tests.conftest import CONTENT, ROOT

NEW_SIGNS = ["RF-05b", "RF-06b", "RF-17c", "RF-17d", "RF-17e", "RF-22a", "RF-23a"]
BY_ID = {f.id: f for f in redflags.RED_FLAGS}
BOX = {
    redflags.Urgency.EMERGENCY: "error",
    redflags.Urgency.URGENT: "warning",
    redflags.Urgency.APPOINTMENT: "info",
}
ANY_NUMBER = re.compile(r"(?<!\d)(?:999|911|112)(?!\d)")
TEL_LINK = re.compile(r"\[(\d{3})\]\(tel:\d{3}\)")


def _plain(text: str) -> str:
    """Markdown tap-to-call links back to their numbers, whitespace made single."""
    return " ".join(TEL_LINK.sub(r"\1", text).split())


@pytest.mark.parametrize(("country", "number"), [("uk", "999"), ("us", "911")])
@pytest.mark.parametrize("flag_id", NEW_SIGNS)
def test_each_new_sign_is_listed_and_gives_its_verdict_with_the_readers_number(
    flag_id, country, number
):
    flag = BY_ID[flag_id]
    at = open_page("pages/red_flags.py", {"country": country})
    assert not at.exception
    box = at.checkbox(key=f"rf_{flag_id}")
    assert " ".join(box.label.split()) == flag.symptom
    box.check().run()
    assert not at.exception
    verdicts = getattr(at, BOX[flag.urgency])
    assert verdicts
    first_line = verdicts[0].value.split("\n")[0].lstrip("# ")
    assert first_line == redflags.triage([flag_id], country).message
    if flag.urgency == redflags.Urgency.EMERGENCY:
        assert first_line == f"Call {number} now."
    page = _plain(texts(at))
    assert flag.possible_cause in page
    for note in redflags.triage([flag_id], country).notes:
        assert note in page
    # The page may name other countries' numbers only with their country (the footer's list);
    # the verdict and the sign's own notes name the reader's number and no other.
    verdict_text = _plain(" ".join(v.value for v in verdicts))
    assert set(ANY_NUMBER.findall(verdict_text)) <= {number}


def test_the_new_groups_and_signs_are_on_the_page_in_checklist_order():
    at = open_page("pages/red_flags.py", {"country": "uk"})
    keys = [c.key for c in at.checkbox if c.key and c.key.startswith("rf_")]
    assert keys == [f"rf_{f.id}" for f in redflags.RED_FLAGS]
    headings = " ".join(h.value for h in (*at.header, *at.subheader))
    assert "Back pain" in headings


STOP = yaml.safe_load((CONTENT / "plan_rules.yaml").read_text("utf-8"))["stop"]


@pytest.mark.parametrize("page", ["pages/exercises.py", "pages/plan.py"])
def test_the_stop_box_is_the_content_files_rule_with_every_number(page):
    """The first alert on both pages is the stop rule, word for word from the content file,
    and names the emergency number of every country (the page does not know the reader's)."""
    at = open_page(page)
    assert not at.exception
    shown = _plain(at.error[0].value).replace("**", "")
    every = redflags.numbers_text()
    for part in ("stop", "emergency", "doctor"):
        sentence = " ".join(STOP[part]["text"].split()).replace("{number}", every)
        assert sentence in shown, part


def test_on_a_projected_plan_scene_the_box_keeps_the_call_and_the_fold_the_doctor_advice():
    """A projected scene fits one screen: the box says when to stop and when to call; the
    same-day advice is still on the page, in the scene's fold with the inputs."""
    sources = content.load_sources(CONTENT / "sources.yaml")
    pages = [p.stem for p in (ROOT / "pages").glob("*.py")]
    all_scenes = scenes.load_scenes(CONTENT / "scenes.yaml", sources, pages)
    scene = next(s for s in all_scenes if s.page == "plan")
    at = open_page("pages/plan.py", scene.params(present=True))
    assert not at.exception
    shown = _plain(at.error[0].value).replace("**", "")
    every = redflags.numbers_text()
    for part in ("stop", "emergency"):
        assert " ".join(STOP[part]["text"].split()).replace("{number}", every) in shown
    doctor = " ".join(STOP["doctor"]["text"].split())
    assert doctor not in shown
    assert any(doctor in _plain(w.value) for w in at.warning)
