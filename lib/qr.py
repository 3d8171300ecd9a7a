"""QR codes of shareable links, drawn as inline SVG by `segno` (pure Python, no image service).

A class scans the code on the projector and opens the same view on their phones; a printed
handout carries it back to the view it was made from.
"""

from __future__ import annotations

import html
import io

import segno

from lib.figures import svg_img

DARK = "#1A1A1A"  # the theme's text colour: 17:1 on white, well above any scanner's needs
LIGHT = "#FFFFFF"
# Medium error correction (about 15% of the code can be damaged) suits screens and paper.
ERROR = "m"
# Links longer than this make dense codes that phones struggle with from across a room.
MAX_LINK_CHARS = 1000


def make(link: str) -> segno.QRCode:
    """The QR code of `link`.

    Raises:
        ValueError: the link is empty or longer than MAX_LINK_CHARS.
    """
    if not link or len(link) > MAX_LINK_CHARS:
        raise ValueError(f"a QR code needs a link of 1 to {MAX_LINK_CHARS} characters")
    return segno.make(link, error=ERROR, micro=False)


def qr_svg(link: str, *, title: str = "QR code of this page's link") -> str:
    """An accessible, scalable `<svg>` of the link's QR code (width follows its container)."""
    code = make(link)
    title = _printable(title) or "QR code"
    svg = code.svg_inline(
        scale=1,
        border=4,
        dark=DARK,
        light=LIGHT,
        omitsize=True,
        title=title,
        desc=f"Scan to open {_printable(link)}",
        svgclass="lme-qr",
        lineclass=None,
    )
    label = html.escape(f"{title}: {_printable(link)}", quote=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def qr_img(link: str, *, title: str = "QR code of this page's link") -> str:
    """The link's QR code as an `<img>` (a data URI, see `lib.figures.svg_img`), its link as
    alt text; it fills the width of its box."""
    svg = qr_svg(link, title=title).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    alt = f"{_printable(title) or 'QR code'}: {_printable(link)}"
    return svg_img(svg, alt=alt, max_width_px=None)


def _printable(text: str) -> str:
    """Text safe inside XML: control characters (which XML forbids) removed."""
    return "".join(c for c in text if c.isprintable() or c == " ").strip()


def qr_png(link: str, *, scale: int = 8) -> bytes:
    """The link's QR code as PNG bytes (for a download or a test that reads it back)."""
    buffer = io.BytesIO()
    make(link).save(buffer, kind="png", scale=scale, border=4, dark=DARK, light=LIGHT)
    return buffer.getvalue()


def matrix(link: str) -> tuple[tuple[bool, ...], ...]:
    """The code's modules, dark as True, without the quiet zone."""
    return tuple(tuple(bool(m) for m in row) for row in make(link).matrix)
