"""The exercise stop rule: worded in content/plan_rules.yaml, said the same everywhere.

The clinical review (S9) found "stop and get help" too vague: the rule must say when to call
the emergency number and when to see a doctor, only as far as a source says, and its words
must live in `content/`, not in Python strings. These tests pin what the rule says, that
every country gets its own number, that the loader refuses a broken rule, and that no module
that shows the rule words it again itself.
"""

from __future__ import annotations

import ast
import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

import icalendar
import pytest
import textstat
import yaml

from lib import content, exercises, plan, reading, redflags
from lib.content import ContentError
from tests.conftest import CONTENT, LEDGER, ROOT

SOURCES = content.load_sources(CONTENT / "sources.yaml")
RAW = yaml.safe_load((CONTENT / "plan_rules.yaml").read_text("utf-8"))["stop"]
NUMBERS = redflags.EMERGENCY_NUMBERS
ANY_NUMBER = re.compile(r"(?<!\d)(?:999|911|112)(?!\d)")


def _flat(text: str) -> str:
    return " ".join(text.split())


# --- what the rule says -------------------------------------------------------------------

# Each part of the rule, and the words it must keep (the signs its sources name).
MUST_SAY = [
    ("stop", ("stop at once", "chest pain", "dizzy or faint", "short of breath")),
    (
        "emergency",
        (
            "call {number} now",
            "does not stop after a few minutes of rest",  # NHS angina
            "sweating, feeling sick, light-headed or short of breath",  # NHS chest pain
            "breathing is very hard",  # NHS pulmonary embolism: severe difficulty breathing
            "passes out",  # NHS pulmonary embolism
            "drooping face",  # FAST
            "even if it goes away",  # Stroke Association: even if symptoms pass
        ),
    ),
    (
        "doctor",
        (
            "stops within a few minutes of rest",  # NHS angina: urgent GP appointment
            "urgent appointment",
            "same day",
            "calf or thigh",  # NHS DVT: same day
            "our own cautious advice",  # waiting to exercise again is the app's choice
        ),
    ),
]


@pytest.mark.parametrize(("part", "words"), MUST_SAY)
def test_each_part_of_the_rule_says_what_its_sources_say(part, words):
    """Stop at once; call the number for what the NHS and FAST say; a doctor the same day."""
    text = getattr(plan.STOP, part).text.lower()
    for word in words:
        assert word.lower() in text, (part, word)


@pytest.mark.parametrize("part", ["stop", "emergency", "doctor"])
def test_each_part_names_real_sources_and_usable_facts_and_reads_plainly(part):
    rule = getattr(plan.STOP, part)
    assert rule.source_ids
    assert all(s in SOURCES for s in rule.source_ids)
    for fact_id in rule.fact_ids:
        assert LEDGER.facts[fact_id].usable, fact_id
        assert set(LEDGER.facts[fact_id].source_ids) & set(rule.source_ids)
    assert textstat.flesch_kincaid_grade(rule.text) <= 9
    assert not all(SOURCES[s].weak for s in rule.source_ids)


def test_the_rule_rests_on_ledger_fact_ex_21_and_its_nhs_sources():
    """The emergency and doctor parts cite EX-21, whose sources name it back."""
    fact = LEDGER.facts["EX-21"]
    for source_id in ("nhs-angina", "nhs-chest-pain", "nhs-pe", "stroke-assoc-tia"):
        assert source_id in fact.source_ids
        assert "EX-21" in SOURCES[source_id].facts
        assert source_id in plan.STOP_SOURCES
    assert "EX-21" in plan.STOP_FACTS


@pytest.mark.parametrize(("country", "number"), list(NUMBERS.items()))
def test_the_rule_gives_each_country_its_own_number_and_no_other(country, number):
    text = plan.STOP.text(country)
    assert f"Call {number} now" in text
    assert set(ANY_NUMBER.findall(text)) == {number}
    assert "{" not in text


def test_without_a_country_the_rule_names_every_number_with_its_country():
    """Pages that do not know the country name all three, each with its country."""
    assert "Call 999 (UK), 911 (US) or 112 (EU) now" in plan.STOP_RULE
    assert plan.STOP.text() == plan.STOP_RULE


# --- the loader refuses a broken rule -----------------------------------------------------


def _set(part: str, key: str, value: Any):
    def edit(data: dict[str, Any]) -> None:
        data["stop"][part][key] = value

    return edit


def _drop(part: str):
    def edit(data: dict[str, Any]) -> None:
        del data["stop"][part]

    return edit


BROKEN = [
    (_set("emergency", "text", "Call 999 now."), "names an emergency number"),
    (_set("emergency", "text", "Call the emergency number now."), "must name the reader"),
    (_set("doctor", "text", "See {doctor} today."), "only placeholder allowed"),
    (_set("stop", "text", "  "), "text must be non-empty"),
    (_set("stop", "sources", ["no-such-source"]), "unknown source ids"),
    (_drop("doctor"), "stop needs exactly"),
    (lambda d: d.pop("stop"), "three sections"),
]


@pytest.mark.parametrize(("edit", "problem"), BROKEN)
def test_a_broken_stop_rule_is_a_content_error_naming_the_problem(tmp_path: Path, edit, problem):
    data = yaml.safe_load((CONTENT / "plan_rules.yaml").read_text("utf-8"))
    edit(data)
    path = tmp_path / "plan_rules.yaml"
    path.write_text(yaml.safe_dump(data), "utf-8")
    with pytest.raises(ContentError, match=problem):
        plan.load_rules(path, SOURCES)


def test_an_unchanged_copy_loads_to_the_same_rule(tmp_path: Path):
    path = tmp_path / "plan_rules.yaml"
    path.write_text((CONTENT / "plan_rules.yaml").read_text("utf-8"), "utf-8")
    assert plan.load_stop_rule(path, SOURCES) == plan.STOP


# --- every place that shows it takes the words from the content file ----------------------


def _expected_sentences(country: redflags.Country | None = None) -> list[str]:
    """The content file's own words, read here without lib.plan, numbers filled in."""
    number = redflags.numbers_text(country)
    return [_flat(RAW[k]["text"]).replace("{number}", number) for k in ("stop", "emergency")] + [
        _flat(RAW["doctor"]["text"])
    ]


def test_the_reading_pages_stop_box_is_the_content_files_text():
    box = reading._stop_box()
    plain = _flat(re.sub(r"<[^>]+>", " ", box)).replace(" .", ".").replace(" ,", ",")
    for sentence in _expected_sentences():
        assert _flat(sentence) in plain, sentence
    assert 'href="tel:911"' in box


def test_every_calendar_event_carries_the_content_files_rule():
    built = plan.build_plan(
        plan.PlanInput("seated", (0, 2, 4), 40, 72, 4),
        exercises.load_library(CONTENT / "exercises", SOURCES),
        plan.load_rules(CONTENT / "plan_rules.yaml", SOURCES),
    )
    ics = plan.to_ics(built, dt.date(2026, 12, 7), stamp=dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    events = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert events
    for event in events:
        description = _flat(str(event["description"]))
        for sentence in _expected_sentences():
            assert sentence in description
        assert _flat(RAW["disclaimer"]["text"]) in description


# Modules that show the stop rule. None may word it in a Python string again: these are the
# words of the old rule and its box, and of any rule like it.
SHOWS_THE_RULE = [
    "lib/plan.py",
    "lib/reading.py",
    "lib/handout.py",
    "ui/exercises.py",
    "ui/plan.py",
]
RULE_WORDS = re.compile(
    r"chest pain|dizz|faint|short of breath|breathless|stop at once|stop right away|"
    r"sudden weakness",
    re.IGNORECASE,
)


def _strings(path: Path) -> list[tuple[int, str]]:
    """Every string in the module's code, docstrings and comments left out."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


@pytest.mark.parametrize("name", SHOWS_THE_RULE)
def test_no_module_that_shows_the_rule_words_it_itself(name):
    """The stop rule's words are only in content/plan_rules.yaml (clinical-safety.md s. 4)."""
    found = [(line, s) for line, s in _strings(ROOT / name) if RULE_WORDS.search(s)]
    assert found == []


def test_the_scan_finds_the_old_hard_coded_rule(tmp_path: Path):
    """The check above would have caught the rule as it was in lib/plan.py."""
    old = (
        'STOP_SIGNS = "you get chest pain, feel dizzy or faint, or are very short of breath"\n'
        'STOP_RULE = f"Stop right away and get medical help if {STOP_SIGNS}. Educational, '
        'not medical advice."\n'
    )
    path = tmp_path / "old_plan.py"
    path.write_text(old, "utf-8")
    assert len([s for _, s in _strings(path) if RULE_WORDS.search(s)]) >= 2


def test_the_raw_file_keeps_the_number_out_of_the_words():
    """No part of the rule writes a number itself; only {number} in the emergency part."""
    data = copy.deepcopy(RAW)
    for part in data.values():
        assert not ANY_NUMBER.search(part["text"])
    assert "{number}" in data["emergency"]["text"]
