"""Colour contrast (WCAG 2.x) and colour-blind safety of the theme, the charts and the style sheet.

Contrast ratio = (L1 + 0.05) / (L2 + 0.05), L the relative luminance of the lighter (L1) and
darker (L2) colour. Text needs 4.5:1 (1.4.3, AA); graphical objects a reader needs to see
(lines, markers, bars, bands, focus rings) need 3:1 against what is next to them (1.4.11).
A mark drawn with opacity is judged by the colour it shows: blended over white.

Colour-blind safety: each colour is passed through the Machado, Oliveira and Fernandes (2009)
simulation of full protanopia, deuteranopia and tritanopia; colours that must be told apart
on one chart must stay at least MIN_DELTA_E apart in CIELAB (CIE76).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass

import pytest

from lib import charts, reading
from tests.conftest import ROOT

WHITE = "#FFFFFF"
# Streamlit's light secondary background (sidebar, code, inputs) as the theme documents it,
# and the sidebar grey Streamlit 1.67 actually draws (measured in Chromium).
SECONDARY = "#F0F2F6"
SIDEBAR = "#F8F8F7"
TEXT, GRAPHIC = 4.5, 3.0
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}
# CIE76 distance between two colours in CIELAB. About 2.3 is a just-noticeable difference
# (Sharma 2003); 10 is about four of those: two marks side by side are clearly different,
# which is all these charts ask of colour (each layer also differs by shape, dash or label).
MIN_DELTA_E = 10.0

# --- the formulas -------------------------------------------------------------------------------


def rgb(hex_colour: str) -> tuple[float, float, float]:
    """#RRGGBB as sRGB channels from 0 to 1."""
    h = hex_colour.lstrip("#")
    return (int(h[0:2], 16) / 255, int(h[2:4], 16) / 255, int(h[4:6], 16) / 255)


def to_linear(c: float) -> float:
    """sRGB channel to linear light (the sRGB transfer function; WCAG 2.2 uses 0.04045)."""
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def to_srgb(c: float) -> float:
    c = min(max(c, 0.0), 1.0)
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def luminance(colour: tuple[float, float, float]) -> float:
    """WCAG relative luminance: 0.2126 R + 0.7152 G + 0.0722 B, in linear light."""
    r, g, b = (to_linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """WCAG contrast ratio, from 1 (same) to 21 (black on white)."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def over(colour: str, opacity: float, background: str = WHITE) -> tuple[float, float, float]:
    """The colour a mark with this opacity shows on `background` (alpha blend in sRGB)."""
    fg, bg = rgb(colour), rgb(background)
    return tuple(opacity * f + (1 - opacity) * b for f, b in zip(fg, bg, strict=True))  # type: ignore[return-value]


# Machado et al. 2009, severity 1.0, applied to linear RGB.
CVD = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def simulate(colour: tuple[float, float, float], kind: str) -> tuple[float, float, float]:
    """How `colour` looks with full protanopia, deuteranopia or tritanopia."""
    linear = [to_linear(c) for c in colour]
    out = (sum(m * c for m, c in zip(row, linear, strict=True)) for row in CVD[kind])
    return tuple(to_srgb(c) for c in out)  # type: ignore[return-value]


def lab(colour: tuple[float, float, float]) -> tuple[float, float, float]:
    """sRGB to CIELAB (D65 white)."""
    r, g, b = (to_linear(c) for c in colour)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def delta_e(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """CIE76 colour difference."""
    return sum((p - q) ** 2 for p, q in zip(lab(a), lab(b), strict=True)) ** 0.5


@pytest.mark.parametrize(
    ("fg", "bg", "expected"),
    [("#000000", "#FFFFFF", 21.0), ("#FFFFFF", "#FFFFFF", 1.0), ("#767676", "#FFFFFF", 4.54)],
)
def test_contrast_formula_matches_known_values(fg, bg, expected):
    """Black on white is 21:1 and #767676 on white about 4.54:1, as WCAG tools report."""
    assert contrast(rgb(fg), rgb(bg)) == pytest.approx(expected, abs=0.01)


def test_simulation_keeps_grey_and_confuses_red_with_green():
    """The simulation leaves greys alone and makes pure red and green alike for a deuteranope."""
    grey = rgb("#808080")
    assert delta_e(simulate(grey, "deuteranopia"), grey) < 1
    red, green = rgb("#FF0000"), rgb("#00FF00")
    assert delta_e(red, green) > 80
    assert delta_e(simulate(red, "deuteranopia"), simulate(green, "deuteranopia")) < 40


# --- the theme: .streamlit/config.toml ----------------------------------------------------------

THEME = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))["theme"]


@pytest.mark.parametrize("background", [WHITE, SECONDARY, SIDEBAR])
@pytest.mark.parametrize("key", ["textColor", "primaryColor", "linkColor"])
def test_theme_text_colours_meet_aa(key, background):
    """The theme's text, primary and link colours reach 4.5:1 on white and on the greys."""
    assert contrast(rgb(THEME[key]), rgb(background)) >= TEXT


def test_primary_on_its_selected_tint_meets_aa():
    """A selected choice shows primary text on primary at 10% over white: still 4.5:1."""
    assert contrast(rgb(THEME["primaryColor"]), over(THEME["primaryColor"], 0.1)) >= TEXT


def test_theme_is_light_and_chart_palette_is_okabe_ito():
    """The chart palette is exactly the Okabe-Ito set, made for colour-blind readers."""
    assert THEME["base"] == "light"
    assert {c.upper() for c in THEME["chartCategoricalColors"]} == OKABE_ITO


# --- the charts: lib/charts.py ------------------------------------------------------------------


@dataclass(frozen=True)
class Use:
    """How a colour is drawn on a chart: as what, at what opacity, needing what contrast."""

    what: str
    colour: str
    opacity: float = 1.0
    needs: float = GRAPHIC


def xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


SUMMARY_TOO = "its values are also in the sentence under the chart and in the table"
# Every colour lib/charts.py draws with, read from the code: graphical objects at 3:1, and
# the two text colours of CHART_CONFIG at 4.5:1.
CHART_USES = [
    Use("projection: the reader's path, a 3 px line", charts.BLUE),
    Use("episode: muscle size, a 3 px line", charts.BLUE),
    Use("screening: the reader's chair-stand count, a diamond", charts.BLUE),
    Use("plan: bar outline round full and easier weeks (1.5 px)", "#1A1A1A"),
    Use("projection: the reader's age, a diamond", charts.VERMILION),
    Use("episode: strength, a dashed 3 px line", charts.VERMILION),
    Use("self-check: 'not met' bars", charts.VERMILION),
    Use("plan: the 150-minute guideline, a dashed 3 px line", charts.VERMILION),
    Use("self-check: 'met' bars", charts.GREEN),
    Use("rules at 30 and 60, target and 'out of bed' lines, reference path", charts.GREY),
    Use("screening: the CDC below-average line", charts.GREY),
    Use("projection: the ageing band's outline (its fill is a pale tint)", charts.BLUE),
    Use("projection and episode: the recovery ranges' outlines", charts.VERMILION),
    Use("projection: start of the spell in bed, a 2 px rule", charts.VERMILION),
    Use("self-check: 'partly met' bars", charts.BLUE),
    # Fills inside an outline that meets 3:1 (the rows above): WCAG 1.4.11 asks it of the
    # boundary, so a pale tint may fill it. needs=1.0 records that no ratio is required.
    Use("projection: the ageing band's fill, inside its blue outline", charts.SKY, 0.35, 1.0),
    Use(
        "projection and episode: recovery fills, inside vermilion outlines",
        charts.ORANGE,
        0.45,
        1.0,
    ),
    Use("plan: easier-week bars, inside a dark outline and dashed", charts.SKY, 1.0, 1.0),
    # Text: titles, legends and mark labels in the theme's ink, axis text in a dark grey
    # (Streamlit's own axis grey is about 3.7:1, below AA).
    Use("chart titles, legends and labels (text)", charts.INK, 1.0, TEXT),
    Use("axis labels and titles (text)", charts.AXIS_INK, 1.0, TEXT),
]


def _id(use: object) -> str:
    return use.what.split(",")[0] if isinstance(use, Use) else str(use)


@pytest.mark.parametrize("use", CHART_USES, ids=_id)
def test_chart_colours_stand_out_from_white(use: Use):
    """Each line, marker, bar or band on a chart has 3:1 against the white plot."""
    assert contrast(over(use.colour, use.opacity), rgb(WHITE)) >= use.needs


# Which CHART_CONFIG settings colour text (4.5:1) and which colour lines (3:1).
TEXT_COLOUR_KEYS = {"color", "labelColor", "titleColor", "subtitleColor"}
LINE_COLOUR_KEYS = {"tickColor", "domainColor", "gridColor"}


def _config_colours() -> list[tuple[str, str, str]]:
    """(part, key, colour) for every colour CHART_CONFIG sets."""
    return [
        (part, key, value)
        for part, settings in charts.CHART_CONFIG.items()
        if isinstance(settings, dict)
        for key, value in settings.items()
        if key.endswith("olor") or key == "color"
    ]


@pytest.mark.parametrize(("part", "key", "colour"), _config_colours())
def test_chart_text_and_axes_meet_aa(part, key, colour):
    """Axis labels and titles, legends, titles and mark text reach 4.5:1 on the white chart;
    ticks and axis lines 3:1. Every colour the shared chart config sets is one or the other."""
    assert key in TEXT_COLOUR_KEYS | LINE_COLOUR_KEYS, f"{part}.{key} is not classified"
    needed = TEXT if key in TEXT_COLOUR_KEYS else GRAPHIC
    assert contrast(rgb(colour), rgb(WHITE)) >= needed, f"{part}.{key} = {colour}"


def test_chart_config_colours_every_text():
    """The config sets the axis, legend, title and mark-text colours itself: none is left to
    Streamlit's theme, whose axis grey is below 4.5:1."""
    colours = {(part, key) for part, key, _ in _config_colours()}
    for needed in [
        ("axis", "labelColor"),
        ("axis", "titleColor"),
        ("legend", "labelColor"),
        ("legend", "titleColor"),
        ("title", "color"),
        ("title", "subtitleColor"),
        ("text", "color"),
    ]:
        assert needed in colours


def _uses() -> list[Use]:
    return [u if isinstance(u, Use) else u.values[0] for u in CHART_USES]


def test_every_chart_colour_is_in_the_table():
    """Each colour constant and literal in lib/charts.py has a row above, so none goes unchecked."""
    source = (ROOT / "lib" / "charts.py").read_text("utf-8")
    constants = {v.upper() for k, v in vars(charts).items() if k.isupper() and _is_hex(v)}
    literals = {h.upper() for h in re.findall(r"#[0-9A-Fa-f]{6}\b", source)}
    checked = {u.colour.upper() for u in _uses()}
    assert constants | literals <= checked


def test_chart_colours_are_okabe_ito_or_grey():
    """The charts draw with Okabe-Ito colours, plus neutral greys for rules and outlines."""
    constants = {v.upper() for k, v in vars(charts).items() if k.isupper() and _is_hex(v)}
    neutral = {c for c in constants if len(set(re.findall("..", c[1:]))) == 1}
    assert constants - neutral <= OKABE_ITO


def _is_hex(value: object) -> bool:
    return isinstance(value, str) and re.fullmatch(r"#[0-9A-Fa-f]{6}", value) is not None


# Colours that share a chart and must be told apart: (chart, first, second), as drawn.
BAND = (charts.SKY, 0.35)
SOLID = 1.0
PAIRS = [
    ("projection", (charts.BLUE, SOLID), (charts.VERMILION, SOLID)),
    ("projection", (charts.BLUE, SOLID), (charts.GREY, SOLID)),
    ("projection", (charts.BLUE, SOLID), BAND),
    ("projection", BAND, (charts.ORANGE, 0.45)),
    ("projection", (charts.ORANGE, SOLID), (charts.GREY, SOLID)),
    ("projection", (charts.ORANGE, SOLID), (charts.VERMILION, SOLID)),
    ("episode", (charts.BLUE, SOLID), (charts.VERMILION, SOLID)),
    ("episode", (charts.VERMILION, SOLID), (charts.ORANGE, 0.35)),
    ("self-check", (charts.GREEN, SOLID), (charts.ORANGE, SOLID)),
    ("self-check", (charts.GREEN, SOLID), (charts.VERMILION, SOLID)),
    ("self-check", (charts.ORANGE, SOLID), (charts.VERMILION, SOLID)),
    ("self-check", (charts.GREEN, SOLID), (charts.GREY, SOLID)),
    ("plan", (charts.BLUE, SOLID), (charts.SKY, SOLID)),
    ("plan", (charts.SKY, SOLID), (charts.VERMILION, SOLID)),
    ("screening", (charts.BLUE, SOLID), (charts.GREY, SOLID)),
]


@pytest.mark.parametrize("kind", sorted(CVD))
@pytest.mark.parametrize(
    ("chart", "first", "second"), PAIRS, ids=[f"{p[0]}-{p[1][0]}-{p[2][0]}" for p in PAIRS]
)
def test_chart_colours_stay_apart_for_colour_blind_readers(chart, first, second, kind):
    """Colours that share a chart stay at least 10 ΔE apart for protan, deutan and tritan eyes."""
    a, b = over(*first), over(*second)
    assert delta_e(simulate(a, kind), simulate(b, kind)) >= MIN_DELTA_E, chart


# --- the style sheet: ui/style.css --------------------------------------------------------------

CSS = (ROOT / "ui" / "style.css").read_text("utf-8")
INK = THEME["textColor"]
# (what, foreground, background, needed), read from ui/style.css.
CSS_PAIRS = [
    ("article links", "#005a8c", WHITE, TEXT),
    ("glossary source links", "#005a8c", WHITE, TEXT),
    ("table header text", INK, "#eef3f8", TEXT),
    ("table cell borders", "#8a8a8a", WHITE, GRAPHIC),
    ("table header borders", "#8a8a8a", "#eef3f8", GRAPHIC),
    ("note callout text", INK, "#eef5fb", TEXT),
    ("note callout links", "#005a8c", "#eef5fb", TEXT),
    ("tip callout text", INK, "#eaf7f2", TEXT),
    ("tip callout links", "#005a8c", "#eaf7f2", TEXT),
    ("warning callout text", INK, "#fdf4e3", TEXT),
    ("warning callout links", "#005a8c", "#fdf4e3", TEXT),
    ("danger callout text", INK, "#fcebe2", TEXT),
    ("danger callout links", "#005a8c", "#fcebe2", TEXT),
    ("danger callout title", "#8a3200", "#fcebe2", TEXT),
    ("source fact ids", "#4d4d4d", WHITE, TEXT),
    ("glossary 'also called'", "#4d4d4d", WHITE, TEXT),
    ("captions", "#595959", WHITE, TEXT),
    ("the share panel's link", "#1f1f1f", "#f0f2f6", TEXT),
    ("focus ring on the page", "#0072b2", WHITE, GRAPHIC),
    ("focus ring in the sidebar", "#0072b2", SECONDARY, GRAPHIC),
    ("focus ring in a note callout", "#0072b2", "#eef5fb", GRAPHIC),
    ("focus ring in a danger callout", "#0072b2", "#fcebe2", GRAPHIC),
    ("citation link under the pointer", "#005a8c", "#e4eef7", TEXT),
    ("citation or source just jumped to", "#005a8c", "#fff1c7", TEXT),
    ("source text just jumped to", INK, "#fff1c7", TEXT),
    ("key points text", INK, "#f3f8fc", TEXT),
    ("key points box outline", "#0072b2", WHITE, GRAPHIC),
    # The result bar (ui/results.py): its text and links on each of its three backgrounds.
    ("result bar text", INK, "#eef5fb", TEXT),
    ("result bar links", "#005a8c", "#eef5fb", TEXT),
    ("result bar text, past a cut-off", INK, "#fdf4e3", TEXT),
    ("result bar links, past a cut-off", "#005a8c", "#fdf4e3", TEXT),
    ("result bar text, an emergency", INK, "#fcebe2", TEXT),
    ("result bar links, an emergency", "#005a8c", "#fcebe2", TEXT),
    ("result bar call link", "#8a1c14", "#fcebe2", TEXT),
    ("result bar border", "#0072b2", WHITE, GRAPHIC),
    ("result bar border, past a cut-off", "#8a5a00", WHITE, GRAPHIC),
    ("result bar border, an emergency", "#b3261e", WHITE, GRAPHIC),
    ("focus ring in the result bar", "#0072b2", "#fdf4e3", GRAPHIC),
]
# Callout borders are decoration: each callout names its kind in its title ("Warning"), so
# the border colour carries no meaning of its own and 1.4.11 does not apply to it.
CSS_DECORATION = {"#0072b2", "#009e73", "#e69f00", "#d55e00"}


@pytest.mark.parametrize(("what", "fg", "bg", "needed"), CSS_PAIRS, ids=[p[0] for p in CSS_PAIRS])
def test_style_sheet_colours_meet_aa(what, fg, bg, needed):
    """Each text and graphic colour in ui/style.css has its contrast on its own background."""
    assert contrast(rgb(fg), rgb(bg)) >= needed


def test_every_style_sheet_colour_is_checked():
    """Every colour ui/style.css names is in the table above or is a callout's decorative border."""
    named = {c.lower() for c in re.findall(r"#[0-9A-Fa-f]{6}\b", CSS)}
    checked = {c.lower() for _, fg, bg, _ in CSS_PAIRS for c in (fg, bg)} | CSS_DECORATION
    assert named <= checked, named - checked


def test_style_sheet_has_no_less_than_sign():
    """ui/style.css contains no '<': Streamlit's HTML sanitiser drops a style tag holding one.

    Found the hard way: a comment mentioning an input tag made the browser ignore every rule
    here, these colours included (tests/browser/test_keyboard.py then fails too).
    """
    assert "<" not in CSS


# --- the large-text, high-contrast option: ui/large.css and the reading pages' style ------------
# WCAG 1.4.6 (AAA) asks 7:1 for text; the option holds its borders and focus rings to 7:1 too.

AAA = 7.0
LARGE_CSS = (ROOT / "ui" / "large.css").read_text("utf-8")
# Streamlit 1.67's light alert backgrounds, as drawn: its colours at 10% (9% for errors)
# over white (measured in Chromium).
ALERTS = {
    "info": over("#1C83E1", 0.1),
    "warning": over("#FFE312", 0.1),
    "error": over("#FF2B2B", 0.09),
    "success": over("#21C354", 0.1),
}
# (what, foreground, background), every one needing 7:1, read from ui/large.css.
LARGE_PAIRS = [
    ("page text", "#000000", WHITE),
    ("links", "#003d66", WHITE),
    ("links in the sidebar", "#003d66", SIDEBAR),
    ("captions and input labels", "#1a1a1a", WHITE),
    ("sidebar text", "#000000", SIDEBAR),
    ("box and input borders", "#1a1a1a", WHITE),
    ("borders in the sidebar", "#1a1a1a", SECONDARY),
    ("table borders", "#1a1a1a", "#eef3f8"),
    ("the share panel's link", "#000000", WHITE),
    ("focus ring", "#003d66", WHITE),
    ("focus ring in the sidebar", "#003d66", SIDEBAR),
    ("focus ring in a danger callout", "#003d66", "#fcebe2"),
    ("result bar border", "#003d66", WHITE),
    ("result bar text", "#000000", "#eef5fb"),
    ("result bar links", "#003d66", "#eef5fb"),
    ("result bar links, past a cut-off", "#003d66", "#fdf4e3"),
    ("result bar links, an emergency", "#003d66", "#fcebe2"),
    ("result bar border, past a cut-off", "#5c3c00", WHITE),
    ("result bar border, an emergency", "#8a1c14", WHITE),
    ("result bar call link", "#6e1610", "#fcebe2"),
]
ALERT_PAIRS = [(f"alert text on {kind}", "#000000", bg) for kind, bg in ALERTS.items()] + [
    (f"alert border on {kind}", "#1a1a1a", bg) for kind, bg in ALERTS.items()
]


def _colour(value: str | tuple[float, float, float]) -> tuple[float, float, float]:
    return rgb(value) if isinstance(value, str) else value


@pytest.mark.parametrize(
    ("what", "fg", "bg"), LARGE_PAIRS + ALERT_PAIRS, ids=[p[0] for p in LARGE_PAIRS + ALERT_PAIRS]
)
def test_large_text_colours_reach_7_to_1(what, fg, bg):
    """With the option on, every text, border and focus-ring colour reaches 7:1 (AAA)."""
    assert contrast(_colour(fg), _colour(bg)) >= AAA, what


def test_every_large_text_colour_is_checked():
    """Every colour ui/large.css names is a foreground in the table above (or a background)."""
    named = {c.lower() for c in re.findall(r"#[0-9A-Fa-f]{6}\b", LARGE_CSS)}
    foregrounds = {fg.lower() for _, fg, _ in LARGE_PAIRS}
    assert named - {"#ffffff"} <= foregrounds, named - foregrounds


def test_large_text_style_sheet_has_no_less_than_sign():
    """ui/large.css has no '<' either (Streamlit's sanitiser would drop the whole sheet)."""
    assert "<" not in LARGE_CSS


def test_large_text_raises_the_body_text_to_22_px():
    """The option sets the root size to 22 px (the theme's is 18 px), which every rem follows."""
    assert re.search(r"html \{ font-size: 22px !important; \}", LARGE_CSS)
    assert THEME["baseFontSize"] == 18


def _short_hex(colour: str) -> str:
    """#abc as #aabbcc."""
    h = colour.lstrip("#")
    return "#" + "".join(c * 2 for c in h) if len(h) == 3 else colour


READING_LARGE = reading._LARGE_STYLE
# (what, foreground, background), every one needing 7:1, read from lib/reading.py.
READING_LARGE_PAIRS = [
    ("text", "#000000", WHITE),
    ("links", "#003d66", WHITE),
    ("links in a warning-sign box", "#003d66", "#fcebe2"),
    ("fact ids and notes", "#1a1a1a", WHITE),
    ("fact ids in a warning-sign box", "#1a1a1a", "#fcebe2"),
    ("header, footer and table borders", "#1a1a1a", WHITE),
    ("focus ring", "#003d66", WHITE),
    ("warning-sign box border", "#8a1c14", WHITE),
    ("danger callout title", "#6e1610", "#fcebe2"),
    ("tip callout border", "#00573f", WHITE),
    ("warning callout border", "#5c3c00", WHITE),
]


@pytest.mark.parametrize(
    ("what", "fg", "bg"), READING_LARGE_PAIRS, ids=[p[0] for p in READING_LARGE_PAIRS]
)
def test_large_reading_pages_reach_7_to_1(what, fg, bg):
    """A reading page in the large-text mode: text, borders and rings at 7:1 or more."""
    assert contrast(rgb(fg), rgb(bg)) >= AAA, what


def test_every_large_reading_colour_is_checked():
    """Every colour the reading pages' large style names is a foreground in the table above."""
    named = {_short_hex(c).lower() for c in re.findall(r"#[0-9A-Fa-f]{3,6}\b", READING_LARGE)}
    foregrounds = {fg.lower() for _, fg, _ in READING_LARGE_PAIRS}
    assert named - {"#ffffff"} <= foregrounds, named - foregrounds
