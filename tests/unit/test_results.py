"""The result bar (lib.results): a page's result in a few lines, never more than the page says."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib import guidelines, redflags, results, screening
from lib.content import ContentError
from lib.exercises import LEVEL_NAMES
from lib.projection import project
from lib.screening import Flag
from tests.conftest import CONTENT
from tests.unit.test_charts import SCREENING_TEXT, _assessment
from tests.unit.test_plan import make

WORDING = results.load_wording(CONTENT / "results.yaml")
GUIDELINE_TEXT = guidelines.load_text(CONTENT / "guidelines.yaml")
PILLARS = {
    "aerobic": "Aerobic activity",
    "strength": "Strength training",
    "balance": "Balance activity (65 and over)",
    "protein": "Protein",
}


def test_every_page_has_a_heading_and_the_texts_load():
    """The wording file names a heading for each page with a bar, and every text."""
    assert set(WORDING.headings) == set(results.PAGES)
    assert all(WORDING.headings.values())
    assert WORDING.say("screening_line", name="Grip", label="past the cut-off") == (
        "Grip: past the cut-off"
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda text: text.replace("headings:", "titles:", 1), "missing"),
        (lambda text: text.replace("{pillar}", "{pillars}", 1), "unknown placeholders"),
        (lambda text: text.replace('  plan: "Your plan, in short"\n', "", 1), "missing"),
        (lambda text: text + "\nextra: text\n", "unknown keys"),
        (lambda text: text.replace("{pillar}: {status}", "{pillar: {status}", 1), "not closed"),
    ],
)
def test_a_broken_wording_file_is_refused_with_its_name(tmp_path, change, message):
    """A missing heading, an unknown key or placeholder: a ContentError naming the file."""
    path = tmp_path / "results.yaml"
    path.write_text(change((CONTENT / "results.yaml").read_text("utf-8")), "utf-8")
    with pytest.raises(ContentError, match=message):
        results.load_wording(path)


def test_the_projection_bar_gives_the_headline_and_says_it_is_an_illustration():
    path = project(age_years=80, rate_pct_per_decade=5, bedrest_age_years=70, bedrest_days=10)
    bar = results.projection_bar(path, WORDING)
    assert bar.lines[0] == path.headline
    assert path.summary.startswith(path.headline)  # the same words as the chart's summary
    assert bar.lines[1] == path.episode_headline
    assert "not a prediction" in bar.lines[-1]
    assert bar.tone == "info"


def test_the_projection_bar_without_a_spell_in_bed_has_no_empty_line():
    bar = results.projection_bar(project(age_years=50, rate_pct_per_decade=5), WORDING)
    assert len(bar.lines) == 2
    assert all(bar.lines)


@settings(max_examples=40, deadline=None)
@given(
    age=st.integers(30, 100),
    rate=st.sampled_from([3.0, 4.5, 5.0, 8.0]),
    bed_age=st.integers(30, 100),
    days=st.integers(0, 60),
)
def test_the_projection_bar_follows_the_inputs(age, rate, bed_age, days):
    """Its first line names the age the reader picked and the share the chart's summary gives."""
    path = project(
        age_years=age, rate_pct_per_decade=rate, bedrest_age_years=bed_age, bedrest_days=days
    )
    bar = results.projection_bar(path, WORDING)
    assert bar.lines[0].startswith(f"At {age},")
    assert bar.lines[0] in path.summary
    assert (path.episode_headline in bar.lines) == (days > 0)


def test_the_self_check_bar_lists_every_pillar_in_the_pages_words():
    assessment = _assessment()
    bar = results.self_check_bar(assessment, GUIDELINE_TEXT, PILLARS, WORDING)
    assert bar.lines == tuple(
        f"{PILLARS[r.pillar]}: {GUIDELINE_TEXT.status_label(r.status)}" for r in assessment.results
    )
    assert bar.tone == "warning"  # 100 moderate minutes fall short of 150


def test_the_self_check_bar_never_reads_as_a_clean_bill_of_health():
    """All met: the tone is plain information, never a green 'success'."""
    met = _assessment(
        moderate_min_per_week=300,
        strength_days_per_week=3,
        balance_days_per_week=3,
        protein_g_per_day=90,
    )
    bar = results.self_check_bar(met, GUIDELINE_TEXT, PILLARS, WORDING)
    assert bar.tone == "info"


def _screens(stands: int | None, age: int = 72):
    return [screening.chair_stand(stands, age, "female", text=SCREENING_TEXT)]


def test_the_screening_bar_always_says_screening_not_a_diagnosis():
    for screens in (_screens(None), _screens(9), _screens(20)):
        bar = results.screening_bar(screens, SCREENING_TEXT, WORDING)
        assert bar.lines[0] == SCREENING_TEXT.not_diagnosis


def test_the_screening_bar_with_nothing_entered_says_so():
    bar = results.screening_bar(_screens(None), SCREENING_TEXT, WORDING)
    assert bar.lines[1:] == (WORDING.texts["screening_none"],)
    assert bar.tone == "info"


def test_the_screening_bar_puts_a_result_past_its_cut_off_first():
    """A concern is never below the fold of the bar: it comes first, and the bar warns."""
    concern = screening.chair_stand(5, 72, "female", text=SCREENING_TEXT)
    fine = screening.grip(40, "female", age_years=72, text=SCREENING_TEXT)
    assert concern.flag == Flag.CONCERN
    done = [r for r in fine if r.flag != Flag.NOT_DONE]
    bar = results.screening_bar([*done, concern], SCREENING_TEXT, WORDING)
    assert bar.lines[1] == f"{concern.name}: {concern.label}"
    assert bar.tone == "warning"
    assert len(bar.lines) == 2 + len(done)


def test_the_plan_bar_names_the_start_and_every_shortfall():
    short = make(days=(0,), minutes=10)
    assert short.shortfalls
    bar = results.plan_bar(short, WORDING)
    assert bar.lines[0] == f"Starts at: {LEVEL_NAMES['supported']}."
    assert bar.lines[-len(short.shortfalls) :] == short.shortfalls
    assert bar.tone == "warning"
    full = make()
    assert not full.shortfalls
    assert results.plan_bar(full, WORDING).lines[-1] == WORDING.texts["plan_meets"]


def test_the_warning_signs_bar_with_nothing_ticked_is_no_all_clear():
    bar = results.red_flags_bar(redflags.triage([], "uk"), WORDING)
    assert bar.lines == (WORDING.texts["red_flags_none"],)
    assert bar.tone == "info"
    assert bar.call == ""


@pytest.mark.parametrize(("country", "number"), [("uk", "999"), ("us", "911"), ("eu", "112")])
def test_an_emergency_sign_gives_the_call_first_and_the_number(country, number):
    ticked = ["RF-02a", "RF-01a"]  # an urgent sign ticked before an emergency one
    result = redflags.triage(ticked, country)
    bar = results.red_flags_bar(result, WORDING)
    assert bar.tone == "error"
    assert bar.lines[0] == result.message
    assert number in bar.lines[0]
    assert bar.call == number
    assert set(bar.lines[1:]) == {f.symptom for f in result.flags}


@settings(max_examples=40, deadline=None)
@given(ticked=st.sets(st.sampled_from([f.id for g in redflags.GROUPS for f in g.flags])))
def test_the_warning_signs_bar_never_leaves_a_ticked_sign_out(ticked):
    """Whatever is ticked, every ticked sign is in the bar, and an emergency offers the call."""
    result = redflags.triage(sorted(ticked), "uk")
    bar = results.red_flags_bar(result, WORDING)
    assert {f.symptom for f in result.flags} <= set(bar.lines)
    assert (bar.call == "999") == (result.urgency == redflags.Urgency.EMERGENCY)
