"""The reading routes over HTTP (web.reading through Starlette's TestClient, no server)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette
from starlette.testclient import TestClient

from lib import reading
from tests.conftest import CONTENT
from web import reading as web


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(Starlette(routes=web.routes())) as running:
        yield running


def sitemap_paths(client: TestClient) -> list[str]:
    xml = client.get("/sitemap.xml").text
    return [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", xml)]


def test_every_page_of_the_sitemap_is_served(client: TestClient) -> None:
    paths = sitemap_paths(client)
    assert len(paths) > 30
    for path in paths:
        reply = client.get(path)
        assert reply.status_code == 200, path
        assert reply.headers["content-type"] == "text/html; charset=utf-8"
        assert "<h1>" in reply.text


def test_the_sitemap_lists_exactly_the_pages_lib_reading_builds(client: TestClient) -> None:
    expected = [p.path for p in reading.pages(reading.load_library(CONTENT))]
    assert sitemap_paths(client) == expected
    assert client.get("/sitemap.xml").headers["content-type"].startswith("application/xml")


def test_pages_are_gzipped_for_a_browser_that_asks(client: TestClient) -> None:
    raw = client.get("/read/causes", headers={"Accept-Encoding": "identity"})
    zipped = client.get("/read/causes", headers={"Accept-Encoding": "gzip, br"})
    assert "content-encoding" not in raw.headers
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.text == raw.text  # the client unzips it
    assert int(zipped.headers["content-length"]) < len(raw.content) / 3
    assert zipped.headers["etag"] != raw.headers["etag"]
    assert zipped.headers["vary"] == "Accept-Encoding"


def test_pages_carry_validators_and_cache_headers_and_answer_304(client: TestClient) -> None:
    first = client.get("/read/faq")
    assert first.headers["cache-control"].startswith("public, max-age=")
    assert first.headers["last-modified"].endswith("GMT")
    assert "default-src 'none'" in first.headers["content-security-policy"]
    again = client.get("/read/faq", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""
    since = client.get("/read/faq", headers={"If-Modified-Since": first.headers["last-modified"]})
    assert since.status_code == 304
    old = client.get("/read/faq", headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})
    assert old.status_code == 200
    other = client.get("/read/faq", headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200
    junk = client.get("/read/faq", headers={"If-Modified-Since": "yesterday, probably"})
    assert junk.status_code == 200


def test_the_style_sheet_is_the_one_the_policy_allows(client: TestClient) -> None:
    reply = client.get("/read/glossary")
    assert reading.style_hash() in reply.headers["content-security-policy"]
    assert reply.text.count("<style>") == 1


def test_unknown_reading_pages_are_404_pages_and_slashes_redirect(client: TestClient) -> None:
    missing = client.get("/read/no_such_page")
    assert missing.status_code == 404
    assert "Page not found" in missing.text
    assert "<script" not in client.get("/read/%3Cscript%3E").text
    moved = client.get("/read/causes/", follow_redirects=False)
    assert moved.status_code == 301
    assert moved.headers["location"].endswith("/read/causes")
    assert client.get("/read", follow_redirects=False).headers["location"].endswith("/read/")


def test_robots_txt_is_text_that_points_at_the_sitemap(client: TestClient) -> None:
    reply = client.get("/robots.txt")
    assert reply.headers["content-type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml" in reply.text
    assert "<html" not in reply.text


def test_canonical_urls_follow_explorer_public_url(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPLORER_PUBLIC_URL", "https://legs.example.org/app")
    text = client.get("/read/prevention").text
    assert '<link rel="canonical" href="https://legs.example.org/app/read/prevention">' in text
    assert 'href="/app/read/seek_care"' in text
    assert "https://legs.example.org/app/sitemap.xml" in client.get("/robots.txt").text


def test_a_broken_content_file_gives_a_friendly_503(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, client: TestClient
) -> None:
    broken = tmp_path / "content"
    shutil.copytree(CONTENT, broken)
    (broken / "sources.yaml").write_text("{: not yaml", encoding="utf-8")
    monkeypatch.setenv("EXPLORER_CONTENT_DIR", str(broken))
    reply = client.get("/read/causes")
    assert reply.status_code == 503
    assert "a content file has a problem" in reply.text
    assert client.get("/sitemap.xml").status_code == 503


def test_an_edited_content_file_is_served_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, client: TestClient
) -> None:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    monkeypatch.setenv("EXPLORER_CONTENT_DIR", str(copy))
    before = client.get("/read/faq")
    faq = copy / "060-faq.md"
    faq.write_text(faq.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    after = client.get("/read/faq", headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200
    assert "A new closing line." in after.text


def test_the_preview_page_and_its_image(client: TestClient) -> None:
    reply = client.get("/p/projection?age=80&bedrest_days=10")
    assert reply.status_code == 200
    assert "Muscle over a lifetime at 80, after 10 days in bed at 70" in reply.text
    assert 'content="0; url=http://testserver/projection?age=80&amp;bedrest_days=10"' in reply.text
    image = client.get("/p/projection.png?age=80&bedrest_days=10")
    assert image.status_code == 200
    assert image.headers["content-type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")
    assert image.headers["cache-control"].startswith("public")
    assert client.get("/p/self_check.png?age=70").status_code == 404
    unknown = client.get("/p/nothing?x=1", follow_redirects=False)
    assert unknown.status_code == 302
    assert unknown.headers["location"].endswith("/read/")


def test_an_exercise_link_is_previewed_with_its_diagram(client: TestClient) -> None:
    reply = client.get("/p/exercises?ex=sit_to_stand")
    assert "<title>Sit-to-stand · Leg Muscle Explorer</title>" in reply.text
    assert 'property="og:image" content="http://testserver/p/exercises.png?ex=sit_to_stand"' in (
        reply.text
    )
    image = client.get("/p/exercises.png?ex=sit_to_stand")
    assert image.status_code == 200
    assert image.content.startswith(b"\x89PNG")
    assert client.get("/p/exercises.png?ex=nothing").status_code == 404


def test_the_same_view_spelled_two_ways_is_one_picture(client: TestClient) -> None:
    one = client.get("/p/projection.png?age=80&rate=5")
    two = client.get("/p/projection.png?rate=5.0&age=80.2&junk=%3Cb%3E")
    assert one.content == two.content


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    page=st.sampled_from(["projection", "self_check", "screening", "zzz"]),
    pairs=st.lists(
        st.tuples(
            st.sampled_from(["age", "rate", "bedrest_days", "measure", "<x>", "q"]),
            st.one_of(
                st.text(max_size=80),
                st.sampled_from(['"><script>alert(1)</script>', "javascript:alert(1)"]),
            ),
        ),
        max_size=6,
    ),
)
def test_hostile_links_never_break_a_preview(
    client: TestClient, page: str, pairs: list[tuple[str, str]]
) -> None:
    query = urlencode(pairs)
    reply = client.get(f"/p/{page}?{query}", follow_redirects=False)
    assert reply.status_code in (200, 302)
    assert "<script" not in reply.text
    image = client.get(f"/p/{page}.png?{query}")
    assert image.status_code in (200, 404)


@pytest.mark.parametrize("base_path", ["legs", "/legs/", "/legs"])
def test_the_routes_sit_below_streamlits_base_url_path(base_path: str) -> None:
    with TestClient(Starlette(routes=web.routes(base_path))) as below:
        assert below.get("/read/causes").status_code == 404
        reply = below.get("/legs/read/causes")
        assert reply.status_code == 200
        assert '<link rel="canonical" href="http://testserver/legs/read/causes">' in reply.text
        assert 'href="/legs/read/seek_care"' in reply.text
        assert 'href="/legs/projection?bedrest_age=70&amp;bedrest_days=10"' in reply.text
        assert "<loc>http://testserver/legs/read/faq</loc>" in below.get("/legs/sitemap.xml").text
        preview = below.get("/legs/p/projection?age=80")
        assert "url=http://testserver/legs/projection?age=80" in preview.text


def test_head_requests_get_the_headers_alone(client: TestClient) -> None:
    reply = client.head("/read/causes", headers={"Accept-Encoding": "gzip"})
    assert reply.status_code == 200
    assert reply.content == b""
    assert reply.headers["etag"] == client.get("/read/causes").headers["etag"]


SCENE_IDS = ["age-30-80", "bed-rest-67", "guidelines-70", "plan-beginner", "warning-signs"]


@pytest.mark.parametrize("scene", SCENE_IDS)
def test_a_scene_short_link_goes_to_its_view(client: TestClient, scene: str) -> None:
    """`/s/<scene>` (printed under the corner QR code) redirects to the scene's own view."""
    reply = client.get(f"/s/{scene}", follow_redirects=False)
    assert reply.status_code == 302
    target = urlsplit(reply.headers["location"])
    assert target.path in {"/projection", "/self_check", "/plan", "/red_flags"}
    assert "present" not in target.query


@pytest.mark.parametrize("wanted", ["nope", "AGE-30-80", "age-30-80x", "%3Cscript%3E", "%00"])
def test_an_unknown_scene_goes_to_the_scene_list(client: TestClient, wanted: str) -> None:
    reply = client.get(f"/s/{wanted}", follow_redirects=False)
    assert reply.status_code == 302
    assert reply.headers["location"] == "/present"
