"""Exercise diagrams: safe, self-contained SVG for every exercise, drawn inside its frame."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from lib import content, exercises, figures
from tests.conftest import CONTENT

SVG = "{http://www.w3.org/2000/svg}"
KEYS = sorted(figures.FIGURES)
# One diagram per exercise of the library (issue 6).
LIBRARY_KEYS = {
    "sit_to_stand",
    "seated_knee_extension",
    "seated_heel_raise",
    "seated_toe_raise",
    "glute_bridge",
    "side_lying_leg_lift",
    "mini_squat",
    "heel_raise",
    "toe_raise",
    "side_leg_lift",
    "standing_hamstring_curl",
    "step_up",
    "supported_lunge",
    "heel_raise_step",
    "leg_press",
    "knee_extension_machine",
    "leg_curl_machine",
    "heel_to_toe_stand",
    "heel_to_toe_walk",
    "one_leg_stand",
    "tai_chi",
    "walking",
    "cycling",
    "stair_climbing",
    "elliptical",
    "swimming",
    "chair_aerobics",
}
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def tag(element: ET.Element) -> str:
    return element.tag.removeprefix(SVG)


def points_of(element: ET.Element) -> list[tuple[float, float]]:
    """Every point an element reaches: ends, corners, control points, circle extremes."""
    a = element.attrib
    kind = tag(element)
    if kind == "line":
        return [(float(a["x1"]), float(a["y1"])), (float(a["x2"]), float(a["y2"]))]
    if kind in ("polyline", "polygon", "path"):
        numbers = [float(n) for n in NUMBER.findall(a["points"] if kind != "path" else a["d"])]
        return list(zip(numbers[::2], numbers[1::2], strict=True))
    if kind in ("circle", "ellipse"):
        cx, cy = float(a["cx"]), float(a["cy"])
        rx = float(a.get("r", a.get("rx", 0)))
        ry = float(a.get("r", a.get("ry", 0)))
        return [(cx - rx, cy - ry), (cx + rx, cy + ry)]
    if kind == "rect":
        x, y = float(a["x"]), float(a["y"])
        return [(x, y), (x + float(a["width"]), y + float(a["height"]))]
    return []


def test_one_diagram_per_exercise_of_the_library():
    """FIGURES holds exactly the keys the exercise library asks for."""
    assert figures.FIGURES == LIBRARY_KEYS


@pytest.mark.parametrize("key", KEYS)
def test_every_diagram_is_an_accessible_svg(key):
    """Each diagram parses as an svg with a viewBox, role img, and a title and desc it names."""
    root = parse(figures.figure_svg(key))
    assert tag(root) == "svg"
    assert root.get("viewBox") == f"0 0 {figures.WIDTH} {figures.HEIGHT}"
    assert root.get("width") == "100%"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None
    assert title.text
    assert title.text.strip()
    assert desc is not None
    assert desc.text
    assert desc.text.startswith("Start: ")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


@pytest.mark.parametrize("key", KEYS)
def test_no_scripts_links_or_outside_resources(key):
    """No script, event handler, link or address other than the SVG namespace."""
    svg = figures.figure_svg(key)
    assert "<script" not in svg.lower()
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for element in parse(svg).iter():
        assert tag(element) not in ("script", "image", "foreignObject", "a", "use", "style")
        for name in element.attrib:
            assert not name.lower().startswith("on"), name
            assert not name.endswith("href"), name


@pytest.mark.parametrize("key", KEYS)
def test_everything_is_drawn_inside_the_viewbox(key):
    """Every coordinate, control point and circle edge lies within the 320 x 240 frame."""
    for element in parse(figures.figure_svg(key)).iter():
        for x, y in points_of(element):
            assert 0 <= x <= figures.WIDTH, (tag(element), x)
            assert 0 <= y <= figures.HEIGHT, (tag(element), y)


@pytest.mark.parametrize("key", KEYS)
def test_strokes_read_on_a_projector(key):
    """Every stroke is at least 4 units wide (4 px at the card's 320 px)."""
    widths = [
        float(w) for e in parse(figures.figure_svg(key)).iter() if (w := e.get("stroke-width"))
    ]
    assert widths
    assert min(widths) >= 4


@pytest.mark.parametrize("key", KEYS)
def test_start_dashed_end_solid_with_the_working_leg_in_blue(key):
    """The start pose is a dashed group, the end pose a solid one with a blue leg."""
    root = parse(figures.figure_svg(key))
    groups = {g.get("class"): g for g in root.iter(f"{SVG}g") if g.get("class")}
    assert groups["start"].get("stroke-dasharray")
    assert groups["end"].get("stroke-dasharray") is None
    assert any(e.get("stroke") == figures.BLUE for e in groups["end"].iter())


@pytest.mark.parametrize("key", KEYS)
def test_every_diagram_has_a_movement_arrow(key):
    """An arrow (a vermilion group) shows which way the body moves."""
    root = parse(figures.figure_svg(key))
    assert any(g.get("stroke") == figures.VERMILION for g in root.iter(f"{SVG}g"))


@pytest.mark.parametrize("key", KEYS)
def test_knees_never_bend_backwards(key):
    """In side views each shin swings back from its thigh (knee flexion of 0 to 180 degrees)."""
    figure = figures.POSES[key]
    for stance in (figure.start, figure.end):
        if stance.front:
            continue  # seen from the front, knees bend towards the viewer
        pose = figures.build(stance)
        for leg in (pose.near_leg, pose.far_leg):
            thigh = math.degrees(math.atan2(leg.mid[0] - leg.root[0], leg.mid[1] - leg.root[1]))
            shin = math.degrees(math.atan2(leg.end[0] - leg.mid[0], leg.end[1] - leg.mid[1]))
            flex = (thigh - shin + 180) % 360 - 180
            assert -0.5 <= flex <= 180, (key, flex)


@pytest.mark.parametrize("key", KEYS)
def test_nothing_sinks_into_the_floor(key):
    """No joint of either pose lies below where a foot stands on the floor."""
    figure = figures.POSES[key]
    for stance in (figure.start, figure.end):
        pose = figures.build(stance)
        joints = [
            pose.joint(f"{side}_{part}")
            for side in ("near", "far")
            for part in ("hip", "knee", "ankle", "toe", "shoulder", "elbow", "hand")
        ]
        assert max(y for _, y in [*joints, pose.head]) <= figures.GROUND + 0.5, key


@given(
    dx=st.floats(min_value=-60, max_value=60),
    dy=st.floats(min_value=20, max_value=80),
)
def test_a_reachable_foot_target_is_reached(dx, dy):
    """A foot target within reach puts the ankle on it, keeps the limb lengths, knee forward."""
    hip = (160.0, 120.0)
    target = (hip[0] + dx, hip[1] + dy)
    pose = figures.build(figures.Stance(legs=(target, target), hip=hip))
    leg = pose.near_leg
    reach = math.dist(hip, target)
    if figures.THIGH - figures.SHIN + 1 < reach < figures.THIGH + figures.SHIN:
        assert math.dist(leg.end, target) < 1e-6
    assert math.dist(leg.root, leg.mid) == pytest.approx(figures.THIGH)
    assert math.dist(leg.mid, leg.end) == pytest.approx(figures.SHIN)
    # The knee lies on the side of the hip-ankle line the body faces.
    cross = (leg.end[0] - leg.root[0]) * (leg.mid[1] - leg.root[1]) - (leg.end[1] - leg.root[1]) * (
        leg.mid[0] - leg.root[0]
    )
    assert cross <= 1e-6


@given(title=st.text(max_size=80))
@example(title="<script>alert('x')</script>")
@example(title='" onload="alert(1)')
@example(title="Heel & toe </title><script>")
@example(title="Sit-to-stand ✓ Ünïcødé 🦵 \u202e")
@example(title="nul\x00 and bell\x07")
def test_hostile_titles_are_escaped(title):
    """Any title comes out as plain text on one line in <title>, and the SVG still parses."""
    svg = figures.figure_svg("sit_to_stand", title=title)
    root = parse(svg)
    assert "<script" not in svg
    shown = root.find(f"{SVG}title")
    assert shown is not None
    cleaned = " ".join(re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", title).split())
    assert shown.text == (cleaned or "Sit to stand")
    assert len(list(root.iter(f"{SVG}title"))) == 1


def test_a_blank_title_falls_back_to_the_key_in_words():
    """No title, or a blank one, names the diagram after its key."""
    assert ">Seated toe raise</title>" in figures.figure_svg("seated_toe_raise", title="  ")
    assert ">Seated toe raise</title>" in figures.figure_svg("seated_toe_raise")


def test_unknown_key_raises_a_helpful_key_error():
    """An unknown key names itself and lists the known ones."""
    with pytest.raises(KeyError, match=r"no exercise diagram 'moonwalk'.*sit_to_stand"):
        figures.figure_svg("moonwalk")


def test_a_stance_is_placed_by_hip_or_anchor_not_both():
    """build refuses a stance with neither or both ways of placing it."""
    with pytest.raises(ValueError, match="either hip or anchor"):
        figures.build(figures.Stance(legs=(figures.STRAIGHT, figures.STRAIGHT)))
    with pytest.raises(ValueError, match="either hip or anchor"):
        figures.build(
            figures.Stance(
                legs=(figures.STRAIGHT, figures.STRAIGHT),
                hip=(100, 100),
                anchor=("near_ankle", (100, 200)),
            )
        )


def test_every_exercise_file_names_a_known_figure():
    """Each exercise file's `figure:` field is a key of FIGURES."""
    library = exercises.load_library(
        CONTENT / "exercises", content.load_sources(CONTENT / "sources.yaml")
    )
    unknown = {ex.slug: ex.figure for ex in library if ex.figure not in figures.FIGURES}
    assert not unknown
