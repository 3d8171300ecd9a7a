"""The result bar: each page's result in a few plain lines, kept in view while the reader edits.

On a phone the full results of the projection, self-check, screening, plan and warning-signs
pages come two to five screens below the inputs, so a reader who changes a number saw nothing
change. Each of those pages draws a short bar right after its inputs that stays at the foot
of the screen while the inputs above it are in view (`ui.results`). The bar only repeats what
the page says further down, in the same words or fewer: it never adds a verdict of its own,
screening keeps "screening, not a diagnosis", and a warning sign is never left out of it.

Its headings and linking words are in `content/results.yaml`; the results' own words come
from the page's own wording files through the objects passed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from lib.content import ContentError, exact_mapping, read_yaml, template_text
from lib.exercises import LEVEL_NAMES
from lib.guidelines import Assessment, GuidelineText, Status
from lib.plan import Plan
from lib.projection import Projection
from lib.redflags import Triage, Urgency
from lib.screening import Flag, ScreeningText, ScreenResult

Tone = Literal["info", "warning", "error"]
PAGES: Final = ("projection", "self_check", "screening", "plan", "red_flags")
_TEXTS: Final[Mapping[str, tuple[str, ...]]] = {
    "more": (),
    "projection_note": (),
    "self_check_line": ("pillar", "status"),
    "screening_line": ("name", "label"),
    "screening_none": (),
    "plan_start": ("level",),
    "plan_meets": (),
    "plan_short": (),
    "red_flags_none": (),
    "red_flags_more": (),
    "large_help": (),
}


@dataclass(frozen=True)
class Wording:
    """The words of `content/results.yaml`: each page's heading and the bar's lines."""

    headings: Mapping[str, str]
    texts: Mapping[str, str]

    def say(self, text: str, /, **values: object) -> str:
        """The text named `text` with its placeholders filled in."""
        return self.texts[text].format(**values)


@dataclass(frozen=True)
class Bar:
    """One page's result bar: a heading, its lines, how urgent it reads, the link's words.

    `call` is an emergency number to offer as a tap-to-call link (warning signs only).
    """

    page: str
    heading: str
    lines: tuple[str, ...]
    tone: Tone
    more: str
    call: str = ""


def load_wording(path: Path) -> Wording:
    """Read `results.yaml`.

    Raises:
        ContentError: the file is missing, is not valid YAML, lacks a heading or a text, has
            an unknown key, or a text uses a placeholder lib does not fill in.
    """
    raw = read_yaml(path)
    data = exact_mapping(path, "the file", raw, ("headings", *_TEXTS))
    headings = exact_mapping(path, "headings", data["headings"], PAGES)
    return Wording(
        headings={page: template_text(path, f"headings.{page}", headings[page]) for page in PAGES},
        texts={
            name: template_text(path, name, data[name], allowed) for name, allowed in _TEXTS.items()
        },
    )


def _bar(page: str, lines: Iterable[str], tone: Tone, wording: Wording, **extra: str) -> Bar:
    more = extra.pop("more", wording.texts["more"])
    kept = tuple(line for line in lines if line)
    if not kept:
        raise ContentError(Path("content/results.yaml"), f"{page}: the result bar has no line")
    return Bar(page, wording.headings[page], kept, tone, more, **extra)


def projection_bar(path: Projection, wording: Wording) -> Bar:
    """What is left at the reader's age (and what the spell in bed took), an illustration."""
    lines = (path.headline, path.episode_headline, wording.texts["projection_note"])
    return _bar("projection", lines, "info", wording)


def self_check_bar(
    assessment: Assessment, text: GuidelineText, pillars: Mapping[str, str], wording: Wording
) -> Bar:
    """Each pillar's status, in the page's own words ("Aerobic activity: not met")."""
    lines = [
        wording.say("self_check_line", pillar=pillars[r.pillar], status=text.status_label(r.status))
        for r in assessment.results
    ]
    short = any(r.status in (Status.PARTLY, Status.NOT_MET) for r in assessment.results)
    return _bar("self_check", lines, "warning" if short else "info", wording)


def screening_bar(results: Iterable[ScreenResult], text: ScreeningText, wording: Wording) -> Bar:
    """Each test entered and its verdict; past a cut-off first; never without "not a diagnosis"."""
    done = [r for r in results if r.flag != Flag.NOT_DONE]
    done.sort(key=lambda r: r.flag != Flag.CONCERN)  # stable: the page's order otherwise
    lines = [wording.say("screening_line", name=r.name, label=r.label) for r in done]
    if not lines:
        lines = [wording.texts["screening_none"]]
    tone: Tone = "warning" if any(r.flag == Flag.CONCERN for r in done) else "info"
    return _bar("screening", [text.not_diagnosis, *lines], tone, wording)


def plan_bar(built: Plan, wording: Wording) -> Bar:
    """Where the plan starts, and whether it reaches the guidelines (what it falls short of)."""
    level = LEVEL_NAMES.get(built.start.level if built.start else built.inputs.level, "")
    lines = [wording.say("plan_start", level=level)]
    if built.shortfalls:
        lines += [wording.texts["plan_short"], *built.shortfalls]
    else:
        lines.append(wording.texts["plan_meets"])
    return _bar("plan", lines, "warning" if built.shortfalls else "info", wording)


def red_flags_bar(result: Triage, wording: Wording) -> Bar:
    """The verdict's first line and every ticked sign, most urgent first; the number to call.

    With nothing ticked it says so and what to do; it never reads as an all-clear.
    """
    if result.urgency == Urgency.NONE:
        return _bar("red_flags", [wording.texts["red_flags_none"]], "info", wording)
    tones: dict[Urgency, Tone] = {Urgency.EMERGENCY: "error", Urgency.URGENT: "warning"}
    tone = tones.get(result.urgency, "info")
    lines = [result.message, *(flag.symptom for flag in result.flags)]
    call = result.number if result.urgency == Urgency.EMERGENCY else ""
    return _bar("red_flags", lines, tone, wording, more=wording.texts["red_flags_more"], call=call)
