"""Presenter scenes, presenter mode and the quiz under AppTest."""

from __future__ import annotations

import pytest

from lib import content, quiz, scenes
from tests.app.test_pages import open_page, texts
from tests.conftest import CONTENT, ROOT

SOURCES = content.load_sources(CONTENT / "sources.yaml")
PAGE_NAMES = [p.stem for p in (ROOT / "pages").glob("*.py")]
SCENES = scenes.load_scenes(CONTENT / "scenes.yaml", SOURCES, PAGE_NAMES)
QUESTIONS = quiz.load_quiz(CONTENT / "quiz.yaml", SOURCES)


def widget_values(at) -> dict[str, object]:
    """Every keyed widget's value, as the link would carry it."""
    values: dict[str, object] = {}
    for kind in ("slider", "number_input", "button_group", "selectbox", "toggle", "radio"):
        for widget in at.get(kind):
            key = getattr(widget, "key", None) or widget.proto.id
            if key:
                values[key] = widget.value
    return values


def test_there_are_the_issue_scenes():
    """The talk has the scenes issue 7 names, in order, each opening an interactive page."""
    titles = [s.title for s in SCENES]
    for wanted in (
        "Age 30 against 80",
        "Ten days in a hospital bed at 67",
        "Meeting the guidelines at 70",
        "What a chair-stand result means",
        "Why strength falls faster than muscle",
    ):
        assert wanted in titles
    assert {s.page for s in SCENES} >= {"projection", "self_check", "screening", "plan"}


@pytest.mark.parametrize("scene", SCENES, ids=lambda s: s.id)
@pytest.mark.parametrize("present", [False, True])
def test_every_scene_opens_and_reproduces_its_inputs(scene, present):
    """Each scene's link opens its page without exception, every input as the scene sets it."""
    at = open_page(scene.script, scene.params(present=present))
    assert not at.exception
    link_notes = [i.value for i in at.info if i.icon == ":material/link:"]
    assert not link_notes  # no value was refused or corrected
    values = widget_values(at)
    for key, raw in scene.query:
        shown = values[key]
        if isinstance(shown, (list, tuple)):
            assert ",".join(shown) == raw
        elif isinstance(shown, bool):
            assert str(shown).lower() == raw
        elif isinstance(shown, (int, float)):
            assert float(shown) == float(raw)
        else:
            assert str(shown) == raw


def test_presenter_mode_hides_the_chrome_and_offers_the_next_scene():
    """present=1 hides navigation and enlarges type; the bar leads back and to the next scene."""
    first, second = SCENES[0], SCENES[1]
    at = open_page(first.script, first.params(present=True))
    styles = " ".join(h.proto.body for h in at.get("html"))
    assert '[data-testid="stSidebar"]' in styles
    assert "font-size: 26px" in styles
    links = {link.proto.label: link.proto.page for link in at.get("page_link")}
    assert "All scenes" in links
    assert f"Next: {second.title}" in links


def test_without_present_the_page_is_normal():
    """Without present=1 there is no presenter style or scene bar."""
    at = open_page(SCENES[0].script, SCENES[0].params(present=False))
    styles = " ".join(h.proto.body for h in at.get("html"))
    assert "font-size: 26px" not in styles
    assert "All scenes" not in {link.proto.label for link in at.get("page_link")}


def test_next_and_previous_move_through_the_scenes():
    """Next shows the second scene and updates the link; Previous goes back."""
    at = open_page("pages/present.py")
    assert at.header[0].value == SCENES[0].title
    at.button[1].click().run()  # Next
    assert at.header[0].value == SCENES[1].title
    assert at.selectbox(key="scene").value == SCENES[1].id
    at.button[0].click().run()  # Previous
    assert at.header[0].value == SCENES[0].title


def test_a_scene_link_opens_that_scene():
    """?scene=<id> opens that scene; an unknown id opens the first with a note."""
    at = open_page("pages/present.py", {"scene": SCENES[2].id})
    assert at.header[0].value == SCENES[2].title
    at = open_page("pages/present.py", {"scene": "<script>"})
    assert not at.exception
    assert at.header[0].value == SCENES[0].title
    assert at.info


def test_scene_link_button_carries_the_scene_inputs():
    """The "Open the scene" link goes to the scene's page with its parameters."""
    at = open_page("pages/present.py", {"scene": SCENES[1].id, "present": "1"})
    link = next(p for p in at.get("page_link") if p.proto.label.startswith("Open the scene"))
    assert link.proto.page.endswith(SCENES[1].page) or SCENES[1].page in link.proto.page
    assert "present=1" in link.proto.query_string
    assert "bedrest_days=10" in link.proto.query_string


# --- the quiz ---------------------------------------------------------------------------


def radios(at):
    return [r for r in at.radio if r.key and r.key.startswith("quiz_")]


def test_quiz_fixed_order_is_the_file_order():
    """A class gets the questions in the file's order."""
    at = open_page("pages/quiz.py")
    assert [r.key for r in radios(at)] == [f"quiz_{q.id}" for q in QUESTIONS]


def test_quiz_shuffled_is_a_permutation_that_stays_put():
    """Shuffled order holds every question once and does not change while answering."""
    at = open_page("pages/quiz.py", {"order": "shuffled"})
    keys = [r.key for r in radios(at)]
    assert sorted(keys) == sorted(f"quiz_{q.id}" for q in QUESTIONS)
    radios(at)[0].set_value(0).run()
    assert [r.key for r in radios(at)] == keys


def test_all_right_answers_score_full_marks_and_explain():
    """Answering every question right gives a full score; each answer shows its explanation."""
    at = open_page("pages/quiz.py")
    for question in QUESTIONS:
        at.radio(key=f"quiz_{question.id}").set_value(question.answer)
    at.run()
    assert f"You got {len(QUESTIONS)} of {len(QUESTIONS)} right." in texts(at)
    bodies = [h.proto.body for h in at.get("html")]
    assert sum("lme-quiz" in b or 'class="sources"' in b for b in bodies) >= len(QUESTIONS)


def test_a_wrong_answer_names_the_right_one():
    """A wrong answer says so and gives the right answer."""
    question = QUESTIONS[0]
    wrong = (question.answer + 1) % len(question.choices)
    at = open_page("pages/quiz.py")
    at.radio(key=f"quiz_{question.id}").set_value(wrong).run()
    assert f"The answer is: {question.correct_choice}" in " ".join(w.value for w in at.warning)
    assert "You got 0 of" in texts(at)


def test_start_again_clears_the_answers():
    """Start again forgets every answer."""
    at = open_page("pages/quiz.py")
    at.radio(key=f"quiz_{QUESTIONS[0].id}").set_value(QUESTIONS[0].answer).run()
    at.button[-1].click().run()
    assert all(r.value is None for r in radios(at))


# --- the clinician handout ----------------------------------------------------------------


def handout_parts(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("**The handout holds:**"))


def test_handout_holds_the_chosen_sections():
    """Each chosen section appears in the handout, and only those."""
    at = open_page("pages/handout.py", {"sections": "screening,redflags", "chair_stands": "9"})
    assert not at.exception
    parts = handout_parts(at)
    assert "Warning signs (call 999)" in parts
    assert "Screening tests" in parts
    assert "self-check" not in parts.lower()
    assert "exercises" not in parts.lower()


def test_handout_with_every_section_reuses_the_page_inputs():
    """With every section, the self-check, screening and plan inputs are on the one page."""
    query = {
        "sections": "selfcheck,screening,plan,redflags",
        "age": "72",
        "moderate": "100",
        "chair_stands": "9",
        "level": "seated",
        "days": "mon,wed,fri",
    }
    at = open_page("pages/handout.py", query)
    assert not at.exception
    assert at.number_input(key="moderate").value == 100
    assert at.number_input(key="chair_stands").value == 9
    assert at.button_group(key="level").value == "seated"
    parts = handout_parts(at)
    for wanted in ("Self-check against the WHO 2020", "Screening tests", "The exercises ("):
        assert wanted in parts
    assert at.get("download_button")


def test_handout_without_sections_asks_for_one():
    """No section chosen: a note, and no download."""
    at = open_page("pages/handout.py")
    at.button_group(key="sections").set_value([]).run()
    assert not at.exception
    assert "Pick at least one section" in " ".join(i.value for i in at.info)
    assert not at.get("download_button")
    assert not at.get("image")


def handout_pdf(at) -> bytes:
    """The PDF the page offers, as the download button holds it."""
    (button,) = at.get("download_button")
    assert button.proto.label.startswith("Download the handout (PDF")
    return at.session_state["_handout_pdf"][1]


@pytest.mark.parametrize(
    ("query", "number", "paper_mm"),
    [
        ({}, "999", (210.0, 297.0)),
        ({"country": "us", "paper": "letter"}, "911", (215.9, 279.4)),
        ({"country": "eu"}, "112", (210.0, 297.0)),
    ],
)
def test_handout_offers_a_one_page_pdf_and_its_preview(query, number, paper_mm):
    """The page shows a picture of the page, then offers the PDF: one page of the chosen
    size, naming the chosen country's emergency number and no other."""
    import io
    import re

    import pypdf

    # The README's example handout link (one screening result, a seated plan of seven
    # exercises): one page at 11 pt. With the self-check as well it runs to two pages.
    full = {
        "sections": "screening,plan,redflags",
        "age": "72",
        "chair_stands": "9",
        "level": "seated",
        **query,
    }
    at = open_page("pages/handout.py", full)
    assert not at.exception
    (preview,) = [h for h in at.get("html") if "lme-preview" in h.proto.body]
    assert 'alt="Preview of the handout' in preview.proto.body
    assert "data:image/png;base64," in preview.proto.body
    reader = pypdf.PdfReader(io.BytesIO(handout_pdf(at)))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (
        round(float(box.width) * 25.4 / 72, 1),
        round(float(box.height) * 25.4 / 72, 1),
    ) == paper_mm
    text = reader.pages[0].extract_text()
    assert f"Call {number} now" in text
    for other in {"999", "911", "112"} - {number}:
        assert not re.search(rf"(?<!\d){other}(?!\d)", text)
    assert at.button_group(key="country").value == query.get("country", "uk")


def test_typed_fields_reach_the_pdf_but_never_the_link():
    """A name typed on the handout is printed on the PDF and is not in the share link."""
    import io

    import pypdf

    at = open_page("pages/handout.py", {"sections": "selfcheck,redflags"})
    at.text_input(key="pdf_patient").input("Ada Lovelace").run()
    at.text_area(key="pdf_advice").input("Walk daily (short walks).").run()
    assert not at.exception
    text = pypdf.PdfReader(io.BytesIO(handout_pdf(at))).pages[0].extract_text()
    assert "Ada Lovelace" in text
    assert "Walk daily (short walks)." in text
    assert "Ada" not in str(dict(at.query_params))
    assert "Walk" not in str(dict(at.query_params))
