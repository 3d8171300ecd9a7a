"""Altair chart specs: pure functions of model results, with typed, titled encodings.

Colours are the Okabe-Ito palette (colour-blind safe), the same as `.streamlit/config.toml`.
Meaning never rests on colour alone: every layer also differs by shape, dash or opacity, and
every chart comes with a text summary and its data as a table (shown by `ui.show_chart`).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib.projection import AGE_END_YEARS, AGE_FASTER_YEARS, AGE_START_YEARS, Projection

BLUE = "#0072B2"
SKY = "#56B4E9"
ORANGE = "#E69F00"
VERMILION = "#D55E00"
GREEN = "#009E73"
GREY = "#595959"

_LABELS = {"mass": "Leg muscle mass", "strength": "Leg strength"}


def projection_frame(projection: Projection) -> pd.DataFrame:
    """The projection as a table, one row per age (what the chart and the CSV show)."""
    return pd.DataFrame(projection.rows())


def projection_chart(projection: Projection, reference: Projection | None = None) -> alt.LayerChart:
    """Band, the reader's path, rules at 30 and 60, a marker at their age, the bed-rest range.

    Args:
        projection: the measure to draw.
        reference: optionally the other measure's path, drawn as a thin dashed line (used to
            show that strength falls faster than mass).
    """
    label = _LABELS[projection.measure]
    frame = projection_frame(projection)
    base = alt.Chart(frame).encode(
        x=alt.X(
            "age:Q",
            title="Age (years)",
            scale=alt.Scale(domain=[AGE_START_YEARS, AGE_END_YEARS]),
            axis=alt.Axis(values=list(range(AGE_START_YEARS, AGE_END_YEARS + 1, 10))),
        )
    )
    y_title = f"{label} (% of the value at 30)"
    band = base.mark_area(opacity=0.35, color=SKY).encode(
        y=alt.Y("band_low_pct:Q", title=y_title, scale=alt.Scale(domain=[0, 100])),
        y2="band_high_pct:Q",
        tooltip=[
            alt.Tooltip("age:Q", title="Age (years)"),
            alt.Tooltip("band_low_pct:Q", title="Band, fastest loss (%)", format=".0f"),
            alt.Tooltip("band_high_pct:Q", title="Band, slowest loss (%)", format=".0f"),
        ],
    )
    path = base.mark_line(color=BLUE, strokeWidth=3).encode(
        y="your_path_pct:Q",
        tooltip=[
            alt.Tooltip("age:Q", title="Age (years)"),
            alt.Tooltip("your_path_pct:Q", title=f"{label} on this path (%)", format=".0f"),
        ],
    )
    thresholds = pd.DataFrame(
        {
            "age": [AGE_START_YEARS, AGE_FASTER_YEARS],
            "note": ["Loss starts (about 30)", "Loss speeds up (about 60)"],
        }
    )
    rules = (
        alt.Chart(thresholds)
        .mark_rule(color=GREY, strokeDash=[4, 4])
        .encode(
            x="age:Q",
            tooltip=[alt.Tooltip("note:N", title="Marker"), alt.Tooltip("age:Q", title="Age")],
        )
    )
    here = frame[frame["age"] == projection.age_years]
    marker = (
        alt.Chart(here)
        .mark_point(shape="diamond", size=180, filled=True, color=VERMILION)
        .encode(
            x="age:Q",
            y="your_path_pct:Q",
            tooltip=[
                alt.Tooltip("age:Q", title="Your age"),
                alt.Tooltip("your_path_pct:Q", title=f"{label} on this path (%)", format=".0f"),
            ],
        )
    )
    layers: list[alt.Chart] = [band, rules, path, marker]
    if projection.has_episode:
        after = base.transform_filter("datum.after_bed_rest_low_pct != null")
        layers.insert(
            1,
            after.mark_area(opacity=0.45, color=ORANGE).encode(
                y="after_bed_rest_low_pct:Q",
                y2="after_bed_rest_high_pct:Q",
                tooltip=[
                    alt.Tooltip("age:Q", title="Age (years)"),
                    alt.Tooltip(
                        "after_bed_rest_low_pct:Q", title="If nothing came back (%)", format=".0f"
                    ),
                    alt.Tooltip(
                        "after_bed_rest_high_pct:Q", title="If all came back (%)", format=".0f"
                    ),
                ],
            ),
        )
        start = pd.DataFrame(
            {"age": [projection.episode.age_years], "days": [projection.episode.days]}
        )
        layers.append(
            alt.Chart(start)
            .mark_rule(color=ORANGE, strokeWidth=2)
            .encode(
                x="age:Q",
                tooltip=[
                    alt.Tooltip("age:Q", title="Spell in bed at age"),
                    alt.Tooltip("days:Q", title="Days in bed"),
                ],
            )
        )
    if reference is not None:
        other = projection_frame(reference).assign(what=_LABELS[reference.measure])
        layers.append(
            alt.Chart(other)
            .mark_line(color=GREY, strokeDash=[2, 3], strokeWidth=1.5)
            .encode(
                x="age:Q",
                y="your_path_pct:Q",
                tooltip=[
                    alt.Tooltip("what:N", title="For comparison"),
                    alt.Tooltip("age:Q", title="Age (years)"),
                    alt.Tooltip("your_path_pct:Q", title="% of the value at 30", format=".0f"),
                ],
            )
        )
    return alt.LayerChart(layer=layers).properties(
        title=alt.Title(
            f"{label} from 30 to 100: an illustration of population averages",
            subtitle="Blue band: the range reviews and studies give. Line: the path chosen above.",
        ),
        description=projection.summary,
        height=380,
    )


def episode_frame(projection: Projection) -> pd.DataFrame:
    """The spell in bed day by day, and the four weeks after it, as a table."""
    return pd.DataFrame(
        [
            {
                "day": d.day,
                "phase": d.phase,
                "muscle_size_pct": round(d.mass_pct, 1),
                "strength_pct": round(d.strength_pct, 1),
                "strength_if_fully_recovered_pct": None
                if d.recovered_max_pct is None
                else round(d.recovered_max_pct, 1),
            }
            for d in projection.episode_days
        ]
    )


def episode_chart(projection: Projection) -> alt.LayerChart:
    """Day by day in bed: strength falls faster than size; afterwards, the recovery range."""
    frame = episode_frame(projection)
    long = frame.melt(
        id_vars=["day", "phase"],
        value_vars=["muscle_size_pct", "strength_pct"],
        var_name="series",
        value_name="pct",
    ).replace({"series": {"muscle_size_pct": "Muscle size", "strength_pct": "Strength"}})
    base = alt.Chart(long).encode(x=alt.X("day:Q", title="Days from the start of the spell in bed"))
    lines = base.mark_line(strokeWidth=3).encode(
        y=alt.Y("pct:Q", title="% of the value before bed rest", scale=alt.Scale(zero=False)),
        color=alt.Color(
            "series:N",
            title="Measure",
            scale=alt.Scale(domain=["Muscle size", "Strength"], range=[BLUE, VERMILION]),
        ),
        strokeDash=alt.StrokeDash(
            "series:N",
            title="Measure",
            scale=alt.Scale(domain=["Muscle size", "Strength"], range=[[1, 0], [6, 3]]),
        ),
        tooltip=[
            alt.Tooltip("day:Q", title="Day"),
            alt.Tooltip("series:N", title="Measure"),
            alt.Tooltip("pct:Q", title="% of the value before", format=".1f"),
            alt.Tooltip("phase:N", title="Phase"),
        ],
    )
    recovery = (
        alt.Chart(frame)
        .transform_filter("datum.phase == 'after'")
        .mark_area(opacity=0.35, color=ORANGE)
        .encode(
            x="day:Q",
            y="strength_pct:Q",
            y2="strength_if_fully_recovered_pct:Q",
            tooltip=[
                alt.Tooltip("day:Q", title="Day"),
                alt.Tooltip("strength_pct:Q", title="Strength if none came back (%)", format=".1f"),
                alt.Tooltip(
                    "strength_if_fully_recovered_pct:Q",
                    title="Strength with full recovery by 4 weeks of retraining (%)",
                    format=".1f",
                ),
            ],
        )
    )
    end = pd.DataFrame({"day": [projection.episode.days], "note": ["Out of bed"]})
    rule = (
        alt.Chart(end)
        .mark_rule(color=GREY, strokeDash=[4, 4])
        .encode(
            x="day:Q",
            tooltip=[alt.Tooltip("note:N", title="Marker"), alt.Tooltip("day:Q", title="Day")],
        )
    )
    return alt.LayerChart(layer=[recovery, lines, rule]).properties(
        title=alt.Title(
            f"{projection.episode.days} days in bed, day by day",
            subtitle="Orange: where strength may be over the next four weeks (uncertain).",
        ),
        description=projection.episode_summary,
        height=300,
    )
