"""Unit tests of lib.facts: the evidence ledger loads, and a broken one is refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from lib import facts
from lib.content import ContentError
from tests.conftest import FACTS, LEDGER

GOOD = """
facts:
- id: PA-02
  section: 1a
  statement: Adults need weekly aerobic activity.
  numbers: 150-300 min/week moderate
  source: HHS 2018
  sources: [hhs2018]
  status: verified
- id: RF-11
  section: '5'
  statement: A suddenly pale, cold leg is an emergency.
  values: {action: Call 999 now.}
  sources: [healthnz-limb-ischaemia]
  status: secondary
  corrected: {date: 2026-12-01, was: urgent, why: it is an emergency, formerly: RF-07a}
sections:
- {id: 1a, title: US guidelines, notes: The US guidelines.}
- {id: '5', title: Red flags}
"""
PATH = Path("facts.yaml")


def test_good_ledger_parses_into_typed_facts():
    """Each field lands in its typed place, corrections included."""
    ledger = facts.parse_ledger(GOOD, PATH)
    assert list(ledger.facts) == ["PA-02", "RF-11"]
    pa02 = ledger.facts["PA-02"]
    assert (pa02.numbers, pa02.source_ids, pa02.status, pa02.corrected) == (
        "150-300 min/week moderate",
        ("hhs2018",),
        "verified",
        None,
    )
    rf11 = ledger.facts["RF-11"]
    assert rf11.values == {"action": "Call 999 now."}
    assert rf11.corrected == facts.Correction(
        "2026-12-01", "urgent", "it is an emergency", "RF-07a"
    )
    assert rf11.text == "A suddenly pale, cold leg is an emergency. | Call 999 now."


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("id: PA-02", "id: PA2"), "malformed fact id"),
        (("id: RF-11\n  section: '5'", "id: PA-02\n  section: '5'"), "PA-02 is defined twice"),
        (("status: verified", "status: maybe"), "'status' must be one of"),
        (("section: 1a", "section: 9z"), "unknown section '9z'"),
        (("  sources: [hhs2018]\n", ""), "missing fields \\['sources'\\]"),
        (("  source: HHS 2018\n", "  source: HHS 2018\n  colour: red\n"), "unknown fields"),
        (("sources: [hhs2018]", "sources: hhs2018"), "'sources' must be a list"),
        (("statement: Adults need weekly aerobic activity.", "statement: ''"), "non-empty"),
        (("why: it is an emergency, ", ""), "corrected.why"),
        (("formerly: RF-07a", "who: me"), "unknown 'corrected' fields"),
        (("sections:", "chapters:"), "exactly the keys"),
        (("- {id: '5', title: Red flags}", "- {id: 1a, title: Again}"), "defined twice"),
        (("facts:\n", "facts: [\n"), "not valid YAML"),
    ],
)
def test_broken_ledger_is_refused_naming_the_file(change, message):
    """Every kind of mistake is a ContentError that names facts.yaml and says what is wrong."""
    old, new = change
    assert old in GOOD
    with pytest.raises(ContentError, match=message) as raised:
        facts.parse_ledger(GOOD.replace(old, new), PATH)
    assert str(raised.value).startswith("facts.yaml: ")


def test_the_real_ledger_lives_in_the_repository():
    """The project's own ledger loads from content/, with every fact id the code uses."""
    assert FACTS.is_relative_to(Path(__file__).resolve().parents[2])
    assert len(LEDGER.facts) > 100
    assert {"PA-02", "PR-01", "ML-01", "DU-04", "SC-01", "SC-41", "RF-10", "RF-11"} <= set(
        LEDGER.facts
    )


def test_unverified_facts_are_not_usable():
    """A fact whose status is unverified may not have its number shown."""
    assert not LEDGER.facts["PR-12"].usable
    assert LEDGER.facts["PR-01"].usable
