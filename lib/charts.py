"""Altair chart specs: pure functions of model results, with typed, titled encodings.

Colours are the Okabe-Ito palette (colour-blind safe), the same as `.streamlit/config.toml`.
Meaning never rests on colour alone: every layer also differs by shape, dash or opacity, and
every chart comes with a text summary and its data as a table (shown by `ui.show_chart`).
"""

from __future__ import annotations

import textwrap
from typing import Any

import altair as alt

from lib import plan, screening
from lib.exercises import LEVEL_NAMES
from lib.guidelines import Assessment
from lib.plan import Plan
from lib.projection import (
    AGE_END_YEARS,
    AGE_START_YEARS,
    OLDER_BEDREST_STUDIED_DAYS,
    THRESHOLD_MARKERS,
    Projection,
    extrapolated_stretches,
    marker_text,
)
from lib.screening import ScreenResult, Sex

BLUE = "#0072B2"
SKY = "#56B4E9"
ORANGE = "#E69F00"
VERMILION = "#D55E00"
GREEN = "#009E73"
GREY = "#595959"
# Chart text: the theme's ink for titles, legends and labels, a dark grey for axis text. Both
# reach WCAG 1.4.3 (4.5:1) on white; Streamlit's own axis grey is about 3.7:1.
INK = "#1A1A1A"
AXIS_INK = "#404040"

Row = dict[str, float | int | str | None]
_LABELS = {"mass": "Leg muscle mass", "strength": "Leg strength"}


_STUDIED = "From studies and reviews"
# The line's legend: solid where the rates come from studies, dashed where extrapolated.
_RATES_LEGEND = alt.Legend(
    orient="bottom", symbolType="stroke", symbolStrokeColor=BLUE, symbolStrokeWidth=3
)
_EXTRAPOLATED = "Extrapolated"


def _segments(projection: Projection) -> list[Row]:
    """The curve cut into runs of one kind (from studies, or extrapolated), for dashing.

    A point's basis is that of the line reaching it, so each run also takes the point
    before it: the runs join up, and a dashed stretch starts where the measured rates stop.
    Only the drawn fields are kept: Altair walks every value of every row in `to_dict`.
    """
    out: list[Row] = []
    segment = 0
    previous: Row | None = None
    for point in projection.points:
        row: Row = {
            "age": point.age_years,
            "band_low_pct": round(point.band_low_pct, 1),
            "band_high_pct": round(point.band_high_pct, 1),
            "your_path_pct": round(point.path_pct, 1),
            "kind": _EXTRAPOLATED if point.basis == "extrapolated" else _STUDIED,
            "segment": segment,
        }
        if previous is not None and row["kind"] != previous["kind"]:
            segment += 1
            row["segment"] = segment
            out.append({**previous, "kind": row["kind"], "segment": segment})
        out.append(row)
        previous = row
    return out


def _extrapolated_labels(projection: Projection) -> list[Row]:
    """One "Extrapolated" label over the middle of each extrapolated stretch of the band."""
    labels: list[Row] = []
    for start, end in extrapolated_stretches(projection.measure):
        middle = (start + end) // 2
        point = projection.at(middle)
        labels.append({"age": middle, "y": round(point.band_high_pct, 1), "text": "Extrapolated"})
    return labels


# --- shared by every chart: size, type, contrast, wrapped titles ------------------------------

# Characters per line of a chart title and subtitle. The narrowest chart (a 390 px phone) is
# about 350 px wide; at these sizes a line this long fits it, so nothing is cut with "...".
TITLE_LINE_CHARS = 36
SUBTITLE_LINE_CHARS = 48
TITLE_LIMIT_PX = 2000
CHART_PADDING_PX = 8
# As an object: Streamlit sets padding.bottom itself and fails on a bare number.
# Merged into each chart's own config (the chart's own settings win); Streamlit's theme is
# applied underneath and ours overrides it.
# Chart text size: Streamlit's is 13.5 px; the page's own text is 18 px.
CHART_TEXT_PX = 15
# The large-text reading option: chart text 1.35 times larger (15 px becomes 20 px, titles
# 18 px become 24 px), as the page's body text goes from 18 px to 22 px and more.
LARGE_SCALE = 1.35
# Legends and axis titles a little less (18 px): a legend sits to the right of the y axis,
# and at 20 px its longest label ("From studies and reviews") ran past a phone's chart, as
# did the self-check's x-axis title. Legend entries and a title's lines get more room
# between them, so two lines of larger type never touch.
LARGE_OVERRIDES: dict[str, dict[str, Any]] = {
    "axis": {"titleFontSize": 18},
    "legend": {"labelFontSize": 18, "titleFontSize": 18, "rowPadding": 6, "symbolSize": 220},
    "title": {"lineHeight": 34, "subtitleLineHeight": 28, "subtitlePadding": 10},
}
CHART_CONFIG: dict[str, Any] = {
    "axis": {
        "labelColor": AXIS_INK,
        "titleColor": AXIS_INK,
        "labelFontSize": CHART_TEXT_PX,
        "titleFontSize": CHART_TEXT_PX,
        # Streamlit cuts labels at 100 px ("Strength traini...") and hides overlapping ones.
        "labelLimit": 1000,
        "titleLimit": 1000,
        "tickColor": GREY,
        "domainColor": GREY,
    },
    "legend": {
        "labelColor": INK,
        "titleColor": INK,
        "labelFontSize": CHART_TEXT_PX,
        "titleFontSize": CHART_TEXT_PX,
        "labelLimit": 1000,
        "symbolSize": 160,  # a swatch about as tall as the label beside it
        # Under the chart, one entry a line: a legend at the side squeezes a phone's chart.
        "orient": "bottom",
        "direction": "vertical",
        # Two legends (a line and a point) stack too, instead of side by side past the edge.
        "layout": {"bottom": {"anchor": "start", "direction": "vertical", "margin": 4}},
    },
    "title": {
        "color": INK,
        "subtitleColor": INK,
        "fontSize": 18,
        "subtitleFontSize": 15,
        # Spacing for wrapped lines: a line's glyph box is about 1.3 times the font size,
        # and Vega's default spacing let a two-line title run into its subtitle.
        "lineHeight": 24,
        "subtitleLineHeight": 20,
        "subtitlePadding": 4,
        "anchor": "start",
        "offset": 12,
    },
    "text": {"color": INK, "fontSize": CHART_TEXT_PX},
}


def wrap_lines(text: str | list[str], width: int) -> list[str]:
    """`text` (one string, or lines) broken into lines of at most `width` characters."""
    lines = [text] if isinstance(text, str) else text
    return [part for line in lines for part in textwrap.wrap(line, width) or [""]]


def _scaled(config: dict[str, Any], scale: float) -> dict[str, Any]:
    """`config` with every font size and line height multiplied by `scale` (rounded)."""
    sized = ("FontSize", "LineHeight", "fontSize", "lineHeight")
    out: dict[str, Any] = {}
    for key, value in config.items():
        if isinstance(value, dict):
            out[key] = _scaled(value, scale)
        elif isinstance(value, int | float) and key.endswith(sized):
            out[key] = round(value * scale)
        else:
            out[key] = value
    return out


# In the large-text mode an x-axis title longer than this is broken into lines: the plot of a
# 390 px phone is about 280 px wide, 30 characters at 18 px.
LARGE_AXIS_TITLE_CHARS = 30


def _wrapped_x_titles(spec: Any, width: int) -> Any:
    """`spec` with each long x-axis title (in any layer) broken into lines of `width`."""
    if isinstance(spec, list):
        return [_wrapped_x_titles(item, width) for item in spec]
    if not isinstance(spec, dict):
        return spec
    out = {key: _wrapped_x_titles(value, width) for key, value in spec.items()}
    x = out.get("encoding", {}).get("x") if isinstance(out.get("encoding"), dict) else None
    if isinstance(x, dict) and isinstance(x.get("title"), str) and len(x["title"]) > width:
        out["encoding"] = {**out["encoding"], "x": {**x, "title": wrap_lines(x["title"], width)}}
    return out


def finish(spec: dict[str, Any], *, large: bool = False) -> dict[str, Any]:
    """A chart spec ready for the page: shared config, titles wrapped, width fitted only.

    Streamlit's default autosize ("fit") squeezes the title, axes and legend into the
    chart's height, so rows overlap and titles are clipped; "fit-x" keeps the height for
    the plot and fits only the width. Applied to every chart `ui.charts.show_chart` shows.
    `large` (the large-text reading option) sets the shared text LARGE_SCALE times larger
    and wraps titles into shorter lines to match; marks that set their own size keep it.
    """
    scale = LARGE_SCALE if large else 1.0
    out = _wrapped_x_titles(spec, LARGE_AXIS_TITLE_CHARS) if large else dict(spec)
    out["autosize"] = {"type": "fit-x", "contains": "padding"}
    # Streamlit draws charts with no padding, and a glyph's box is taller than the font size
    # Vega lays text out by, so a title's top (and a first label's left) was cut off.
    out["padding"] = dict.fromkeys(("left", "top", "right", "bottom"), CHART_PADDING_PX)
    own = dict(spec.get("config") or {})
    config = _scaled(CHART_CONFIG, scale)
    if large:
        for part, settings in LARGE_OVERRIDES.items():
            config[part] = {**config[part], **settings}
    for key, value in own.items():
        if isinstance(value, dict) and isinstance(config.get(key), dict):
            config[key] = {**config[key], **value}
        else:
            config[key] = value
    out["config"] = config
    title = spec.get("title")
    if isinstance(title, str | list):
        title = {"text": title}
    if isinstance(title, dict):
        # Streamlit gives a title without a limit one of the chart's width less 40 px, and
        # cuts it there with "...": the lines are wrapped to fit instead, so none is needed.
        title = {"limit": TITLE_LIMIT_PX, **title}
        if "text" in title:
            title["text"] = wrap_lines(title["text"], int(TITLE_LINE_CHARS / scale))
        if "subtitle" in title:
            title["subtitle"] = wrap_lines(title["subtitle"], int(SUBTITLE_LINE_CHARS / scale))
        out["title"] = title
    return out


def projection_chart(projection: Projection, reference: Projection | None = None) -> alt.LayerChart:
    """Band, the reader's path, rules at 30 and 60, a marker at their age, the bed-rest range.

    Args:
        projection: the measure to draw.
        reference: optionally the other measure's path, drawn as a thin dashed line (used to
            show that strength falls faster than mass).
    """
    label = _LABELS[projection.measure]
    # Named datasets, attached once at the top: inline data or a DataFrame would be copied or
    # re-sanitised by Altair for every layer and every method call (most of a rerun's time).
    base = alt.Chart(alt.NamedData(name="curve")).encode(
        x=alt.X(
            "age:Q",
            title="Age (years)",
            scale=alt.Scale(domain=[AGE_START_YEARS, AGE_END_YEARS]),
            axis=alt.Axis(values=list(range(AGE_START_YEARS, AGE_END_YEARS + 1, 10))),
        )
    )
    y_title = f"{label} (% of the value at 30)"
    segments = _segments(projection)
    kinds = [_STUDIED, _EXTRAPOLATED]
    seg = alt.Chart(alt.NamedData(name="segments")).encode(
        x=alt.X(
            "age:Q",
            title="Age (years)",
            scale=alt.Scale(domain=[AGE_START_YEARS, AGE_END_YEARS]),
            axis=alt.Axis(values=list(range(AGE_START_YEARS, AGE_END_YEARS + 1, 10))),
        ),
        detail=alt.Detail("segment:N"),
    )
    # The fill is pale; its 1.5 px outline meets WCAG 1.4.11 (3:1 on white) on its own.
    # Extrapolated ages are paler, dashed on the line and labelled in words.
    band = seg.mark_area(color=SKY, stroke=BLUE, strokeWidth=1.5).encode(
        y=alt.Y("band_low_pct:Q", title=y_title, scale=alt.Scale(domain=[0, 100])),
        y2=alt.Y2("band_high_pct:Q"),
        opacity=alt.Opacity(
            "kind:N",
            title="Rates",
            scale=alt.Scale(domain=kinds, range=[0.35, 0.15]),
            legend=None,
        ),
        tooltip=[
            alt.Tooltip("age:Q", title="Age (years)"),
            alt.Tooltip("band_low_pct:Q", title="Band, fastest loss (%)", format=".0f"),
            alt.Tooltip("band_high_pct:Q", title="Band, slowest loss (%)", format=".0f"),
            alt.Tooltip("kind:N", title="Rates"),
        ],
    )
    path = seg.mark_line(color=BLUE, strokeWidth=3).encode(
        y=alt.Y("your_path_pct:Q"),
        strokeDash=alt.StrokeDash(
            "kind:N",
            title="Rates",
            scale=alt.Scale(domain=kinds, range=[[1, 0], [6, 4]]),
            legend=_RATES_LEGEND,
        ),
        tooltip=[
            alt.Tooltip("age:Q", title="Age (years)"),
            alt.Tooltip("your_path_pct:Q", title=f"{label} on this path (%)", format=".0f"),
            alt.Tooltip("kind:N", title="Rates"),
        ],
    )
    labels = (
        alt.Chart(alt.NamedData(name="extrapolated"))
        .mark_text(color=GREY, fontSize=13, fontStyle="italic", dy=-12)
        .encode(x=alt.X("age:Q"), y=alt.Y("y:Q"), text=alt.Text("text:N"))
    )
    # The dashed lines at 30 and 60 say what they are, on the chart: two short lines of text
    # just right of each, low in the plot, below every curve (the lowest, strength after 60
    # days in bed, stays above 18% up to 90).
    thresholds: list[Row] = [
        {"age": age, "note": marker_text(age), "label": "\n".join(lines), "y": 0}
        for age, lines in THRESHOLD_MARKERS.items()
    ]
    threshold_data = alt.Chart(alt.NamedData(name="thresholds"))
    rules = threshold_data.mark_rule(color=GREY, strokeDash=[4, 4]).encode(
        x=alt.X("age:Q"),
        tooltip=[alt.Tooltip("note:N", title="Marker"), alt.Tooltip("age:Q", title="Age")],
    )
    # Vega puts a multi-line text's first line at its anchor and the others below it, so the
    # anchor is lifted by one line more than the gap it keeps above the age axis.
    line_px = CHART_TEXT_PX + 3
    label_lines = max(len(lines) for lines in THRESHOLD_MARKERS.values())
    # The strip at the foot of the plot the labels take; the bed-rest rule stops above it.
    label_strip_px = 6 + line_px * label_lines + 4
    rule_labels = threshold_data.mark_text(
        align="left",
        baseline="bottom",
        dx=5,
        dy=-6 - line_px * (label_lines - 1),
        lineBreak="\n",
        lineHeight=line_px,
        fontSize=CHART_TEXT_PX,
        color=INK,
    ).encode(x=alt.X("age:Q"), y=alt.Y("y:Q"), text=alt.Text("label:N"))
    point = projection.at(projection.age_years)
    here: list[Row] = [{"age": point.age_years, "your_path_pct": round(point.path_pct, 1)}]
    marker = (
        alt.Chart(alt.NamedData(name="here"))
        .mark_point(shape="diamond", size=180, filled=True, color=VERMILION)
        .encode(
            x=alt.X("age:Q"),
            y=alt.Y("your_path_pct:Q"),
            tooltip=[
                alt.Tooltip("age:Q", title="Your age"),
                alt.Tooltip("your_path_pct:Q", title=f"{label} on this path (%)", format=".0f"),
            ],
        )
    )
    layers: list[alt.Chart] = [band, rules, path, marker, labels, rule_labels]
    datasets: dict[str, list[Row]] = {
        "segments": segments,
        "thresholds": thresholds,
        "here": here,
        "extrapolated": _extrapolated_labels(projection),
    }
    if projection.has_episode:
        datasets["curve"] = [
            {
                "age": p.age_years,
                "after_bed_rest_low_pct": round(p.after_low_pct, 1),
                "after_bed_rest_high_pct": round(p.after_high_pct, 1),
            }
            for p in projection.points
            if p.after_low_pct is not None and p.after_high_pct is not None
        ]
        after = base
        layers.insert(
            1,
            after.mark_area(opacity=0.45, color=ORANGE, stroke=VERMILION, strokeWidth=1.5).encode(
                y=alt.Y("after_bed_rest_low_pct:Q"),
                y2=alt.Y2("after_bed_rest_high_pct:Q"),
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
        datasets["start"] = [{"age": projection.episode.age_years, "days": projection.episode.days}]
        layers.append(
            alt.Chart(alt.NamedData(name="start"))
            .mark_rule(color=VERMILION, strokeWidth=2)
            .encode(
                x=alt.X("age:Q"),
                # From the top down to the labels of the lines at 30 and 60, not through them.
                y=alt.value(0),
                y2=alt.value({"expr": f"height - {label_strip_px}"}),
                tooltip=[
                    alt.Tooltip("age:Q", title="Spell in bed at age"),
                    alt.Tooltip("days:Q", title="Days in bed"),
                ],
            )
        )
    if reference is not None:
        what = _LABELS[reference.measure]
        datasets["reference"] = [
            {"age": p.age_years, "your_path_pct": round(p.path_pct, 1), "what": what}
            for p in reference.points
        ]
        layers.append(
            alt.Chart(alt.NamedData(name="reference"))
            .mark_line(color=GREY, strokeDash=[2, 3], strokeWidth=1.5)
            .encode(
                x=alt.X("age:Q"),
                y=alt.Y("your_path_pct:Q"),
                tooltip=[
                    alt.Tooltip("what:N", title="For comparison"),
                    alt.Tooltip("age:Q", title="Age (years)"),
                    alt.Tooltip("your_path_pct:Q", title="% of the value at 30", format=".0f"),
                ],
            )
        )
    # Built in one constructor call: each method call (.properties, .resolve_legend) copies
    # and re-validates the whole chart. Legends are resolved per channel, so the band's
    # hidden opacity legend does not hide the line's dash legend.
    chart = alt.LayerChart(
        layer=layers,
        resolve=alt.Resolve(
            legend=alt.LegendResolveMap(opacity="independent", strokeDash="independent")
        ),
        title=alt.Title(
            f"{label} from 30 to 100: an illustration of population averages",
            subtitle=(
                "Blue band: the range reviews and studies give. Line: the path chosen above. "
                "Dashed and paler: extrapolated, no study here measured those ages."
            ),
        ),
        description=projection.summary,
        height=380,
    )
    chart.datasets = datasets  # set last: every method call above copies the whole chart
    return chart


def episode_rows(projection: Projection) -> list[Row]:
    """The spell in bed day by day, and the four weeks after it, as table rows."""
    return [
        {
            "day": d.day,
            "phase": d.phase,
            "muscle_size_pct": round(d.mass_pct, 1),
            "strength_pct": round(d.strength_pct, 1),
            "strength_if_fully_recovered_pct": _round(d.recovered_max_pct),
            "curve": "extrapolated" if d.extrapolated else "from studies",
        }
        for d in projection.episode_days
    ]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def episode_chart(projection: Projection) -> alt.LayerChart:
    """Day by day in bed: strength falls faster than size; afterwards, the recovery range."""
    rows = episode_rows(projection)
    long: list[Row] = [
        {"day": r["day"], "phase": r["phase"], "series": series, "pct": r[column]}
        for r in rows
        for series, column in (("Muscle size", "muscle_size_pct"), ("Strength", "strength_pct"))
    ]
    base = alt.Chart(alt.NamedData(name="days")).encode(
        x=alt.X("day:Q", title="Days from the start of the spell in bed")
    )
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
    after = [r for r in rows if r["phase"] == "after"]
    recovery = (
        alt.Chart(alt.NamedData(name="after"))
        .mark_area(opacity=0.35, color=ORANGE, stroke=VERMILION, strokeWidth=1.5)
        .encode(
            x=alt.X("day:Q"),
            y=alt.Y("strength_pct:Q"),
            y2=alt.Y2("strength_if_fully_recovered_pct:Q"),
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
    end: list[Row] = [{"day": projection.episode.days, "note": "Out of bed"}]
    rule = (
        alt.Chart(alt.NamedData(name="end"))
        .mark_rule(color=GREY, strokeDash=[4, 4])
        .encode(
            x=alt.X("day:Q"),
            tooltip=[alt.Tooltip("note:N", title="Marker"), alt.Tooltip("day:Q", title="Day")],
        )
    )
    datasets: dict[str, list[Row]] = {"days": long, "after": after, "end": end}
    layers: list[alt.Chart] = [recovery, lines, rule]
    subtitle = "Orange: where strength may be over the next four weeks (uncertain)."
    if projection.episode.older and projection.episode.days > OLDER_BEDREST_STUDIED_DAYS:
        # DU-20: older adults were studied for up to 14 days in bed; say where that ends.
        datasets["studied"] = [
            {
                "day": OLDER_BEDREST_STUDIED_DAYS,
                "note": "Older adults were studied up to here; extrapolated after",
                "text": "Extrapolated after this day",
            }
        ]
        studied = alt.Chart(alt.NamedData(name="studied")).encode(x=alt.X("day:Q"))
        layers += [
            studied.mark_rule(color=GREY, strokeDash=[2, 2]).encode(
                tooltip=[alt.Tooltip("note:N", title="Marker"), alt.Tooltip("day:Q", title="Day")]
            ),
            studied.mark_text(
                color=GREY, fontSize=13, fontStyle="italic", align="left", dx=4, baseline="top"
            ).encode(y=alt.value(4), text=alt.Text("text:N")),
        ]
        subtitle += (
            f" Older adults were studied for up to {OLDER_BEDREST_STUDIED_DAYS} days in bed: "
            "after that the curves are extrapolated."
        )
    chart = alt.LayerChart(layer=layers).properties(
        title=alt.Title(f"{projection.episode.days} days in bed, day by day", subtitle=subtitle),
        description=projection.episode_summary,
        height=300,
    )
    chart.datasets = datasets  # set last: every method call above copies the whole chart
    return chart


# --- the guideline self-check ----------------------------------------------------------------

_PILLAR_NAMES = {
    "aerobic": "Aerobic activity",
    "strength": "Strength training",
    "balance": "Balance activity",
    "protein": "Protein",
}
# Each at least 3:1 on white (WCAG 1.4.11); the status is also written beside every bar.
_STATUS_COLOURS = {"met": GREEN, "partly met": BLUE, "not met": VERMILION}
# Bars stop here so one very large figure does not squash the others.
PCT_OF_TARGET_CAP = 200
# Each pillar's row: its status in words on top, its bar below; the same at every width.
GUIDELINE_ROW_PX = 60
GUIDELINE_BAR_PX = 20


def guideline_rows(assessment: Assessment) -> list[Row]:
    """One row per pillar: the reader's figure, the target, and the figure as % of target."""
    rows: list[Row] = []
    for r in assessment.results:
        pct = min(100 * r.value / r.target_low, PCT_OF_TARGET_CAP) if r.target_low else None
        rows.append(
            {
                "pillar": _PILLAR_NAMES[r.pillar],
                "your_figure": round(r.value, 2),
                "target": _target_text(r.target_low, r.target_high),
                "unit": r.unit,
                "status": str(r.status),
                "pct_of_target": None if pct is None else round(pct),
            }
        )
    return rows


def _target_text(low: float | None, high: float | None) -> str:
    if low is None:
        return "no target"
    if high is None:
        return f"at least {low:g}"
    return f"{low:g} to {high:g}"


def guideline_summary(assessment: Assessment) -> str:
    """One sentence naming each pillar's status (the chart's text alternative)."""
    rated = [r for r in assessment.results if r.target_low is not None]
    met = sum(1 for r in rated if str(r.status) == "met")
    parts = ", ".join(f"{_PILLAR_NAMES[r.pillar].lower()} {r.status}" for r in assessment.results)
    return f"{met} of {len(rated)} targets met: {parts}."


def guideline_chart(assessment: Assessment) -> alt.LayerChart:
    """A bullet chart: each pillar's figure as % of its target, with the target line at 100%.

    Every pillar has its own labelled row, a pillar without a target too ("no target", no
    bar); each row is `GUIDELINE_ROW_PX` high whatever the figures, so rows never collapse.
    """
    rows = guideline_rows(assessment)
    y = alt.Y(
        "pillar:N",
        title=None,
        sort=None,
        axis=alt.Axis(labelOverlap=False, ticks=False, labelPadding=8),
    )
    target = (
        alt.Chart(alt.NamedData(name="target"))
        .mark_rule(color=GREY, strokeWidth=2, strokeDash=[4, 4])
        .encode(x=alt.X("pct:Q"), tooltip=[alt.Tooltip("note:N", title="Marker")])
    )
    # The line's key is written above it, outside the rows, so no bar or label is under it.
    target_label = (
        alt.Chart(alt.NamedData(name="target"))
        .mark_text(baseline="bottom", dy=-6, fontSize=CHART_TEXT_PX)
        .encode(x=alt.X("pct:Q"), y=alt.value(0), text=alt.Text("label:N"))
    )
    bars = (
        alt.Chart(alt.NamedData(name="pillars"))
        .mark_bar(height=GUIDELINE_BAR_PX)
        .encode(
            x=alt.X(
                "pct_of_target:Q",
                title="Your figure as % of the target",
                scale=alt.Scale(domain=[0, PCT_OF_TARGET_CAP]),
                axis=alt.Axis(values=[0, 50, 100, 150, 200]),
            ),
            y=y,
            color=alt.Color(
                "status:N",
                title="Status",
                scale=alt.Scale(domain=list(_STATUS_COLOURS), range=list(_STATUS_COLOURS.values())),
            ),
            tooltip=[
                alt.Tooltip("pillar:N", title="Pillar"),
                alt.Tooltip("your_figure:Q", title="Your figure"),
                alt.Tooltip("target:N", title="Target"),
                alt.Tooltip("unit:N", title="Unit"),
                alt.Tooltip("status:N", title="Status"),
            ],
        )
    )
    # The status in words, in the row's own band just above its bar: colour is never the
    # only cue, and the words never share a line with the bar or the next row.
    labels = (
        alt.Chart(alt.NamedData(name="pillars"))
        .mark_text(
            align="left", baseline="bottom", dy=-(GUIDELINE_BAR_PX // 2) - 2, fontSize=CHART_TEXT_PX
        )
        .encode(x=alt.value(2), y=y, text=alt.Text("status:N"))
    )
    chart = alt.LayerChart(layer=[target, bars, labels, target_label]).properties(
        title=alt.Title("Your week against the guideline"),
        description=guideline_summary(assessment),
        height=GUIDELINE_ROW_PX * max(len(rows), 1),
    )
    chart.datasets = {
        "pillars": rows,
        "target": [{"pct": 100, "note": "Target (100%)", "label": "Target"}],
    }
    return chart


# --- screening: the chair stand against the CDC norms ------------------------------------------


def chair_stand_rows(sex: Sex) -> list[Row]:
    """The CDC below-average line for one sex as a step: one row at each end of each age band."""
    column = 2 if sex == "male" else 3
    rows: list[Row] = []
    for band in screening.chair_stand_norm_table():
        low, high, threshold = band[0], band[1], band[column]
        rows.append({"age": low, "below_average_if_under": threshold, "band": f"{low}-{high}"})
        rows.append({"age": high + 1, "below_average_if_under": threshold, "band": f"{low}-{high}"})
    return rows


def chair_stand_summary(result: ScreenResult, age_years: int, sex: Sex) -> str:
    """The chair-stand chart in one sentence."""
    who = "men" if sex == "male" else "women"
    threshold = screening.chair_stand_norm(age_years, sex)
    if threshold is None:
        return (
            f"The CDC gives chair-stand norms for ages {screening.CHAIR_STAND_AGE_MIN} to "
            f"{screening.CHAIR_STAND_AGE_MAX} only, so there is no line for age {age_years}."
        )
    line = f"the CDC below-average line for {who} aged {age_years} is fewer than {threshold} stands"
    if result.value is None:
        return f"No count entered yet; {line}."
    side = "below" if result.value < threshold else "at or above"
    return f"{result.value:.0f} stands at age {age_years} is {side} that line: {line}."


CHAIR_LINE_KEY = "CDC below-average line"


def chair_stand_chart(result: ScreenResult, age_years: int, sex: Sex) -> alt.LayerChart:
    """The reader's count on the age axis against the CDC below-average line for their sex."""
    who = "men" if sex == "male" else "women"
    line = (
        alt.Chart(alt.NamedData(name="norms"))
        .mark_line(interpolate="step-after", color=GREY, strokeWidth=2)
        .transform_calculate(key=f"'{CHAIR_LINE_KEY}'")
        .encode(
            # The dash comes from the legend's scale, so the legend shows the line as drawn.
            strokeDash=alt.StrokeDash(
                "key:N",
                title=None,
                scale=alt.Scale(domain=[CHAIR_LINE_KEY], range=[[6, 3]]),
            ),
            x=alt.X(
                "age:Q",
                title="Age (years)",
                scale=alt.Scale(
                    domain=[screening.CHAIR_STAND_AGE_MIN, screening.CHAIR_STAND_AGE_MAX + 1]
                ),
            ),
            y=alt.Y(
                "below_average_if_under:Q",
                title="Full stands in 30 seconds",
                scale=alt.Scale(domain=[0, 25]),
            ),
            tooltip=[
                alt.Tooltip("band:N", title="Age band"),
                alt.Tooltip("below_average_if_under:Q", title=f"Below average for {who} if under"),
            ],
        )
    )
    layers: list[alt.Chart] = [line]
    you: list[Row] = []
    if result.value is not None and screening.chair_stand_norm(age_years, sex) is not None:
        you = [{"age": age_years, "stands": result.value, "what": "Your count"}]
        layers.append(
            alt.Chart(alt.NamedData(name="you"))
            .mark_point(size=220, filled=True, color=BLUE)
            .encode(
                shape=alt.Shape(
                    "what:N",
                    title=None,
                    scale=alt.Scale(domain=["Your count"], range=["diamond"]),
                ),
                x=alt.X("age:Q"),
                y=alt.Y("stands:Q"),
                tooltip=[
                    alt.Tooltip("what:N", title="Point"),
                    alt.Tooltip("age:Q", title="Age"),
                    alt.Tooltip("stands:Q", title="Stands"),
                ],
            )
        )
    chart = alt.LayerChart(layer=layers).properties(
        title=alt.Title(
            f"30-second chair stand: the CDC below-average line for {who}",
            subtitle="Below the dashed line means below average for that age (a fall risk).",
        ),
        description=chair_stand_summary(result, age_years, sex),
        height=300,
    )
    chart.datasets = {"norms": chair_stand_rows(sex), "you": you}
    return chart


# --- the weekly plan -----------------------------------------------------------------------


def plan_rows(built: Plan) -> list[Row]:
    """One row per week: aerobic minutes planned, strength dose and level, easier or not."""
    return [
        {
            "week": week.number,
            "aerobic_min": week.aerobic_min,
            "target_min": plan.AEROBIC_TARGET_MIN,
            "strength": f"{week.dose.text} ({LEVEL_NAMES[week.level].lower()})",
            "week_kind": "Easier week" if week.easier else "Full week",
        }
        for week in built.weeks
    ]


def plan_summary(built: Plan) -> str:
    """The chart in one sentence."""
    first, last = built.weeks[0], built.weeks[-1]
    reach = "reaching" if last.aerobic_min >= plan.AEROBIC_TARGET_MIN else "short of"
    return (
        f"Aerobic minutes rise from {first.aerobic_min} a week in week 1 to "
        f"{last.aerobic_min} in week {last.number}, {reach} the 150-minute guideline line."
    )


def plan_chart(built: Plan) -> alt.LayerChart:
    """Aerobic minutes per week as bars (easier weeks lighter), against the 150-minute line."""
    bars = (
        alt.Chart(alt.NamedData(name="weeks"))
        .mark_bar(stroke="#1A1A1A", strokeWidth=1.5)
        .encode(
            x=alt.X("week:O", title="Week of the plan", axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "aerobic_min:Q",
                title="Aerobic minutes in the week",
                scale=alt.Scale(domain=[0, max(200, *(w.aerobic_min for w in built.weeks))]),
            ),
            color=alt.Color(
                "week_kind:N",
                title="Week",
                scale=alt.Scale(domain=["Full week", "Easier week"], range=[BLUE, SKY]),
            ),
            # Not by colour alone: easier weeks are also hatched by a dashed outline. Same
            # field and title as the colour, so the two make one legend (with `legend=None`
            # here, Vega-Lite dropped the merged legend, colour and all).
            strokeDash=alt.StrokeDash(
                "week_kind:N",
                title="Week",
                scale=alt.Scale(domain=["Full week", "Easier week"], range=[[1, 0], [4, 3]]),
            ),
            tooltip=[
                alt.Tooltip("week:O", title="Week"),
                alt.Tooltip("aerobic_min:Q", title="Aerobic minutes"),
                alt.Tooltip("strength:N", title="Strength"),
                alt.Tooltip("week_kind:N", title="Kind of week"),
            ],
        )
    )
    rule = (
        alt.Chart(alt.NamedData(name="target"))
        .mark_rule(color=VERMILION, strokeWidth=3, strokeDash=[8, 4])
        .encode(
            y=alt.Y("minutes:Q"),
            tooltip=[alt.Tooltip("label:N", title="Line")],
        )
    )
    # The line's key is written on the chart, just above the line at its left end.
    rule_label = (
        alt.Chart(alt.NamedData(name="target"))
        .mark_text(align="left", baseline="bottom", dy=-5, fontSize=CHART_TEXT_PX, color=INK)
        .encode(y=alt.Y("minutes:Q"), x=alt.value(4), text=alt.Text("label:N"))
    )
    chart = alt.LayerChart(layer=[bars, rule, rule_label]).properties(
        title=alt.Title("Aerobic minutes, week by week"),
        description=plan_summary(built),
        height=280,
    )
    chart.datasets = {
        "weeks": plan_rows(built),
        "target": [
            {
                "minutes": plan.AEROBIC_TARGET_MIN,
                "label": f"Guideline: {plan.AEROBIC_TARGET_MIN} minutes a week",
            }
        ],
    }
    return chart


# --- a presenter's scene: chart text large enough for the back of a room ----------------------

# On a projector the chart's text follows the screen's height, as the scene's own type does
# (ui.present): about 2.7% of it, 19 px on a 720-line screen and 29 px on a 1080-line one,
# never smaller than the page's charts. Vega works the sizes out when it draws the chart
# (`windowSize()` is the browser window's), so its layout measures the text it draws.
PROJECTED_TEXT_SHARE = 0.027
PROJECTED_SCALE = "lme_scale"
_SCALE_EXPR = f"clamp(windowSize()[1] * {PROJECTED_TEXT_SHARE} / {CHART_TEXT_PX}, 1, 4)"
# Lengths in pixels that go with the text: sizes, offsets, padding and line heights.
_SCALED = frozenset(
    {
        "fontSize", "labelFontSize", "titleFontSize", "subtitleFontSize", "lineHeight",
        "subtitleLineHeight", "dx", "dy", "labelPadding", "titlePadding", "subtitlePadding",
        "offset", "labelOffset", "rowPadding", "columnPadding", "symbolStrokeWidth",
    }
)  # fmt: skip
_SQUARED = frozenset({"symbolSize", "size"})  # areas: the scale squared


def _grown(node: Any, key: str | None = None, parent: str | None = None) -> Any:
    if isinstance(node, dict):
        if "expr" in node:
            return node
        kept = ("data", "datasets", "value", "datum")  # data and fixed values, as they are
        out = {k: v if k in kept else _grown(v, k, key) for k, v in node.items()}
        if key == "legend" and parent != "resolve":  # a chart's own legend too
            out.update(_PROJECTED_LEGEND)
        return out
    if isinstance(node, list):
        return [_grown(v) for v in node]
    if isinstance(node, bool) or not isinstance(node, int | float):
        return node
    if key is not None and key.endswith(("fontSize", "FontSize")):
        # Small notes ("Extrapolated", 13 px on a page) as large as the rest in a room.
        return {"expr": f"{max(node, CHART_TEXT_PX)} * {PROJECTED_SCALE}"}
    if key in _SCALED or (parent == "mark" and key in ("height", "width")):  # a bar's
        return {"expr": f"{node} * {PROJECTED_SCALE}"}
    if key in _SQUARED:
        return {"expr": f"{node} * {PROJECTED_SCALE} * {PROJECTED_SCALE}"}
    return node


# Under the plot on one line, its title beside its entries: the plot keeps the height.
_PROJECTED_LEGEND = {"orient": "bottom", "direction": "horizontal", "titleOrient": "left"}


def projected(spec: dict[str, Any]) -> dict[str, Any]:
    """A finished chart spec (see `finish`) for a presenter's scene, drawn to fill its box.

    Every text size, and the offsets and padding that go with it, grows with the screen's
    height (`PROJECTED_TEXT_SHARE`); a bar's thickness too. Legends lie on one line under
    the plot, so the plot keeps the screen's height; a y axis's title reads across. The size
    is the box's ("container"), with the title left to the page (`fit` leaves it no room).
    """
    out: dict[str, Any] = _grown({k: v for k, v in spec.items() if k != "title"})
    legend = {**out.get("config", {}).get("legend", {}), **_PROJECTED_LEGEND}
    legend["layout"] = {"bottom": {"anchor": "start", "direction": "horizontal", "margin": 24}}
    # A y axis's title reads across, above the axis: turned on its side it may be longer
    # than the plot is tall (cut), and it is hard to read from the back of a room.
    axis_y = {
        **out.get("config", {}).get("axisY", {}),
        "titleAngle": 0,
        "titleAlign": "left",
        "titleBaseline": "bottom",
        "titleX": 0,
        "titleY": {"expr": f"-12 * {PROJECTED_SCALE}"},
        # A short plot's end labels are not pushed in over their neighbours.
        "labelFlush": False,
    }
    # Labels closer than this to a neighbour are left out (Vega measures by the font size;
    # a glyph's box is taller, so labels a font size apart still touched).
    axis = {
        **out.get("config", {}).get("axis", {}),
        "labelOverlap": "greedy",
        "labelSeparation": {"expr": f"8 * {PROJECTED_SCALE}"},
    }
    out["config"] = {**out.get("config", {}), "legend": legend, "axis": axis, "axisY": axis_y}
    out["params"] = [*out.get("params", []), {"name": PROJECTED_SCALE, "expr": _SCALE_EXPR}]
    out["width"] = "container"
    out["height"] = "container"
    out["autosize"] = {"type": "fit", "contains": "padding"}
    return out
