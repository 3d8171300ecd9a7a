"""The current view's shareable link and its QR code (the public base is EXPLORER_PUBLIC_URL)."""

from __future__ import annotations

import html

import streamlit as st

from lib import links as link_lib
from lib import preview, qr
from ui import chrome, links
from web import reading as web_reading

__all__ = ["current_link", "local_note", "qr_code", "share_panel"]


def local_note(link: str) -> None:
    """Say so when a link only works on this computer, and how to make one a phone can open."""
    if not link_lib.is_local(link) or links.public_base():
        return
    lan = links.lan_address()
    fix = (
        f"A phone on the same Wi-Fi can try `{link_lib.with_host(link, lan)}`; open the "
        "app at that address on this computer and every link and QR code will use it. "
        if lan
        else ""
    )
    st.warning(
        "**This link only works on this computer** (it points at `localhost`): a phone or "
        f"another computer cannot open it. {fix}Or run the app with `EXPLORER_PUBLIC_URL` "
        "set to the address others use (for example "
        "`EXPLORER_PUBLIC_URL=http://192.168.1.20:8501 make run`): see the README, "
        '"Teaching with it".',
        icon=":material/wifi_off:",
    )


_QR_KEY = "_lme_qr_images"
_QR_KEEP = 8


def _qr_img(link: str, title: str) -> str:
    # About 5 ms to encode, and every rerun of an interactive page draws it again, so the
    # last few are kept: in this session's own state, never in a cache shared by the
    # process, because the link carries what the reader typed.
    kept = st.session_state.setdefault(_QR_KEY, {})
    key = (link, title)
    if key not in kept:
        image = qr.qr_img(link, title=title)
        while len(kept) >= _QR_KEEP:
            kept.pop(next(iter(kept)))
        kept[key] = image
    return str(kept[key])


def qr_code(link: str, *, title: str, width_px: int = 220) -> None:
    """The link's QR code, drawn on the page (no image is fetched from anywhere)."""
    try:
        image = _qr_img(link, title)
    except ValueError:
        st.caption("This link is too long for a QR code; copy it instead.")
        return
    chrome.html(f'<div class="lme-qr-box" style="width:{width_px}px;max-width:100%">{image}</div>')


def current_link() -> str | None:
    """The link that shares this view, for the share panel, the QR codes, the printouts and
    the calendar alike: the view's preview route when this server has one (a link preview
    for chat apps, then on at once to the same view with the same parameters), else the
    view's own address (`ui.links.current_link`)."""
    link = links.current_link()
    if link is None or not web_reading.SERVING:
        return link
    return preview.preview_link(link)


def share_panel(*, expanded: bool = False) -> None:
    """Share this view: its link to copy and a QR code a phone can scan."""
    link = current_link()
    if link is None:
        return
    with st.expander(
        "Share this view (link and QR code)", icon=":material/qr_code_2:", expanded=expanded
    ):
        code, words = st.columns([1, 2], vertical_alignment="center")
        with code:
            qr_code(link, title="QR code of this view's link")
        with words:
            st.markdown("Scan the code with a phone camera, or copy the link:")
            # Plain text, not st.code: its copy button costs 1.5 MB of syntax-highlighter
            # JavaScript on every page with a share panel (bench/RESULTS.md, cold loads).
            st.html(f'<p><code class="lme-link">{html.escape(link)}</code></p>')
            st.caption(
                "One click selects the whole link; then copy it (Ctrl+C, or ⌘+C on a Mac). "
                "The link holds only what is on screen; nothing is stored."
            )
        local_note(link)
