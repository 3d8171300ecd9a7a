"""The result bar (`lib.results`): drawn right after a page's inputs, it stays in view.

It is sticky at the foot of the screen while the inputs above it are on screen, so a reader
on a phone who changes a number sees the result change where they are looking; scrolled
past, it sits in its place under the inputs. Its lines are a polite live region, so a
screen reader hears the new result after an edit without losing its place. On a
presenter's scene (which fits one screen) it is not drawn.
"""

from __future__ import annotations

import html
from pathlib import Path

import streamlit as st

from lib import results
from lib.content import ContentError
from lib.results import Bar, Wording
from ui.content import content_dir
from ui.present import on_scene

BAR_KEY = "lme_result"
FULL_ID = "lme-full"  # where the link under the bar leads: the page's full results


@st.cache_resource(max_entries=4, show_spinner=False)
def _wording(path: Path, mtime_ns: int) -> Wording:
    return results.load_wording(path)


def load_wording() -> Wording | None:
    """The bar's words (`content/results.yaml`), or None when the file cannot be used.

    The bar only repeats the page's results, so without its words it is left out and the
    page itself still shows everything.
    """
    path = content_dir() / "results.yaml"
    try:
        return _wording(path, path.stat().st_mtime_ns)
    except (OSError, ContentError):
        return None


def bar_html(bar: Bar, target: str = FULL_ID) -> str:
    """The bar's markup: heading, lines (a polite live region), a call link, the link down."""
    lines = "".join(f"<li>{html.escape(line)}</li>" for line in bar.lines)
    call = ""
    if bar.call:
        number = html.escape(bar.call, quote=True)
        call = f'<p class="lme-result-call"><a href="tel:{number}">Tap to call {number}</a></p>'
    heading = html.escape(bar.heading)
    return (
        f'<div class="lme-result lme-result-{bar.tone}">'
        f'<p class="lme-result-h"><strong>{heading}</strong> '
        f'<a href="#{target}">{html.escape(bar.more)}</a></p>'
        f'<div class="lme-result-body" aria-live="polite" tabindex="0" role="region" '
        f'aria-label="{heading}"><ul>{lines}</ul></div>{call}'
        "</div>"
    )


def result_bar(bar: Bar | None, target: str = FULL_ID) -> None:
    """Draw `bar` here (right after the inputs that change it); nothing for None or a scene."""
    if bar is None or on_scene():
        return
    with st.container(key=BAR_KEY):
        st.html(bar_html(bar, target))


def full_results_mark(target: str = FULL_ID) -> None:
    """Where the bar's link leads: put it just before the page's full results."""
    if not on_scene():
        st.html(f'<span id="{target}" class="lme-anchor"></span>')
