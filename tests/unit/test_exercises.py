"""lib.exercises: loading one exercise file, refusing broken ones, filtering the library."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lib import content, exercises
from lib.content import ContentError
from tests.conftest import CONTENT

SOURCES = content.load_sources(CONTENT / "sources.yaml")
GOOD = (CONTENT / "exercises" / "sit_to_stand.md").read_text(encoding="utf-8")
LIBRARY = exercises.load_library(CONTENT / "exercises", SOURCES)


def write(tmp_path: Path, text: str, name: str = "sit_to_stand.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads_with_its_own_anchors(tmp_path):
    """The example file loads; its citations link to anchors named after the exercise."""
    exercise = exercises.load_exercise(write(tmp_path, GOOD), SOURCES)
    assert exercise.kind == "strength"
    assert 'href="#src-sit_to_stand-1"' in exercise.html
    assert 'id="src-sit_to_stand-1"' in exercise.html


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("kind: strength", "kind: yoga"), "'kind'"),
        (("level: supported", "level: floating"), "'level'"),
        (("position: standing", "position: floating"), "'position'"),
        (("support: none", "support: rope"), "'support'"),
        (("with_someone: false", "with_someone: maybe"), "'with_someone'"),
        (("sourced_dose: true", "sourced_dose: 1"), "'sourced_dose'"),
        # the rules the plan's safety rests on (issue 13)
        (("level: supported", "level: seated"), "a 'seated' level exercise must be"),
        (("position: standing\nsupport: none", "position: seated\nsupport: hand"), "take none"),
        (
            (
                "Aim for 5 repetitions at first, done slowly [@nhs-strength-older]. Build up to "
                "10, three\n  times a week [@nhs-tayside-super-six].",
                "Aim for a few at first.",
            ),
            "'sourced_dose' is true, but the dose cites no source",
        ),
        (("muscles: [quadriceps,", "muscles: [biceps,"), "unknown values"),
        (("figure: sit_to_stand", "figure: moonwalk"), "'figure'"),
        (("sides: 1", "sides: 3"), "'sides'"),
        (("reviewed: 2026-11-21", "reviewed: soon"), "'reviewed'"),
        (("[@nhs-strength-older]. Build", "[@nobody]. Build"), "unknown source ids"),
        (("sources: [nhs-strength-older, ", "sources: ["), "differ from the ids cited"),
        (("title: Sit-to-stand\n", ""), "misses ['title']"),
        (("title: Sit-to-stand\n", "title: Sit-to-stand\ncolour: red\n"), "unknown fields"),
    ],
)
def test_broken_files_name_the_file_and_the_problem(tmp_path, change, problem):
    """Each kind of mistake raises a ContentError naming the file and what is wrong."""
    old, new = change
    assert old in GOOD
    with pytest.raises(ContentError, match=re.escape(problem)) as raised:
        exercises.load_exercise(write(tmp_path, GOOD.replace(old, new, 1)), SOURCES)
    assert raised.value.path.name == "sit_to_stand.md"


@pytest.mark.parametrize(
    ("kind", "position", "support", "with_someone", "ok"),
    [
        ("strength", "lying", "none", False, True),
        ("strength", "seated", "none", False, True),
        ("aerobic", "seated", "none", False, True),
        ("strength", "standing", "both_hands", True, False),  # no standing strength work
        ("balance", "standing", "both_hands", True, True),  # both hands and someone beside
        ("balance", "standing", "both_hands", False, False),  # nobody beside you
        ("balance", "standing", "hand", True, False),  # one hand is not enough
        ("balance", "standing", "none", True, False),  # free-standing
        ("balance", "moving", "both_hands", True, False),  # walking balance work
        ("aerobic", "moving", "none", False, False),
    ],
)
def test_the_seated_start_rule(kind, position, support, with_someone, ok):
    """Lying or seated work, or balance standing still with both hands and someone beside."""
    assert exercises.seated_start_ok(kind, position, support, with_someone) is ok


def test_the_library_marks_the_work_a_seated_start_may_not_get():
    """The heel-to-toe walk, one-leg stand and standing strength work are not seated-safe."""
    by_slug = {e.slug: e for e in LIBRARY}
    for slug in ("heel_to_toe_walk", "one_leg_stand", "mini_squat", "heel_raise", "walking"):
        assert not by_slug[slug].seated_start_ok, slug
    assert by_slug["heel_to_toe_stand"].seated_start_ok
    assert {e.slug for e in LIBRARY if not e.sourced_dose} == {"heel_raise_step", "tai_chi"}
    assert all(e.seated_start_ok for e in LIBRARY if e.level == "seated")


def test_an_empty_folder_is_an_error(tmp_path):
    """A library with no files cannot be used."""
    with pytest.raises(ContentError, match="no exercise files"):
        exercises.load_library(tmp_path, SOURCES)


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        ({"levels": ["seated"]}, lambda e: e.level == "seated"),
        ({"muscles": ["calves"]}, lambda e: "calves" in e.muscles),
        ({"kinds": ["balance"]}, lambda e: e.kind == "balance"),
        ({"equipment": ["chair"]}, lambda e: set(e.equipment) <= {"chair", "none"}),
    ],
)
def test_matching_keeps_exactly_what_passes(filters, check):
    """Each filter keeps every exercise that passes it and no other; no filter keeps all."""
    kept = exercises.matching(LIBRARY, **filters)
    assert kept == tuple(e for e in LIBRARY if check(e))
    assert 0 < len(kept) < len(LIBRARY)
    assert exercises.matching(LIBRARY) == LIBRARY


def test_a_linked_exercise_comes_first_even_when_filtered_out():
    """first_then puts ?ex= first, then the matches, never twice."""
    found = exercises.matching(LIBRARY, kinds=["aerobic"])
    shown = exercises.first_then(found, LIBRARY, "mini_squat")
    assert shown[0].slug == "mini_squat"
    assert shown[1:] == found
    assert exercises.first_then(found, LIBRARY, None) == found
    walking = exercises.first_then(found, LIBRARY, "walking")
    assert [e.slug for e in walking].count("walking") == 1
