"""content/plan_rules.yaml and 120-plan_notes.md: the plan's safety rules, said and sourced.

The plan (lib/plan.py) shows these texts before each new level and beside a screening start;
the notes article states the same rules for a reader. These tests pin that each text loads,
names real sources and ledger facts, fills in for every kind of screening result, reads
plainly, and that the article says what is the app's own choice.
"""

from __future__ import annotations

import pytest
import textstat

from lib import content, exercises, plan, screening
from tests.conftest import CONTENT, LEDGER

SOURCES = content.load_sources(CONTENT / "sources.yaml")
RULES = plan.load_rules(CONTENT / "plan_rules.yaml", SOURCES)
LIBRARY = exercises.load_library(CONTENT / "exercises", SOURCES)
NOTES = (CONTENT / "120-plan_notes.md").read_text("utf-8")
ALL_RULES = {
    **{f"move_up.{k}": r for k, r in RULES.move_up.items()},
    **{f"texts.{k}": r for k, r in RULES.texts.items()},
}


@pytest.mark.parametrize("rule", ALL_RULES.values(), ids=list(ALL_RULES))
def test_every_rule_names_known_facts_and_reads_plainly(rule):
    """Each text's facts are in the ledger and usable; it reads at US grade 9 or below."""
    for fact_id in rule.fact_ids:
        assert fact_id in LEDGER.facts, fact_id
        assert LEDGER.facts[fact_id].usable, fact_id
    assert (
        textstat.flesch_kincaid_grade(rule.text.format(name="x", value="1", cutoff="y", level="z"))
        <= 9
    )


@pytest.mark.parametrize("level", exercises.LEVELS[1:])
def test_each_move_up_check_says_only_if(level):
    """The check before a level says "only if" or that the plan never moves there itself."""
    text = RULES.move_up[level].text
    assert "only if" in text or "never moves you" in text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"balance_stage": 1}, "crosses its fall-risk cut-off"),
        ({"balance_stage": 4}, "does not rule out a risk of falling"),
        ({"tug_s": 12.0}, 'no higher than "Standing, holding a support"'),
        ({"chair_stands": 5, "age_years": 50}, "no CDC norm"),
        ({"balance_stage": 1, "age_years": 50}, "not a verdict for you"),
    ],
)
def test_start_texts_fill_in_for_every_kind_of_result(query, expected):
    """Capped, not capped and no-norm results each get their sentence, with no {gaps}."""
    fields = {"age_years": 72, **query}
    inputs = plan.PlanInput("bodyweight", (0, 2, 4), 60, fields.pop("age_years"), 8, **fields)
    built = plan.build_plan(inputs, LIBRARY, RULES, screening.load_text(CONTENT / "screening.yaml"))
    (step,) = built.start.steps
    text = plan.start_text(step, RULES)
    assert expected in text
    assert "{" not in text


def test_the_notes_state_the_rules_and_what_is_our_own_choice():
    """The article says the pace, the seated rule, the screening mapping and the checks."""
    text = " ".join(NOTES.split())
    assert "How fast the minutes climb is our own choice" in text
    assert "no walking balance work" in text
    assert "no standing strength exercises" in text
    assert "Which starting level each result leads to is our own cautious choice" in text
    assert "move up only if" in text.lower()
    assert "never part of a plan" in text


@pytest.mark.parametrize("level", exercises.LEVELS)
def test_the_plan_can_cover_every_muscle_group_from_every_start(level):
    """With its safety filters on, the plan still works every leg muscle group at each start."""
    routine = plan.strength_routine(LIBRARY, level, start=level)
    assert {m for e in routine for m in e.muscles} == set(exercises.MUSCLES)


def test_a_seated_start_has_balance_work_it_may_do():
    """At least one balance exercise is marked safe for a seated start (and has a dose)."""
    assert any(e.kind == "balance" and e.seated_start_ok and e.sourced_dose for e in LIBRARY)
