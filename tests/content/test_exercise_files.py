"""The exercise library's files: each loads, cites its numbers, reads plainly and can be planned.

The plan (lib/plan.py) builds every week from this library, so these tests also pin what the
plan relies on: at every level each leg muscle group has a strength exercise at or below it,
and there are balance and aerobic options from the easiest level up.
"""

from __future__ import annotations

import pytest
import textstat
import yaml

from lib import content, exercises
from tests.conftest import CONTENT

SOURCES = content.load_sources(CONTENT / "sources.yaml")
FOLDER = CONTENT / "exercises"
PATHS = exercises.exercise_paths(FOLDER)
LIBRARY = exercises.load_library(FOLDER, SOURCES)
MAX_GRADE = 9.0

# Issue 6's list, by the slugs the files use.
REQUIRED = {
    "sit_to_stand",
    "mini_squat",
    "heel_raise",
    "heel_raise_step",
    "toe_raise",
    "side_leg_lift",
    "seated_knee_extension",
    "standing_hamstring_curl",
    "step_up",
    "supported_lunge",
    "glute_bridge",
    "leg_press",
    "knee_extension_machine",
    "heel_to_toe_stand",
    "heel_to_toe_walk",
    "one_leg_stand",
    "walking",
    "cycling",
    "stair_climbing",
    "elliptical",
    "swimming",
    "chair_aerobics",
    "tai_chi",
}


def test_the_library_holds_every_exercise_the_issue_lists():
    """Every exercise named in issue 6 has its file."""
    assert set(PATHS) >= REQUIRED


@pytest.mark.parametrize("path", PATHS.values(), ids=lambda p: p.name)
def test_exercise_loads_and_cites_its_sources(path):
    """Each file parses, and its front matter lists exactly the sources it cites."""
    exercise = exercises.load_exercise(path, SOURCES)
    assert set(exercise.cited) == set(exercise.source_ids)


@pytest.mark.parametrize("exercise", LIBRARY, ids=lambda e: e.slug)
def test_every_number_is_cited(exercise):
    """No dose, step or safety note states a number without a citation."""
    assert content.blocks_with_uncited_numbers(exercise.markdown) == []


@pytest.mark.parametrize("exercise", LIBRARY, ids=lambda e: e.slug)
def test_reading_grade(exercise):
    """The steps and notes read at US grade 9 or below (Flesch-Kincaid)."""
    grade = textstat.flesch_kincaid_grade(content.plain_text(exercise.markdown))
    assert grade <= MAX_GRADE, f"{exercise.slug} reads at grade {grade}"


@pytest.mark.parametrize("exercise", LIBRARY, ids=lambda e: e.slug)
def test_every_exercise_says_when_to_stop(exercise):
    """Each exercise's safety notes tell the reader to stop on a warning sign."""
    assert "stop" in exercise.markdown.lower()


@pytest.mark.parametrize("level", exercises.LEVELS)
@pytest.mark.parametrize("muscle", exercises.MUSCLES)
def test_every_muscle_group_can_be_trained_at_every_level(level, muscle):
    """The plan can cover each muscle group with exercises at or below any starting level."""
    rank = exercises.LEVELS.index(level)
    assert any(
        e.kind == "strength" and muscle in e.muscles and e.level_rank <= rank for e in LIBRARY
    )


@pytest.mark.parametrize("kind", ["balance", "aerobic"])
def test_balance_and_aerobic_options_start_easy(kind):
    """There is a balance and an aerobic option a reader who holds on (or sits) can do."""
    assert any(e.kind == kind and e.level_rank <= 1 for e in LIBRARY)


def test_off_step_heel_raise_carries_its_safety_note():
    """The off-step heel raise is not in NHS or NIA material: its notes say to hold on."""
    step = next(e for e in LIBRARY if e.slug == "heel_raise_step")
    assert "hold" in step.markdown.lower()


# The clinical review (C9): for a reader placed at the seated level, getting down to the floor
# and up again is itself the risk, and a fall there can become a long lie.
FLOOR_RULE = (
    "Do this on a firm bed. Use the floor only if you can get down and up again easily "
    "without help."
)


@pytest.mark.parametrize(
    "exercise", [e for e in LIBRARY if e.position == "lying"], ids=lambda e: e.slug
)
def test_every_lying_exercise_puts_the_bed_first_and_the_floor_only_if_easy(exercise):
    """Each lying exercise's first safety note is the bed-first rule, word for word."""
    meta = yaml.safe_load(
        (CONTENT / "exercises" / f"{exercise.slug}.md").read_text("utf-8").split("---")[1]
    )
    assert " ".join(meta["safety"][0].split()) == FLOOR_RULE
    assert FLOOR_RULE in " ".join(content.plain_text(exercise.markdown).split())


def test_the_lying_exercises_are_the_seated_starters_floor_work():
    """The bed-first rule covers every lying exercise, and both known ones are lying."""
    lying = {e.slug for e in LIBRARY if e.position == "lying"}
    assert {"glute_bridge", "side_lying_leg_lift"} <= lying
    assert all(e.level == "seated" for e in LIBRARY if e.slug in lying)
