"""The screening printout in Chromium: a reader picks their country, clicks the PDF download,
and the file that arrives is one page of the chosen paper with that country's number only,
in type never below 10 pt, with a QR code that opens the same view again."""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pypdf
import pypdfium2
import zxingcpp

from tests.browser.conftest import Server, Visit
from tests.browser.test_journeys import act, pick
from tests.unit.test_pdf import FLOOR_PT, sized_text

COUNTRY = "Where are you? (for the emergency number and where to turn)"
PDF_BUTTON = '[data-testid="stDownloadButton"] button'


def test_the_screening_pdf_downloads_with_the_readers_number(server: Server, visit: Visit):
    page = visit.page
    page.goto(
        f"{server.url}/screening?age=72&chair_stands=9&balance_stage=2&tug_s=14.2&paper=letter"
    )
    visit.settle()
    # No country yet: no PDF with one number for everyone, and a note that says why.
    assert page.locator(PDF_BUTTON, has_text="Download one page (PDF").count() == 0
    assert page.get_by_text("the PDF prints your country's emergency number").count() == 1
    act(visit, lambda: pick(page, COUNTRY, "US (911)").click())
    button = page.locator(PDF_BUTTON, has_text="Download one page (PDF, US Letter)")
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "leg-muscle-screening.pdf"
    printed = Path(download.path()).read_bytes()
    assert printed.startswith(b"%PDF")

    reader = pypdf.PdfReader(io.BytesIO(printed))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72, 1), round(float(box.height) * 25.4 / 72, 1)) == (
        215.9,
        279.4,
    )
    text = reader.pages[0].extract_text()
    assert "Call 911 now" in text
    assert not re.search(r"(?<!\d)(999|112)(?!\d)", text)
    assert "Screening, not a diagnosis." in text
    assert "30-second chair stand:" in text
    assert "urgent care" in text  # the US's same-day help, not NHS 111
    assert "NHS 111" not in text
    assert min(size for size, _ in sized_text(printed)) >= FLOOR_PT

    codes = zxingcpp.read_barcodes(pypdfium2.PdfDocument(printed)[0].render(scale=3).to_pil())
    (code,) = [c.text for c in codes if c.format == zxingcpp.BarcodeFormat.QRCode]
    assert urlparse(code).path.endswith("/screening")  # the share link (its preview route)
    assert parse_qs(urlparse(code).query) == parse_qs(urlparse(page.url).query)
    assert parse_qs(urlparse(code).query)["country"] == ["us"]
