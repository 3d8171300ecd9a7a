"""Charts on a presenter's scene (`lib.charts.projected`): text that grows with the screen."""

from __future__ import annotations

from typing import Any

import altair as alt
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import charts, screening
from lib.projection import project
from tests.conftest import CONTENT
from tests.unit.test_charts import _assessment
from tests.unit.test_plan import make

SCREENING_TEXT = screening.load_text(CONTENT / "screening.yaml")
P = project(age_years=70, rate_pct_per_decade=5, bedrest_age_years=67, bedrest_days=10)
CHARTS = {
    "projection": charts.projection_chart(P),
    "episode": charts.episode_chart(P),
    "guideline": charts.guideline_chart(_assessment()),
    "chair_stand": charts.chair_stand_chart(
        screening.chair_stand(9, 72, "female", text=SCREENING_TEXT), 72, "female"
    ),
    "plan": charts.plan_chart(make()),
}
SIZES = ("fontSize", "labelFontSize", "titleFontSize")


def _numbers(node: Any, key: str | None = None) -> list[tuple[str, object]]:
    """Every (key, number) pair in a spec outside its data."""
    if isinstance(node, dict):
        return [
            pair
            for k, v in node.items()
            if k not in ("data", "datasets", "value", "datum")
            for pair in _numbers(v, k)
        ]
    if isinstance(node, list):
        return [pair for v in node for pair in _numbers(v, key)]
    return [(key or "", node)] if isinstance(node, int | float) else []


@pytest.mark.parametrize("name", CHARTS)
def test_every_text_size_follows_the_screen_and_the_spec_stays_valid(name: str):
    """No fixed text size is left; each is a multiple of the scale, which reads the window."""
    done = charts.projected(charts.finish(CHARTS[name].to_dict()))
    fixed = [(k, v) for k, v in _numbers(done) if k in SIZES or k.endswith("FontSize")]
    assert fixed == []
    assert done["config"]["axis"]["labelFontSize"] == {
        "expr": f"{charts.CHART_TEXT_PX} * {charts.PROJECTED_SCALE}"
    }
    (scale,) = [p for p in done["params"] if p["name"] == charts.PROJECTED_SCALE]
    assert "windowSize()[1]" in scale["expr"]
    assert (done["width"], done["height"]) == ("container", "container")
    assert "title" not in done  # the page writes it above the chart
    assert done["datasets"] == CHARTS[name].to_dict()["datasets"]  # the data untouched
    layout = done["config"]["legend"].pop("layout")  # Vega's own config, not in the schema
    assert layout["bottom"]["direction"] == "horizontal"
    alt.LayerChart.from_dict(done, validate=True)


def test_legends_lie_under_the_plot_and_the_y_title_reads_across():
    """A chart's own legend is moved too; the y title is upright, above the axis."""
    done = charts.projected(charts.finish(CHARTS["projection"].to_dict()))
    legends = [
        layer["encoding"][channel]["legend"]
        for layer in done["layer"]
        for channel in layer.get("encoding", {})
        if isinstance(layer["encoding"][channel], dict)
        and isinstance(layer["encoding"][channel].get("legend"), dict)
    ]
    assert legends, "the projection chart has a legend of its own"
    assert all(legend["orient"] == "bottom" for legend in legends)
    assert all(legend["direction"] == "horizontal" for legend in legends)
    assert done["config"]["axisY"]["titleAngle"] == 0


def test_a_bars_thickness_grows_but_a_charts_data_and_fixed_values_do_not():
    """The guideline chart's bar height scales; a value channel (y at 0) stays a number."""
    done = charts.projected(charts.finish(CHARTS["guideline"].to_dict()))
    bars = next(layer for layer in done["layer"] if layer["mark"]["type"] == "bar")
    assert bars["mark"]["height"] == {
        "expr": f"{charts.GUIDELINE_BAR_PX} * {charts.PROJECTED_SCALE}"
    }
    label = next(
        layer for layer in done["layer"] if layer.get("encoding", {}).get("y") == {"value": 0}
    )
    assert label["encoding"]["y"] == {"value": 0}


@given(
    size=st.floats(min_value=1, max_value=200, allow_nan=False),
    other=st.floats(allow_nan=False, allow_infinity=False),
)
def test_only_lengths_that_go_with_text_are_scaled(size: float, other: float):
    """Sizes and offsets become expressions of the scale; any other number is left alone."""
    spec = {
        "mark": {"type": "text", "fontSize": size, "opacity": other, "dy": size},
        "encoding": {"x": {"field": "a", "type": "quantitative", "scale": {"domain": [0, other]}}},
        "data": {"values": [{"fontSize": size}]},
    }
    done = charts.projected(spec)
    least = max(size, charts.CHART_TEXT_PX)  # no note smaller than the chart's own text
    assert done["mark"]["fontSize"] == {"expr": f"{least} * {charts.PROJECTED_SCALE}"}
    assert done["mark"]["dy"] == {"expr": f"{size} * {charts.PROJECTED_SCALE}"}
    assert done["mark"]["opacity"] == other
    assert done["encoding"]["x"]["scale"]["domain"] == [0, other]
    assert done["data"] == {"values": [{"fontSize": size}]}
