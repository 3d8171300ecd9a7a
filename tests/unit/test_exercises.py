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
        (("level: seated", "level: floating"), "'level'"),
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
