"""One-page printable summaries: plain, self-contained HTML that a reader downloads.

The file loads nothing from anywhere (inline style, no scripts, no images), so it opens and
prints the same offline. Every piece of text is escaped. The caller passes the date and the
app version: nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from lib import qr, redflags
from lib.content import Source, source_html
from lib.redflags import Country

# An emergency number standing alone (not part of a longer number), to make it a tel: link.
_TEL = re.compile(
    "(?<![\\d/])(" + "|".join(sorted(set(redflags.EMERGENCY_NUMBERS.values()))) + ")(?![\\d])"
)

_STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; font-size: 12pt; line-height: 1.45;
       color: #111; max-width: 44rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 18pt; margin: 0 0 0.2rem 0; }
h2 { font-size: 13pt; margin: 1.1rem 0 0.3rem 0; border-bottom: 1px solid #999; }
.sub { color: #444; margin: 0 0 0.8rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0.3rem 0; }
th, td { border: 1px solid #999; padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #eef3f8; width: 40%; }
.alert { border: 3px solid #d55e00; padding: 0.4rem 0.7rem; background: #fcebe2; }
.small { font-size: 9.5pt; color: #333; }
ol { padding-left: 1.3rem; }
.back { display: flex; gap: 1rem; align-items: center; margin-top: 1rem; }
.back .qr { width: 3.2cm; flex: none; }
.back .qr svg { width: 100%; height: auto; }
@page { margin: 1.5cm; }
"""


@dataclass(frozen=True)
class Section:
    """A heading with label-value rows and/or paragraphs; `alert` draws it as a warning box."""

    heading: str
    rows: tuple[tuple[str, str], ...] = ()
    paragraphs: tuple[str, ...] = ()
    alert: bool = False


@dataclass(frozen=True)
class Report:
    """Everything on the printed page."""

    title: str
    subtitle: str
    sections: tuple[Section, ...]
    sources: tuple[Source, ...] = ()
    version: str = ""
    made_on: dt.date | None = None
    link: str | None = None
    notices: tuple[str, ...] = field(default_factory=tuple)


def _section(section: Section) -> str:
    parts = [f"<h2>{html.escape(section.heading)}</h2>"]
    if section.rows:
        body = "".join(
            f"<tr><th>{html.escape(label)}</th><td>{html.escape(value)}</td></tr>"
            for label, value in section.rows
        )
        parts.append(f"<table>{body}</table>")
    parts.extend(f"<p>{html.escape(p)}</p>" for p in section.paragraphs)
    inner = "".join(parts)
    if section.alert:  # a warning box's emergency numbers are links a phone can call
        inner = _TEL.sub(r'<a href="tel:\1">\1</a>', inner)
    return (
        f'<section class="alert">{inner}</section>'
        if section.alert
        else f"<section>{inner}</section>"
    )


def printable_html(report: Report) -> str:
    """The report as a complete, self-contained HTML document, ready to print."""
    made = f"Made on {report.made_on:%d %B %Y}" if report.made_on else ""
    version = f"Leg Muscle Explorer {report.version}" if report.version else "Leg Muscle Explorer"
    link = _link_block(report.link) if report.link else ""
    notices = "".join(f'<p class="small"><b>{html.escape(n)}</b></p>' for n in report.notices)
    sources = (
        "<h2>Sources</h2><ol class='small'>"
        + "".join(source_html(s) for s in report.sources)
        + "</ol>"
        if report.sources
        else ""
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(report.title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{html.escape(report.title)}</h1>"
        f"<p class='sub'>{html.escape(report.subtitle)}</p>"
        f"{notices}"
        f"{''.join(_section(s) for s in report.sections)}"
        f"{sources}"
        f"<p class='small'>{html.escape(version)}. {html.escape(made)}. "
        "Educational, not medical advice. Nothing you typed was stored by the app.</p>"
        f"{link}</body></html>"
    )


def _link_block(link: str) -> str:
    """The link back to the view, written out and as a QR code a phone can scan."""
    try:
        code = qr.qr_svg(link, title="QR code: open this view again")
    except ValueError:  # too long for a code a phone can read: the address is still printed
        code = ""
    return (
        '<div class="back">'
        f'<div class="qr">{code}</div>'
        f'<p class="small">Open this view again (scan the code or type the address):<br>'
        f"{html.escape(link)}</p></div>"
    )


def combine(
    title: str,
    subtitle: str,
    parts: Sequence[Report],
    *,
    extra: Sequence[Section] = (),
    extra_sources: Sequence[Source] = (),
    version: str = "",
    made_on: dt.date | None = None,
    link: str | None = None,
) -> Report:
    """One report from several (the clinician handout): each part's sections under its title.

    Warning-sign sections of the parts are left out (pass one in `extra` instead), so the
    signs are printed once; notices and sources are kept once each, in order.
    """
    sections: list[Section] = list(extra)
    notices: list[str] = []
    sources: list[Source] = list(extra_sources)
    for part in parts:
        for section in part.sections:
            if section.heading.startswith(WARNING_HEADING):
                continue
            heading = f"{part.title}: {section.heading}"
            sections.append(Section(heading, section.rows, section.paragraphs, alert=section.alert))
        notices.extend(part.notices)
        sources.extend(part.sources)
    unique_sources = tuple({s.id: s for s in sources}.values())
    return Report(
        title=title,
        subtitle=subtitle,
        sections=tuple(sections),
        sources=unique_sources,
        version=version,
        made_on=made_on,
        link=link,
        notices=tuple(dict.fromkeys(notices)),
    )


WARNING_HEADING = "Warning signs"


def sources_for(ids: Sequence[str], sources: Mapping[str, Source]) -> tuple[Source, ...]:
    """The sources with these ids, in first-mention order, skipping unknown or repeated ids."""
    return tuple(sources[i] for i in dict.fromkeys(ids) if i in sources)


def warning_signs_section(country: Country | None = None) -> tuple[Section, tuple[str, ...]]:
    """The emergency signs of the red-flag checklist as an alert box, and their source ids.

    Built from `lib.redflags` (so from `content/redflags.yaml`), so a printed summary always
    carries the same signs, grouped under the same headings, with the same sources as the
    checklist page. With a `country` it names that country's emergency number; without one
    it names every country's number with its country, never one number for everyone.
    """
    call = redflags.numbers_text(country)
    lines = []
    source_ids: list[str] = []
    for group in redflags.GROUPS:
        emergency = [f for f in group.flags if f.urgency == redflags.Urgency.EMERGENCY]
        if emergency:
            lines.append(f"{group.heading}: " + "; ".join(f.symptom for f in emergency) + ".")
            source_ids.extend(s for f in emergency for s in f.source_ids)
    section = Section(
        f"{WARNING_HEADING}: call {call} now",
        paragraphs=(
            f"Call {call} (or go to the emergency department) now if you have any of these:",
            *lines,
            "This list holds only some warning signs and cannot rule out a serious problem. "
            "If you are worried, contact a doctor.",
        ),
        alert=True,
    )
    return section, tuple(dict.fromkeys(source_ids))
