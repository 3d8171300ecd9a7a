"""Presenter mode (`?present=1`): no navigation chrome, big type, a bar to move between scenes.

On a scene (`?present=1&scene=<id>` on the scene's page) the page fits one projector
screen: the bar at the top, a QR code in the corner with the short link under it, the
chart as large as the screen allows. The bar leads to the full-screen QR slide
(`/present?qr=1`) and opens the presenter view (`/present?notes=1`) in a second tab: the
speaker notes and the next scene, following the projected tab through a room code both tabs
carry (`room=`, held in this server's memory only). PageDown/PageUp, the arrow keys and the
space bar press the bar's Next and Previous (a clicker sends PageDown/PageUp).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from urllib.parse import urlencode

import streamlit as st
import streamlit.components.v2 as components

from lib import linkparams, redflags, scenes
from lib.content import ContentError
from ui import links
from ui.charts import SCENE_BOX_KEY
from ui.content import load_scenes

PRESENT_CSS = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebarNav"] {
  display: none !important;
}
html { font-size: 26px !important; }
[data-testid="stMainBlockContainer"] { max-width: 94vw !important; padding-top: 1.5rem !important; }
.lme-article { max-width: none; }
.st-key-lme_present_bar { border-bottom: 2px solid #0072b2; padding-bottom: 0.2rem; }
"""
# A scene fills one screen: type follows the screen's height (about 2.4% of it, 17 px on a
# 720-line screen, 26 px on a 1080-line one; the chart's text is larger still, see
# lib.charts.projected), the chart takes what is left (FIT_JS), and the corner QR code keeps
# a margin of its own on the right.
SCENE_CSS = """
html { font-size: clamp(15px, 2.4vh, 34px) !important; }
:root { --lme-qr: clamp(150px, 25vh, 330px); }
[data-testid="stMainBlockContainer"] {
  max-width: none !important; padding: 0.5rem calc(var(--lme-qr) + 2rem) 1rem 1.5rem !important;
}
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] { gap: 0.55rem; }
[data-testid="stHeading"] [data-testid="stMarkdownContainer"] { margin-bottom: 0 !important; }
[data-testid="stMainBlockContainer"] h1 {
  font-size: 1.6rem !important; line-height: 1.25 !important; padding: 0 !important;
  margin: 0 !important;
}
[data-testid="stMainBlockContainer"] [data-testid="stAlert"] > div { padding: 0.3rem 0.8rem; }
/* The page's grey introduction under its title: for a reader at home, not for the room. */
[data-testid="stElementContainer"]:has(h1)
  + [data-testid="stElementContainer"]:has([data-testid="stCaptionContainer"]) {
  display: none;
}
.st-key-lme_scene_qr {
  position: fixed; right: 0.8rem; bottom: 0.8rem; width: var(--lme-qr); z-index: 100;
  background: #fff; padding: 0.3rem; gap: 0.1rem;
}
.st-key-lme_scene_qr p {
  font-size: 0.8rem; line-height: 1.25; text-align: center; margin: 0; overflow-wrap: anywhere;
}
.st-key-lme_scene_qr strong { display: block; font-size: 1rem; }
.st-key-lme_scene_chart {
  flex: 0 0 auto !important; height: var(--lme-chart-h, calc(100vh - 17rem)) !important;
  min-height: 10rem; gap: 0.2rem;
}
.st-key-lme_scene_chart [data-testid="stMarkdownContainer"] p { font-size: 0.95rem; margin: 0; }
.st-key-lme_scene_chart [data-testid="stMarkdownContainer"] { margin-bottom: 0 !important; }
.st-key-lme_scene_chart [data-testid="stVerticalBlock"],
.st-key-lme_scene_chart [data-testid="stColumn"] { height: 100%; min-height: 0; }
.st-key-lme_scene_chart [data-testid="stElementContainer"] { flex-shrink: 0; }
.st-key-lme_scene_chart [data-testid="stElementContainer"]:has([data-testid="stVegaLiteChart"]),
.st-key-lme_scene_chart [data-testid="stLayoutWrapper"]:has([data-testid="stVegaLiteChart"]),
.st-key-lme_scene_chart [data-testid="stHorizontalBlock"] { flex: 1 1 0; min-height: 0; }
.st-key-lme_scene_chart [data-testid="stVegaLiteChart"] { height: 100%; }
"""
# The chart's box takes the height the screen has left, so that the row of controls under it
# ("Change the inputs") ends just above the screen's bottom edge: measured in the page, as
# the type wraps differently on each screen. Vega redraws a "container"-sized chart when the
# window reports a resize. An opened control may run below the edge: the chart keeps its size.
FIT_JS = """
export default function () {
  let last = 0;
  const fit = () => {
    const box = document.querySelector(".st-key-lme_scene_chart");
    const block = document.querySelector(
      '[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"]'
    );
    if (!box || !block || !block.contains(box)) return;
    let top = box;
    while (top.parentElement && top.parentElement !== block) top = top.parentElement;
    const below = top.nextElementSibling || top;
    const heads = [...below.querySelectorAll("details > summary")].filter(
      (head) => !head.parentElement.parentElement.closest("details")
    );  // a control's own header, not those folded inside it
    const bottom = Math.max(
      ...(heads.length ? heads : [below]).map((e) => e.getBoundingClientRect().bottom)
    );
    const main = document.querySelector('[data-testid="stMain"]');
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const spare = window.innerHeight - 0.6 * rem - (bottom + (main ? main.scrollTop : 0));
    const height = Math.max(10 * rem, Math.floor(box.getBoundingClientRect().height + spare));
    if (Math.abs(height - last) < 2) return;
    last = height;
    document.documentElement.style.setProperty("--lme-chart-h", `${height}px`);
    requestAnimationFrame(() => window.dispatchEvent(new Event("resize")));
  };
  const watch = new ResizeObserver(() => requestAnimationFrame(fit));
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  if (main) watch.observe(main);
  window.addEventListener("resize", fit);
  fit();
  return () => {
    watch.disconnect();
    window.removeEventListener("resize", fit);
    document.documentElement.style.removeProperty("--lme-chart-h");
  };
}
"""
# The full-screen QR slide: the code takes most of the screen's height.
SLIDE_CSS = """
html { font-size: clamp(15px, 2.2vh, 30px) !important; }
[data-testid="stMainBlockContainer"] { max-width: none !important; padding-top: 0.6rem !important; }
.st-key-lme_qr_slide { align-items: center; text-align: center; }
.st-key-lme_qr_slide .lme-qr-box { width: min(72vh, 90vw) !important; margin: 0 auto; }
.st-key-lme_qr_slide [data-testid="stElementContainer"] { align-self: center; }
.st-key-lme_qr_slide p { font-size: 1.6rem; }
.st-key-lme_qr_slide [data-testid="stMarkdownContainer"] { text-align: center; }
"""

# The presenter's own tab: reading type, both scenes' notes in view.
NOTES_CSS = """
html { font-size: 19px !important; }
[data-testid="stMainBlockContainer"] { padding-top: 0.8rem !important; }
"""

# PageDown/PageUp (a clicker), the arrows and the space bar press whatever the containers
# `lme_key_next` and `lme_key_prev` hold (a link or a button). A v2 component runs in the
# page itself, not an iframe, so it hears keys wherever the focus is; keys meant for an
# input (a slider's arrows, typing) are left to it.
KEYS_JS = """
export default function (component) {
  const forward = new Set(["PageDown", "ArrowRight", "ArrowDown", " ", "Spacebar"]);
  const back = new Set(["PageUp", "ArrowLeft", "ArrowUp"]);
  const typing = "input, textarea, select, [contenteditable], [role=slider], [role=radio], " +
    "[role=combobox], [role=listbox], [role=option], [role=spinbutton], [role=tab]";
  const onKey = (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const always = event.key === "PageDown" || event.key === "PageUp";
    const target = event.target instanceof Element ? event.target : null;
    if (!always && target && target.closest(typing)) return;
    if (!always && event.key === " " && target && target.closest("button, a")) return;
    const which = forward.has(event.key) ? "next" : back.has(event.key) ? "prev" : null;
    if (which === null) return;
    const control = document.querySelector(
      `.st-key-lme_key_${which} a, .st-key-lme_key_${which} button:not([disabled])`
    );
    if (!control) return;
    event.preventDefault();
    control.click();
  };
  if (window.__lmeKeys) window.removeEventListener("keydown", window.__lmeKeys);
  window.__lmeKeys = onKey;
  window.addEventListener("keydown", onKey);
  return () => {
    if (window.__lmeKeys === onKey) {
      window.removeEventListener("keydown", onKey);
      window.__lmeKeys = undefined;
    }
  };
}
"""
_keys = components.component("lme_keys", js=KEYS_JS)
_fit = components.component("lme_fit", js=FIT_JS)
ROOMS = scenes.Rooms()
SEEN_KEY = "lme_room_seen"
ROOM_KEY = "lme_room"


def presenting() -> bool:
    """True when the link asks for presenter mode (`present=1`, `true`, `yes` or `on`).

    On the scenes page the presenter-mode switch decides, as the reader has just set it.
    """
    if links.current_page() == "present":
        checked = links.start(linkparams.PRESENT)
        if checked is None:
            return bool(st.session_state.get(linkparams.PRESENT.key))
        return bool(checked.value)
    return _flag(linkparams.PRESENT)


def _flag(param: linkparams.Flag) -> bool:
    return bool(param.read(st.query_params.get_all(param.key)).value)


def notes_view() -> bool:
    """The presenter view (`notes=1` on /present): notes for the presenter's own screen."""
    return _flag(linkparams.NOTES)


def qr_slide() -> bool:
    """The full-screen QR slide (`qr=1` on /present)."""
    return _flag(linkparams.QR_SLIDE)


def room() -> str:
    """This presenter's room code: the address's, else this tab's own (made on first use)."""
    code = st.query_params.get(linkparams.ROOM.key)
    if code is not None and scenes.ROOM_CODE.match(code):
        return code
    if ROOM_KEY not in st.session_state:
        st.session_state[ROOM_KEY] = secrets.token_hex(4)
    return str(st.session_state[ROOM_KEY])


def current_scene() -> tuple[tuple[scenes.Scene, ...], int] | None:
    """The scenes and the index of the one the address names, or None without one."""
    wanted = st.query_params.get(scenes.SCENE_KEY)
    if wanted is None:
        return None
    try:
        all_scenes = load_scenes()
    except ContentError:
        return None
    index = scenes.find(all_scenes, wanted)
    if not all_scenes or all_scenes[index].id != wanted:
        return None
    return all_scenes, index


def on_scene() -> bool:
    """True on a scene's own page in presenter mode: the page fits itself to one screen."""
    found = current_scene() if presenting() else None
    return found is not None and found[0][found[1]].page == links.current_page()


@contextmanager
def scene_details(label: str = "Change the inputs and see every result") -> Iterator[None]:
    """On a scene, fold what the block draws under its first chart, which fills the screen.

    Elsewhere the block draws as usual. (The projection page lays out its scene itself.)
    """
    if not on_scene():
        yield
        return
    st.session_state[SCENE_BOX_KEY] = st.container(key="lme_scene_chart")
    with st.expander(label, icon=":material/tune:"):
        yield
    st.session_state.pop(SCENE_BOX_KEY, None)


def scene_params(scene: scenes.Scene, **extra: str) -> dict[str, str]:
    """A scene's presenter link parameters, with this tab's room."""
    params = scene.params(present=True)
    params[linkparams.ROOM.key] = room()
    params.update(extra)
    return params


def present_params(scene: scenes.Scene, **extra: str) -> dict[str, str]:
    """Parameters of /present in presenter mode for `scene` (the slide, the notes view)."""
    params = {scenes.SCENE_KEY: scene.id, scenes.PRESENT_KEY: "1", linkparams.ROOM.key: room()}
    params.update(extra)
    return params


def notes_button(scene: scenes.Scene, label: str) -> None:
    """A button that opens the presenter view of `scene` in a new tab, in this tab's room."""
    notes = links.page_url("present")
    if notes:
        query = urlencode(present_params(scene, notes="1"))
        st.link_button(label, f"{notes}?{query}", icon=":material/open_in_new:")


def keys() -> None:
    """Let the keyboard and a clicker press the containers `lme_key_next` / `lme_key_prev`."""
    _keys(key="lme_keys", height=0)


def key_link(which: str, script: str, label: str, icon: str, params: Mapping[str, str]) -> None:
    """A link the keys press (`which` is "next" or "prev")."""
    with st.container(key=f"lme_key_{which}", width="content"):
        st.page_link(script, label=label, icon=icon, query_params=dict(params))


def presenter_chrome() -> None:
    """In presenter mode: hide the navigation, enlarge the type, and show the scene bar."""
    if not presenting():
        return
    st.html(f"<style>{PRESENT_CSS}</style>")
    found = current_scene()
    if found is None:
        return
    all_scenes, index = found
    scene = all_scenes[index]
    page = links.current_page()
    if page == "present" and not qr_slide():
        return  # the list of scenes and the presenter view draw their own controls
    if page != "present" and linkparams.ROOM.key not in st.query_params:
        # The projected tab's address names its room, for the notes tab to find it again.
        st.query_params[linkparams.ROOM.key] = room()
    slide = page == "present" and qr_slide()
    if page == scene.page:
        st.html(f"<style>{SCENE_CSS}</style>")
    elif slide:
        st.html(f"<style>{SLIDE_CSS}</style>")
    titles = step_titles(scene) if page == scene.page else ("",)
    step = scene_step(scene) if page == scene.page else 1
    with st.container(key="lme_present_bar", horizontal=True, vertical_alignment="center"):
        if step > 1:
            key_link(
                "prev",
                scene.script,
                "Previous",
                ":material/arrow_back:",
                _step_params(scene, step - 1),
            )
        elif index > 0:
            before = all_scenes[index - 1]
            key_link(
                "prev", before.script, "Previous", ":material/arrow_back:", scene_params(before)
            )
        counted = f" · step {step} of {len(titles)}" if len(titles) > 1 else ""
        st.markdown(f"**{index + 1} / {len(all_scenes)}**{counted}")
        if step < len(titles):
            key_link(
                "next",
                scene.script,
                f"Next: {titles[step]}",
                ":material/arrow_forward:",
                _step_params(scene, step + 1),
            )
        elif index + 1 < len(all_scenes):
            after = all_scenes[index + 1]
            key_link(
                "next",
                after.script,
                f"Next: {after.title}",
                ":material/arrow_forward:",
                scene_params(after),
            )
        else:
            key_link(
                "next", "pages/quiz.py", "Next: the quiz", ":material/school:", {"present": "1"}
            )
        if slide:
            st.page_link(
                scene.script,
                label="Back to the scene",
                icon=":material/slideshow:",
                query_params=scene_params(scene),
            )
        else:
            st.page_link(
                "pages/present.py",
                label="QR code",
                icon=":material/qr_code_2:",
                query_params=present_params(scene, qr="1"),
            )
        notes_button(scene, "Speaker notes")
        st.page_link(
            "pages/present.py",
            label="All scenes",
            icon=":material/view_list:",
            query_params=present_params(scene),
        )
        keys()
    if page == scene.page:
        corner_qr(scene)
        _fit(key="lme_fit", height=0)
    follow(scene, page or "")


def step_titles(scene: scenes.Scene) -> tuple[str, ...]:
    """The steps a clicker moves through on a scene before the next scene, by title.

    The warning signs do not fit one screen in type a room can read: first the groups by
    urgency (with the emergency line), then each group's signs, one group a step.
    """
    if scene.page == "red_flags":
        return ("The signs by urgency", *(group.heading for group in redflags.GROUPS))
    return (scene.title,)


def scene_step(scene: scenes.Scene) -> int:
    """The step the address shows (`step=`, from 1), kept within the scene's steps."""
    asked = linkparams.STEP.read(st.query_params.get_all(linkparams.STEP.key)).value
    return max(1, min(int(asked), len(step_titles(scene))))


def _step_params(scene: scenes.Scene, step: int) -> dict[str, str]:
    return scene_params(scene, step=str(step)) if step > 1 else scene_params(scene)


def short_link(scene: scenes.Scene) -> str | None:
    """The scene's short link, `/s/<id>` (web.reading sends it on to the scene's view).

    Short to type, and a smaller QR code: fewer, larger modules to scan from the back row.
    """
    return links.link_to(f"s/{scene.id}", ())


def corner_qr(scene: scenes.Scene) -> None:
    """The scene's QR code in the screen's corner, its short link printed under it."""
    from ui.share import qr_code  # ui.share imports ui.links, as this module does

    link = short_link(scene)
    if not link:
        return
    # The address under the code, split after the host so that no word is broken: the
    # short path, the part a student types, on its own line in bold.
    host, _, path = link.split("://", 1)[-1].partition("/")
    with st.container(key="lme_scene_qr", gap=None):
        qr_code(link, title=f"QR code of the scene: {scene.title}", width_px=300)
        st.markdown(f"{host}  \n**/{path}**")


def follow(scene: scenes.Scene, page: str) -> None:
    """Keep this tab and the presenter's other tab on the same scene (the room)."""
    code = room()
    _sync(code, scene.id, page, notes_view(), qr_slide())
    _poll(code, scene.id, page, notes_view(), qr_slide())


def _sync(code: str, scene_id: str, page: str, notes: bool, slide: bool) -> None:
    seen, move_to = ROOMS.sync(code, scene_id, int(st.session_state.get(SEEN_KEY, 0)))
    st.session_state[SEEN_KEY] = seen
    if move_to is None:
        return
    try:
        all_scenes = load_scenes()
    except ContentError:
        return
    target = all_scenes[scenes.find(all_scenes, move_to)]
    if notes or slide:
        extra = {"notes": "1"} if notes else {"qr": "1"}
        st.switch_page("pages/present.py", query_params=present_params(target, **extra))
    else:
        st.switch_page(target.script, query_params=scene_params(target))


@st.fragment(run_every=1.0)
def _poll(code: str, scene_id: str, page: str, notes: bool, slide: bool) -> None:
    if st.session_state.get(SEEN_KEY) is None:
        return
    current = ROOMS.get(code)
    if current is not None and current[0] > int(st.session_state[SEEN_KEY]):
        _sync(code, scene_id, page, notes, slide)
