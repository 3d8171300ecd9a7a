"""What goes on the clinician handout's PDF, gathered from the self-check, the screening,
the plan and the red-flag checklist (the page is drawn by `lib.pdf`).

Pure: the caller loads the content files and passes them in, with the date and version.
Only results that were entered are printed (a screening test left empty is no row), the
warning signs name the reader's country's emergency number and no other, and the sources
are those behind what is printed, once each, in first-use order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from lib import figures, guidelines, pdf, plan, printsigns, redflags, screening
from lib.content import Source
from lib.exercises import LEVEL_NAMES, Exercise
from lib.redflags import Country

TITLE = "Leg muscle: notes for you"
# The plan's and the self-check's own PDFs are printed by the reader, maybe alone.
OWN_SUBTITLE = "Educational, not medical advice: not a diagnosis or a prescription."
SUBTITLE = (
    "Prepared with your clinician. Educational, not medical advice: not a diagnosis or a "
    "prescription."
)
# The sources of content/screening.yaml `where_next`, by country.
WHERE_SOURCES: dict[Country, tuple[str, ...]] = {
    "uk": ("nhs-physio-access", "gstt-falls", "lpt-falls-service"),
    "us": ("nia-falls", "cdc-talk-falls"),
    "eu": ("nia-falls",),
}
# The plan's printed summary ends with this: the full plan is a scan away.
PLAN_MORE = "Move up a level only after its check, on the plan's page."
SIGN_PUBLISHERS = 2  # the warning signs' publishers named in the sources line
PILLARS = {
    "aerobic": "Aerobic activity",
    "strength": "Strength training",
    "balance": "Balance activity (65 and over)",
    "protein": "Protein",
}


def warning_signs(
    country: Country,
    checklist: redflags.Checklist | None = None,
    form: printsigns.PrintForm | None = None,
) -> tuple[pdf.WarningSigns, tuple[str, ...]]:
    """The warning signs in short (`lib.printsigns`) for one country, and their sources:
    every sign of the checklist, by urgency, naming that country's number only."""
    chosen = printsigns.load_print_form(checklist=checklist) if form is None else form
    shown = printsigns.printed(country, chosen, checklist)
    signs = pdf.WarningSigns(
        number=shown.number,
        heading="Warning signs",
        blocks=tuple(
            pdf.SignBlock(
                heading=block.heading,
                lines=block.lines,
                where=block.where,
                emergency=block.urgency is redflags.Urgency.EMERGENCY,
            )
            for block in shown.blocks
        ),
        closing=shown.closing,
    )
    return signs, shown.source_ids


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
    results: Sequence[screening.ScreenResult],
    text: screening.ScreeningText,
    *,
    meaning: bool = True,
    country: Country | None = None,
) -> tuple[pdf.ResultGroup | None, tuple[str, ...]]:
    """The screening tests that were done (None when none was), each with its verdict and,
    with `meaning`, what it means; under them, the next steps they share, once each, and
    with a `country`, where to go next there for a result past its cut-off."""
    done = [r for r in results if r.flag is not screening.Flag.NOT_DONE]
    if not done:
        return None, ()
    rows = tuple(
        (r.name, f"{line.split(': ', 1)[-1]}. {_meaning(r, text, meaning)}".rstrip())
        for r, line in zip(done, screening.summary(done, text), strict=True)
    )
    after = [("Next", " ".join(dict.fromkeys(r.next_step for r in done)))]
    ids = [s for r in done for s in r.source_ids]
    wheres = [w for r in done if (w := screening.where_next(r, country, text)) is not None]
    if country is not None and wheres:
        after.append((text.where_heading, " ".join(dict.fromkeys(wheres))))
        ids.extend(WHERE_SOURCES[country])
    group = pdf.ResultGroup(
        heading="Screening tests", note=text.not_diagnosis, rows=rows, after=tuple(after)
    )
    return group, tuple(ids)


def _meaning(result: screening.ScreenResult, text: screening.ScreeningText, full: bool) -> str:
    """What a result means in full, or in short only what a result within its cut-off
    cannot say (never a clean bill of health)."""
    if full:
        return result.meaning
    return text.within_cutoff if result.flag is screening.Flag.OK else ""


def exercise_items(built: plan.Plan, library: Sequence[Exercise]) -> tuple[pdf.ExerciseItem, ...]:
    """The first week's exercises, once each, with their dose and diagram (the days of
    each kind of exercise are in `plan_summary`)."""
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
                items[slug] = pdf.ExerciseItem(
                    title=exercise.title,
                    dose=f"{dose[:1].upper()}{dose[1:]}",
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
    screening_detail: bool = False,
) -> pdf.Handout:
    """The handout of the sections given (None leaves a section out).

    Every handout carries the warning signs in short (`lib.printsigns`); their sources are
    named in one line, the sources of the rest are numbered. With `screening_detail` (the
    screening page's own printout) each screening result also says what it means and where
    to go next in the country; on the handout with other sections, its verdict and next
    step only, so that the page holds the warning signs in type an older reader can read.
    """
    signs, sign_ids = warning_signs(country)
    source_ids: list[str] = []
    groups: list[pdf.ResultGroup] = []
    if assessment is not None and guideline_text is not None:
        group, more = selfcheck_group(assessment, guideline_text)
        groups.append(group)
        source_ids.extend(more)
    if screening_results is not None and screening_text is not None:
        screened, more = screening_group(
            screening_results,
            screening_text,
            meaning=screening_detail,
            country=country if screening_detail else None,
        )
        if screened is not None:
            groups.append(screened)
            source_ids.extend(more)
    summary, stop = "", ""
    items: tuple[pdf.ExerciseItem, ...] = ()
    if built is not None:
        summary = plan_summary(built)
        items = exercise_items(built, library)
        # In short (the warning signs print beside it), with the reader's own number and no
        # other; the footer says "educational, not medical advice" once for the whole page.
        stop = plan.STOP.short_text(country)
        source_ids.extend(built.source_ids)
    made = f"{made_on.day} {made_on:%B %Y}. " if made_on else ""
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
        # A source the warning signs' line already names is not numbered again.
        sources=tuple(
            sources[i] for i in dict.fromkeys(source_ids) if i in sources and i not in sign_ids
        ),
        sign_sources=sign_sources_line(sign_ids, sources),
        link=link,
        paper=paper,
        footer=f"{app}. {made}Educational, not medical advice. Nothing typed here was stored "
        "or sent.",
    )


def plan_summary(built: plan.Plan) -> str:
    """The plan in short for the printed page: how long, the days of each kind of exercise,
    the strength doses from the first week to the last, why it starts lower if it does,
    and that each move up waits for its check, which the plan's page gives in full.
    `Plan.summary` says it all, for the plan's page."""
    first, last = built.weeks[0], built.weeks[-1]
    level = LEVEL_NAMES[first.level].lower()
    end = (
        last.dose.text
        if last.level == first.level
        else (f"{last.dose.text} ({LEVEL_NAMES[last.level].lower()})")
    )
    days = [
        f"{name} on {_day_names(built, kind)}"
        for name, kind in (("balance", "balance"), ("aerobic", "aerobic"))
        if _day_names(built, kind)
    ]
    parts = [
        f"{'An' if len(built.weeks) in (8, 11, 18) else 'A'} {len(built.weeks)}-week plan, "
        f"{level}: strength on "
        f"{_day_names(built, 'strength')}, from {first.dose.text} to {end}"
        + "".join(f"; {d}" for d in days)
        + "."
    ]
    lowered = re.search(r"It starts at [^.]*\.", built.summary)
    if lowered:
        parts.append(lowered.group(0))
    parts.append(PLAN_MORE)
    return " ".join(parts)


def sign_sources_line(ids: Sequence[str], sources: Mapping[str, Source]) -> str:
    """The warning signs' sources in one line: how many, the publishers named most, and
    where each sign's own source is given (the warning-signs page)."""
    known = [sources[i] for i in dict.fromkeys(ids) if i in sources]
    if not known:
        return ""
    counts = Counter(pdf.short_name(s) for s in known)
    names = [name for name, _ in counts.most_common(SIGN_PUBLISHERS)]
    more = " and others" if len(counts) > len(names) else ""
    return (
        f"Warning signs: {len(known)} sources ({', '.join(names)}{more}), named sign by sign "
        "on the app's Warning signs page."
    )
