"""Presenter scenes: named deep links into the interactive pages, with speaker notes.

`content/scenes.yaml` lists the scenes in the order of a talk. Each opens one page with its
inputs set (the page's documented link parameters), so a class that scans the scene's QR
code sees exactly what is on the projector.

Pure: the file is read only from the path the caller hands in; every problem is raised as
`ContentError` naming the file and the scene.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from lib.content import ContentError, Source, read_yaml, render_cited

FIELDS = ("id", "title", "page", "query", "notes", "sources")
SCENE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PRESENT_KEY = "present"  # `?present=1`: projector mode on any page
SCENE_KEY = "scene"


@dataclass(frozen=True)
class Scene:
    """One scene: the page it opens, with which inputs, and what to say."""

    id: str
    title: str
    page: str  # a page's URL path name, e.g. "projection"
    query: tuple[tuple[str, str], ...]
    notes_html: str
    source_ids: tuple[str, ...]

    @property
    def script(self) -> str:
        """The page's script, as st.page_link and st.switch_page want it."""
        return f"pages/{self.page}.py"

    def params(self, *, present: bool) -> dict[str, str]:
        """The scene's link parameters; in presenter mode also `present=1` and the scene id."""
        params = dict(self.query)
        if present:
            params[PRESENT_KEY] = "1"
            params[SCENE_KEY] = self.id
        return params

    def path(self, *, present: bool) -> str:
        """The scene's address below the app's root, e.g. `projection?age=80&present=1`."""
        return f"{self.page}?{urlencode(self.params(present=present))}"


def load_scenes(
    path: Path, sources: Mapping[str, Source], pages: Collection[str]
) -> tuple[Scene, ...]:
    """Read and check the scenes.

    Args:
        path: `content/scenes.yaml`.
        sources: every known source by id.
        pages: the page names a scene may open (the scripts in pages/).

    Raises:
        ContentError: the file is missing or malformed, a scene names an unknown page or
            source, or its notes cite other sources than it lists.
    """
    raw = read_yaml(path)
    if not isinstance(raw, list) or not raw:
        raise ContentError(path, "must be a non-empty list of scenes")
    scenes = [_scene(path, n, entry, sources, pages) for n, entry in enumerate(raw, start=1)]
    ids = [s.id for s in scenes]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise ContentError(path, f"scene ids used twice: {repeated}")
    return tuple(scenes)


def _scene(
    path: Path, number: int, entry: Any, sources: Mapping[str, Source], pages: Collection[str]
) -> Scene:
    where = f"scene {number}"
    if not isinstance(entry, dict):
        raise ContentError(path, f"{where} must be a mapping of fields")
    missing = [f for f in FIELDS if f not in entry]
    extra = sorted(set(entry) - set(FIELDS))
    if missing or extra:
        raise ContentError(path, f"{where}: missing {missing}, unknown {extra}")
    scene_id = entry["id"]
    if not isinstance(scene_id, str) or not SCENE_ID.match(scene_id):
        raise ContentError(path, f"{where}: 'id' must be lowercase letters, digits and dashes")
    where = f"scene {scene_id!r}"
    for field in ("title", "notes"):
        if not isinstance(entry[field], str) or not entry[field].strip():
            raise ContentError(path, f"{where}: {field!r} must be non-empty text")
    if entry["page"] not in pages:
        raise ContentError(path, f"{where}: no page named {entry['page']!r}")
    query = entry["query"]
    if not isinstance(query, dict) or not all(isinstance(k, str) for k in query):
        raise ContentError(path, f"{where}: 'query' must map link parameters to values")
    ids = entry["sources"]
    if not isinstance(ids, list) or not all(isinstance(s, str) for s in ids):
        raise ContentError(path, f"{where}: 'sources' must be a list of source ids")
    unknown = [s for s in ids if s not in sources]
    if unknown:
        raise ContentError(path, f"{where}: unknown source ids {unknown}")
    notes_html, cited = _notes(scene_id, entry["notes"], sources)
    if set(cited) != set(ids):
        raise ContentError(
            path, f"{where}: 'sources' {sorted(ids)} differ from cited {sorted(cited)}"
        )
    return Scene(
        id=scene_id,
        title=entry["title"],
        page=entry["page"],
        query=tuple((k, _text(v)) for k, v in query.items()),
        notes_html=notes_html,
        source_ids=tuple(cited),
    )


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _notes(scene_id: str, text: str, sources: Mapping[str, Source]) -> tuple[str, list[str]]:
    rendered = render_cited(text, sources, prefix=f"scene-{scene_id}-src")
    return f'<div class="lme-article lme-notes">{rendered.html}</div>', list(rendered.cited)


def find(scenes: Sequence[Scene], wanted: str | None) -> int:
    """The index of the scene with id `wanted`, or 0 when there is none such."""
    for index, scene in enumerate(scenes):
        if scene.id == wanted:
            return index
    return 0


ROOM_CODE = re.compile(r"^[0-9a-f]{8}$")


class Rooms:
    """Which scene each presenter "room" shows: the notes tab and the projected tab follow it.

    A room is a random code both of a presenter's tabs carry in their address (`room=`).
    Each move publishes the scene with a new version; a tab that has seen an older version
    follows, a tab that moved itself publishes. Held in this server's memory only (nothing
    is sent anywhere); the oldest rooms are forgotten beyond `limit`.
    """

    def __init__(self, limit: int = 256) -> None:
        self._rooms: dict[str, tuple[int, str]] = {}
        self._limit = limit
        self._lock = threading.Lock()

    def get(self, room: str) -> tuple[int, str] | None:
        """The room's (version, scene id), or None for a room nobody has published to."""
        with self._lock:
            return self._rooms.get(room)

    def publish(self, room: str, scene_id: str) -> int:
        """Show `scene_id` in `room`; the new version (unchanged when it already shows it)."""
        with self._lock:
            version, shown = self._rooms.pop(room, (0, ""))
            if shown != scene_id:
                version += 1
            self._rooms[room] = (version, scene_id)
            while len(self._rooms) > self._limit:
                del self._rooms[next(iter(self._rooms))]
            return version

    def sync(self, room: str, scene_id: str, seen: int) -> tuple[int, str | None]:
        """What a tab showing `scene_id`, having seen version `seen`, should do.

        Returns (the version the tab has now seen, the scene to move to or None to stay).
        A newer version elsewhere wins (the tab follows); otherwise the tab's own scene is
        published (it moved itself).
        """
        current = self.get(room)
        if current is not None and current[0] > seen and current[1] != scene_id:
            return current[0], current[1]
        return self.publish(room, scene_id), None
