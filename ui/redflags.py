"""Showing the red-flag checklist: its groups of signs, then the verdict, most urgent first."""

from __future__ import annotations

import html

import streamlit as st

from lib import tel
from lib.redflags import Country, Group, RedFlag, Triage, Urgency, triage


def checklist(groups: tuple[Group, ...], country: Country) -> list[str]:
    """One box per sign under its plain heading; returns the ids of the ticked signs.

    A group's note and a sign's note (say, that weakness spreading over hours is an
    emergency) are shown in bold beside it, with the reader's own emergency number.
    """
    ticked: list[str] = []
    for group in groups:
        with st.container(border=True):
            st.header(group.heading, anchor=False)
            if group.note:
                st.markdown(f":material/emergency: **{group.note_for(country)}**")
            for flag in group.flags:
                if st.checkbox(flag.symptom, key=f"rf_{flag.id}"):
                    ticked.append(flag.id)
                    _beside(flag, country)
                if flag.note:
                    st.markdown(f"**{flag.note_for(country)}**")
    return ticked


def _beside(flag: RedFlag, country: Country) -> None:
    """What to do, right under a ticked sign: on a phone the verdict at the top may be out of
    sight, so an emergency is also shown where the reader ticked it."""
    advice = triage([flag.id], country)
    if flag.urgency == Urgency.EMERGENCY:
        st.error(tel.markdown(f"**{advice.message}** {flag.action}"), icon=":material/emergency:")
    else:
        st.markdown(tel.markdown(f"**{advice.message}** What to do is at the top of this page."))


def call_link(number: str) -> None:
    """The emergency number as a link a phone can call (`tel:`), in large type."""
    safe = html.escape(number, quote=True)
    st.html(
        f'<p style="font-size:1.5rem;font-weight:700;margin:0.2rem 0 0.8rem 0">'
        f'<a href="tel:{safe}">Tap to call {safe}</a></p>'
    )


def show_triage(result: Triage) -> None:
    """The verdict box for the ticked signs; with none ticked, what the list cannot rule out.

    Nothing here ever reads as an all-clear: no green box, no tick, no "none".
    """
    if result.urgency == Urgency.NONE:
        st.info(tel.markdown(result.where), icon=":material/info:")
        return
    reasons = "\n".join(
        f"- **{flag.symptom}**: {flag.action} ({flag.possible_cause})" for flag in result.flags
    )
    notes = "".join(f"\n\n**{note}**" for note in result.notes)
    # The heading stays plain text (a link in a heading reads as its anchor); the big
    # "Tap to call" link follows it, and every number in the reasons and notes is a link.
    reasons, notes, where = tel.markdown(reasons), tel.markdown(notes), tel.markdown(result.where)
    if result.urgency == Urgency.EMERGENCY:
        st.error(f"# {result.message}\n\n{reasons}{notes}", icon=":material/emergency:")
        call_link(result.number)
    elif result.urgency == Urgency.URGENT:
        st.warning(
            f"### {result.message}\n\n{reasons}{notes}\n\n{where}",
            icon=":material/priority_high:",
        )
    else:
        st.info(f"### {result.message}\n\n{reasons}{notes}\n\n{where}", icon=":material/event:")
