"""Exercise diagrams the app draws itself: a stick figure as inline SVG, start and end poses.

Each diagram shows the START pose faded and dashed, the END pose solid with the working leg
in blue, and an orange arrow for the movement, so it reads without any text. Props (a chair,
a step, a mat, a bike...) are drawn in greys. Colours are Okabe-Ito (colour-blind safe), and
meaning never rests on colour alone: start and end also differ by dash and opacity.

A pose is written in `POSES` as a few angles (`Bend`) or target points for hands and feet,
which `build` turns into joint points (`Pose`) by simple forward and inverse kinematics.
Angles are in degrees in the picture plane: 0 points down, 90 points forward (to the right,
where every side-view figure faces), 180 points up. A knee bends by `flex` degrees so that
the shin swings back from the thigh; an elbow bends the other way. The SVG holds only lines,
circles, ellipses, rectangles, polygons and paths built from straight segments or quadratic
curves, with no scripts, links or outside resources; every text in it is escaped.
"""

from __future__ import annotations

import base64
import html
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal, Protocol

Point = tuple[float, float]

WIDTH, HEIGHT = 320, 240
MAX_WIDTH_PX = 320  # a card's width; the drawing scales down with the card

# Okabe-Ito colours, the same palette as lib/charts.py and .streamlit/config.toml.
INK = "#1A1A1A"  # the figure (the app's text colour)
BLUE = "#0072B2"  # the working leg
SKY = "#56B4E9"  # water
VERMILION = "#D55E00"  # the movement arrow
GREY = "#595959"  # props' outlines and the start pose
LIGHT = "#CCCCCC"  # props' fills
PALE = "#EEEEEE"  # the strip in front of the floor (paths, footprints)
WATER = "#E8F4FB"  # a tint of SKY

FIGURE_STROKE = 6  # px at 320 wide: thick enough to read on a projector
GHOST_STROKE = 4
GHOST_OPACITY = 0.7  # the start pose's grey stays above 3:1 contrast on white
PROP_STROKE = 4
ARROW_STROKE = 4

# Body proportions in picture units (about 1 unit per cm of a 170 cm adult).
TRUNK = 58  # pelvis to neck
SHOULDER_DROP = 5  # shoulders sit this far below the neck
HEAD_R = 11
NECK = 3  # gap between the neck point and the head circle
THIGH = 44
SHIN = 42
FOOT = 17
FRONT_FOOT = 7  # a foot seen end-on from the front
UPPER_ARM = 30
FOREARM = 28
HIP_HALF = 8  # half the hip width, front views only
SHOULDER_HALF = 14

# The scene. A foot flat on the floor has its ankle and toe at GROUND.
FLOOR = 222
GROUND = FLOOR - (FIGURE_STROKE + PROP_STROKE) / 2
STAND_HIP = GROUND - THIGH - SHIN  # pelvis height of someone standing straight
SEAT = GROUND - SHIN + (FIGURE_STROKE + PROP_STROKE) / 2  # chair seat: thigh level, shin upright
SIT_HIP = SEAT - (FIGURE_STROKE + PROP_STROKE) / 2
SEAT_DEPTH = 42
CHAIR_BACK = 55  # backrest height above the seat
CHAIR_TOP = SEAT - CHAIR_BACK
MAT = 6  # mat thickness
MAT_TOP = FLOOR - MAT


@dataclass(frozen=True)
class Bend:
    """A leg or arm by angles: `upper` for the thigh or upper arm, `flex` at knee or elbow.

    A negative `flex` bends an arm the other way, as when a hand props the body up.
    """

    upper: float
    flex: float = 0.0


Limb = Bend | Point  # a Point is where the ankle or hand must reach, in picture units


@dataclass(frozen=True)
class Stance:
    """A pose as the table writes it; `build` turns it into joint points.

    Place it with `hip` (the pelvis point) or with `anchor` (a joint name and where that joint
    must land). Targets for hands and feet (Points) are absolute; feet targets need `hip`.
    """

    legs: tuple[Limb, Limb]  # near, far
    arms: tuple[Limb, Limb] = (Bend(8, 12), Bend(4, 12))
    feet: tuple[float, float] = (90.0, 90.0)  # direction of each foot, ankle to toe
    trunk: float = 180.0  # direction pelvis to neck
    head: float | None = None  # direction neck to head; None follows the trunk
    hip: Point | None = None
    anchor: tuple[str, Point] | None = None
    front: bool = False  # seen from the front: hips and shoulders apart, feet short


@dataclass(frozen=True)
class Segment3:
    """A chain of three joints: hip, knee, ankle or shoulder, elbow, hand."""

    root: Point
    mid: Point
    end: Point


@dataclass(frozen=True)
class Pose:
    """Joint points of one stick figure; `near` limbs are drawn in front of `far` ones."""

    head: Point
    neck: Point
    pelvis: Point
    near_leg: Segment3
    far_leg: Segment3
    near_toe: Point
    far_toe: Point
    near_arm: Segment3
    far_arm: Segment3
    front: bool = False

    def joint(self, name: str) -> Point:
        """A joint by name: head, neck, pelvis, or near_/far_ + hip, knee, ankle, toe,
        shoulder, elbow, hand."""
        if name in ("head", "neck", "pelvis"):
            point: Point = getattr(self, name)
            return point
        side, _, part = name.partition("_")
        if side not in ("near", "far"):
            raise KeyError(name)
        if part == "toe":
            return self.near_toe if side == "near" else self.far_toe
        index = {"hip": 0, "knee": 1, "ankle": 2, "shoulder": 0, "elbow": 1, "hand": 2}
        if part not in index:
            raise KeyError(name)
        chain = getattr(self, f"{side}_{'leg' if part in ('hip', 'knee', 'ankle') else 'arm'}")
        joints: tuple[Point, Point, Point] = (chain.root, chain.mid, chain.end)
        return joints[index[part]]


def _dir(angle: float) -> Point:
    rad = math.radians(angle)
    return (math.sin(rad), math.cos(rad))


def _add(p: Point, q: Point, k: float = 1.0) -> Point:
    return (p[0] + k * q[0], p[1] + k * q[1])


def _angle(vec: Point) -> float:
    return math.degrees(math.atan2(vec[0], vec[1]))


def _chain(root: Point, spec: Limb, lengths: Point, sign: int) -> Segment3:
    """Forward kinematics for a Bend, inverse for a target; `sign` +1 knee, -1 elbow."""
    upper_len, lower_len = lengths
    if isinstance(spec, Bend):
        mid = _add(root, _dir(spec.upper), upper_len)
        end = _add(mid, _dir(spec.upper - sign * spec.flex), lower_len)
        return Segment3(root, mid, end)
    dx, dy = spec[0] - root[0], spec[1] - root[1]
    reach = math.hypot(dx, dy)
    if reach == 0:
        raise ValueError("a hand or foot target sits on its own hip or shoulder")
    # Out of reach: straighten towards the target.
    dist = min(max(reach, abs(upper_len - lower_len) + 1e-6), upper_len + lower_len)
    along = (upper_len**2 - lower_len**2 + dist**2) / (2 * dist)
    height = math.sqrt(max(upper_len**2 - along**2, 0.0))
    ux, uy = dx / reach, dy / reach
    # The knee sits on the side of the hip-ankle line the body faces; the elbow opposite.
    mid = (root[0] + ux * along + sign * uy * height, root[1] + uy * along - sign * ux * height)
    end = _add(mid, (ux * dist - (mid[0] - root[0]), uy * dist - (mid[1] - root[1])))
    return Segment3(root, mid, end)


def _assemble(stance: Stance, pelvis: Point) -> Pose:
    up = _dir(stance.trunk)
    neck = _add(pelvis, up, TRUNK)
    shoulder = _add(pelvis, up, TRUNK - SHOULDER_DROP)
    head = _add(neck, _dir(stance.trunk if stance.head is None else stance.head), HEAD_R + NECK)
    # Front views: left and right sides lie apart, across the trunk.
    across = (-up[1], up[0]) if stance.front else (0.0, 0.0)
    hips = (_add(pelvis, across, HIP_HALF), _add(pelvis, across, -HIP_HALF))
    shoulders = (_add(shoulder, across, SHOULDER_HALF), _add(shoulder, across, -SHOULDER_HALF))
    legs = [_chain(h, spec, (THIGH, SHIN), 1) for h, spec in zip(hips, stance.legs, strict=True)]
    arms = [
        _chain(s, spec, (UPPER_ARM, FOREARM), -1)
        for s, spec in zip(shoulders, stance.arms, strict=True)
    ]
    foot = FRONT_FOOT if stance.front else FOOT
    toes = [_add(leg.end, _dir(a), foot) for leg, a in zip(legs, stance.feet, strict=True)]
    return Pose(
        head=head,
        neck=neck,
        pelvis=pelvis,
        near_leg=legs[0],
        far_leg=legs[1],
        near_toe=toes[0],
        far_toe=toes[1],
        near_arm=arms[0],
        far_arm=arms[1],
        front=stance.front,
    )


def build(stance: Stance) -> Pose:
    """The joint points of a stance, placed by its hip or its anchor.

    Raises:
        ValueError: the stance gives neither or both of hip and anchor, or places itself by an
            anchor while a foot has a target point.
    """
    if (stance.hip is None) == (stance.anchor is None):
        raise ValueError("give a stance either hip or anchor")
    if stance.hip is not None:
        return _assemble(stance, stance.hip)
    assert stance.anchor is not None  # for mypy: checked just above
    if not all(isinstance(leg, Bend) for leg in stance.legs):
        raise ValueError("feet with target points need the stance placed by its hip")
    name, (x, y) = stance.anchor
    # First pass at the origin finds where the hip must go; arm targets wait for the second.
    loose = replace(stance, arms=(Bend(0), Bend(0)))
    jx, jy = _assemble(loose, (0.0, 0.0)).joint(name)
    return _assemble(stance, (x - jx, y - jy))


# Props: drawn behind the figures, in greys.


class Prop(Protocol):
    """Scenery: SVG elements drawn behind the figures, given both poses."""

    def draw(self, start: Pose, end: Pose) -> list[str]: ...


def _num(value: float) -> str:
    text = f"{round(value, 1):g}"
    return "0" if text == "-0" else text


def _el(tag: str, **attrs: float | str) -> str:
    """One SVG element; attribute names use _ for -, numbers get one decimal."""
    parts = []
    for key, value in attrs.items():
        text = value if isinstance(value, str) else _num(value)
        parts.append(f'{key.replace("_", "-")}="{html.escape(text)}"')
    return f"<{tag} {' '.join(parts)}/>"


def _points(points: Iterable[Point]) -> str:
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in points)


def _line(p: Point, q: Point, **attrs: float | str) -> str:
    return _el("line", x1=p[0], y1=p[1], x2=q[0], y2=q[1], **attrs)


def _poly(points: Sequence[Point], **attrs: float | str) -> str:
    return _el("polyline", points=_points(points), **attrs)


_PROP: dict[str, float | str] = {"stroke": GREY, "stroke_width": PROP_STROKE}
_FILLED: dict[str, float | str] = {"fill": LIGHT, **_PROP}


@dataclass(frozen=True)
class Floor:
    """The floor line across the picture."""

    def draw(self, start: Pose, end: Pose) -> list[str]:
        return [_line((4, FLOOR), (WIDTH - 4, FLOOR), stroke=GREY, stroke_width=PROP_STROKE)]


@dataclass(frozen=True)
class Chair:
    """A chair seen from the side: backrest post at `x`, seat running `facing` (+1 right)."""

    x: float
    facing: int = 1

    def draw(self, start: Pose, end: Pose) -> list[str]:
        front = self.x + self.facing * SEAT_DEPTH
        return [
            _poly([(self.x, FLOOR), (self.x, CHAIR_TOP)], **_PROP),
            _poly([(self.x, SEAT), (front, SEAT), (front, FLOOR)], **_PROP),
        ]


@dataclass(frozen=True)
class Box:
    """A filled rectangle standing on the floor: a step, a mat, a wall."""

    x: float
    width: float
    height: float

    def draw(self, start: Pose, end: Pose) -> list[str]:
        y = FLOOR - self.height
        return [_el("rect", x=self.x, y=y, width=self.width, height=self.height, **_FILLED)]


def mat(x: float, width: float) -> Box:
    """An exercise mat or a bed on the floor."""
    return Box(x, width, MAT)


@dataclass(frozen=True)
class Stairs:
    """A flight of `n` stairs rising to the right from `x`."""

    x: float
    n: int = 3
    rise: float = 20
    run: float = 40

    def draw(self, start: Pose, end: Pose) -> list[str]:
        outline: list[Point] = [(self.x, FLOOR)]
        for i in range(self.n):
            x, y = self.x + i * self.run, FLOOR - (i + 1) * self.rise
            outline += [(x, y), (x + self.run, y)]
        last = self.x + self.n * self.run
        outline += [(last, FLOOR)]
        return [_el("polygon", points=_points(outline), **_FILLED)]

    def rail(self, x: float, height: float = 100) -> Point:
        """A point of a handrail `height` above the stairs' nosings, at `x`."""
        return (x, FLOOR - height - (x - self.x) * self.rise / self.run)


@dataclass(frozen=True)
class Rail:
    """A handrail or bar from `a` to `b`, with posts down to the floor at `posts` ends."""

    a: Point
    b: Point
    posts: Literal["none", "end", "both"] = "both"

    def draw(self, start: Pose, end: Pose) -> list[str]:
        ends = {"none": (), "end": (self.b,), "both": (self.a, self.b)}[self.posts]
        return [_line(self.a, self.b, **_PROP)] + [_line(p, (p[0], FLOOR), **_PROP) for p in ends]


@dataclass(frozen=True)
class MachineSeat:
    """A gym machine's seat under `hip` with a backrest along the trunk angle `back`."""

    hip: Point
    back: float = 180.0
    length: float = 56

    def draw(self, start: Pose, end: Pose) -> list[str]:
        gap = (FIGURE_STROKE + PROP_STROKE) / 2 + 1
        corner = (self.hip[0] - 8, self.hip[1] + gap)
        top = _add(corner, _dir(self.back), self.length)
        post = (self.hip[0] + 10, self.hip[1] + gap)
        return [
            _poly([top, corner, (self.hip[0] + 34, self.hip[1] + gap)], **_PROP),
            _poly([post, (post[0], FLOOR)], **_PROP),
            _line((post[0] - 22, FLOOR), (post[0] + 22, FLOOR), **_PROP),
        ]


def _styled(shapes: list[str], ghost: bool) -> str:
    style = (
        f'stroke-dasharray="6 6" opacity="{GHOST_OPACITY}" stroke-width="{GHOST_STROKE}"'
        if ghost
        else f'stroke-width="{PROP_STROKE}"'
    )
    return f'<g stroke="{GREY}" fill="{LIGHT}" {style}>{"".join(shapes)}</g>'


@dataclass(frozen=True)
class Pad:
    """A machine's roller pad against the shin (`side` +1 front, -1 back), on a lever arm."""

    side: int = 1

    def draw(self, start: Pose, end: Pose) -> list[str]:
        return [_styled(self._pad(start), ghost=True), _styled(self._pad(end), ghost=False)]

    def _pad(self, pose: Pose) -> list[str]:
        knee, ankle = pose.near_leg.mid, pose.near_leg.end
        ux, uy = (ankle[0] - knee[0]) / SHIN, (ankle[1] - knee[1]) / SHIN
        # Just above the ankle, on the front (or back) of the shin.
        centre = _add(_add(knee, (ux, uy), SHIN - 8), (uy, -ux), self.side * 10)
        return [
            _line(knee, centre, stroke_width=PROP_STROKE),
            _el("circle", cx=centre[0], cy=centre[1], r=7),
        ]


@dataclass(frozen=True)
class Plate:
    """A foot plate or pedal under one sole (`side` near or far), moving with it, on an arm
    to `hub` when one is given."""

    side: str = "near"
    length: float = 34
    hub: Point | None = None

    def draw(self, start: Pose, end: Pose) -> list[str]:
        return [_styled(self._plate(start), ghost=True), _styled(self._plate(end), ghost=False)]

    def _plate(self, pose: Pose) -> list[str]:
        ankle, toe = pose.joint(f"{self.side}_ankle"), pose.joint(f"{self.side}_toe")
        ux, uy = (toe[0] - ankle[0]) / FOOT, (toe[1] - ankle[1]) / FOOT
        # The plate lies just under the sole: on the side of the foot away from the knee.
        knee = pose.joint(f"{self.side}_knee")
        normal = (-uy, ux)
        if (knee[0] - ankle[0]) * normal[0] + (knee[1] - ankle[1]) * normal[1] > 0:
            normal = (uy, -ux)
        gap = (FIGURE_STROKE + PROP_STROKE) / 2 + 1
        centre = _add(_add(ankle, normal, gap), (ux, uy), FOOT / 2)
        half = self.length / 2
        shapes = [_line(_add(centre, (ux, uy), -half), _add(centre, (ux, uy), half))]
        if self.hub is not None:
            shapes.append(_line(centre, self.hub))
        return shapes


@dataclass(frozen=True)
class Wheel:
    """A machine's flywheel or drive wheel."""

    centre: Point
    r: float

    def draw(self, start: Pose, end: Pose) -> list[str]:
        return [_el("circle", cx=self.centre[0], cy=self.centre[1], r=self.r, fill=LIGHT, **_PROP)]


@dataclass(frozen=True)
class ExerciseBike:
    """An exercise bike: saddle, crank with pedals, handlebars and a flywheel."""

    saddle: Point
    crank: Point
    bars: Point
    crank_r: float = 16

    def draw(self, start: Pose, end: Pose) -> list[str]:
        saddle = (self.saddle[0], self.saddle[1] + (FIGURE_STROKE + PROP_STROKE) / 2)
        seat_post = (saddle[0] + 4, self.crank[1])
        wheel = (self.bars[0] + 10, FLOOR - 28)
        stem = (self.bars[0] - 8, self.bars[1] + 6)
        return [
            _el("circle", cx=wheel[0], cy=wheel[1], r=20, fill=LIGHT, **_PROP),  # flywheel
            _line((saddle[0] - 13, saddle[1]), (saddle[0] + 11, saddle[1]), **_PROP),
            _poly([saddle, seat_post, self.crank, wheel], **_PROP),  # seat post and frame
            _poly([(seat_post[0] - 20, FLOOR), seat_post], **_PROP),  # rear foot
            _poly([(wheel[0] + 24, FLOOR), wheel, stem, self.bars], **_PROP),  # front column
            _el(
                "circle",
                cx=self.crank[0],
                cy=self.crank[1],
                r=self.crank_r,
                stroke=LIGHT,
                stroke_width=PROP_STROKE,
            ),
        ]


@dataclass(frozen=True)
class Water:
    """A pool: wavy water line at `y`, water shaded below it, and the pool floor."""

    y: float

    def draw(self, start: Pose, end: Pose) -> list[str]:
        wave = [f"M 4 {_num(self.y)}"]
        x = 4.0
        while x < WIDTH - 24:
            wave.append(f"Q {_num(x + 10)} {_num(self.y - 5)} {_num(x + 20)} {_num(self.y)}")
            x += 20
        shade = (4, self.y, WIDTH - 8, FLOOR - self.y)
        return [
            _el("rect", x=shade[0], y=shade[1], width=shade[2], height=shade[3], fill=WATER),
            _el("path", d=" ".join(wave), fill="none", stroke=SKY, stroke_width=PROP_STROKE),
            _line((4, FLOOR), (WIDTH - 4, FLOOR), **_PROP),
        ]


@dataclass(frozen=True)
class Footprints:
    """Footprints seen from above, on a strip in front of the floor line.

    Each print is (heel x, row): row 0 is the middle line, -1 and +1 the left and right of a
    normal stance, so feet in one straight line read at a glance.
    """

    prints: tuple[tuple[float, int], ...]

    def draw(self, start: Pose, end: Pose) -> list[str]:
        top = FLOOR + PROP_STROKE / 2
        shapes = [_el("rect", x=4, y=top, width=WIDTH - 8, height=HEIGHT - top - 1, fill=PALE)]
        middle = (top + HEIGHT - 1) / 2
        for heel, row in self.prints:
            shapes.append(
                _el(
                    "ellipse",
                    cx=heel + FOOT / 2,
                    cy=middle + row * 5,
                    rx=FOOT / 2 - 0.5,
                    ry=3.5,
                    fill=GREY,
                )
            )
        return shapes


@dataclass(frozen=True)
class Path:
    """A walking path: a light band in front of the floor line."""

    def draw(self, start: Pose, end: Pose) -> list[str]:
        top = FLOOR + PROP_STROKE / 2
        return [_el("rect", x=4, y=top, width=WIDTH - 8, height=HEIGHT - top - 4, fill=PALE)]


@dataclass(frozen=True)
class ChairFront:
    """A chair seen from the front or back, centred on `x`: two posts, a top rail, the seat."""

    x: float
    half: float = 24

    def draw(self, start: Pose, end: Pose) -> list[str]:
        left, right = self.x - self.half, self.x + self.half
        return [
            _poly([(left, FLOOR), (left, CHAIR_TOP), (right, CHAIR_TOP), (right, FLOOR)], **_PROP),
            _line((left, SEAT), (right, SEAT), **_PROP),
        ]


# Arrows for the movement.


@dataclass(frozen=True)
class Shift:
    """An arrow from a joint's start point to its end point, moved by `offset`, curved by
    `bend` (a fraction of its length; the sign picks the side). `trim` shortens both ends; a
    negative trim lengthens the arrow of a small movement (a heel lifting) so it shows."""

    joint: str
    offset: Point = (0.0, 0.0)
    bend: float = 0.0
    trim: float = 4

    def path(self, start: Pose, end: Pose) -> list[Point]:
        a = _add(start.joint(self.joint), self.offset)
        b = _add(end.joint(self.joint), self.offset)
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = math.hypot(dx, dy)
        if length < 2 * self.trim + 8:
            raise ValueError(f"the {self.joint} hardly moves: no room for an arrow")
        control = _add(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), (dy, -dx), self.bend)
        curve = [_bezier(a, control, b, i / 16) for i in range(17)]
        return _trim(curve, self.trim)


@dataclass(frozen=True)
class Swing:
    """A curved arrow around `pivot` (a joint of the end pose, or a point), following the
    joint from its start angle to its end angle, `gap` outside its path (or at `scale` of
    its distance from the pivot)."""

    joint: str
    pivot: str | Point
    gap: float = 10
    trim: float = 3
    scale: float = 1.0  # below 1 draws the arc inside the limb's sweep

    def path(self, start: Pose, end: Pose) -> list[Point]:
        centre = end.joint(self.pivot) if isinstance(self.pivot, str) else self.pivot
        a, b = start.joint(self.joint), end.joint(self.joint)
        a0 = _angle((a[0] - centre[0], a[1] - centre[1]))
        turn = (_angle((b[0] - centre[0], b[1] - centre[1])) - a0 + 180) % 360 - 180
        radius = math.dist(b, centre) * self.scale + self.gap
        arc = [_add(centre, _dir(a0 + turn * i / 24), radius) for i in range(25)]
        return _trim(arc, self.trim)


Arrow = Shift | Swing


def _bezier(a: Point, c: Point, b: Point, t: float) -> Point:
    u = 1 - t
    return (
        u * u * a[0] + 2 * u * t * c[0] + t * t * b[0],
        u * u * a[1] + 2 * u * t * c[1] + t * t * b[1],
    )


def _trim(points: list[Point], amount: float) -> list[Point]:
    """Drop `amount` units of length from both ends of a polyline, so arrows clear the limbs."""
    for _ in range(2):
        left = amount
        while len(points) > 2 and math.dist(points[0], points[1]) <= left:
            left -= math.dist(points[0], points[1])
            points = points[1:]
        p, q = points[0], points[1]
        k = left / math.dist(p, q)
        points = [(p[0] + (q[0] - p[0]) * k, p[1] + (q[1] - p[1]) * k), *points[1:]]
        points = points[::-1]
    return points


def _arrow(points: list[Point]) -> str:
    """The arrow's shaft and a filled head at its last point."""
    tip, back = points[-1], points[-3] if len(points) > 2 else points[0]
    ux, uy = tip[0] - back[0], tip[1] - back[1]
    norm = math.hypot(ux, uy)
    ux, uy = ux / norm, uy / norm
    size = 10
    base = _add(tip, (ux, uy), -size)
    head = [tip, _add(base, (-uy, ux), size * 0.6), _add(base, (uy, -ux), size * 0.6)]
    shaft = [*points[:-1], _add(tip, (ux, uy), -size + 2)]
    return (
        f'<g stroke="{VERMILION}" fill="{VERMILION}">'
        + _poly(shaft, fill="none", stroke_width=ARROW_STROKE)
        + _el("polygon", points=_points(head), stroke_width=ARROW_STROKE)
        + "</g>"
    )


# The figure itself.

Working = Literal["near", "far", "both"]


def _figure(pose: Pose, *, ghost: bool, working: Working) -> str:
    def colour(side: str) -> str:
        return GREY if ghost else (BLUE if working in (side, "both") else INK)

    def leg(side: str) -> str:
        chain: Segment3 = getattr(pose, f"{side}_leg")
        toe = pose.joint(f"{side}_toe")
        return _poly([chain.root, chain.mid, chain.end, toe], stroke=colour(side))

    def arm(side: str) -> str:
        chain: Segment3 = getattr(pose, f"{side}_arm")
        return _poly([chain.root, chain.mid, chain.end], stroke=GREY if ghost else INK)

    # Far limbs are a little thinner: a hint of depth that keeps them solid, unlike the start.
    far = "" if ghost or pose.front else f' stroke-width="{FIGURE_STROKE - 1.5}"'
    body = [_line(pose.pelvis, pose.neck)]
    if pose.front:
        body += [
            _line(pose.near_leg.root, pose.far_leg.root),
            _line(pose.near_arm.root, pose.far_arm.root),
        ]
    head = _el(
        "circle",
        cx=pose.head[0],
        cy=pose.head[1],
        r=HEAD_R,
        fill="none" if ghost else INK,
    )
    style = (
        f'stroke="{GREY}" stroke-width="{GHOST_STROKE}" stroke-dasharray="7 5" '
        f'opacity="{GHOST_OPACITY}"'
        if ghost
        else f'stroke="{INK}" stroke-width="{FIGURE_STROKE}"'
    )
    return (
        f'<g class="{"start" if ghost else "end"}" fill="none" {style}>'
        f"<g{far}>{arm('far')}{leg('far')}</g>"
        f"{''.join(body)}{head}{leg('near')}{arm('near')}</g>"
    )


@dataclass(frozen=True)
class Figure:
    """One exercise diagram: the two poses, scenery, arrows and the words for screen readers."""

    start_text: str  # "sitting on a chair"
    end_text: str
    start: Stance
    end: Stance
    arrows: tuple[Arrow, ...]
    props: tuple[Prop, ...] = ()
    working: Working = "both"
    floor: bool = True

    @property
    def desc(self) -> str:
        """One plain sentence on the movement."""
        return f"Start: {self.start_text}. End: {self.end_text}."


# Common limbs and feet.
STRAIGHT = Bend(0)
SIT = Bend(90, 90)  # thigh level, shin upright
LAP = Bend(5, 55)  # hands resting on the thighs
FOLDED = Bend(25, 175)  # arms folded across the chest
HOLD_SEAT = Bend(2, 8)  # hands holding the sides of the seat
HANG = Bend(8, 15)  # an arm hanging loosely
FLAT = 90.0  # a foot flat on the floor
TOES_UP = 135.0  # front of the foot lifted, heel down
ON_TOES = 40.0  # heel lifted, ball of the foot down


def _toe_down(toe: Point, angle: float) -> Point:
    """Where the ankle is when the foot points at `angle` with its toe at `toe`."""
    return _add(toe, _dir(angle), -FOOT)


def _ankle_at(x: float, joint: str = "near_ankle") -> tuple[str, Point]:
    """Anchor: that ankle on the floor at `x`, its foot flat."""
    return (joint, (x, GROUND))


# Seated on a chair whose backrest is at CHAIR_X.
CHAIR_X = 100.0
SEAT_HIP = (CHAIR_X + 14, SIT_HIP)
SEAT_TOE = (SEAT_HIP[0] + THIGH + FOOT, GROUND)  # toe of a seated foot, flat


def _seated(
    near: Limb = SIT,
    far: Limb = SIT,
    *,
    feet: tuple[float, float] = (FLAT, FLAT),
    arms: tuple[Limb, Limb] = (LAP, LAP),
    trunk: float = 180.0,
    hip: Point = SEAT_HIP,
) -> Stance:
    return Stance(legs=(near, far), feet=feet, arms=arms, trunk=trunk, hip=hip)


# Standing behind a chair whose backrest is at SUPPORT_X, both hands on it.
SUPPORT_X = 176.0
STAND_X = SUPPORT_X - 32  # ankles of someone standing straight at the chair
HANDS_ON_CHAIR: tuple[Limb, Limb] = ((SUPPORT_X - 2, CHAIR_TOP - 3), (SUPPORT_X - 6, CHAIR_TOP - 3))


def _held(
    near: Limb = STRAIGHT,
    far: Limb = STRAIGHT,
    *,
    feet: tuple[float, float] = (FLAT, FLAT),
    anchor: tuple[str, Point] = _ankle_at(STAND_X),
    trunk: float = 180.0,
) -> Stance:
    return Stance(legs=(near, far), feet=feet, arms=HANDS_ON_CHAIR, trunk=trunk, anchor=anchor)


# Glute bridge: the shoulders stay on the mat and the hip rises about them.
BRIDGE_NECK = (96.0, MAT_TOP - FIGURE_STROKE / 2)
BRIDGE_FEET: tuple[Limb, Limb] = ((208, BRIDGE_NECK[1]), (204, BRIDGE_NECK[1]))
ARMS_ALONG = (Bend(92), Bend(92))


def _bridge_hip(lift_deg: float) -> Point:
    return _add(BRIDGE_NECK, _dir(270 + lift_deg), -TRUNK)


# Lying on the side on a mat, seen from the front, the bottom foot at SIDE_FOOT.
SIDE_FOOT = ("far_ankle", (250.0, MAT_TOP - FIGURE_STROKE / 2))
SIDE_ARMS = (Bend(120, -70), Bend(269))  # top hand on the hip; the head rests on the other

# Stairs with a handrail, from S: step-ups, heel drops and climbing.
S = 112.0
STAIRS = Stairs(S, n=3, rise=22, run=46)
RAIL = Rail(STAIRS.rail(S), STAIRS.rail(S + STAIRS.n * STAIRS.run))
STAIR_1 = GROUND - STAIRS.rise  # an ankle on the first stair
STAIR_2 = GROUND - 2 * STAIRS.rise

# Exercise bike; the pedals turn about the crank.
BIKE = ExerciseBike(saddle=(118, 140), crank=(142, 192), bars=(182, 110))
BIKE_HIP = (118.0, 135.0)


def _pedal(angle: float) -> Point:
    return _add(BIKE.crank, _dir(angle), BIKE.crank_r)


# Leg press: a reclined seat, the feet pushing the plate along PRESS_DIR.
PRESS_HIP = (92.0, 166.0)
PRESS_DIR = 97.0
PRESS_STACK = (250.0, 150.0)  # where the plate's rod enters the weight stack


def _press(distance: float, back: float = 0) -> Point:
    return _add(_add(PRESS_HIP, _dir(PRESS_DIR), distance), (-back, 0))


MACHINE_HIP = (116.0, 160.0)  # knee extension and leg curl machines
MACHINE_ARMS = (HOLD_SEAT, HOLD_SEAT)
ELLIPTICAL_GRIP: tuple[Limb, Limb] = ((175, 109), (178, 108))
ELLIPTICAL_HUB = (204.0, 196.0)
WALL_RAIL = Rail((12, CHAIR_TOP), (WIDTH - 12, CHAIR_TOP), posts="none")  # a wall or worktop

POSES: dict[str, Figure] = {
    "sit_to_stand": Figure(
        "sitting near the front of a chair, arms folded, leaning forward a little",
        "standing up straight, arms still folded",
        start=_seated(
            (SEAT_TOE[0] - 24, GROUND), (SEAT_TOE[0] - 28, GROUND), arms=(FOLDED, FOLDED), trunk=158
        ),
        end=Stance((STRAIGHT, STRAIGHT), arms=(FOLDED, FOLDED), anchor=_ankle_at(SEAT_TOE[0] - 24)),
        arrows=(Shift("head", offset=(34, 0), bend=-0.2),),
        props=(Chair(CHAIR_X),),
    ),
    "seated_knee_extension": Figure(
        "sitting tall on a chair, feet flat on the floor",
        "one knee straightened so that leg is out in front, toes pulled up",
        start=_seated(),
        end=_seated(Bend(84, 4), feet=(170, FLAT)),
        arrows=(Swing("near_ankle", "near_knee", gap=12),),
        props=(Chair(CHAIR_X),),
        working="near",
    ),
    "seated_heel_raise": Figure(
        "sitting on a chair, feet flat on the floor",
        "both heels lifted, the balls of the feet still on the floor",
        start=_seated(),
        end=_seated(
            _toe_down(SEAT_TOE, ON_TOES - 8),
            _toe_down(_add(SEAT_TOE, (-4, 0)), ON_TOES - 8),
            feet=(ON_TOES - 8, ON_TOES - 8),
        ),
        arrows=(Shift("near_ankle", offset=(-13, 0), trim=-11),),
        props=(Chair(CHAIR_X),),
    ),
    "seated_toe_raise": Figure(
        "sitting on a chair, feet flat on the floor",
        "the front of both feet lifted, heels still on the floor",
        start=_seated(),
        end=_seated(feet=(TOES_UP, TOES_UP)),
        arrows=(Shift("near_toe", offset=(9, 0), trim=-10),),
        props=(Chair(CHAIR_X),),
    ),
    "glute_bridge": Figure(
        "lying on the back on a mat, knees bent and feet flat",
        "hips lifted so that shoulders, hips and knees make a straight line",
        start=Stance(BRIDGE_FEET, arms=ARMS_ALONG, trunk=270, head=240, hip=_bridge_hip(0)),
        end=Stance(BRIDGE_FEET, arms=ARMS_ALONG, trunk=292, head=240, hip=_bridge_hip(22)),
        arrows=(Shift("pelvis", offset=(-22, -22), trim=-4),),
        props=(mat(40, 236),),
    ),
    "side_lying_leg_lift": Figure(
        "lying on one side on a mat, seen from the front, head on the lower arm, legs together",
        "the top leg lifted straight up, away from the bottom leg",
        start=Stance(
            (Bend(90), Bend(90)),
            arms=SIDE_ARMS,
            feet=(160, 160),
            trunk=263,
            anchor=SIDE_FOOT,
            front=True,
        ),
        end=Stance(
            (Bend(124), Bend(90)),
            arms=SIDE_ARMS,
            feet=(194, 160),
            trunk=263,
            anchor=SIDE_FOOT,
            front=True,
        ),
        arrows=(Swing("near_ankle", "near_hip", gap=12),),
        props=(mat(20, 280),),
        working="near",
    ),
    "mini_squat": Figure(
        "standing tall behind a chair, hands on its back",
        "knees bent a little, hips back, back straight",
        start=_held(),
        end=_held(Bend(50, 80), Bend(50, 80), trunk=164),
        arrows=(Shift("pelvis", offset=(-18, 0), trim=-4),),
        props=(Chair(SUPPORT_X),),
    ),
    "heel_raise": Figure(
        "standing behind a chair, holding its back, feet flat",
        "up on the balls of both feet, heels lifted",
        start=_held(),
        end=_held(feet=(ON_TOES, ON_TOES), anchor=("near_toe", (STAND_X + FOOT, GROUND))),
        arrows=(Shift("near_ankle", offset=(-13, 0), trim=-12),),
        props=(Chair(SUPPORT_X),),
    ),
    "toe_raise": Figure(
        "standing behind a chair, holding its back, feet flat",
        "the front of both feet lifted, standing on the heels",
        start=_held(),
        end=_held(feet=(TOES_UP, TOES_UP)),
        arrows=(Shift("near_toe", offset=(9, 0), trim=-10),),
        props=(Chair(SUPPORT_X),),
    ),
    "side_leg_lift": Figure(
        "standing behind a chair, seen from behind, hands on its back",
        "one leg lifted straight out to the side",
        start=Stance(
            (STRAIGHT, STRAIGHT),
            arms=(Bend(17), Bend(-17)),
            feet=(90, -90),
            anchor=("far_ankle", (140, GROUND)),
            front=True,
        ),
        end=Stance(
            (Bend(32), STRAIGHT),
            arms=(Bend(17), Bend(-17)),
            feet=(90, -90),
            anchor=("far_ankle", (140, GROUND)),
            front=True,
        ),
        arrows=(Swing("near_ankle", "near_hip", gap=0, scale=0.9),),
        props=(ChairFront(148),),
        working="near",
    ),
    "standing_hamstring_curl": Figure(
        "standing behind a chair, holding its back",
        "one knee bent so the foot lifts up behind, the thigh still",
        start=_held(anchor=_ankle_at(STAND_X, "far_ankle")),
        end=_held(Bend(-4, 100), feet=(-12, FLAT), anchor=_ankle_at(STAND_X, "far_ankle")),
        arrows=(Swing("near_ankle", "near_knee", gap=10),),
        props=(Chair(SUPPORT_X),),
        working="near",
    ),
    "step_up": Figure(
        "at the bottom stair, holding the handrail, one whole foot on the step",
        "standing tall on the step with both feet",
        start=Stance(
            ((S + 8, STAIR_1), (S - 30, GROUND)),
            arms=(STAIRS.rail(S), STAIRS.rail(S - 4)),
            hip=(S - 22, 131.4),
        ),
        end=Stance(
            ((S + 10, STAIR_1), (S + 6, STAIR_1)),
            arms=(STAIRS.rail(S + 36), STAIRS.rail(S + 32)),
            hip=(S + 10, STAIR_1 - THIGH - SHIN),
        ),
        arrows=(Shift("head", offset=(-24, 0), bend=0.15),),
        props=(RAIL, STAIRS),
        working="near",
    ),
    "supported_lunge": Figure(
        "standing tall beside a chair, one hand on it, one foot a step in front of the other",
        "both knees bent and the body lowered, the front knee over the ankle",
        start=Stance(
            ((167, GROUND), _toe_down((117, GROUND), 50)),
            feet=(FLAT, 50),
            arms=(HANG, (173, CHAIR_TOP - 3)),
            hip=(137, 137),
        ),
        end=Stance(
            ((167, GROUND), _toe_down((117, GROUND), 28)),
            feet=(FLAT, 28),
            arms=(HANG, (173, CHAIR_TOP - 3)),
            hip=(137, 163),
        ),
        arrows=(Shift("pelvis", offset=(-22, 0), trim=-4),),
        props=(Chair(175),),
    ),
    "heel_raise_step": Figure(
        "standing on the bottom stair, holding the handrail, heels just below the edge",
        "up on the balls of both feet, heels lifted",
        start=Stance(
            (STRAIGHT, STRAIGHT),
            feet=(115, 115),
            arms=(STAIRS.rail(S + 22), STAIRS.rail(S + 18)),
            anchor=("near_toe", (S + 12, STAIR_1)),
        ),
        end=Stance(
            (STRAIGHT, STRAIGHT),
            feet=(50, 50),
            arms=(STAIRS.rail(S + 22), STAIRS.rail(S + 18)),
            anchor=("near_toe", (S + 12, STAIR_1)),
        ),
        arrows=(Shift("near_ankle", offset=(-10, 0), trim=-5),),
        props=(RAIL, STAIRS),
    ),
    "leg_press": Figure(
        "sitting in a leg press machine, knees bent, feet on the platform",
        "the platform pushed away, legs almost straight",
        start=Stance(
            (_press(50), _press(50, 4)),
            feet=(PRESS_DIR + 90,) * 2,
            arms=(Bend(20, 40),) * 2,
            trunk=212,
            hip=PRESS_HIP,
        ),
        end=Stance(
            (_press(80), _press(80, 4)),
            feet=(PRESS_DIR + 90,) * 2,
            arms=(Bend(20, 40),) * 2,
            trunk=212,
            hip=PRESS_HIP,
        ),
        arrows=(Shift("near_toe", offset=(0, -26), trim=-2),),
        props=(
            Box(PRESS_STACK[0], 24, FLOOR - 96),  # the weight stack
            MachineSeat(PRESS_HIP, back=212),
            Plate(hub=PRESS_STACK),
        ),
    ),
    "knee_extension_machine": Figure(
        "sitting in a knee extension machine, knees bent, the pad on the front of the shins",
        "both knees straightened, lifting the pad",
        start=_seated(arms=MACHINE_ARMS, hip=MACHINE_HIP),
        end=_seated(Bend(84, 4), Bend(84, 4), feet=(170, 170), arms=MACHINE_ARMS, hip=MACHINE_HIP),
        arrows=(Swing("near_ankle", "near_knee", gap=14),),
        props=(MachineSeat(MACHINE_HIP), Pad()),
    ),
    "leg_curl_machine": Figure(
        "sitting in a leg curl machine, legs out straight, the pad behind the lower legs",
        "both knees bent, pulling the pad down and back",
        start=_seated(
            Bend(84, 4), Bend(84, 4), feet=(170, 170), arms=MACHINE_ARMS, hip=MACHINE_HIP
        ),
        end=_seated(
            Bend(86, 100), Bend(86, 100), feet=(60, 60), arms=MACHINE_ARMS, hip=MACHINE_HIP
        ),
        arrows=(Swing("near_ankle", "near_knee", gap=14),),
        props=(MachineSeat(MACHINE_HIP), Pad(side=-1)),
    ),
    "heel_to_toe_stand": Figure(
        "standing at a worktop, one hand on it, feet side by side",
        "one foot placed right in front of the other, heel touching toe, in a straight line",
        start=Stance((STRAIGHT, STRAIGHT), arms=(HANG, (176, CHAIR_TOP - 3)), hip=(150, STAND_HIP)),
        end=Stance(
            ((150 + FOOT + 1, GROUND), (150, GROUND)),
            arms=(HANG, (182, CHAIR_TOP - 3)),
            hip=(150 + FOOT / 2, STAND_HIP + 0.5),
        ),
        arrows=(Shift("near_toe", offset=(2, -14), bend=0.7, trim=-4),),
        props=(WALL_RAIL, Footprints(((150, 0), (150 + FOOT + 1, 0)))),
    ),
    "heel_to_toe_walk": Figure(
        "walking beside a wall, fingers on it, one heel right in front of the other toes",
        "the back foot stepped past, its heel now right in front of the other toes",
        start=Stance(
            ((148, GROUND), (130, GROUND)),
            arms=(Bend(15, 20), (160, CHAIR_TOP - 3)),
            hip=(139, STAND_HIP + 0.5),
        ),
        end=Stance(
            ((148, GROUND), (166, GROUND)),
            arms=(Bend(15, 20), (178, CHAIR_TOP - 3)),
            hip=(157, STAND_HIP + 0.5),
        ),
        arrows=(Shift("far_toe", offset=(0, -14), bend=0.45),),
        props=(WALL_RAIL, Footprints(((112, 0), (130, 0), (148, 0), (166, 0)))),
    ),
    "one_leg_stand": Figure(
        "standing behind a chair, holding it, both feet on the floor",
        "one foot lifted off the floor, standing on the other leg",
        start=_held(),
        end=_held(Bend(0, 6), Bend(34, 80), feet=(FLAT, 50), anchor=_ankle_at(STAND_X)),
        arrows=(Shift("far_ankle", offset=(-12, 0), trim=-5),),
        props=(Chair(SUPPORT_X),),
        working="near",
    ),
    "tai_chi": Figure(
        "standing with one foot in front, weight on the back leg, hands low",
        "weight shifted slowly onto the bent front leg, arms raised in front",
        start=Stance(
            ((166, GROUND), (106, GROUND)), arms=(Bend(20, 60), Bend(15, 60)), hip=(128, 142)
        ),
        end=Stance(
            ((166, GROUND), (106, GROUND)), arms=(Bend(70, 25), Bend(62, 30)), hip=(146, 146)
        ),
        arrows=(
            Shift("pelvis", offset=(0, 26), trim=-6),
            Shift("near_hand", offset=(14, 4), bend=-0.3),
        ),
    ),
    "walking": Figure(
        "walking, mid-stride, one foot in front",
        "a step later and further along, the other foot in front",
        start=Stance(
            ((135, GROUND), _toe_down((90, GROUND), 60)),
            feet=(105, 60),
            arms=(Bend(-25, 20), Bend(25, 25)),
            hip=(106, 137),
        ),
        end=Stance(
            (_toe_down((180, GROUND), 60), (225, GROUND)),
            feet=(60, 105),
            arms=(Bend(25, 25), Bend(-25, 20)),
            hip=(196, 137),
        ),
        arrows=(Shift("head", offset=(0, -24)),),
        props=(Path(),),
    ),
    "cycling": Figure(
        "on an exercise bike, one pedal at the front",
        "the pedals turned on, the other pedal now at the front",
        start=Stance(
            (_pedal(120), _pedal(-60)),
            feet=(100, 100),
            arms=(BIKE.bars,) * 2,
            trunk=160,
            hip=BIKE_HIP,
        ),
        end=Stance(
            (_pedal(-30), _pedal(150)),
            feet=(100, 100),
            arms=(BIKE.bars,) * 2,
            trunk=160,
            hip=BIKE_HIP,
        ),
        arrows=(Swing("near_ankle", BIKE.crank, gap=12),),
        props=(BIKE,),
    ),
    "stair_climbing": Figure(
        "at the bottom of the stairs, holding the handrail, one foot on the first stair",
        "a step higher, the other foot on the second stair",
        start=Stance(
            ((S + 10, STAIR_1), (S - 26, GROUND)),
            arms=(STAIRS.rail(S + 10), STAIRS.rail(S + 6)),
            hip=(S - 14, 131.8),
        ),
        end=Stance(
            ((S + 10, STAIR_1), (S + 56, STAIR_2)),
            arms=(STAIRS.rail(S + 48), STAIRS.rail(S + 44)),
            hip=(S + 22, 110),
        ),
        arrows=(Shift("head", offset=(-24, 0), bend=0.15),),
        props=(RAIL, STAIRS),
    ),
    "elliptical": Figure(
        "on an elliptical trainer, holding the handles, one foot back",
        "striding on, that foot now forward",
        start=Stance(
            ((112, 196), (154, 204)), feet=(70, FLAT), arms=ELLIPTICAL_GRIP, hip=(132, 122)
        ),
        end=Stance(((154, 204), (112, 196)), feet=(FLAT, 70), arms=ELLIPTICAL_GRIP, hip=(132, 122)),
        arrows=(Shift("near_ankle", offset=(0, -12), bend=0.3),),
        props=(
            Rail((174, 108), (196, 108), posts="end"),
            Plate(hub=ELLIPTICAL_HUB),
            Plate("far", hub=ELLIPTICAL_HUB),
            Wheel(ELLIPTICAL_HUB, 16),
        ),
    ),
    "swimming": Figure(
        "swimming on the front, one arm reaching forward",
        "that arm pulled back under the water toward the hip, the body moved forward",
        start=Stance(
            (Bend(-84, 12), Bend(-96, 8)),
            feet=(-90, -110),
            arms=(Bend(96), Bend(-70, 10)),
            trunk=90,
            head=96,
            hip=(138, 128),
        ),
        end=Stance(
            (Bend(-96, 8), Bend(-84, 12)),
            feet=(-110, -90),
            arms=(Bend(-60, 15), Bend(96)),
            trunk=90,
            head=96,
            hip=(170, 128),
        ),
        arrows=(Swing("near_hand", "near_shoulder", gap=0, scale=0.6),),
        props=(Water(118),),
        floor=False,
    ),
    "chair_aerobics": Figure(
        "sitting tall on a chair, feet flat, hands holding the seat",
        "marching in the chair: one knee lifted and the arms swinging",
        start=_seated(arms=(HOLD_SEAT, HOLD_SEAT)),
        end=_seated(Bend(115, 105), arms=(Bend(110, 30), Bend(-15, 20))),
        arrows=(
            Shift("near_knee", offset=(0, -12), trim=-4),
            Swing("near_hand", "near_shoulder", gap=10),
        ),
        props=(Chair(CHAIR_X),),
    ),
}

FIGURES: frozenset[str] = frozenset(POSES)


# Characters XML 1.0 forbids even when escaped: most control characters and non-characters.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """`text` without the characters XML cannot hold, so the SVG always parses."""
    return _NOT_XML.sub("", text)


def figure_svg(key: str, *, title: str | None = None) -> str:
    """The exercise diagram `key` as an inline `<svg>` element.

    Args:
        key: one of FIGURES, as named by an exercise file's `figure:` field.
        title: the accessible name, usually the exercise's title; escaped here. A missing or
            blank title falls back to the key in words.

    The title and desc carry ids made from the key (`lme-fig-<key>-title`), so a page should
    show each diagram once.

    Raises:
        KeyError: `key` is not a known diagram.
    """
    if key not in POSES:
        raise KeyError(f"no exercise diagram {key!r}; known diagrams: {', '.join(sorted(FIGURES))}")
    fig = POSES[key]
    start, end = build(fig.start), build(fig.end)
    label = " ".join(_xml_text(title or "").split()) or key.replace("_", " ").capitalize()
    ids = f"lme-fig-{key}"
    props = [*Floor().draw(start, end)] if fig.floor else []
    for prop in fig.props:
        props += prop.draw(start, end)
    arrows = "".join(_arrow(arrow.path(start, end)) for arrow in fig.arrows)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%"'
        f' style="max-width:{MAX_WIDTH_PX}px;height:auto" role="img" class="lme-figure"'
        f' aria-labelledby="{ids}-title {ids}-desc">'
        f'<title id="{ids}-title">{html.escape(label)}</title>'
        f'<desc id="{ids}-desc">{html.escape(fig.desc)}</desc>'
        '<g stroke-linecap="round" stroke-linejoin="round" fill="none">'
        f"{''.join(props)}"
        f"{_figure(start, ghost=True, working=fig.working)}"
        f"{_figure(end, ghost=False, working=fig.working)}"
        f"{arrows}</g></svg>"
    )


def svg_img(svg: str, *, alt: str, max_width_px: int | None = MAX_WIDTH_PX) -> str:
    """An `<img>` showing a standalone SVG from a data URI, with `alt` as its text.

    Why: Streamlit's `st.html` strips inline `<svg>` (it sanitises to HTML only) but keeps an
    image whose source is a `data:` URI, which loads nothing from any host.
    """
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    limit = f"max-width:{max_width_px}px;" if max_width_px else ""
    return (
        f'<img src="data:image/svg+xml;base64,{data}" alt="{html.escape(alt, quote=True)}"'
        f' style="width:100%;{limit}height:auto;display:block">'
    )


def figure_img(key: str, *, title: str | None = None) -> str:
    """The diagram `key` as an `<img>` for a page; its alt text says the start and end poses.

    Raises:
        KeyError: `key` is not a known diagram.
    """
    svg = figure_svg(key, title=title)
    label = " ".join(_xml_text(title or "").split()) or key.replace("_", " ").capitalize()
    return svg_img(svg, alt=f"Diagram of the {label.lower()}. {POSES[key].desc}")
