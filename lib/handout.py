"""What goes on the clinician handout's PDF, gathered from the self-check, the screening,
the plan and the red-flag checklist (the page is drawn by `lib.pdf`).

Pure: the caller loads the content files and passes them in, with the date and version.
Only results that were entered are printed (a screening test left empty is no row), the
warning signs name the reader's country's emergency number and no other, and the sources
are those behind what is printed, once each, in first-use order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from lib import figures, guidelines, pdf, plan, redflags, screening
from lib.content import Source
from lib.exercises import Exercise
from lib.redflags import Country

TITLE = "Leg muscle: notes for you"
# The plan's and the self-check's own PDFs are printed by the reader, maybe alone.
OWN_SUBTITLE = "Educational, not medical advice: not a diagnosis or a prescription."
SUBTITLE = (
    "Prepared with your clinician. Educational, not medical advice: not a diagnosis or a "
    "prescription."
)
PILLARS = {
    "aerobic": "Aerobic activity",
    "strength": "Strength training",
    "balance": "Balance activity (65 and over)",
    "protein": "Protein",
}


def warning_signs(
    country: Country, checklist: redflags.Checklist | None = None
) -> tuple[pdf.WarningSigns, tuple[str, ...]]:
    """The checklist's emergency signs, group by group, for one country, and their sources."""
    chosen = redflags.CHECKLIST if checklist is None else checklist
    number = redflags.EMERGENCY_NUMBERS[country]
    lines: list[tuple[str, str]] = []
    ids: list[str] = []
    for group in chosen.groups:
        emergency = [f for f in group.flags if f.urgency == redflags.Urgency.EMERGENCY]
        if emergency:
            lines.append((group.heading, "; ".join(f.symptom for f in emergency) + "."))
            ids.extend(s for f in emergency for s in f.source_ids)
    worried = chosen.countries[country].worried.replace(redflags.NUMBER, number)
    signs = pdf.WarningSigns(
        number=number,
        heading=f"Warning signs: call {number} now (or go to the emergency department) "
        "if you have any of these",
        lines=tuple(lines),
        closing="This list holds only some warning signs and cannot rule out a serious "
        f"problem. {worried}",
    )
    return signs, tuple(dict.fromkeys(ids))


def selfcheck_group(
    assessment: guidelines.Assessment, text: guidelines.GuidelineText
) -> tuple[pdf.ResultGroup, tuple[str, ...]]:
    """The self-check's four results (what was entered, checked against the guideline)."""
    name = "US 2018" if assessment.inputs.guideline == "us" else "WHO 2020"
    rows = tuple(
        (
            PILLARS.get(r.pillar, r.pillar),
            f"{text.status_label(r.status).capitalize()}. {r.headline} {r.next_step}",
        )
        for r in assessment.results
    )
    group = pdf.ResultGroup(
        heading=f"Self-check against the {name} guidelines",
        note="Educational, not medical advice: meeting a guideline is not a health check.",
        rows=rows,
    )
    return group, tuple(s for r in assessment.results for s in r.source_ids)


def screening_group(
    results: Sequence[screening.ScreenResult], text: screening.ScreeningText
) -> tuple[pdf.ResultGroup | None, tuple[str, ...]]:
    """The screening tests that were done (None when none was), each with its verdict."""
    done = [r for r in results if r.flag is not screening.Flag.NOT_DONE]
    if not done:
        return None, ()
    rows = tuple(
        (r.name, f"{line.split(': ', 1)[-1]}. {r.meaning} {r.next_step}")
        for r, line in zip(done, screening.summary(done, text), strict=True)
    )
    group = pdf.ResultGroup(heading="Screening tests", note=text.not_diagnosis, rows=rows)
    return group, tuple(s for r in done for s in r.source_ids)


def exercise_items(built: plan.Plan, library: Sequence[Exercise]) -> tuple[pdf.ExerciseItem, ...]:
    """The first week's exercises, once each, with their dose and diagram."""
    by_slug = {e.slug: e for e in library}
    items: dict[str, pdf.ExerciseItem] = {}
    for day in built.weeks[0].days:
        for activity in day.activities:
            for slug in activity.exercises:
                exercise = by_slug.get(slug)
                if exercise is None or slug in items:
                    continue
                dose = activity.detail.replace(" of each exercise", "").replace(
                    "each exercise ", ""
                )
                if exercise.sides == 2 and activity.kind == "strength":
                    dose += ", each leg"
                days = _day_names(built, activity.kind)
                items[slug] = pdf.ExerciseItem(
                    title=exercise.title,
                    dose=f"{dose[:1].upper()}{dose[1:]}; {days}",
                    figure_svg=_figure(exercise),
                )
    return tuple(items.values())


def _day_names(built: plan.Plan, kind: str) -> str:
    days = {
        "strength": built.strength_days,
        "balance": built.balance_days,
        "aerobic": built.aerobic_days,
    }.get(kind, ())
    return ", ".join(plan.WEEKDAY_NAMES[d][:3] for d in days)


def _figure(exercise: Exercise) -> str:
    try:
        return figures.figure_svg(exercise.figure, title=exercise.title)
    except KeyError:  # an exercise file's figure is checked at load; a missing one draws none
        return ""


def build(
    *,
    fields: pdf.Fields,
    country: Country,
    paper: pdf.Paper,
    sources: Mapping[str, Source],
    assessment: guidelines.Assessment | None = None,
    guideline_text: guidelines.GuidelineText | None = None,
    screening_results: Sequence[screening.ScreenResult] | None = None,
    screening_text: screening.ScreeningText | None = None,
    built: plan.Plan | None = None,
    library: Sequence[Exercise] = (),
    link: str | None = None,
    version: str = "",
    made_on: dt.date | None = None,
    title: str = TITLE,
    subtitle: str = SUBTITLE,
) -> pdf.Handout:
    """The handout of the sections given (None leaves a section out)."""
    signs, ids = warning_signs(country)
    source_ids = list(ids)
    groups: list[pdf.ResultGroup] = []
    if assessment is not None and guideline_text is not None:
        group, more = selfcheck_group(assessment, guideline_text)
        groups.append(group)
        source_ids.extend(more)
    if screening_results is not None and screening_text is not None:
        screened, more = screening_group(screening_results, screening_text)
        if screened is not None:
            groups.append(screened)
            source_ids.extend(more)
    summary, stop = "", ""
    items: tuple[pdf.ExerciseItem, ...] = ()
    if built is not None:
        stop = plan.STOP.text(country)  # the reader's own number, no other
        summary, items = built.summary, exercise_items(built, library)
        source_ids.extend(built.source_ids)
    made = f"Made on {made_on.day} {made_on:%B %Y}. " if made_on else ""
    app = f"Leg Muscle Explorer {version}".strip()
    return pdf.Handout(
        title=title,
        subtitle=subtitle,
        fields=fields,
        warning=signs,
        results=tuple(groups),
        plan_summary=summary,
        exercises=items,
        stop_rule=stop,
        sources=tuple(sources[i] for i in dict.fromkeys(source_ids) if i in sources),
        link=link,
        paper=paper,
        footer=f"{app}. {made}Educational, not medical advice. Nothing typed on this handout "
        "was stored or sent by the app.",
    )
