"""Unit tests of lib.redflags: the red-flag checklist and its triage (ledger section 5)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.content import Source, load_sources
from lib.redflags import EMERGENCY_NUMBERS, RED_FLAGS, Urgency, triage
from tests.conftest import CONTENT

IDS = [f.id for f in RED_FLAGS]


@pytest.fixture(scope="module")
def sources() -> dict[str, Source]:
    return load_sources(CONTENT / "sources.yaml")


@pytest.mark.parametrize(
    ("fact_id", "urgency"),
    [
        ("RF-01", Urgency.EMERGENCY),
        ("RF-02", Urgency.EMERGENCY),
        ("RF-03", Urgency.EMERGENCY),
        ("RF-04", Urgency.EMERGENCY),
        ("RF-05", Urgency.APPOINTMENT),
        ("RF-06", Urgency.APPOINTMENT),
        ("RF-07", Urgency.URGENT),
        ("RF-08", Urgency.URGENT),
        ("RF-09", Urgency.APPOINTMENT),
    ],
)
def test_every_fact_is_on_the_checklist_at_its_urgency(fact_id, urgency):
    """Each red flag of the ledger appears, and all its symptoms carry the stated urgency."""
    flags = [f for f in RED_FLAGS if f.fact_id == fact_id]
    assert flags
    assert {f.urgency for f in flags} == {urgency}


@pytest.mark.parametrize(
    ("fact_id", "source_ids"),
    [
        ("RF-01", ("nhs-sciatica",)),
        ("RF-02", ("clevelandclinic-paralysis", "mayo-weakness")),
        ("RF-03", ("nhs-gbs", "mayo-gbs")),
        ("RF-04", ("merck-weakness",)),
        ("RF-05", ("mayo-weakness",)),
        ("RF-06", ("nhs-pad",)),
        ("RF-07", ("nhs-pad",)),
        ("RF-08", ("nhs-statins",)),
        ("RF-09", ("bordelon2009",)),
    ],
)
def test_each_fact_cites_its_sources(fact_id, source_ids):
    """Every symptom of a fact cites that fact's sources."""
    assert {f.source_ids for f in RED_FLAGS if f.fact_id == fact_id} == {source_ids}


def test_source_ids_exist_and_state_the_fact(sources):
    """Every cited source is in sources.yaml and lists the red flag it is cited for."""
    for flag in RED_FLAGS:
        for source_id in flag.source_ids:
            assert source_id in sources, source_id
            assert flag.fact_id in sources[source_id].facts, (flag.id, source_id)


@pytest.mark.parametrize(
    "words",
    [
        ("both legs", "sciatica"),
        ("both legs", "severe or getting worse"),
        ("genitals", "anus"),
        ("pee", "bladder or bowels"),
    ],
)
def test_cauda_equina_is_split_into_its_four_signs(words):
    """RF-01 is four separate checklist symptoms, one for each sign the ledger lists."""
    matches = [
        f for f in RED_FLAGS if f.fact_id == "RF-01" and all(w in f.symptom.lower() for w in words)
    ]
    assert len(matches) == 1


def test_checklist_entries_are_well_formed():
    """Ids are unique RF-NNx under their fact, and every entry has words and a possible cause."""
    assert len(set(IDS)) == len(IDS)
    for flag in RED_FLAGS:
        assert re.fullmatch(r"RF-0[1-9][a-z]", flag.id)
        assert flag.id.startswith(flag.fact_id)
        assert flag.symptom
        assert flag.action
        assert flag.possible_cause.startswith("possible ")


def test_statin_flag_says_stop_and_contact_a_doctor_or_111():
    """RF-08 tells the reader to stop and contact a doctor or NHS 111, as the ledger gives it."""
    (statin,) = [f for f in RED_FLAGS if f.fact_id == "RF-08"]
    assert statin.action.startswith("Stop")
    assert "doctor or NHS 111" in statin.action


def test_emergency_numbers():
    """The UK, US and EU emergency numbers are 999, 911 and 112."""
    assert dict(EMERGENCY_NUMBERS) == {"uk": "999", "us": "911", "eu": "112"}


def test_nothing_ticked_is_no_urgency():
    """An empty checklist gives NONE, no flags and no message."""
    result = triage([])
    assert (result.urgency, result.flags, result.message) == (Urgency.NONE, (), "")


@pytest.mark.parametrize(("country", "message"), [("uk", "999"), ("us", "911"), ("eu", "112")])
def test_emergency_message_gives_the_countrys_number(country, message):
    """An emergency says to call the reader's own emergency number now."""
    assert triage(["RF-02a"], country).message == f"Call {message} now."


@pytest.mark.parametrize(
    ("ids", "urgency", "message"),
    [
        (["RF-01b"], Urgency.EMERGENCY, "Call 999 now."),
        (["RF-07b"], Urgency.URGENT, "Get medical help today."),
        (["RF-08a"], Urgency.URGENT, "Get medical help today."),
        (["RF-06a"], Urgency.APPOINTMENT, "Book an appointment with your doctor."),
        (["RF-09a", "RF-05a"], Urgency.APPOINTMENT, "Book an appointment with your doctor."),
        (["RF-06a", "RF-07a"], Urgency.URGENT, "Get medical help today."),
        (["RF-06a", "RF-08a", "RF-04a"], Urgency.EMERGENCY, "Call 999 now."),
    ],
)
def test_the_most_urgent_flag_wins(ids, urgency, message):
    """The triage takes the highest urgency among the ticked symptoms."""
    result = triage(ids)
    assert (result.urgency, result.message) == (urgency, message)


def test_flags_come_most_urgent_first_then_in_checklist_order():
    """Ticked flags are ordered by urgency, ties in checklist order."""
    result = triage(["RF-09a", "RF-07a", "RF-05a", "RF-03a", "RF-01a"])
    assert [f.id for f in result.flags] == ["RF-01a", "RF-03a", "RF-07a", "RF-05a", "RF-09a"]


def test_repeated_ids_count_once_and_any_iterable_works():
    """A repeated id appears once, and a generator of ids is accepted."""
    result = triage(i for i in ["RF-06a", "RF-06a"])
    assert [f.id for f in result.flags] == ["RF-06a"]


@pytest.mark.parametrize("ids", [["RF-99z"], ["RF-01a", "rf-01a"], [""]])
def test_unknown_ids_raise_naming_the_id(ids):
    """An id not on the checklist raises ValueError that names it."""
    bad = next(i for i in ids if i not in IDS)
    with pytest.raises(ValueError, match=re.escape(repr(bad))):
        triage(ids)


def test_unknown_country_raises():
    """A country without an emergency number raises ValueError."""
    with pytest.raises(ValueError, match="unknown country 'fr'"):
        triage(["RF-01a"], "fr")  # type: ignore[arg-type]  # a bad country on purpose


@given(st.lists(st.sampled_from(IDS), max_size=12), st.sampled_from(["uk", "us", "eu"]))
def test_triage_urgency_is_the_maximum_of_the_selection(ids, country):
    """For any selection, the urgency is the highest selected and every flag is listed once."""
    result = triage(ids, country)
    by_id = {f.id: f for f in RED_FLAGS}
    assert result.urgency == max((by_id[i].urgency for i in ids), default=Urgency.NONE)
    assert sorted(f.id for f in result.flags) == sorted(set(ids))
    urgencies = [f.urgency for f in result.flags]
    assert urgencies == sorted(urgencies, reverse=True)
    assert bool(result.message) is (result.urgency is not Urgency.NONE)
