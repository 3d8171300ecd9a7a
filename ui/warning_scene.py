"""The warning-signs scene on a projector: the emergency line first, then one step a screen.

All 35 signs do not fit one screen in type a room can read, so the clicker moves through
steps (`ui.present.step_titles`): first the groups by urgency, each urgency's verdict
leading it (the emergency verdict and number first and largest), then each group's signs,
most urgent first. The emergency line heads every step. The checklist itself, to tick a
sign in front of the class, is folded under the screen with the country choice.

Every word comes from `content/redflags.yaml` (through `lib.redflags`).
"""

from __future__ import annotations

import html
from typing import cast

import streamlit as st

from lib import linkparams as lp
from lib import redflags
from lib.redflags import Country, Group, RedFlag, Urgency
from ui.inputs import url_choice
from ui.present import current_scene, scene_step
from ui.redflags import checklist, show_triage

# The boxes: dark text on a pale ground (each pair well over 7:1), a thick edge in the
# urgency's colour, the verdict in bold above its groups; nothing rests on colour alone.
CSS = """
.lme-room-signs { display: flex; flex-direction: column; gap: 0.45rem; }
.lme-room-box {
  border-left: 0.45rem solid; border-radius: 0.3rem; padding: 0.35rem 0.9rem;
  font-size: 1.3rem; line-height: 1.3;
}
.lme-room-box h2, .lme-room-box h3 { margin: 0; padding: 0; line-height: 1.2; }
.lme-room-box h2 { font-size: 1.8rem; }
.lme-room-box h3 { font-size: 1.45rem; }
.lme-room-box p { margin: 0.15rem 0 0 0; }
.lme-room-box ul { margin: 0.15rem 0 0 0; padding-left: 1.3rem; }
.lme-room-box li { margin: 0; }
.lme-room-box ul, .lme-room-box li, .lme-room-box p {
  font-size: inherit !important; line-height: inherit;
}
.lme-room-overview ul, .lme-room-box.lme-room-two ul { columns: 2; column-gap: 2rem; }
.lme-room-two li { break-inside: avoid; }
.lme-room-emergency { background: #fdecea; border-color: #b3261e; color: #5c0b06; }
.lme-room-urgent { background: #fff3dc; border-color: #9a5b00; color: #3b2300; }
.lme-room-appointment { background: #e8f1fb; border-color: #0b5394; color: #0a2a50; }
"""
_CLASS = {
    Urgency.EMERGENCY: "lme-room-emergency",
    Urgency.URGENT: "lme-room-urgent",
    Urgency.APPOINTMENT: "lme-room-appointment",
}
_LEVELS = (Urgency.EMERGENCY, Urgency.URGENT, Urgency.APPOINTMENT)
LONG_GROUP_WORDS = 110  # more words than this: the signs in two columns


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _verdict(urgency: Urgency, country: Country) -> str:
    number = redflags.EMERGENCY_NUMBERS[country]
    return redflags.CHECKLIST.verdicts[urgency].replace(redflags.NUMBER, number)


def _box(
    urgency: Urgency, heading: str, items: list[str], extra: str = "", *, two: bool = False
) -> str:
    """One urgency's box; `two`: its signs in two columns (a long group, two signs or more)."""
    tag = "h2" if urgency == Urgency.EMERGENCY else "h3"
    classes = f"lme-room-box {_CLASS[urgency]}"
    if two and len(items) > 1:
        classes += " lme-room-two"
    listed = "".join(f"<li>{_e(item)}</li>" for item in items)
    more = f"<p><strong>{_e(extra)}</strong></p>" if extra else ""
    return (
        f'<div class="{classes}" data-urgency="{urgency.name.lower()}">'
        f"<{tag}>{_e(heading)}</{tag}>" + (f"<ul>{listed}</ul>" if listed else "") + more + "</div>"
    )


def overview_html(country: Country) -> str:
    """Step 1: each urgency's verdict with the groups that hold a sign of it, most urgent first.

    The emergency box comes first and names the emergency number in its heading.
    """
    boxes = []
    wording = redflags.CHECKLIST.countries[country]
    for urgency in _LEVELS:
        groups = [g.heading for g in redflags.GROUPS if _holds(g, urgency)]
        extra = wording.urgent if urgency == Urgency.URGENT else ""
        extra = extra.replace(redflags.NUMBER, redflags.EMERGENCY_NUMBERS[country])
        boxes.append(_box(urgency, _verdict(urgency, country), groups, extra))
    return '<div class="lme-room-signs lme-room-overview">' + "".join(boxes) + "</div>"


def group_html(group: Group, country: Country) -> str:
    """A later step: one group's signs under each urgency's verdict, the emergency line first.

    A group with no emergency sign still opens with the emergency verdict, with the groups
    that hold one named under it in short.
    """
    emergency = [f for f in group.flags if f.urgency == Urgency.EMERGENCY]
    note = group.note_for(country)
    # A group with many words lists its signs in two columns, so the step fits one screen.
    two = sum(len(_sign(f, country).split()) for f in group.flags) > LONG_GROUP_WORDS
    if emergency:
        items = [_sign(f, country) for f in emergency]
        parts = [
            _box(Urgency.EMERGENCY, _verdict(Urgency.EMERGENCY, country), items, note, two=two)
        ]
    else:
        elsewhere = [g.heading for g in redflags.GROUPS if _holds(g, Urgency.EMERGENCY)]
        parts = [
            _box(Urgency.EMERGENCY, _verdict(Urgency.EMERGENCY, country), [], " · ".join(elsewhere))
        ]
    for urgency in _LEVELS[1:]:
        signs = [f for f in group.flags if f.urgency == urgency]
        if signs:
            # A long group's less urgent signs go up without their notes, to fit one screen:
            # the notes (when such a sign becomes an emergency) are on the checklist folded
            # under the screen, and that sign's emergency is a sign of its own in the red box.
            items = [f.symptom + "." if two else _sign(f, country) for f in signs]
            parts.append(_box(urgency, _verdict(urgency, country), items, two=two))
    return '<div class="lme-room-signs">' + "".join(parts) + "</div>"


def _holds(group: Group, urgency: Urgency) -> bool:
    return any(f.urgency == urgency for f in group.flags)


def _sign(flag: RedFlag, country: Country) -> str:
    return f"{flag.symptom}. {flag.note_for(country)}".strip()


def warning_signs_scene() -> None:
    """The scene at the address's step (1: by urgency; 2 on: a group each), the list folded."""
    found = current_scene()
    step = scene_step(found[0][found[1]]) if found is not None else 1
    st.html(f"<style>{CSS}</style>")
    group = redflags.GROUPS[step - 2] if step > 1 else None
    st.title("Know the warning signs" if group is None else group.heading, anchor=False)
    shown = st.container()
    with st.expander("Tick signs on the full checklist", icon=":material/checklist:"):
        country = cast(Country, url_choice(lp.COUNTRY))
        verdict = st.container()
        ticked = checklist(redflags.GROUPS, country)
        with verdict:
            show_triage(redflags.triage(ticked, country))
    with shown:
        st.html(overview_html(country) if group is None else group_html(group, country))
