"""The screenshot gallery (`make screenshots`): every page and every README example link, at
390, 768, 1280 and 1920 px, into `screenshots/` (git-ignored), plus contact sheets.

Starts the app on a free port and drives Debian's Chromium, like the browser tests. Each
screenshot is the whole page (`<name>@<width>.png`); each contact sheet shows the top of up
to 8 links side by side at the four widths (`contact-sheet-N.png`), for a person to look at.
It also prints every chart whose text overlaps, is clipped or cut with "…".

    python docs/gallery.py [--only PATH-PREFIX] [--widths 390,1280]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image, ImageDraw, ImageFont
from playwright.sync_api import sync_playwright

from tests.browser.chart_geometry import problems, read_charts
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, SETTLED, streamlit_server

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"
WIDTHS = (390, 768, 1280, 1920)
HEIGHT = 900
THUMB_WIDTH = 300
THUMB_HEIGHT = 700  # of the top 1.5 screens, where a reader looks first
PER_SHEET = 8
MAX_H = 16_000  # Chromium's screenshots get unreliable far beyond this
_CONTENT_HEIGHT = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const header = document.querySelector('[data-testid="stHeader"]');
  return Math.ceil((main ? main.scrollHeight : 0) + (header ? header.offsetHeight : 0));
}"""


def links() -> list[str]:
    """Every page (`/` and `/<page>`) and every example link the README gives, in order."""
    pages = sorted(p.stem for p in (ROOT / "pages").glob("*.py"))
    found = ["/"] + [f"/{p}" for p in pages if p != "home"]
    readme = (ROOT / "README.md").read_text("utf-8")
    for link in re.findall(r"`(/[a-z_]+\?[^`\s]*)`", readme):
        if link.split("?")[0].strip("/") in pages and link not in found:
            found.append(link)
    return found


def file_name(link: str, width: int) -> str:
    slug = re.sub(r"[^A-Za-z0-9_,=-]+", "_", link.strip("/")) or "home"
    return f"{slug[:120]}@{width}.png"


def shoot(selected: list[str], widths: tuple[int, ...]) -> list[str]:
    """Take every screenshot; return the chart problems found, one line each."""
    OUT.mkdir(exist_ok=True)
    found: list[str] = []
    with streamlit_server(OUT) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for width in widths:
            page = browser.new_page(viewport={"width": width, "height": HEIGHT})
            for link in selected:
                page.goto(server.url + link)
                page.wait_for_selector(SETTLED, timeout=30_000)
                page.wait_for_timeout(1500)  # charts and images finish drawing
                page.wait_for_selector(SETTLED, timeout=30_000)
                for chart in read_charts(page):
                    found += [f"{link} @{width}: {p}" for p in problems(chart)]
                # Streamlit scrolls inside its main area, not the document, so a "full page"
                # shot is one screen: make the window as tall as the content instead.
                tall = page.evaluate(_CONTENT_HEIGHT)
                page.set_viewport_size({"width": width, "height": min(max(tall, HEIGHT), MAX_H)})
                page.wait_for_timeout(300)
                page.screenshot(path=str(OUT / file_name(link, width)))
                page.set_viewport_size({"width": width, "height": HEIGHT})
                print(f"{width:>5} {link}", flush=True)
            page.close()
        browser.close()
    return found


def contact_sheets(selected: list[str], widths: tuple[int, ...]) -> list[Path]:
    """Thumbnails of the top of each page, a row per link and a column per width."""
    font = ImageFont.load_default(size=16)
    label_h, pad = 28, 12
    sheets = []
    for start in range(0, len(selected), PER_SHEET):
        chunk = selected[start : start + PER_SHEET]
        cell_w, cell_h = THUMB_WIDTH + pad, THUMB_HEIGHT + label_h + pad
        sheet = Image.new("RGB", (cell_w * len(widths) + pad, cell_h * len(chunk) + pad), "white")
        draw = ImageDraw.Draw(sheet)
        for row, link in enumerate(chunk):
            for col, width in enumerate(widths):
                x, y = pad + col * cell_w, pad + row * cell_h
                draw.text((x, y), f"{link[:34]} @{width}", fill="black", font=font)
                path = OUT / file_name(link, width)
                if not path.exists():
                    continue
                with Image.open(path) as shot:
                    top = shot.crop((0, 0, shot.width, min(shot.height, HEIGHT * 3 // 2)))
                    top.thumbnail((THUMB_WIDTH, THUMB_HEIGHT))
                    sheet.paste(top, (x, y + label_h))
                    draw.rectangle(
                        (x - 1, y + label_h - 1, x + top.width, y + label_h + top.height),
                        outline="#8a8a8a",
                    )
        out = OUT / f"contact-sheet-{start // PER_SHEET + 1}.png"
        sheet.save(out)
        sheets.append(out)
    return sheets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="only links starting with this")
    parser.add_argument("--widths", default=",".join(map(str, WIDTHS)))
    args = parser.parse_args()
    selected = [link for link in links() if link.startswith(args.only)]
    widths = tuple(int(w) for w in args.widths.split(","))
    found = shoot(selected, widths)
    sheets = contact_sheets(selected, widths)
    print(f"{len(selected) * len(widths)} screenshots and {len(sheets)} contact sheets in {OUT}")
    for line in found:
        print("chart problem:", line)


if __name__ == "__main__":
    main()
