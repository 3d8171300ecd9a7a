"""The self-check and the warning-signs checklist under AppTest."""

from __future__ import annotations

import pytest

from lib import redflags
from tests.app.test_pages import open_page, texts
from tests.conftest import CONTENT

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
        "### Aerobic activity: meets the guideline",
        "### Strength training: not met yet",
        "### Balance activity (65 and over): not met yet",
        "### Protein: partly met",
    ]
    body = texts(at)
    assert "150 moderate-equivalent minutes" in body
    assert "0.86 g/kg" in body
    assert "1.0 to 1.2 g/kg" in body


def test_us_guideline_gives_no_balance_day_count():
    """Switching to the US 2018 guideline changes the balance rule and says so."""
    at = open_page("pages/self_check.py", {**EXAMPLE, "guideline": "us", "balance_days": "1"})
    assert "### Balance activity (65 and over): meets the guideline" in headings(at)
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
    assert "### Protein: no target for you here" in headings(at)
    assert "clinician" in texts(at)


def test_meal_helper_fills_in_the_daily_total():
    """Adding up meals and pressing the button sets the protein box, which is kept."""
    at = open_page("pages/self_check.py", EXAMPLE)
    for name, grams in (("breakfast", 10), ("lunch", 20), ("dinner", 30), ("snacks", 5)):
        at.number_input(key=f"meal_{name}").set_value(grams).run()
    at.button[0].click().run()
    assert at.number_input(key="protein_g").value == 65
    assert "25-30 g of protein at each main meal after 65. Below that here: breakfast" in texts(at)


def test_results_link_to_the_warning_signs_and_offer_a_summary():
    """Every result view links to the checklist and offers the printable summary."""
    at = open_page("pages/self_check.py", EXAMPLE)
    links = [p.proto.page for p in at.get("page_link")]
    assert "red_flags" in links
    assert at.get("download_button")


# One sign for each fact and level of urgency (the unit tests check every sign's level).
_ONE_PER_LEVEL = list({(f.fact_id, f.urgency): f for f in redflags.RED_FLAGS}.values())


@pytest.mark.parametrize("flag", _ONE_PER_LEVEL, ids=lambda f: f.id)
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


@pytest.mark.parametrize(("country", "number"), [("uk", "999"), ("us", "911"), ("eu", "112")])
def test_a_limb_ischaemia_sign_shows_the_emergency_call_at_the_top(country, number):
    """Ticking 'You cannot move your leg' (RF-11) puts 'Call <the reader's number> now' first,
    with a tel: link a phone can call."""
    at = open_page("pages/red_flags.py", {"country": country})
    at.checkbox(key="rf_RF-11b").check().run()
    assert not at.exception
    assert at.error[0].value.startswith(f"# Call {number} now.")
    assert "acute limb ischaemia" in at.error[0].value
    order = [e.type for e in at.main if e.type in {"title", "error"}]
    assert order[0] == "error"
    calls = [h.proto.body for h in at.get("html") if "tel:" in h.proto.body]
    # The verdict's call link, then the result bar's (which stays in view as the reader ticks).
    assert calls[0] == (
        f'<p style="font-size:1.5rem;font-weight:700;margin:0.2rem 0 0.8rem 0">'
        f'<a href="tel:{number}">Tap to call {number}</a></p>'
    )
    assert len(calls) == 2
    assert 'class="lme-result lme-result-error"' in calls[1]
    assert f'<a href="tel:{number}">Tap to call {number}</a>' in calls[1]


def test_a_ticked_emergency_is_also_shown_where_it_was_ticked():
    """On a phone the top may be out of sight: the call is repeated right under the sign."""
    at = open_page("pages/red_flags.py", {"country": "eu"})
    at.checkbox(key="rf_RF-15a").check().run()
    assert len(at.error) == 2
    assert at.error[0].value.startswith("# Call 112 now.")
    # Beside the sign the number is a tap-to-call link, as everywhere the app shows it.
    assert at.error[1].value.startswith("**Call [112](tel:112) now.** Call the emergency number")
    main = list(at.main)
    beside = next(i for i, e in enumerate(main) if e is at.error[1])
    box = next(i for i, e in enumerate(main) if e.type == "checkbox" and e.key == "rf_RF-15a")
    assert beside == box + 1


def test_emergency_outranks_everything_and_uses_the_countrys_number():
    """With an emergency sign and a GP-level sign ticked, the 911 call comes first."""
    at = open_page("pages/red_flags.py", {"country": "us"})
    emergency = next(f for f in redflags.RED_FLAGS if f.urgency == redflags.Urgency.EMERGENCY)
    routine = next(f for f in redflags.RED_FLAGS if f.urgency == redflags.Urgency.APPOINTMENT)
    at.checkbox(key=f"rf_{routine.id}").check().run()
    at.checkbox(key=f"rf_{emergency.id}").check().run()
    assert at.error[0].value.startswith("# Call 911 now.")
    assert not at.info or "Book" not in at.info[0].value


@pytest.mark.parametrize(
    ("country", "service"),
    [("uk", "NHS 111"), ("us", "urgent care"), ("eu", "contact your doctor")],
)
def test_nothing_ticked_is_no_all_clear(country, service):
    """With nothing ticked: no green box or tick, but what the list cannot rule out and
    where to turn in the reader's country."""
    at = open_page("pages/red_flags.py", {"country": country})
    assert not at.exception
    assert not at.success
    assert not at.error
    assert not at.warning
    (box,) = at.info
    assert box.value.startswith("Nothing is ticked. That does not mean nothing is wrong.")
    assert service in box.value
    number = redflags.EMERGENCY_NUMBERS[country]
    assert f"call [{number}](tel:{number})" in box.value
    assert box.proto.icon != ":material/check_circle:"
    assert "None of the warning signs" not in texts(at)


def test_the_checklist_shows_its_groups_and_the_spreading_weakness_warning():
    """The signs sit under their plain headings; spreading weakness is named an emergency."""
    at = open_page("pages/red_flags.py", {"country": "us"})
    assert [h.value for h in at.header] == [g.heading for g in redflags.GROUPS]
    assert len(at.checkbox) == len(redflags.RED_FLAGS)
    body = texts(at)
    assert "spreads or gets worse over hours or days is an emergency" in body
    assert "it is an emergency: call 911 now" in body
    assert "999" not in body.replace("UK (999)", "")


def test_results_link_to_a_plan_that_starts_from_them():
    """The self-check offers a plan whose aerobic start is the reader's own minutes."""
    at = open_page("pages/self_check.py", EXAMPLE)
    link = next(p for p in at.get("page_link") if "weekly plan" in p.proto.label)
    assert "now=150" in link.proto.query_string  # 100 moderate + 2 x 25 vigorous
    assert "age=70" in link.proto.query_string
    plan_page = open_page("pages/plan.py", {"now": "150", "age": "70"})
    assert "from 150 minutes in week 1" in texts(plan_page)


def test_met_guideline_is_not_a_clean_bill_of_health():
    """A met pillar shows no green tick and says it is about activity, not a health check."""
    at = open_page("pages/self_check.py", EXAMPLE)
    body = texts(at)
    assert "check_circle" not in body
    assert "You meet the WHO 2020 activity guideline" in body
    assert "That is about activity, not a health check." in body
    assert "not a health check" in at.info[0].value  # the intro above the results


def test_broken_guideline_file_shows_its_error_not_a_crash(content_copy, monkeypatch):
    """A mistake in guidelines.yaml is named on the page, and no verdict is shown."""
    path = content_copy / "guidelines.yaml"
    path.write_text(path.read_text("utf-8").replace("met_caveat:", "caveat:"), "utf-8")
    monkeypatch.setenv("EXPLORER_CONTENT_DIR", str(content_copy))
    at = open_page("pages/self_check.py", EXAMPLE)
    assert not at.exception
    assert "guidelines.yaml" in at.error[0].value
    assert not headings(at)


def test_printed_self_check_says_a_met_guideline_is_not_a_health_check():
    """The printable summary carries the intro notice and each met pillar's caveat."""
    from lib import guidelines, report
    from ui.selfcheck import summary_report

    text = guidelines.load_text(CONTENT / "guidelines.yaml")
    week = guidelines.Inputs(70, 70, 200, 0, 3, True, 3, 80, False, False, False, "who")
    page = report.printable_html(summary_report(guidelines.assess(week, text), None, text))
    assert text.intro in page
    assert page.count("not a health check.") >= 4
    assert "Meets the guideline." in page


def test_the_self_check_offers_a_one_page_pdf():
    """Beside its HTML summary, the self-check offers a one-page PDF for the chosen paper."""
    at = open_page("pages/self_check.py", {**EXAMPLE, "country": "eu", "paper": "letter"})
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download one page (PDF, US Letter)" in labels
    assert at.button_group(key="country").value == "eu"
