"""lib.qr: the QR code reads back as the exact link, in PNG and in the SVG the page shows."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
import zxingcpp
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from lib import qr
from lib.links import share_link

LINKS = [
    "http://localhost:8501/projection?age=80&rate=5.0",
    "https://example.org/legs/plan?level=seated&days=mon&days=wed&days=fri&minutes=45",
    "https://example.org/present?scene=bed-rest&present=1",
    "https://example.org/glossary?q=%C3%A9l%C3%A8ve",
]


def decode_png(data: bytes) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(data)))]


@pytest.mark.parametrize("link", LINKS)
def test_png_decodes_to_the_link(link):
    """A phone's reader (zxing-cpp) gets back exactly the link that was encoded."""
    assert decode_png(qr.qr_png(link)) == [link]


@given(
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
        min_size=1,
        max_size=200,
    )
)
def test_any_query_text_round_trips(tail):
    """Whatever a search holds, its link (percent-encoded, as share_link makes it) reads back."""
    link = share_link("https://example.org/glossary", {"q": tail})
    assert decode_png(qr.qr_png(link, scale=4)) == [link]


def _svg_to_png(svg: str, size: int = 8) -> bytes:
    """Rasterise the SVG's path (horizontal 1-module strokes) without a browser."""
    root = ET.fromstring(svg)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    view = [int(float(v)) for v in root.attrib["viewBox"].split()]
    image = Image.new("L", (view[2] * size, view[3] * size), 255)
    paths = root.findall("svg:path", ns) or root.findall("path")
    dark = next(p for p in paths if p.attrib.get("stroke"))
    x = y = 0.0
    tokens = dark.attrib["d"].replace("h", " h ").replace("m", " m ").replace("M", " M ").split()
    i = 0
    while i < len(tokens):
        op = tokens[i]
        if op == "M":
            x, y = float(tokens[i + 1]), float(tokens[i + 2])
            i += 3
        elif op == "m":
            x += float(tokens[i + 1])
            y += float(tokens[i + 2])
            i += 3
        elif op == "h":
            length = float(tokens[i + 1])
            for col in range(int(x), int(x + length)):
                for dx in range(size):
                    for dy in range(size):
                        image.putpixel((col * size + dx, int(y - 0.5) * size + dy), 0)
            x += length
            i += 2
        else:
            i += 1
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("link", LINKS)
def test_svg_shown_on_the_page_decodes_to_the_link(link):
    """The inline SVG itself, drawn module by module, reads back as the link."""
    svg = qr.qr_svg(link)
    assert decode_png(_svg_to_png(svg)) == [link]


@pytest.mark.parametrize("link", LINKS)
def test_svg_is_accessible_and_self_contained(link):
    """The SVG parses, scales with its box, names itself for screen readers, links nowhere."""
    svg = qr.qr_svg(link, title="Scan to open this scene")
    root = ET.fromstring(svg)
    assert root.attrib["role"] == "img"
    assert link in root.attrib["aria-label"]
    assert "viewBox" in root.attrib
    assert "width" not in root.attrib
    assert "href" not in svg
    assert "<script" not in svg


@given(st.text(min_size=1, max_size=80))
def test_hostile_titles_are_escaped(title):
    """A title with markup stays text: the SVG still parses and holds no live tag."""
    svg = qr.qr_svg("https://example.org/", title=title)
    root = ET.fromstring(svg)
    assert root.find("title") is not None
    assert "<script" not in svg.lower()
    printable = "".join(c for c in title if c.isprintable() or c == " ").strip()
    assert root.find("title").text == (printable or "QR code")


def test_matrix_matches_the_library():
    """The module matrix is segno's own for that payload, dark modules as True."""
    link = LINKS[0]
    assert qr.matrix(link) == tuple(tuple(bool(m) for m in row) for row in qr.make(link).matrix)
    assert len(qr.matrix(link)) == len(qr.matrix(link)[0])


@pytest.mark.parametrize("link", ["", "x" * (qr.MAX_LINK_CHARS + 1)])
def test_empty_or_huge_links_are_refused(link):
    """No code for an empty link, or one too dense to scan across a room."""
    with pytest.raises(ValueError, match="QR code"):
        qr.qr_svg(link)
