"""The self-check and the warning-signs checklist under AppTest."""

from __future__ import annotations

import pytest

from lib import redflags
from tests.app.test_pages import open_page, texts

EXAMPLE = {
    "age": "70",
    "weight": "70",
    "moderate": "100",
    "vigorous": "25",
    "strength_days": "1",
    "balance_days": "0",
    "protein_g": "60",
}


def headings(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("### ")]


def test_issue_example_deep_link():
    """The documented link: aerobic met, strength and balance not met, 0.86 g/kg below 1.0-1.2."""
    at = open_page("pages/self_check.py", EXAMPLE)
    assert not at.exception
    assert headings(at) == [
        "### Aerobic activity: met",
        "### Strength training: not met",
        "### Balance activity (65 and over): not met",
        "### Protein: partly met",
    ]
    body = texts(at)
    assert "150 moderate-equivalent minutes" in body
    assert "0.86 g/kg" in body
    assert "1.0 to 1.2 g/kg" in body


def test_us_guideline_gives_no_balance_day_count():
    """Switching to the US 2018 guideline changes the balance rule and says so."""
    at = open_page("pages/self_check.py", {**EXAMPLE, "guideline": "us", "balance_days": "1"})
    assert "### Balance activity (65 and over): met" in headings(at)
    assert "no day count" in texts(at).lower()


def test_pounds_are_converted():
    """154 lb is read as about 70 kg, so protein per kg matches the kg example."""
    at = open_page("pages/self_check.py", {**EXAMPLE, "unit": "lb", "weight": "154.3"})
    assert "0.86 g/kg" in texts(at)


def test_switching_unit_converts_the_typed_weight():
    """Changing kg to lb keeps the same body weight rather than reading 70 as 70 lb."""
    at = open_page("pages/self_check.py", EXAMPLE)
    at.button_group(key="unit").set_value("lb").run()
    assert at.number_input(key="weight").value == pytest.approx(154.3, abs=0.1)
    assert "0.86 g/kg" in texts(at)


@pytest.mark.parametrize(
    ("query", "key", "value", "note"),
    [
        ({"weight": "0"}, "weight", 25.0, "so 25 is shown"),
        ({"weight": "-70"}, "weight", 25.0, "so 25 is shown"),
        ({"moderate": "1000000000"}, "moderate", 3000, "so 3000 is shown"),
        ({"moderate": "-5"}, "moderate", 0, "so 0 is shown"),
        ({"vigorous": "lots"}, "vigorous", 0, "is not a number"),
        ({"strength_days": "9"}, "strength_days", 7, "so 7 is shown"),
        ({"protein_g": "NaN"}, "protein_g", 0, "is not a number"),
        ({"age": "12"}, "age", 18, "so 18 is shown"),
    ],
)
def test_bad_values_get_a_note_and_a_sensible_value(query, key, value, note):
    """Negative, huge, text or zero values never crash: they are replaced and explained."""
    at = open_page("pages/self_check.py", {**EXAMPLE, **query})
    assert not at.exception
    assert at.number_input(key=key).value == value
    assert note in texts(at)


def test_unknown_guideline_and_unit_fall_back():
    """?guideline=nhs and ?unit=stone fall back to WHO and kg with notes."""
    at = open_page("pages/self_check.py", {**EXAMPLE, "guideline": "nhs", "unit": "stone"})
    assert at.button_group(key="guideline").value == "who"
    assert at.button_group(key="unit").value == "kg"
    assert "is not one of who, us" in texts(at)


def test_kidney_disease_sets_no_protein_target():
    """With kidney disease the protein pillar has no target and defers to the clinician."""
    at = open_page("pages/self_check.py", {**EXAMPLE, "kidney": "true"})
    assert "### Protein: no target" in headings(at)
    assert "clinician" in texts(at)


def test_meal_helper_fills_in_the_daily_total():
    """Adding up meals and pressing the button sets the protein box, which is kept."""
    at = open_page("pages/self_check.py", EXAMPLE)
    for name, grams in (("breakfast", 10), ("lunch", 20), ("dinner", 30), ("snacks", 5)):
        at.number_input(key=f"meal_{name}").set_value(grams).run()
    at.button[0].click().run()
    assert at.number_input(key="protein_g").value == 65
    assert "breakfast" in texts(at).lower()  # below 25 g at breakfast, flagged for 65+


def test_results_link_to_the_warning_signs_and_offer_a_summary():
    """Every result view links to the checklist and offers the printable summary."""
    at = open_page("pages/self_check.py", EXAMPLE)
    links = [p.proto.page for p in at.get("page_link")]
    assert "red_flags" in links
    assert at.get("download_button")


@pytest.mark.parametrize("flag", redflags.RED_FLAGS, ids=lambda f: f.id)
def test_every_red_flag_gives_its_verdict_first(flag):
    """Ticking any one sign puts its level of advice at the very top of the page."""
    at = open_page("pages/red_flags.py", {"country": "us"})
    at.checkbox(key=f"rf_{flag.id}").check().run()
    assert not at.exception
    boxes = {
        redflags.Urgency.EMERGENCY: at.error,
        redflags.Urgency.URGENT: at.warning,
        redflags.Urgency.APPOINTMENT: at.info,
    }[flag.urgency]
    assert boxes
    assert boxes[0].value.split("\n")[0].lstrip("# ") == redflags.triage([flag.id], "us").message
    # The verdict sits in the container drawn before the title: above everything else.
    order = [e.type for e in at.main if e.type in {"title", "error", "warning", "info"}]
    assert order.index("title") > 0


def test_emergency_outranks_everything_and_uses_the_countrys_number():
    """With an emergency sign and a GP-level sign ticked, the 911 call comes first."""
    at = open_page("pages/red_flags.py", {"country": "us"})
    emergency = next(f for f in redflags.RED_FLAGS if f.urgency == redflags.Urgency.EMERGENCY)
    routine = next(f for f in redflags.RED_FLAGS if f.urgency == redflags.Urgency.APPOINTMENT)
    at.checkbox(key=f"rf_{routine.id}").check().run()
    at.checkbox(key=f"rf_{emergency.id}").check().run()
    assert at.error[0].value.startswith("# Call 911 now.")
    assert not at.info or "Book" not in at.info[0].value


def test_no_sign_ticked_says_so():
    """With nothing ticked, the page says no warning sign is ticked."""
    at = open_page("pages/red_flags.py")
    assert "None of the warning signs is ticked" in at.success[0].value


def test_results_link_to_a_plan_that_starts_from_them():
    """The self-check offers a plan whose aerobic start is the reader's own minutes."""
    at = open_page("pages/self_check.py", EXAMPLE)
    link = next(p for p in at.get("page_link") if "weekly plan" in p.proto.label)
    assert "now=150" in link.proto.query_string  # 100 moderate + 2 x 25 vigorous
    assert "age=70" in link.proto.query_string
    plan_page = open_page("pages/plan.py", {"now": "150", "age": "70"})
    assert "from 150 minutes in week 1" in texts(plan_page)
