"""Chart specs: assert on parts of to_dict(), never the whole dict."""

from __future__ import annotations

import pytest

from lib import charts, projection, screening
from lib.projection import project
from tests.conftest import CONTENT

SCREENING_TEXT = screening.load_text(CONTENT / "screening.yaml")


def layer_marks(spec: dict) -> list[str]:
    marks = []
    for layer in spec["layer"]:
        mark = layer["mark"]
        marks.append(mark if isinstance(mark, str) else mark["type"])
    return marks


def test_projection_chart_layers_and_titles():
    """Band, rules, line and marker, each typed and titled, with a description for readers."""
    p = project(age_years=80, rate_pct_per_decade=8)
    spec = charts.projection_chart(p).to_dict()
    assert layer_marks(spec) == ["area", "rule", "line", "point", "text", "text"]
    assert spec["description"] == p.summary
    assert "illustration of population averages" in spec["title"]["text"]
    band = spec["layer"][0]["encoding"]
    assert band["y"]["type"] == "quantitative"
    assert band["y"]["title"] == "Leg muscle mass (% of the value at 30)"
    assert spec["layer"][0]["encoding"]["x"]["title"] == "Age (years)"
    assert all(t.get("title") for t in band["tooltip"])


def test_projection_chart_marks_the_readers_age():
    """The diamond marker sits at the reader's age only."""
    p = project(age_years=72, rate_pct_per_decade=5)
    spec = charts.projection_chart(p).to_dict()
    marker = spec["layer"][3]
    rows = spec["datasets"][marker["data"]["name"]]
    assert [r["age"] for r in rows] == [72]


def test_rules_at_30_and_60():
    """Dashed rules mark where loss starts and where it speeds up."""
    spec = charts.projection_chart(project(age_years=50, rate_pct_per_decade=5)).to_dict()
    rule = spec["layer"][1]
    assert [r["age"] for r in spec["datasets"][rule["data"]["name"]]] == [30, 60]
    assert rule["mark"]["strokeDash"] == [4, 4]


@pytest.mark.parametrize("measure", ["mass", "strength"])
@pytest.mark.parametrize("days", [0, 10])
def test_rules_at_30_and_60_say_what_they_are(measure, days):
    """Each dashed rule has its words drawn beside it; the summary and the table say the same."""
    p = project(age_years=50, rate_pct_per_decade=5, measure=measure, bedrest_days=days)
    spec = charts.projection_chart(p).to_dict()
    (labels,) = [
        layer
        for layer in spec["layer"]
        if layer["data"]["name"] == "thresholds" and layer["mark"]["type"] == "text"
    ]
    assert labels["encoding"]["text"]["field"] == "label"
    assert labels["mark"]["lineBreak"] == "\n"
    assert labels["mark"]["align"] == "left"  # to the right of its line, not across it
    rows = {r["age"]: r for r in spec["datasets"]["thresholds"]}
    assert rows[30]["label"] == "Reviews: loss\nstarts at 30"
    assert rows[60]["label"] == "Reviews: loss\nfaster after 60"
    # The same words in the tooltip, the data table's marker column and the summary.
    table = {r["age"]: r["marker"] for r in p.rows()}
    assert table[30] == rows[30]["note"] == "Reviews: loss starts at 30"
    assert table[60] == rows[60]["note"] == "Reviews: loss faster after 60"
    assert [a for a, m in table.items() if m] == [30, 60]
    assert "dashed lines mark 30, where reviews say muscle loss starts" in p.summary
    assert "60, after which they say it is faster" in p.summary


def test_episode_adds_the_recovery_range_and_a_start_rule():
    """A spell in bed adds the orange range area and a rule at its age."""
    p = project(age_years=80, rate_pct_per_decade=5, bedrest_age_years=67, bedrest_days=10)
    spec = charts.projection_chart(p).to_dict()
    assert layer_marks(spec) == ["area", "area", "rule", "line", "point", "text", "text", "rule"]
    assert spec["layer"][1]["mark"]["color"] == charts.ORANGE


def test_strength_chart_can_show_mass_for_comparison():
    """In the strength view, the mass path is drawn as a dashed reference line."""
    strength = project(age_years=80, rate_pct_per_decade=5, measure="strength")
    mass = project(age_years=80, rate_pct_per_decade=5)
    spec = charts.projection_chart(strength, mass).to_dict()
    assert spec["layer"][0]["encoding"]["y"]["title"].startswith("Leg strength")
    assert spec["layer"][-1]["mark"]["strokeDash"] == [2, 3]


def test_episode_chart_uses_colour_and_dash():
    """Size and strength differ by colour and by dash, so colour is never the only cue."""
    p = project(age_years=70, rate_pct_per_decade=5, bedrest_days=14)
    spec = charts.episode_chart(p).to_dict()
    lines = spec["layer"][1]["encoding"]
    assert lines["color"]["field"] == "series"
    assert lines["strokeDash"]["field"] == "series"
    assert spec["description"] == p.episode_summary


def test_frames_match_the_model():
    """The tables behind the charts hold the model's numbers, one row per age or day."""
    p = project(age_years=70, rate_pct_per_decade=5, bedrest_days=5)
    assert len(p.rows()) == 71
    assert len(charts.episode_rows(p)) == 6 + 28


def _assessment(**changes):
    from lib import guidelines

    values = {
        "age_years": 70, "weight_kg": 70, "moderate_min_per_week": 100, "vigorous_min_per_week": 25,
        "strength_days_per_week": 1, "strength_works_legs": True, "balance_days_per_week": 0,
        "protein_g_per_day": 60, "kidney_disease": False, "recent_illness": False, "active": False,
        "guideline": "who",
    }  # fmt: skip
    return guidelines.assess(
        guidelines.Inputs(**{**values, **changes}),
        guidelines.load_text(CONTENT / "guidelines.yaml"),
    )


PILLAR_ROWS = ["Aerobic activity", "Strength training", "Balance activity", "Protein"]


def test_guideline_chart_bars_words_and_target():
    """Bars per rated pillar, the status in words beside each, and a labelled 100% target."""
    spec = charts.guideline_chart(_assessment()).to_dict()
    assert layer_marks(spec) == ["rule", "bar", "text", "text"]
    rows = spec["datasets"]["pillars"]
    assert [r["pillar"] for r in rows] == PILLAR_ROWS
    assert rows[0]["pct_of_target"] == 100
    assert spec["layer"][2]["encoding"]["text"]["field"] == "status"
    assert spec["layer"][3]["encoding"]["text"]["field"] == "label"
    assert spec["datasets"]["target"] == [{"pct": 100, "note": "Target (100%)", "label": "Target"}]
    assert spec["description"].startswith("1 of 4 targets met")
    # The key is a label on the chart, not a subtitle a narrow screen can cut.
    assert "subtitle" not in spec["title"]


def test_guideline_chart_keeps_a_row_for_every_pillar_at_zero_and_without_a_target():
    """All inputs at 0 and kidney disease (no protein target): still four rows, same height."""
    assessment = _assessment(
        age_years=40, moderate_min_per_week=0, vigorous_min_per_week=0,
        strength_days_per_week=0, protein_g_per_day=0, kidney_disease=True,
    )  # fmt: skip
    spec = charts.guideline_chart(assessment).to_dict()
    rows = spec["datasets"]["pillars"]
    assert [r["pillar"] for r in rows] == PILLAR_ROWS
    assert rows[3]["status"] == "no target"
    assert rows[3]["pct_of_target"] is None
    assert spec["height"] == 4 * charts.GUIDELINE_ROW_PX
    assert spec["height"] == charts.guideline_chart(_assessment()).to_dict()["height"]
    y = spec["layer"][1]["encoding"]["y"]
    assert y["axis"]["labelOverlap"] is False  # Streamlit's theme would hide every other label


def test_finish_fits_width_only_and_wraps_titles():
    """`finish` keeps the chart's height for the plot, adds the shared config, wraps titles."""
    spec = charts.projection_chart(project(age_years=50, rate_pct_per_decade=5)).to_dict()
    before = repr(spec)
    done = charts.finish(spec)
    assert repr(spec) == before  # the chart's own spec is left alone
    assert done["autosize"] == {"type": "fit-x", "contains": "padding"}
    assert set(done["padding"].values()) == {charts.CHART_PADDING_PX}  # an object: see finish
    assert done["config"]["axis"]["labelColor"] == charts.AXIS_INK
    assert done["config"]["view"] == spec["config"]["view"]  # the chart's own config kept
    title = done["title"]
    assert " ".join(title["text"]) == spec["title"]["text"]
    assert all(len(line) <= charts.TITLE_LINE_CHARS for line in title["text"])
    assert " ".join(title["subtitle"]) == spec["title"]["subtitle"]
    assert all(len(line) <= charts.SUBTITLE_LINE_CHARS for line in title["subtitle"])


def test_finish_wraps_a_plain_title_and_keeps_a_charts_own_settings():
    spec = {"title": "word " * 20, "config": {"axis": {"labelColor": "#000000"}}, "mark": "bar"}
    done = charts.finish(spec)
    assert all(len(line) <= charts.TITLE_LINE_CHARS for line in done["title"]["text"])
    assert done["config"]["axis"]["labelColor"] == "#000000"
    assert done["config"]["axis"]["titleColor"] == charts.AXIS_INK


def test_every_shown_chart_is_valid_after_finish():
    """Each chart, finished as the pages show it, still passes the Vega-Lite schema."""
    import altair as alt

    from lib import screening
    from tests.unit.test_plan import make

    p = project(age_years=70, rate_pct_per_decade=5, bedrest_age_years=67, bedrest_days=10)
    for chart in (
        charts.projection_chart(p),
        charts.episode_chart(p),
        charts.guideline_chart(_assessment()),
        charts.chair_stand_chart(
            screening.chair_stand(9, 72, "female", text=SCREENING_TEXT), 72, "female"
        ),
        charts.plan_chart(make()),
    ):
        done = charts.finish(chart.to_dict())
        # legend.layout is Vega's own config (how legends at one orient stack), which
        # Vega-Lite hands to Vega unchanged but its schema does not list.
        assert done["config"]["legend"].pop("layout")["bottom"]["direction"] == "vertical"
        alt.LayerChart.from_dict(done, validate=True)


def test_plan_and_screening_keys_are_labels_or_legends():
    """The plan's guideline line is labelled on the chart; the screening chart's line and
    point each have a legend entry."""
    from lib import screening
    from tests.unit.test_plan import make

    plan_spec = charts.plan_chart(make()).to_dict()
    assert layer_marks(plan_spec) == ["bar", "rule", "text"]
    assert plan_spec["datasets"]["target"][0]["label"] == "Guideline: 150 minutes a week"
    assert "subtitle" not in plan_spec["title"]
    bars = plan_spec["layer"][0]["encoding"]
    assert "legend" not in bars["strokeDash"]  # one legend for colour and dash, not none
    result = screening.chair_stand(9, 72, "female", text=SCREENING_TEXT)
    chair = charts.chair_stand_chart(result, 72, "female").to_dict()
    line, point = chair["layer"]
    assert line["encoding"]["strokeDash"]["scale"]["domain"] == [charts.CHAIR_LINE_KEY]
    assert point["encoding"]["shape"]["scale"]["domain"] == ["Your count"]


def test_chair_stand_chart_line_and_point():
    """A stepped CDC line for the reader's sex and their count as a point at their age."""
    result = screening.chair_stand(9, 72, "female", text=SCREENING_TEXT)
    spec = charts.chair_stand_chart(result, 72, "female").to_dict()
    assert layer_marks(spec) == ["line", "point"]
    assert spec["layer"][0]["mark"]["interpolate"] == "step-after"
    norms = spec["datasets"]["norms"]
    assert {"age": 70, "below_average_if_under": 10, "band": "70-74"} in norms
    assert spec["datasets"]["you"] == [{"age": 72, "stands": 9.0, "what": "Your count"}]
    assert "below that line" in spec["description"]


def test_chair_stand_chart_has_no_point_without_a_norm():
    """Outside 60-94 the chart shows the line only, and the summary says why."""
    result = screening.chair_stand(12, 95, "male", text=SCREENING_TEXT)
    spec = charts.chair_stand_chart(result, 95, "male").to_dict()
    assert layer_marks(spec) == ["line"]
    assert "no line for age 95" in spec["description"]


def _kind_by_age(spec: dict) -> dict[int, set[str]]:
    """For each age in the line's data, the kinds (from studies / extrapolated) it is drawn as."""
    path = spec["layer"][2]
    out: dict[int, set[str]] = {}
    for row in spec["datasets"][path["data"]["name"]]:
        out.setdefault(row["age"], set()).add(row["kind"])
    return out


@pytest.mark.parametrize(
    ("measure", "dashed_from", "dashed_to"),
    [("strength", [80], [100]), ("mass", [60, 80], [70, 100])],
)
def test_extrapolated_ages_are_dashed_and_labelled(measure, dashed_from, dashed_to):
    """The line is dashed exactly where its rate is extrapolated, and each stretch is labelled."""
    p = project(age_years=50, rate_pct_per_decade=5, measure=measure)
    spec = charts.projection_chart(p).to_dict()
    line = spec["layer"][2]
    dash = line["encoding"]["strokeDash"]
    assert dash["field"] == "kind"
    assert dash["scale"]["domain"] == ["From studies and reviews", "Extrapolated"]
    assert dash["scale"]["range"][1] != [1, 0]  # the extrapolated kind is drawn dashed
    assert "legend" not in dash or dash["legend"] is not None  # and named in a legend
    kinds = _kind_by_age(spec)
    stretches = list(zip(dashed_from, dashed_to, strict=True))
    for age in range(projection.AGE_START_YEARS, projection.AGE_END_YEARS + 1):
        # A stretch's two ends are joints: drawn in both kinds where a solid run meets it.
        dashed = any(a <= age <= b for a, b in stretches)
        solid = not any(a < age < b for a, b in stretches) and age != dashed_to[-1]
        assert ("Extrapolated" in kinds[age]) is dashed, age
        assert ("From studies and reviews" in kinds[age]) is solid, age
    labels = spec["datasets"][spec["layer"][4]["data"]["name"]]
    assert [r["text"] for r in labels] == ["Extrapolated"] * len(dashed_from)
    assert all(a < r["age"] < b for r, a, b in zip(labels, dashed_from, dashed_to, strict=True))
    assert "extrapolated" in spec["title"]["subtitle"].lower()


@pytest.mark.parametrize(
    ("bedrest_age", "days", "marked"), [(70, 20, True), (70, 14, False), (50, 20, False)]
)
def test_episode_chart_marks_where_older_adult_studies_end(bedrest_age, days, marked):
    """Past 14 days in bed for an older reader, a rule and a label say the curve is extrapolated."""
    p = project(
        age_years=80, rate_pct_per_decade=5, bedrest_age_years=bedrest_age, bedrest_days=days
    )
    spec = charts.episode_chart(p).to_dict()
    names = {layer["data"]["name"] for layer in spec["layer"] if "data" in layer}
    assert ("studied" in names) is marked
    assert ("extrapolated" in spec["title"]["subtitle"]) is marked
    rows = charts.episode_rows(p)
    assert any(r["curve"] == "extrapolated" for r in rows) is marked
