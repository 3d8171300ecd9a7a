"""The reading routes beside the Streamlit app: HTTP glue around `lib.reading` and `lib.preview`.

`routes()` is what `streamlit_app.py` hands to `st.App`. Pages are built once per version
of the content (the newest modification time under `content/`) and per public address, and
served with gzip, a strong ETag, Last-Modified and cache headers; a conditional request is
answered 304. Nothing here writes a file or reads anything a reader sent other than the URL.
"""

from __future__ import annotations

import email.utils
import functools
import gzip
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from lib import linkparams, preview, reading, scenes
from lib.content import ContentError, load_sources
from lib.exercises import Exercise
from lib.links import page_path

ROOT = Path(__file__).resolve().parents[1]
# Whether this process serves the routes below (set by `routes`, which the entry file calls).
# The share panel links to a view's preview route only then: `streamlit run app.py` serves
# no `/p/...`, and a link to it would be dead.
SERVING = False
PAGE_CACHE = "public, max-age=600, stale-while-revalidate=86400"
PREVIEW_CACHE = "public, max-age=3600"
GZIP_MIN_BYTES = 500
SECURITY = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


def content_dir() -> Path:
    """Where the content lives (the app's own `EXPLORER_CONTENT_DIR` override included)."""
    return Path(os.environ.get("EXPLORER_CONTENT_DIR") or ROOT / "content")


def _version(folder: Path) -> int:
    """The newest modification time of any content file: pages are rebuilt when it changes."""
    try:
        return max((p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()), default=0)
    except OSError:
        return 0


@dataclass(frozen=True)
class Body:
    """One response body, its gzip form and its validators."""

    raw: bytes
    gzipped: bytes
    etag: str  # of the raw body; the gzip form's is this with "-gz" added
    media_type: str


def _body(text: str | bytes, media_type: str) -> Body:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    etag = hashlib.sha256(raw).hexdigest()[:20]
    compressible = media_type.startswith(("text/", "application/xml"))
    gzipped = gzip.compress(raw, compresslevel=6, mtime=0) if compressible else b""
    return Body(raw, gzipped, etag, media_type)


@dataclass(frozen=True)
class Built:
    """Every reading page for one content version and one public address."""

    pages: dict[str, Body]
    not_found: Body
    sitemap: Body
    robots: Body
    modified: float  # seconds since the epoch
    library: reading.Library


@functools.lru_cache(maxsize=8)
def _build(folder: Path, version: int, base_url: str, large: bool = False) -> Built:
    library = reading.load_library(folder)
    site = reading.Site(base_url)
    all_pages = reading.pages(library)
    html_type = "text/html; charset=utf-8"
    return Built(
        pages={
            p.path: _body(reading.document(p, library, site, large=large), html_type)
            for p in all_pages
        },
        not_found=_body(reading.not_found_document(library, site, large=large), html_type),
        sitemap=_body(reading.sitemap_xml(all_pages, site), "application/xml; charset=utf-8"),
        robots=_body(reading.robots_txt(site), "text/plain; charset=utf-8"),
        modified=version / 1e9,
        library=library,
    )


def _site(request: Request, base_path: str) -> reading.Site:
    here = str(request.base_url).rstrip("/") + base_path
    return reading.site_for(os.environ.get("EXPLORER_PUBLIC_URL"), here)


def large(request: Request) -> bool:
    """Whether the link asks for the large-text, high-contrast reading option (`large=true`)."""
    raws = request.query_params.getlist(linkparams.LARGE.key)[-1:]
    return bool(raws) and bool(linkparams.LARGE.read([raw[:20] for raw in raws]).value)


def built(request: Request, base_path: str, *, large_text: bool = False) -> Built:
    """The pages for the current content and address (ContentError when content is broken).

    `large_text`: the pages in the large-text reading mode (built the first time one is asked).
    """
    folder = content_dir()
    return _build(folder, _version(folder), _site(request, base_path).base_url, large_text)


def _respond(
    request: Request,
    body: Body,
    *,
    modified: float | None,
    cache: str = PAGE_CACHE,
    status: int = 200,
    csp: str | None = reading.CONTENT_SECURITY_POLICY,
) -> Response:
    """`body` with gzip when asked for, validators and cache headers; 304 when unchanged."""
    wants_gzip = (
        bool(body.gzipped)
        and len(body.raw) >= GZIP_MIN_BYTES
        and ("gzip" in request.headers.get("accept-encoding", "").lower())
    )
    etag = f'"{body.etag}-gz"' if wants_gzip else f'"{body.etag}"'
    headers = {"ETag": etag, "Cache-Control": cache, "Vary": "Accept-Encoding", **SECURITY}
    if csp:
        headers["Content-Security-Policy"] = csp
    if modified is not None:
        headers["Last-Modified"] = email.utils.formatdate(modified, usegmt=True)
    if status == 200 and _not_modified(request, etag, modified):
        return Response(status_code=304, headers=headers)
    if wants_gzip:
        headers["Content-Encoding"] = "gzip"
        return Response(body.gzipped, status, headers, media_type=body.media_type)
    return Response(body.raw, status, headers, media_type=body.media_type)


def _not_modified(request: Request, etag: str, modified: float | None) -> bool:
    match = request.headers.get("if-none-match")
    if match is not None:
        tags = {t.strip().removeprefix("W/") for t in match.split(",")}
        return "*" in tags or etag in tags
    since = request.headers.get("if-modified-since")
    if since and modified is not None:
        try:
            parsed = email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        return int(modified) <= int(parsed)
    return False


def _content_problem(err: ContentError) -> Response:
    text = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page not '
        "available · Leg Muscle Explorer</title></head><body><main><h1>Page not available</h1>"
        "<p>Sorry, this page cannot be shown because a content file has a problem. The rest "
        "of the site still works.</p></main></body></html>"
    )
    return Response(text, 503, {"Cache-Control": "no-store", **SECURITY}, media_type="text/html")


def reading_page(base_path: str, request: Request) -> Response:
    """`/read/...`: a reading page, or the not-found page (404)."""
    try:
        site_pages = built(request, base_path, large_text=large(request))
    except ContentError as err:
        return _content_problem(err)
    path = f"{reading.READ}/{request.path_params['rest']}"
    body = site_pages.pages.get(path)
    if body is None:
        if path.endswith("/") and path.rstrip("/") in site_pages.pages:
            query = f"?{reading.LARGE_KEY}=true" if large(request) else ""
            return RedirectResponse(_site(request, base_path).href(path.rstrip("/")) + query, 301)
        return _respond(request, site_pages.not_found, modified=None, status=404)
    return _respond(request, body, modified=site_pages.modified)


def read_root(base_path: str, request: Request) -> Response:
    query = f"?{reading.LARGE_KEY}=true" if large(request) else ""
    return RedirectResponse(_site(request, base_path).href(reading.INDEX_PATH) + query, 301)


def sitemap(base_path: str, request: Request) -> Response:
    try:
        site_pages = built(request, base_path)
    except ContentError as err:
        return _content_problem(err)
    return _respond(request, site_pages.sitemap, modified=site_pages.modified, csp=None)


def robots(base_path: str, request: Request) -> Response:
    body = _body(reading.robots_txt(_site(request, base_path)), "text/plain; charset=utf-8")
    return _respond(request, body, modified=None, csp=None)


def _pairs(request: Request) -> list[tuple[str, str]]:
    return list(request.query_params.multi_items())


def _exercises(request: Request, base_path: str) -> tuple[Exercise, ...]:
    """The exercise library for previews; none when content is broken (words still work)."""
    try:
        return built(request, base_path).library.exercises
    except ContentError:
        return ()


def preview_page(base_path: str, request: Request) -> Response:
    """`/p/<page>?...`: the view's social tags, then on to the live view."""
    page = request.path_params["page"]
    found = preview.describe(page, _pairs(request), _exercises(request, base_path))
    if found is None:
        return RedirectResponse(_site(request, base_path).href(reading.INDEX_PATH), 302)
    text = preview.preview_document(found, _site(request, base_path))
    return _respond(
        request,
        _body(text, "text/html; charset=utf-8"),
        modified=None,
        cache=PREVIEW_CACHE,
        csp="default-src 'none'; img-src 'self' data:; base-uri 'none'; form-action 'none'",
    )


@functools.lru_cache(maxsize=64)
def _png(
    page: str, image_key: tuple[tuple[str, str], ...], exercises: tuple[Exercise, ...]
) -> bytes:
    # Keyed on the checked values that pick the picture, not on the raw text of the link.
    return preview.preview_png(page, image_key, exercises)


def preview_image(base_path: str, request: Request) -> Response:
    """`/p/<page>.png?...`: the view's chart or diagram, drawn on the server (404 without)."""
    page = request.path_params["page"]
    library = _library_or_none(request, base_path)
    exercises = library.exercises if library is not None else ()
    found = preview.describe(page, _pairs(request), exercises)
    if found is None or not found.image or library is None:
        return Response("No preview image for this page.", 404, media_type="text/plain")
    try:
        png = _png(page, found.image_key, library.exercises)
    except ImportError:
        return Response("Preview images need vl-convert-python.", 404, media_type="text/plain")
    return _respond(request, _body(png, "image/png"), modified=None, cache=PREVIEW_CACHE, csp=None)


@functools.lru_cache(maxsize=8)
def _scene_paths(folder: Path, version: int) -> dict[str, str]:
    """Each scene's page link below the app's root (its canonical, shareable link)."""
    found = scenes.load_scenes(
        folder / "scenes.yaml",
        load_sources(folder / "sources.yaml"),
        [p.stem for p in (ROOT / "pages").glob("*.py")],
    )
    return {
        s.id: page_path(s.page, linkparams.canonical(s.page, s.query)).lstrip("/") for s in found
    }


def scene_link(base_path: str, request: Request) -> Response:
    """`/s/<scene>`: a scene's short link (on its corner QR code), on to the scene's view."""
    folder = content_dir()
    try:
        path = _scene_paths(folder, _version(folder)).get(request.path_params["scene"])
    except ContentError:
        path = None
    target = f"{base_path}/{path}" if path is not None else f"{base_path}/present"
    return RedirectResponse(target, 302, headers=SECURITY)


def _library_or_none(request: Request, base_path: str) -> reading.Library | None:
    try:
        return built(request, base_path).library
    except ContentError:
        return None


def routes(base_path: str = "") -> list[BaseRoute]:
    """The routes `st.App` serves beside the app (they come before Streamlit's own).

    `base_path` is Streamlit's `server.baseUrlPath` ("legs" or "/legs/"), so that the
    reading pages sit below the same path as the app. The handlers are plain functions:
    Starlette runs them in its thread pool, so building the pages or drawing a preview image
    never holds up the event loop that carries every session's websocket.
    """
    global SERVING
    SERVING = True
    base = f"/{base_path.strip('/')}" if base_path.strip("/") else ""

    def route(path: str, endpoint: Callable[[str, Request], Response]) -> Route:
        return Route(base + path, functools.partial(endpoint, base))

    return [
        route("/read", read_root),
        route("/read/{rest:path}", reading_page),
        route("/sitemap.xml", sitemap),
        route("/robots.txt", robots),
        route("/p/{page}.png", preview_image),
        route("/p/{page}", preview_page),
        route("/s/{scene}", scene_link),
    ]
