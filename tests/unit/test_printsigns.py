"""The warning signs in short for printouts (content/redflags_print.yaml, lib/printsigns.py):
every checklist sign covered at its own urgency, in the signs' own words, no new number."""

from __future__ import annotations

import copy
import dataclasses
import re

import pytest
import textstat
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lib import printsigns, redflags
from lib.content import ContentError
from lib.redflags import Urgency
from tests.conftest import ROOT

PRINT_PATH = ROOT / "content" / "redflags_print.yaml"
RAW = yaml.safe_load(PRINT_PATH.read_text(encoding="utf-8"))
FORM = printsigns.load_print_form(PRINT_PATH)
SIGNS = {f.id: f for f in redflags.RED_FLAGS}
# Words that make a sign what it is: a line covering a sign that has one keeps it.
QUALIFIERS = ("sudden", "severe", "getting worse", "worse", "both legs", "glass")
MAX_GRADE = 8.0  # the house aim for patients (US grade 8, Flesch-Kincaid)


def parse(data: object) -> printsigns.PrintForm:
    return printsigns.parse_print_form(data, redflags.CHECKLIST)


def test_every_sign_on_the_checklist_is_covered_at_its_own_urgency():
    """A sign added to content/redflags.yaml fails here until a print line covers it."""
    covered = FORM.covered()
    missing = [f.id for f in redflags.RED_FLAGS if f.id not in covered]
    assert missing == [], f"add these signs to content/redflags_print.yaml: {missing}"
    assert printsigns.uncovered(FORM) == ()
    for sign_id, urgency in covered.items():
        assert SIGNS[sign_id].urgency is urgency, sign_id


def test_a_sign_added_to_the_checklist_later_is_caught_and_still_printed():
    """A checklist with one more sign: the print form does not cover it, `uncovered` names
    it, and the printout still shows it (in its own words) with its urgency's signs."""
    new = redflags.RedFlag(
        id="RF-99a",
        fact_id="RF-99",
        symptom="A new sign no print line covers yet",
        urgency=Urgency.URGENT,
        action="Get medical help today.",
        possible_cause="possible something",
        source_ids=("nhs-sciatica",),
        group="Medicines",
    )
    first, *rest = redflags.CHECKLIST.groups
    bigger = dataclasses.replace(
        redflags.CHECKLIST, groups=(dataclasses.replace(first, flags=(*first.flags, new)), *rest)
    )
    assert [f.id for f in printsigns.uncovered(FORM, bigger)] == ["RF-99a"]
    shown = printsigns.printed("uk", FORM, bigger)
    urgent = next(b for b in shown.blocks if b.urgency is Urgency.URGENT)
    assert urgent.lines[-1] == "A new sign no print line covers yet."
    assert all(
        "A new sign" not in line for b in shown.blocks if b is not urgent for line in b.lines
    )


@pytest.mark.parametrize(
    ("urgency", "sign_id"),
    [("urgent", "RF-01a"), ("emergency", "RF-06a"), ("appointment", "RF-10a")],
)
def test_a_line_that_covers_a_sign_of_another_urgency_is_refused(urgency, sign_id):
    data = copy.deepcopy(RAW)
    data["print_form"][urgency]["lines"][0]["covers"].append(sign_id)
    with pytest.raises(ValueError, match=sign_id):
        parse(data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["print_form"]["emergency"]["lines"][0]["covers"].append("RF-98z"), "RF-98z"),
        (
            lambda d: d["print_form"]["urgent"]["lines"].append(
                {"covers": ["RF-10a"], "text": "Again."}
            ),
            "two lines",
        ),
        (lambda d: d["print_form"]["emergency"].update(heading="Call now."), "must name"),
        (
            lambda d: d["print_form"]["urgent"]["lines"][0].update(text="Call 999 today."),
            "emergency number",
        ),
        (lambda d: d["print_form"]["urgent"]["lines"][0].update(text="Call {who}."), "{who}"),
        (lambda d: d["print_form"].update(not_complete="Call {number}."), "no placeholder"),
        (lambda d: d["print_form"]["appointment"].update(lines=[]), "non-empty"),
        (lambda d: d["print_form"].pop("urgent"), "exactly"),
        (lambda d: d["print_form"]["urgent"]["lines"][0].update(covers="RF-10a"), "covers"),
        (
            lambda d: d["print_form"]["urgent"]["lines"][0].update(covers=["RF-10a", "RF-10a"]),
            "twice",
        ),
    ],
)
def test_mistakes_in_the_print_form_are_refused(change, message):
    data = copy.deepcopy(RAW)
    change(data)
    with pytest.raises(ValueError, match=re.escape(message)):
        parse(data)


def test_a_mistake_names_the_file(tmp_path):
    data = copy.deepcopy(RAW)
    data["print_form"]["urgent"]["lines"][0]["covers"].append("RF-01a")
    path = tmp_path / "redflags_print.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ContentError, match=r"redflags_print\.yaml: .*RF-01a"):
        printsigns.load_print_form(path)


@pytest.mark.parametrize("country", list(redflags.EMERGENCY_NUMBERS))
def test_printed_signs_name_the_countrys_number_and_no_other(country):
    shown = printsigns.printed(country, FORM)
    number = redflags.EMERGENCY_NUMBERS[country]
    assert shown.number == number
    assert shown.blocks[0].heading.startswith(f"Call {number} now")
    text = " ".join([b.heading + " " + " ".join(b.lines) + " " + b.where for b in shown.blocks])
    assert "{number}" not in text
    for other in set(redflags.EMERGENCY_NUMBERS.values()) - {number}:
        assert not re.search(rf"(?<!\d){other}(?!\d)", text + shown.closing), other
    urgent = shown.blocks[1]
    assert urgent.where == redflags.CHECKLIST.countries[country].urgent.replace("{number}", number)


def test_the_blocks_run_most_urgent_first_and_say_the_list_is_not_complete():
    shown = printsigns.printed("us", FORM)
    assert [b.urgency for b in shown.blocks] == list(printsigns.ORDER)
    assert [b.heading.split(" ")[0] for b in shown.blocks] == ["Call", "Get", "Book"]
    assert "not complete" in shown.closing
    assert "sudden or worrying" in shown.closing


def test_the_sources_are_every_signs_sources():
    shown = printsigns.printed("uk", FORM)
    assert shown.source_ids == redflags.SOURCE_IDS


@pytest.mark.parametrize(
    "line", [line for b in FORM.blocks for line in b.lines], ids=lambda line: line.covers[0]
)
def test_each_line_keeps_its_signs_qualifiers_and_adds_no_number(line):
    """A sign that says "sudden", "severe" or "getting worse" keeps it in its print line,
    and a line holds no number that none of its signs' wording (symptom or action) has."""
    text = line.text.lower()
    for sign_id in line.covers:
        sign = SIGNS[sign_id]
        for word in QUALIFIERS:
            if word in sign.symptom.lower():
                assert word in text, f"{sign_id}: '{word}' dropped"
    theirs = " ".join(f"{SIGNS[i].symptom} {SIGNS[i].action}" for i in line.covers)
    for number in re.findall(r"\d+", line.text):
        assert number in theirs, f"{line.covers}: {number} is a new number"


def test_the_both_legs_sign_keeps_severe_or_getting_worse():
    """H05: weakness or numbness in both legs is an emergency only when severe or worsening."""
    line = next(line for b in FORM.blocks for line in b.lines if "RF-01b" in line.covers)
    assert "both legs that is severe or getting worse" in line.text


def test_the_print_form_reads_at_grade_8():
    text = " ".join(
        [b.heading + " " + " ".join(line.text for line in b.lines) for b in FORM.blocks]
        + [FORM.not_complete]
    )
    grade = textstat.flesch_kincaid_grade(text.replace("{number}", "999"))
    assert grade <= MAX_GRADE, grade


def test_the_print_form_is_much_shorter_than_the_checklist():
    """The point of it: a few lines per urgency, not 45 signs."""
    assert sum(len(b.lines) for b in FORM.blocks) <= len(redflags.RED_FLAGS) // 3
    short = sum(len(line.text) for b in FORM.blocks for line in b.lines)
    assert short < sum(len(f.symptom) for f in redflags.RED_FLAGS) * 0.6


@settings(max_examples=40, deadline=None)
@given(
    drop=st.sets(st.sampled_from(sorted(SIGNS)), min_size=1, max_size=6),
    country=st.sampled_from(list(redflags.EMERGENCY_NUMBERS)),
)
def test_a_sign_left_out_of_the_form_is_never_left_off_the_printout(drop, country):
    """Any signs no line covers are found by `uncovered` and printed in their own words."""
    data = copy.deepcopy(RAW)
    for block in data["print_form"].values():
        if isinstance(block, dict):
            for line in block["lines"]:
                line["covers"] = [c for c in line["covers"] if c not in drop]
            block["lines"] = [line for line in block["lines"] if line["covers"]]
    if any(not block["lines"] for block in data["print_form"].values() if isinstance(block, dict)):
        return  # a whole urgency emptied: the loader refuses it (tested above)
    form = parse(data)
    assert {f.id for f in printsigns.uncovered(form)} == drop
    shown = printsigns.printed(country, form)
    for sign_id in drop:
        sign = SIGNS[sign_id]
        block = next(b for b in shown.blocks if b.urgency is sign.urgency)
        assert any(line.startswith(sign.symptom) for line in block.lines), sign_id
