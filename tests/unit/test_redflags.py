"""Unit tests of lib.redflags: the checklist of content/redflags.yaml and its triage."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from lib import redflags
from lib.content import ContentError, Source, load_sources
from lib.redflags import (
    EMERGENCY_NUMBERS,
    FACT_IDS,
    GROUPS,
    RED_FLAGS,
    SOURCE_IDS,
    Urgency,
    load_checklist,
    triage,
)
from tests.conftest import CONTENT, LEDGER, ROOT

E, U, A = Urgency.EMERGENCY, Urgency.URGENT, Urgency.APPOINTMENT
IDS = [f.id for f in RED_FLAGS]
BY_ID = {f.id: f for f in RED_FLAGS}
COUNTRIES = list(EMERGENCY_NUMBERS)
ANY_NUMBER = re.compile(r"(?<!\d)(?:999|911|112)(?!\d)")

# Every checklist symptom and the urgency its ledger fact gives it. A symptom added to the
# checklist without a row here, or a row whose urgency differs, fails the tests below.
EXPECTED: dict[str, Urgency] = {
    # RF-01 cauda equina syndrome (NHS "Sciatica"): A&E / 999 now.
    "RF-01a": E,
    "RF-01b": E,
    "RF-01c": E,
    "RF-01d": E,
    # RF-02 stroke (Mayo Clinic, Cleveland Clinic): emergency.
    "RF-02a": E,
    "RF-02b": E,
    "RF-02c": E,
    "RF-02d": E,
    "RF-02e": E,
    # RF-03 Guillain-Barré syndrome (NHS, Mayo Clinic): emergency.
    "RF-03a": E,
    "RF-03b": E,
    "RF-03c": E,
    "RF-03d": E,
    # RF-04 rapid weakness (Merck Manual): emergency department.
    "RF-04a": E,
    "RF-04b": E,
    "RF-04c": E,
    "RF-04d": E,
    # RF-05 lasting or isolated weakness (Mayo Clinic): book an appointment. Weakness after a
    # virus: urgent GP appointment or 111 (NHS Guillain-Barré syndrome, over Mayo Clinic).
    "RF-05a": A,
    "RF-05b": U,
    "RF-05c": A,
    # RF-06 claudication, and PAD sores that do not heal (NHS PAD): see a GP.
    "RF-06a": A,
    "RF-06b": A,
    # RF-07 PAD worse suddenly, rest pain (NHS PAD): urgent.
    "RF-07a": U,
    "RF-07b": U,
    # RF-08 statin muscle symptoms (NHS): stop and contact a doctor or NHS 111.
    "RF-08a": U,
    # RF-09 possible low vitamin D (AAFP): see a GP.
    "RF-09a": A,
    # RF-10 DVT or cellulitis: urgent, same day; with chest pain or breathlessness (possible
    # PE): emergency.
    "RF-10a": U,
    "RF-10b": E,
    # RF-11 acute limb ischaemia (Health NZ): emergency (was urgent under RF-07).
    "RF-11a": E,
    "RF-11b": E,
    "RF-11c": E,
    # RF-12 acute compartment syndrome (NHS): emergency.
    "RF-12a": E,
    # RF-13 metastatic spinal cord compression (NICE, Cancer Research UK): emergency.
    "RF-13a": E,
    # RF-14 rhabdomyolysis (CDC NIOSH): immediate care.
    "RF-14a": E,
    "RF-14b": E,
    # RF-15 hip fracture after a fall (NHS): 999.
    "RF-15a": E,
    # RF-16 stroke signs of BE FAST missing from RF-02 (CDC, NIH): emergency.
    "RF-16a": E,
    "RF-16b": E,
    "RF-16c": E,
    # RF-17 back pain (NHS): after a serious accident, 999; with a high temperature, urgent.
    "RF-17a": E,
    "RF-17b": U,
    # RF-17 back pain (NHS), more of the same lists: with chest pain, 999; with weight loss, a
    # lump, night or rest pain, cough or sneeze pain, or upper back pain, urgent.
    "RF-17c": E,
    "RF-17d": U,
    "RF-17e": U,
    # RF-18 a stroke sign that passes, a TIA (Stroke Association): 999 all the same.
    "RF-18a": E,
    # RF-19 possible sepsis (NHS): 999 or A&E.
    "RF-19a": E,
    # RF-20 hurt or cannot get up after a fall, a long lie (NHS Fife): 999.
    "RF-20a": E,
    # RF-21 a clot in the lungs without leg signs (NHS): 999 for chest pain, severe breathing
    # trouble, a racing heart or passing out; same day for sudden breathlessness or blood.
    "RF-21a": E,
    "RF-21b": U,
    # RF-22 cellulitis that is spreading (NHS cellulitis): 999 or A&E.
    "RF-22a": E,
    # RF-23 possible spinal metastases with cancer (RNOH, NICE): the cancer team within 24 hours.
    "RF-23a": U,
}

# Words in a ledger fact's `action` that name each level of urgency.
LEVEL_WORDS = {
    E: ("emergency", "a&e", "999"),
    U: ("urgent", "same day", "111"),
    A: ("appointment", "gp"),
}


@pytest.fixture(scope="module")
def sources() -> dict[str, Source]:
    return load_sources(CONTENT / "sources.yaml")


# --- every symptom at its fact's urgency -------------------------------------------------


def test_every_symptom_has_a_row_in_the_triage_table():
    """No symptom is on the checklist without an expected urgency, and none is missing."""
    assert sorted(IDS) == sorted(EXPECTED)


@pytest.mark.parametrize(("flag_id", "urgency"), EXPECTED.items(), ids=list(EXPECTED))
def test_each_symptom_is_triaged_at_its_ledger_facts_urgency(flag_id, urgency):
    """Each symptom has its expected urgency, and its ledger fact's action names that level."""
    flag = BY_ID[flag_id]
    assert flag.urgency == urgency
    assert triage([flag_id]).urgency == urgency
    action = LEDGER.facts[flag.fact_id].values["action"].lower()
    assert any(word in action for word in LEVEL_WORDS[urgency]), (flag.fact_id, action)


@pytest.mark.parametrize("flag_id", ["RF-11a", "RF-11b", "RF-11c"])
def test_acute_limb_ischaemia_signs_are_emergencies(flag_id):
    """A painful, pale or cold leg, a leg that cannot move or loses feeling: call now."""
    flag = BY_ID[flag_id]
    assert (flag.fact_id, flag.urgency) == ("RF-11", E)
    assert triage([flag_id], "us").message == "Call 911 now."


def test_limb_ischaemia_signs_are_no_longer_urgent_pad_signs():
    """No symptom about a leg that cannot move or loses feeling is left at 'help today'."""
    words = ("cannot move your leg", "loss of feeling", "pale or cold")
    matches = [f for f in RED_FLAGS if any(w in f.symptom.lower() for w in words)]
    assert {f.id for f in matches} == {"RF-11a", "RF-11b", "RF-11c"}
    assert all(f.urgency == E for f in matches)


def test_dvt_is_urgent_and_with_chest_pain_or_breathlessness_an_emergency():
    """RF-10: one-sided calf or thigh signs are same-day; with chest pain, an emergency."""
    dvt, pe = BY_ID["RF-10a"], BY_ID["RF-10b"]
    assert "one calf or thigh" in dvt.symptom
    assert "warm, red" in dvt.symptom
    assert "chest pain or sudden breathlessness" in pe.symptom
    assert (dvt.urgency, pe.urgency) == (U, E)
    assert "nhs-dvt" in dvt.source_ids
    assert "nhs-dvt" in pe.source_ids
    (note,) = triage(["RF-10a"], "eu").notes
    assert note.startswith("With chest pain or sudden breathlessness, call 112 now.")


def test_weakness_after_a_virus_is_same_day_as_the_nhs_says_and_says_when_it_is_an_emergency():
    """RF-05b follows the NHS (urgent GP or 111) over Mayo Clinic (appointment), keeps the
    warning that spreading weakness is an emergency, and sits with the spreading weakness."""
    flag = BY_ID["RF-05b"]
    assert flag.urgency == U
    assert "nhs-gbs-current" in flag.source_ids
    assert "infection" in flag.symptom
    assert "few weeks" in flag.symptom
    assert "urgent GP appointment or call NHS 111" in flag.action
    assert "Guillain-Barré" in flag.possible_cause
    (note,) = triage(["RF-05b"], "us").notes
    assert "hours or days" in note
    assert "emergency" in note
    assert "call 911" in note
    assert triage(["RF-05b"], "uk").message == "Get medical help today."
    spreading = next(g for g in GROUPS if g.heading == "Spreading weakness")
    assert "hours or days" in spreading.note_for("uk")
    assert "call 999" in spreading.note_for("uk")
    assert {f.fact_id for f in spreading.flags} == {"RF-03", "RF-04", "RF-05"}
    assert flag in spreading.flags
    fact = LEDGER.facts["RF-05"]
    assert fact.corrected is not None
    assert "Mayo" in fact.corrected.was


def test_both_legs_keeps_the_nhs_qualifier():
    """RF-01b keeps 'that is severe or getting worse': slow weakness is not sent to 999."""
    assert BY_ID["RF-01b"].symptom == (
        "Weakness or numbness in both legs that is severe or getting worse"
    )


# --- every symptom, fact and source agrees with the ledger and sources.yaml ---------------


def test_the_checklist_covers_every_red_flag_fact_of_the_ledger():
    """Every section-5 fact of the ledger is on the checklist, and nothing else is."""
    ledger_rf = {i for i, f in LEDGER.facts.items() if f.section == "5"}
    assert set(FACT_IDS) == ledger_rf


def test_each_symptom_cites_sources_its_ledger_fact_names(sources):
    """A symptom's sources exist, list its fact, and are among the fact's own sources."""
    for flag in RED_FLAGS:
        fact = LEDGER.facts[flag.fact_id]
        assert fact.usable, flag.fact_id
        for source_id in flag.source_ids:
            assert source_id in sources, source_id
            assert flag.fact_id in sources[source_id].facts, (flag.id, source_id)
            assert source_id in fact.source_ids, (flag.id, source_id)
    assert set(SOURCE_IDS) == {s for f in RED_FLAGS for s in f.source_ids}


def test_checklist_entries_are_well_formed():
    """Ids are unique RF-NNx under their fact; every entry has words and a possible cause."""
    assert len(set(IDS)) == len(IDS)
    for flag in RED_FLAGS:
        assert re.fullmatch(r"RF-\d{2}[a-z]", flag.id)
        assert flag.id.startswith(flag.fact_id)
        assert flag.symptom
        assert flag.action
        assert flag.possible_cause.startswith("possible ")
        assert not ANY_NUMBER.search(flag.action + flag.symptom + flag.possible_cause)


def test_the_signs_are_grouped_under_plain_headings():
    """No flat list: the signs sit under headings, none of them long, each sign once."""
    headings = [g.heading for g in GROUPS]
    assert headings == [
        "Back and both legs",
        "Back pain",
        "Sudden weakness or stroke signs",
        "One leg: blood flow and clots",
        "After an injury, a cast, a fall or very hard exercise",
        "Chest, breathing, or feeling very unwell",
        "Spreading weakness",
        "Medicines",
        "Longer-term weakness",
    ]
    assert all(1 <= len(g.flags) <= 9 for g in GROUPS)
    assert [f.id for g in GROUPS for f in g.flags] == IDS
    assert all(f.group == g.heading for g in GROUPS for f in g.flags)


@pytest.mark.parametrize(
    ("flag_id", "words"),
    [
        ("RF-12a", ("cast", "severe pain")),
        ("RF-13a", ("cancer", "weakness")),
        ("RF-14a", ("dark", "pee")),
        ("RF-15a", ("fall", "put weight on your leg")),
        ("RF-16a", ("sudden", "balance")),
        ("RF-16b", ("sudden", "severe headache")),
        ("RF-17a", ("back pain", "serious accident")),
    ],
)
def test_the_emergencies_the_review_found_missing_are_on_the_checklist(flag_id, words):
    """Compartment syndrome, MSCC, rhabdomyolysis, hip fracture, BE FAST and spinal injury."""
    flag = BY_ID[flag_id]
    assert flag.urgency == E
    assert all(w in flag.symptom.lower() for w in words), flag.symptom


# --- the triage ---------------------------------------------------------------------------


def test_emergency_numbers():
    """The UK, US and EU emergency numbers are 999, 911 and 112."""
    assert dict(EMERGENCY_NUMBERS) == {"uk": "999", "us": "911", "eu": "112"}


@pytest.mark.parametrize(("country", "number"), [("uk", "999"), ("us", "911"), ("eu", "112")])
def test_emergency_message_gives_the_countrys_number(country, number):
    """An emergency says to call the reader's own emergency number now."""
    result = triage(["RF-02a"], country)
    assert (result.message, result.number) == (f"Call {number} now.", number)
    assert redflags.numbers_text(country) == number


def test_without_a_country_every_number_is_named_with_its_country():
    """A printout that does not know the reader's country names all three, never 999 alone."""
    assert redflags.numbers_text() == "999 (UK), 911 (US) or 112 (EU)"
    assert [redflags.country_name(c) for c in COUNTRIES] == ["UK (999)", "US (911)", "EU (112)"]


@pytest.mark.parametrize(
    ("country", "service", "absent"),
    [("uk", "NHS 111", "urgent care"), ("us", "urgent care", "NHS 111"), ("eu", "doctor", "111")],
)
def test_nothing_ticked_says_what_the_list_cannot_rule_out_and_where_to_turn(
    country, service, absent
):
    """An empty list is no all-clear: it says what it cannot rule out and where to turn."""
    result = triage([], country)
    assert (result.urgency, result.flags, result.message, result.notes) == (
        Urgency.NONE,
        (),
        "",
        (),
    )
    assert result.where.startswith("Nothing is ticked. That does not mean nothing is wrong.")
    assert "only some warning signs" in result.where
    assert service in result.where
    assert absent not in result.where
    assert f"call {EMERGENCY_NUMBERS[country]}" in result.where
    for reassurance in ("none", "all clear", "normal", "no need", "you are fine", "safe"):
        assert not re.search(rf"\b{reassurance}\b", result.where.lower()), reassurance


@pytest.mark.parametrize(
    ("ids", "urgency", "message"),
    [
        (["RF-01b"], E, "Call 999 now."),
        (["RF-07b"], U, "Get medical help today."),
        (["RF-08a"], U, "Get medical help today."),
        (["RF-06a"], A, "Book an appointment with your doctor."),
        (["RF-09a", "RF-05a"], A, "Book an appointment with your doctor."),
        (["RF-06a", "RF-07a"], U, "Get medical help today."),
        (["RF-07a", "RF-11b"], E, "Call 999 now."),
        (["RF-10a", "RF-10b"], E, "Call 999 now."),
        (["RF-05b", "RF-03a"], E, "Call 999 now."),
        (["RF-17b", "RF-05c"], U, "Get medical help today."),
        (["RF-06a", "RF-08a", "RF-04a"], E, "Call 999 now."),
    ],
)
def test_the_most_urgent_flag_wins(ids, urgency, message):
    """The triage takes the highest urgency among the ticked symptoms."""
    result = triage(ids)
    assert (result.urgency, result.message) == (urgency, message)


@pytest.mark.parametrize(
    ("country", "where"),
    [
        ("uk", "NHS 111 or your GP surgery today"),
        ("us", "urgent care center"),
        ("eu", "doctor today"),
    ],
)
def test_an_urgent_verdict_says_where_to_get_help_today_in_the_country(country, where):
    """'Help today' names the reader's own same-day service and, if worse, their number."""
    result = triage(["RF-07b"], country)
    assert where in result.where
    assert f"call {EMERGENCY_NUMBERS[country]}" in result.where


def test_flags_come_most_urgent_first_then_in_checklist_order():
    """Ticked flags are ordered by urgency, ties in checklist order."""
    result = triage(["RF-09a", "RF-07a", "RF-05a", "RF-03a", "RF-01a", "RF-11a"])
    assert [f.id for f in result.flags] == [
        "RF-01a",
        "RF-11a",
        "RF-03a",
        "RF-07a",
        "RF-05a",
        "RF-09a",
    ]


def test_repeated_ids_count_once_and_any_iterable_works():
    """A repeated id appears once, and a generator of ids is accepted."""
    result = triage(i for i in ["RF-06a", "RF-06a"])
    assert [f.id for f in result.flags] == ["RF-06a"]


@pytest.mark.parametrize("ids", [["RF-99z"], ["RF-01a", "rf-01a"], [""], ["RF-07c"]])
def test_unknown_ids_raise_naming_the_id(ids):
    """An id not on the checklist (the retired RF-07c too) raises ValueError that names it."""
    bad = next(i for i in ids if i not in IDS)
    with pytest.raises(ValueError, match=re.escape(repr(bad))):
        triage(ids)


def test_unknown_country_raises():
    """A country without an emergency number raises ValueError."""
    with pytest.raises(ValueError, match="unknown country 'fr'"):
        triage(["RF-01a"], "fr")  # type: ignore[arg-type]  # a bad country on purpose


@given(st.sets(st.sampled_from(IDS)), st.sampled_from(COUNTRIES))
def test_triage_of_any_subset(ids, country):
    """For any subset: the top urgency wins, every flag once, only the country's number."""
    result = triage(sorted(ids), country)
    assert result.urgency == max((BY_ID[i].urgency for i in ids), default=Urgency.NONE)
    assert sorted(f.id for f in result.flags) == sorted(ids)
    urgencies = [f.urgency for f in result.flags]
    assert urgencies == sorted(urgencies, reverse=True)
    assert bool(result.message) is (result.urgency is not Urgency.NONE)
    assert result.where
    if result.urgency is Urgency.EMERGENCY:
        assert EMERGENCY_NUMBERS[country] in result.message
    said = " ".join((result.message, result.where, *result.notes))
    assert set(ANY_NUMBER.findall(said)) <= {EMERGENCY_NUMBERS[country]}
    assert "{" not in said


# --- the loader's errors --------------------------------------------------------------------

RAW = yaml.safe_load((CONTENT / "redflags.yaml").read_text(encoding="utf-8"))


def _flag0(data: dict[str, Any]) -> dict[str, Any]:
    flag: dict[str, Any] = data["groups"][0]["flags"][0]
    return flag


def _set(path: Callable[[dict[str, Any]], dict[str, Any]], key: str, value: object):
    def change(data: dict[str, Any]) -> None:
        path(data)[key] = value

    return change


def _drop(path: Callable[[dict[str, Any]], dict[str, Any]], key: str):
    def change(data: dict[str, Any]) -> None:
        del path(data)[key]

    return change


def _top(data: dict[str, Any]) -> dict[str, Any]:
    return data


def _group0(data: dict[str, Any]) -> dict[str, Any]:
    group: dict[str, Any] = data["groups"][0]
    return group


def _us(data: dict[str, Any]) -> dict[str, Any]:
    country: dict[str, Any] = data["countries"]["us"]
    return country


def _copy_first_flag(data: dict[str, Any]) -> None:
    data["groups"][0]["flags"].append(copy.deepcopy(_flag0(data)))


def _copy_first_symptom(data: dict[str, Any]) -> None:
    twin = copy.deepcopy(_flag0(data))
    twin["id"] = "RF-01z"
    data["groups"][0]["flags"].append(twin)


def _copy_first_heading(data: dict[str, Any]) -> None:
    data["groups"][1]["heading"] = data["groups"][0]["heading"]


LOADER_ERRORS = [
    ("top level a list", lambda d: d.clear() or d.update({"x": 1}), "expected exactly the keys"),
    ("verdicts missing", _drop(_top, "verdicts"), "expected exactly the keys"),
    ("unknown top key", _set(_top, "colour", "red"), "expected exactly the keys"),
    ("actions lack one", _drop(lambda d: d["actions"], "urgent"), "actions must give exactly"),
    (
        "verdict without number",
        _set(lambda d: d["verdicts"], "emergency", "Call now."),
        "must name",
    ),
    (
        "verdict names 999",
        _set(lambda d: d["verdicts"], "emergency", "Call 999 {number}"),
        "names an",
    ),
    ("countries lack us", _drop(lambda d: d["countries"], "us"), "countries must give exactly"),
    ("country lacks worried", _drop(_us, "worried"), "countries.us must give exactly"),
    ("country text names 911", _set(_us, "urgent", "Call 911."), "names an emergency number"),
    ("unknown placeholder", _set(_us, "urgent", "Call {numbr}."), "only {number} is allowed"),
    ("empty nothing_ticked", _set(_top, "nothing_ticked", "  "), "must be non-empty text"),
    ("groups empty", _set(_top, "groups", []), "groups must be a non-empty list"),
    ("group without flags", _drop(_group0, "flags"), "needs 'heading' and 'flags'"),
    ("group flags empty", _set(_group0, "flags", []), "'flags' must be a non-empty list"),
    ("group unknown key", _set(_group0, "colour", "red"), "needs 'heading' and 'flags'"),
    ("heading twice", _copy_first_heading, "is used twice"),
    ("flag id malformed", _set(_flag0, "id", "RF-1a"), "must be a fact id and a letter"),
    ("flag id not text", _set(_flag0, "id", 7), "must be a fact id and a letter"),
    ("flag id twice", _copy_first_flag, "id RF-01a is used twice"),
    ("symptom twice", _copy_first_symptom, "is listed twice"),
    ("urgency unknown", _set(_flag0, "urgency", "soon"), "urgency 'soon' must be one of"),
    ("urgency none", _set(_flag0, "urgency", "none"), "urgency 'none' must be one of"),
    ("cause a diagnosis", _set(_flag0, "cause", "cauda equina syndrome"), "never a diagnosis"),
    ("sources empty", _set(_flag0, "sources", []), "sources must list source ids"),
    ("source id malformed", _set(_flag0, "sources", ["NHS Sciatica"]), "sources must list"),
    ("unknown flag field", _set(_flag0, "colour", "red"), "unknown fields ['colour']"),
    ("missing symptom", _drop(_flag0, "symptom"), "missing fields ['symptom']"),
    ("empty symptom", _set(_flag0, "symptom", ""), "symptom must be non-empty text"),
    ("symptom names 112", _set(_flag0, "symptom", "Call 112"), "names an emergency number"),
    (
        "placeholder in action",
        _set(_flag0, "action", "Call {number}."),
        "no placeholder is allowed",
    ),
    ("stray brace in note", _set(_flag0, "note", "Call {number"), "only {number} is allowed"),
]


@pytest.mark.parametrize(
    ("name", "change", "message"), LOADER_ERRORS, ids=[c[0] for c in LOADER_ERRORS]
)
def test_a_mistake_in_the_checklist_file_is_a_content_error_naming_it(
    tmp_path: Path, name, change, message
):
    """Every kind of mistake raises ContentError naming redflags.yaml and the problem."""
    data = copy.deepcopy(RAW)
    change(data)
    path = tmp_path / "redflags.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError, match=r"^redflags\.yaml: ") as err:
        load_checklist(path)
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("text", "message"), [(None, "file not found"), ("groups: [", "not valid YAML")]
)
def test_a_missing_or_broken_file_is_a_content_error_naming_it(tmp_path: Path, text, message):
    """A missing file or broken YAML is a ContentError naming the file, not a crash."""
    path = tmp_path / "redflags.yaml"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=rf"^redflags\.yaml: {message}"):
        load_checklist(path)


def test_an_unchanged_copy_loads_to_the_same_checklist(tmp_path: Path):
    """The loader round-trips the real file, and triage can use a checklist it is handed."""
    path = tmp_path / "redflags.yaml"
    path.write_text(yaml.safe_dump(RAW, allow_unicode=True), encoding="utf-8")
    checklist = load_checklist(path)
    assert checklist == redflags.CHECKLIST
    assert triage(["RF-11a"], "us", checklist=checklist).message == "Call 911 now."


# --- wording elsewhere in the project -------------------------------------------------------

_SCANNED = [
    *sorted(CONTENT.rglob("*.md")),
    *sorted(CONTENT.rglob("*.yaml")),
    *sorted((ROOT / "lib").glob("*.py")),
    *sorted((ROOT / "ui").glob("*.py")),
    ROOT / "README.md",
]


# "weakness or numbness in both legs", "both legs hurt, feel weak" (not "both legs, numbness
# around the genitals", another sign).
_BOTH_LEGS_WEAK = re.compile(
    r"\b(?:weak|numb)\w*\b[^.;,]{0,30}\bboth legs|\bboth legs\b[^.;]{0,25}\bfeel (?:weak|numb)"
)


@pytest.mark.parametrize("path", _SCANNED, ids=lambda p: str(p.relative_to(ROOT)))
def test_weak_or_numb_both_legs_always_keeps_severe_or_getting_worse(path: Path):
    """Anywhere both legs are weak or numb, the NHS qualifier 'severe or getting worse' stays."""
    text = " ".join(path.read_text(encoding="utf-8").split())
    for sentence in re.split(r"(?<=[.!?;])\s+|\s+-\s+|\"", text):
        lower = sentence.lower()
        if _BOTH_LEGS_WEAK.search(lower):
            assert "severe or getting worse" in lower, sentence


def test_the_when_to_seek_care_article_covers_every_emergency_and_urgent_fact(sources):
    """Each emergency or urgent sign of the checklist is cited in /seek_care's article."""
    from lib.content import article_paths, load_article

    article = load_article(article_paths(CONTENT)["seek_care"], sources)
    missing = [
        f.id for f in RED_FLAGS if f.urgency >= U and not set(f.source_ids) & set(article.cited)
    ]
    assert missing == []
    for number in EMERGENCY_NUMBERS.values():
        assert f'href="tel:{number}"' in article.html


def test_statin_muscle_symptoms_say_contact_a_doctor_straight_away():
    """RF-08: muscle symptoms on a statin are urgent, and the action is to contact a doctor now."""
    (statin,) = [f for f in RED_FLAGS if f.fact_id == "RF-08"]
    assert statin.urgency == Urgency.URGENT
    assert "contact a doctor" in statin.action
    assert "straight away" in statin.action


@pytest.mark.parametrize(
    ("flag_id", "words"),
    [
        ("RF-02b", ("face",)),  # a drooping face on its own: no weakness needed
        ("RF-02b", ("speech",)),
        ("RF-02c", ("confusion",)),
        ("RF-02e", ("arms",)),
        ("RF-18a", ("went away",)),  # a TIA: a sign that passes is still an emergency
    ],
)
def test_any_single_stroke_sign_is_an_emergency_even_one_that_passes(flag_id, words):
    """FAST: any one sign on its own calls for the emergency number, even if it goes away."""
    flag = BY_ID[flag_id]
    assert flag.urgency == E
    assert all(w in flag.symptom.lower() for w in words), flag.symptom
    assert "weakness with" not in flag.symptom.lower()
    assert triage([flag_id], "us").message == "Call 911 now."


@pytest.mark.parametrize(
    ("flag_id", "urgency", "words"),
    [
        ("RF-19a", E, ("infection", "confused", "rash")),  # possible sepsis
        ("RF-20a", E, ("fall", "cannot get up", "floor")),  # hurt or a long lie after a fall
        ("RF-21a", E, ("chest", "breathing")),  # a clot in the lungs without leg signs
        ("RF-21b", U, ("breathing", "coughing up blood")),
        ("RF-14a", E, ("dark",)),  # rhabdomyolysis: any one symptom is enough
        ("RF-14b", E, ("muscle pain",)),
        ("RF-15a", E, ("shorter", "turns outwards")),  # a broken hip may still bear weight
    ],
)
def test_the_clinical_review_s_missing_emergencies_are_on_the_checklist(flag_id, urgency, words):
    """Sepsis, a long lie after a fall, a clot in the lungs alone, and the wider rhabdomyolysis
    and hip-fracture signs, each at the urgency its source gives."""
    flag = BY_ID[flag_id]
    assert flag.urgency == urgency
    assert all(w in flag.symptom.lower() for w in words), flag.symptom


# --- the review's open findings, closed (docs/clinical-safety.md section 5) -----------------

# Each new or changed sign: its group, its urgency, words its symptom must keep, and the
# source that gives it that urgency.
NEW_SIGNS = [
    ("RF-05b", "Spreading weakness", U, ("infection", "weakness"), "nhs-gbs-current"),
    ("RF-17c", "Back pain", E, ("back pain", "chest pain"), "nhs-back-pain"),
    ("RF-17d", "Back pain", U, ("back pain", "lost weight", "lump"), "nhs-back-pain"),
    (
        "RF-17e",
        "Back pain",
        U,
        ("rest", "night", "sneeze", "between your shoulders"),
        "nhs-back-pain",
    ),
    ("RF-23a", "Back and both legs", U, ("cancer", "back or neck pain", "sleeping"), "rnoh-mscc"),
    ("RF-06b", "One leg: blood flow and clots", A, ("sores", "do not heal"), "nhs-pad"),
    (
        "RF-22a",
        "Chest, breathing, or feeling very unwell",
        E,
        ("red, hot, swollen", "high temperature", "confused"),
        "nhs-cellulitis",
    ),
]


@pytest.mark.parametrize(("flag_id", "group", "urgency", "words", "source"), NEW_SIGNS)
def test_each_new_sign_sits_in_its_group_at_its_sources_urgency(
    flag_id, group, urgency, words, source
):
    """The sign is in the group a reader would look in, at the urgency its source gives."""
    flag = BY_ID[flag_id]
    assert flag.group == group
    assert flag.urgency == urgency
    assert all(w in flag.symptom.lower() for w in words), flag.symptom
    assert source in flag.source_ids
    assert flag.possible_cause.startswith("possible ")


@pytest.mark.parametrize(("flag_id", "group", "urgency", "words", "source"), NEW_SIGNS)
def test_each_new_sign_has_a_ledger_fact_citing_a_source_that_names_it_back(
    flag_id, group, urgency, words, source, sources
):
    """The ledger fact exists in section 5, quotes its source and cites it, and the source,
    dated and with a status, names the fact back; none rests on weak sources alone."""
    fact = LEDGER.facts[flag_id[:5]]
    assert fact.section == "5"
    assert '"' in fact.statement  # the source's own words, quoted
    assert source in fact.source_ids
    assert flag_id[:5] in sources[source].facts
    assert sources[source].accessed is not None
    assert not all(sources[s].weak for s in BY_ID[flag_id].source_ids)


@pytest.mark.parametrize(("flag_id", "group", "urgency", "words", "source"), NEW_SIGNS)
@pytest.mark.parametrize(("country", "number"), [("uk", "999"), ("us", "911"), ("eu", "112")])
def test_each_new_sign_gives_the_readers_own_number_and_no_other(
    flag_id, group, urgency, words, source, country, number
):
    """An emergency sign says to call the reader's number; every note fills in only theirs."""
    result = triage([flag_id], country)
    others = {n for n in EMERGENCY_NUMBERS.values() if n != number}
    text = " ".join((result.message, result.where, *result.notes))
    if urgency == E:
        assert result.message == f"Call {number} now."
    assert not any(re.search(rf"(?<!\d){o}(?!\d)", text) for o in others), text
    for note in result.notes:
        assert f"call {number}" in note


def test_a_red_hot_leg_stays_urgent_as_a_clot_and_names_cellulitis_with_its_999_signs():
    """RF-10a names cellulitis beside a clot without lowering its urgency, and its note gives
    the NHS cellulitis page's own emergency signs with the reader's number."""
    clot = BY_ID["RF-10a"]
    assert clot.urgency == U
    assert "deep vein thrombosis" in clot.possible_cause
    assert "cellulitis" in clot.possible_cause
    assert {"nhs-dvt", "nhs-cellulitis"} <= set(clot.source_ids)
    (note,) = triage(["RF-10a"], "us").notes
    assert "chest pain or sudden breathlessness, call 911 now" in note
    for sign in ("high temperature", "fast heartbeat", "confused", "cold, clammy"):
        assert sign in note
    assert note.count("call 911") == 2
    # Ticking the spreading-infection sign with it makes the whole verdict an emergency.
    assert triage(["RF-10a", "RF-22a"], "uk").urgency == E


def test_back_pain_with_cancer_is_same_day_and_points_to_the_emergency_signs():
    """RF-23a: the cancer team within 24 hours; with nerve signs, RF-13a's emergency."""
    flag = BY_ID["RF-23a"]
    assert "24 hours" in flag.action
    assert "cancer team" in flag.action
    (note,) = triage(["RF-23a"], "uk").notes
    assert "emergency" in note
    assert "call 999" in note
    assert triage(["RF-23a", "RF-13a"], "uk").urgency == E


def test_pad_sores_keep_the_nhs_level_and_say_when_to_go_sooner():
    """RF-06b: the NHS gives PAD symptoms 'see a GP'; sudden worsening today, a cold leg 999."""
    (note,) = triage(["RF-06b"], "eu").notes
    assert "today" in note
    assert "call 112 now" in note
    assert "ulcers (open sores)" in LEDGER.facts["RF-06"].statement


def test_back_pain_with_chest_pain_outranks_the_urgent_back_pain_signs():
    """Chest pain with back pain is 999 whatever else is ticked (NHS back pain)."""
    result = triage(["RF-17d", "RF-17e", "RF-17b", "RF-17c"], "uk")
    assert result.urgency == E
    assert result.flags[0].id == "RF-17c"
