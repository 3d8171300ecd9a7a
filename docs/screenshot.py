"""Take the README's screenshot of the home page: `python docs/screenshot.py`.

Starts the app on a free port, opens it in Debian's Chromium and saves docs/home.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, SETTLED, streamlit_server

OUT = Path(__file__).with_name("home.png")


def main() -> None:
    with streamlit_server(Path("/tmp")) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 820})
        page.goto(server.url)
        page.wait_for_selector(SETTLED, timeout=30_000)
        page.wait_for_timeout(800)
        page.screenshot(path=str(OUT))
        browser.close()
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
