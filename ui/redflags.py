"""Showing a red-flag triage: the most urgent advice first, unmissable, then each sign."""

from __future__ import annotations

import streamlit as st

from lib.redflags import Triage, Urgency


def show_triage(result: Triage) -> None:
    """The verdict box for the ticked signs (nothing when none is ticked)."""
    if result.urgency == Urgency.NONE:
        st.success(
            "None of the warning signs is ticked. If that changes, come back to this list.",
            icon=":material/check_circle:",
        )
        return
    reasons = "\n".join(
        f"- **{flag.symptom}**: {flag.action} ({flag.possible_cause})" for flag in result.flags
    )
    if result.urgency == Urgency.EMERGENCY:
        st.error(f"# {result.message}\n\n{reasons}", icon=":material/emergency:")
    elif result.urgency == Urgency.URGENT:
        st.warning(f"### {result.message}\n\n{reasons}", icon=":material/priority_high:")
    else:
        st.info(f"### {result.message}\n\n{reasons}", icon=":material/event:")
