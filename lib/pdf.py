"""The clinician handout as a one-page PDF, drawn in pure Python with fpdf2.

Everything on the page comes in through `Handout`: the caller gathers the results, the
plan, the warning signs of the reader's country and the sources; this module only lays
them out. The page is built in memory and returned as bytes: nothing is written to disk,
and what a clinician types (names, dates, advice) goes nowhere but into those bytes.

The layout shrinks its type step by step until the whole handout fits one page; only
content too long for the smallest type runs on to a second page. Text is drawn with the
PDF's built-in Helvetica, whose character set is Latin-1: other characters are spelled
out where they can be (curly quotes, dashes, accents) and shown as "?" where they cannot,
so no typed text can break the file. Diagrams are vector SVG; the QR code is drawn as
vector squares.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Final, Literal

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from lib import qr
from lib.content import Source

Paper = Literal["a4", "letter"]
# Page sizes in mm (ISO 216 A4; US Letter is 8.5 x 11 inches).
PAPER_SIZES: Final[dict[Paper, tuple[float, float]]] = {
    "a4": (210.0, 297.0),
    "letter": (215.9, 279.4),
}
MARGIN: Final = 10.0  # mm on every side
QR_SIZE: Final = 27.0  # mm: scans easily from a hand-held page
# Type sizes are multiplied by one of these, largest first, until the page fits.
SCALES: Final = tuple(round(1.0 - 0.025 * step, 3) for step in range(17))  # 1.0 to 0.6
BASE_PT: Final = 8.5  # body text at scale 1
MIN_CELL_MM: Final = 25.0  # an exercise's cell in the diagram row

_ORANGE: Final = (213, 94, 0)  # the app's alert colour (#d55e00)
_INK: Final = (17, 17, 17)
_GREY: Final = (85, 85, 85)
_RULE: Final = (150, 150, 150)

# Characters outside Latin-1 that have a plain equivalent.
_PLAIN: Final = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": " - ",
    "\u2212": "-",
    "\u2026": "...",
    "\u2022": "-",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u00a0": " ",
    "\u00ad": "",  # a soft hyphen, which fpdf2 would draw only at a line break
    "\u2009": " ",
    "\u202f": " ",
    # Letters Unicode does not decompose into a base letter and an accent.
    "\u0141": "L",
    "\u0142": "l",
    "\u0110": "D",
    "\u0111": "d",
    "\u0126": "H",
    "\u0127": "h",
    "\u0131": "i",
    "\u0152": "OE",
    "\u0153": "oe",
}
_CONTROL: Final = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Fields:
    """What the clinician fills in; a blank field prints as a line to write on by hand."""

    patient_name: str = ""
    patient_date: str = ""
    clinician_name: str = ""
    clinician_contact: str = ""
    follow_up: str = ""
    advice: str = ""


@dataclass(frozen=True)
class ResultGroup:
    """One block of results (the self-check, the screening), its caveat and its rows."""

    heading: str
    note: str
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ExerciseItem:
    """A chosen exercise: its name, how much to do, and its diagram as standalone SVG."""

    title: str
    dose: str
    figure_svg: str = ""


@dataclass(frozen=True)
class WarningSigns:
    """The emergency signs for one country, which name that country's number only."""

    number: str
    heading: str
    lines: tuple[tuple[str, str], ...]  # (group heading, its signs)
    closing: str


@dataclass(frozen=True)
class Handout:
    """Everything printed on the handout."""

    title: str
    subtitle: str
    fields: Fields
    warning: WarningSigns
    results: tuple[ResultGroup, ...] = ()
    plan_summary: str = ""
    exercises: tuple[ExerciseItem, ...] = ()
    stop_rule: str = ""
    sources: tuple[Source, ...] = ()
    link: str | None = None
    paper: Paper = "a4"
    footer: str = ""


def plain(text: str) -> str:
    """`text` as the page's Latin-1 type can draw it: never raises, never drops a letter
    without a trace (an unknown character shows as "?"; invisible marks are left out)."""
    text = "".join(_PLAIN.get(c, c) for c in unicodedata.normalize("NFC", text))
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    out = []
    for char in text:
        if ord(char) < 256:
            out.append(char)
            continue
        kind = unicodedata.category(char)
        if kind in ("Cf", "Mn", "Me", "Cs"):  # invisible marks and formatting: no letter
            continue
        if kind in ("Zs", "Zl", "Zp"):
            out.append(" ")
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if ord(c) < 128)
        out.append(base or "?")
    return "".join(out)


def source_line(source: Source) -> str:
    """A short reference: author, year and title (no fact ids, no address)."""
    year = f" ({source.year})" if source.year else ""
    return f"{source.short_author}{year}. {source.title.rstrip('.')}."


def handout_pdf(handout: Handout) -> bytes:
    """The handout as PDF bytes: one page, in the largest type that fits it on one.

    Only a handout too long for the smallest type (SCALES[-1]) runs on to a second page.
    """
    first = _render(handout, SCALES[0])
    if first.pages_count == 1:
        return bytes(first.output())
    best: FPDF | None = None
    low, high = 1, len(SCALES) - 1  # more text never fits in larger type: bisect the scales
    while low <= high:
        middle = (low + high) // 2
        attempt = _render(handout, SCALES[middle])
        if attempt.pages_count == 1:
            best, high = attempt, middle - 1
        else:
            low = middle + 1
    return bytes((best or _render(handout, SCALES[-1])).output())


class _Page:
    """One attempt at laying the handout out at one type scale."""

    def __init__(self, handout: Handout, scale: float) -> None:
        self.h = handout
        self.s = scale
        width, height = PAPER_SIZES[handout.paper]
        self.pdf = FPDF(unit="mm", format=(width, height))
        self.pdf.set_margins(MARGIN, MARGIN, MARGIN)
        self.pdf.set_auto_page_break(True, MARGIN)
        self.pdf.set_title(plain(handout.title))
        self.pdf.set_lang("en")
        self.pdf.set_creator("Leg Muscle Explorer")
        self.pdf.add_page()
        self.width = width - 2 * MARGIN

    # --- type ------------------------------------------------------------------------------
    def font(self, size: float, style: Literal["", "B", "I", "BI"] = "") -> float:
        """Set the font at `size` points (times the scale); return a line height in mm."""
        points = size * self.s
        self.pdf.set_font("Helvetica", style, points)
        return points * 0.42

    def para(self, text: str, size: float = BASE_PT, style: Literal["", "B", "I"] = "") -> None:
        height = self.font(size, style)
        self.pdf.set_x(MARGIN)
        self.pdf.multi_cell(self.width, height, plain(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def lines(self, width: float, height: float, text: str) -> int:
        """How many lines `text` takes in `width` mm in the current font."""
        wrapped = self.pdf.multi_cell(width, height, plain(text), dry_run=True, output="LINES")
        return len(wrapped) if isinstance(wrapped, list) else 1

    def heading(self, text: str) -> None:
        self.pdf.ln(1.2 * self.s)
        self.pdf.set_text_color(*_INK)
        self.para(text, BASE_PT + 2, "B")
        y = self.pdf.get_y()
        self.pdf.set_draw_color(*_RULE)
        self.pdf.set_line_width(0.2)
        self.pdf.line(MARGIN, y, MARGIN + self.width, y)
        self.pdf.ln(0.8 * self.s)

    def room(self, height: float) -> None:
        """Start a new page unless `height` mm fit below the cursor."""
        if self.pdf.get_y() + height > self.pdf.h - MARGIN:
            self.pdf.add_page()

    # --- blocks ----------------------------------------------------------------------------
    def top(self) -> None:
        """Title, subtitle and the fields on the left; the QR code back to the view right."""
        pdf = self.pdf
        text_w = self.width - QR_SIZE - 4
        code_drawn = self.qr(MARGIN + self.width - QR_SIZE, MARGIN)
        pdf.set_text_color(*_INK)
        height = self.font(BASE_PT + 7, "B")
        pdf.multi_cell(text_w, height, plain(self.h.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        height = self.font(BASE_PT)
        pdf.set_text_color(*_GREY)
        pdf.multi_cell(text_w, height, plain(self.h.subtitle), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(*_INK)
        pdf.ln(1.5 * self.s)
        f = self.h.fields
        half = text_w / 2
        for pair in (
            (("Patient name", f.patient_name), ("Date", f.patient_date)),
            (("Clinician", f.clinician_name), ("Contact", f.clinician_contact)),
            (("Follow-up date", f.follow_up), None),
        ):
            y0 = pdf.get_y()
            bottom = y0
            for column, field in enumerate(pair):
                if field is None:
                    continue
                bottom = max(bottom, self.field(MARGIN + column * half, y0, half - 3, *field))
            pdf.set_xy(MARGIN, bottom + 1.2 * self.s)
        if code_drawn:
            pdf.set_y(max(pdf.get_y(), MARGIN + QR_SIZE + 5))

    def field(self, x: float, y: float, width: float, label: str, value: str) -> float:
        """A label and a line to write on (or the typed value on it); returns its bottom."""
        pdf = self.pdf
        height = self.font(BASE_PT, "B")
        label_w = pdf.get_string_width(label + ": ") + 1
        pdf.set_xy(x, y)
        pdf.cell(label_w, height + 1.5, label + ":")
        self.font(BASE_PT + 0.5)
        pdf.set_xy(x + label_w, y)
        pdf.multi_cell(width - label_w, height + 1.5, plain(value) or " ")
        bottom = max(pdf.get_y(), y + height + 2.5)
        pdf.set_draw_color(*_RULE)
        pdf.set_line_width(0.2)
        pdf.line(x + label_w, bottom, x + width, bottom)
        return bottom

    def qr(self, x: float, y: float) -> bool:
        """The QR code of the link as dark squares, the words under it; False without one."""
        if not self.h.link:
            return False
        try:
            modules = qr.matrix(self.h.link)
        except ValueError:  # too long for a readable code: the link is still printed below
            return False
        pdf = self.pdf
        quiet = 4
        cell = QR_SIZE / (len(modules) + 2 * quiet)
        pdf.set_fill_color(*_INK)
        for row, line in enumerate(modules):
            col = 0
            while col < len(line):  # one rectangle per run of dark modules
                if not line[col]:
                    col += 1
                    continue
                start = col
                while col < len(line) and line[col]:
                    col += 1
                pdf.rect(
                    x + (start + quiet) * cell,
                    y + (row + quiet) * cell,
                    (col - start) * cell,
                    cell,
                    style="F",
                )
        pdf.set_fill_color(255, 255, 255)
        pdf.link(x, y, QR_SIZE, QR_SIZE, self.h.link)
        height = self.font(BASE_PT - 2)
        pdf.set_xy(x - 2, y + QR_SIZE)
        pdf.set_text_color(*_GREY)
        pdf.multi_cell(QR_SIZE + 4, height, "Scan to open this view again", align="C")
        pdf.set_text_color(*_INK)
        pdf.set_xy(MARGIN, y)
        return True

    def warning(self) -> None:
        """The emergency signs in an orange box: the country's number, big and first."""
        pdf, w = self.pdf, self.h.warning
        self.pdf.ln(0.5 * self.s)
        y0 = pdf.get_y()
        pad = 2.0
        inner = self.width - 2 * pad
        pdf.set_left_margin(MARGIN + pad)
        pdf.set_right_margin(MARGIN + pad)
        pdf.set_xy(MARGIN + pad, y0 + pad)
        pdf.set_text_color(*_ORANGE)
        height = self.font(BASE_PT + 3, "B")
        pdf.multi_cell(inner, height, plain(w.heading), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(*_INK)
        pdf.ln(0.6 * self.s)
        height = self.font(BASE_PT - 0.5)
        for group, signs in w.lines:
            self.font(BASE_PT - 0.5, "B")
            pdf.write(height, plain(group) + ": ")
            self.font(BASE_PT - 0.5)
            pdf.write(height, plain(signs))
            pdf.ln(height + 0.3 * self.s)
        self.font(BASE_PT - 0.5, "I")
        pdf.write(height, plain(w.closing))
        pdf.ln(height)
        y1 = pdf.get_y() + pad
        pdf.set_left_margin(MARGIN)
        pdf.set_right_margin(MARGIN)
        if pdf.page_no() == 1 or y0 < y1:  # a box split over two pages gets no frame
            pdf.set_draw_color(*_ORANGE)
            pdf.set_line_width(0.8)
            pdf.rect(MARGIN, y0, self.width, y1 - y0)
        pdf.set_xy(MARGIN, y1 + 0.5)

    def results(self) -> None:
        if not self.h.results:
            return
        self.heading("Your results")
        for group in self.h.results:
            self.para(f"{group.heading}. {group.note}", BASE_PT, "B")
            height = self.font(BASE_PT - 0.5)
            with self.pdf.table(
                col_widths=(1, 4.2),
                text_align="LEFT",
                first_row_as_headings=False,
                borders_layout="HORIZONTAL_LINES",
                line_height=height,
                padding=0.6 * self.s,
                width=self.width,
            ) as table:
                for label, value in group.rows:
                    row = table.row()
                    row.cell(plain(label))
                    row.cell(plain(value))
            self.pdf.ln(0.8 * self.s)

    def plan(self) -> None:
        if not (self.h.plan_summary or self.h.exercises):
            return
        self.heading("Your exercises")
        if self.h.plan_summary:
            self.para(self.h.plan_summary, BASE_PT - 0.5)
        if self.h.exercises:
            self.exercise_rows()
        if self.h.stop_rule:
            self.pdf.ln(0.8 * self.s)
            self.pdf.set_text_color(*_ORANGE)
            self.para("Stop rule: " + self.h.stop_rule, BASE_PT, "B")
            self.pdf.set_text_color(*_INK)

    def exercise_rows(self) -> None:
        """The exercises side by side, each with its diagram, name and dose."""
        pdf = self.pdf
        items = self.h.exercises
        per_row = max(1, min(len(items), int(self.width // MIN_CELL_MM)))
        cell_w = self.width / per_row
        figure_w = min(cell_w - 2, 30.0 * self.s + 4)
        figure_h = figure_w * 0.75  # the diagrams' 320 x 240 view box
        for first in range(0, len(items), per_row):
            row = items[first : first + per_row]
            texts = []
            for item in row:
                title_h = self.font(BASE_PT - 0.5, "B")
                lines = self.lines(cell_w - 2, title_h, item.title)
                dose_h = self.font(BASE_PT - 1.5)
                texts.append(lines * title_h + self.lines(cell_w - 2, dose_h, item.dose) * dose_h)
            row_h = figure_h + max(texts) + 2
            self.room(row_h)
            y0 = pdf.get_y() + 0.5
            for index, item in enumerate(row):
                x = MARGIN + index * cell_w
                if item.figure_svg:
                    pdf.image(
                        io.BytesIO(_sized_svg(item.figure_svg)),
                        x=x + (cell_w - figure_w) / 2,
                        y=y0,
                        w=figure_w,
                        h=figure_h,
                    )
                pdf.set_xy(x + 1, y0 + figure_h)
                title_h = self.font(BASE_PT - 0.5, "B")
                pdf.multi_cell(
                    cell_w - 2,
                    title_h,
                    plain(item.title),
                    align="C",
                    new_x=XPos.LEFT,
                    new_y=YPos.NEXT,
                )
                dose_h = self.font(BASE_PT - 1.5)
                pdf.set_x(x + 1)
                pdf.multi_cell(cell_w - 2, dose_h, plain(item.dose), align="C")
            pdf.set_xy(MARGIN, y0 + row_h)

    def advice(self) -> None:
        self.heading("Advice from your clinician")
        if self.h.fields.advice.strip():
            self.para(self.h.fields.advice, BASE_PT + 0.5)
            return
        pdf = self.pdf
        gap = 6.0 * self.s
        self.room(3 * gap)
        pdf.set_draw_color(*_RULE)
        pdf.set_line_width(0.2)
        for _ in range(3):
            pdf.ln(gap)
            y = pdf.get_y()
            pdf.line(MARGIN, y, MARGIN + self.width, y)
        pdf.ln(1)

    def sources(self) -> None:
        """A short numbered list in two columns, one line each (the link holds the rest)."""
        if not self.h.sources:
            return
        pdf = self.pdf
        self.pdf.ln(1.0 * self.s)
        self.para("Sources", BASE_PT - 1, "B")
        height = self.font(BASE_PT - 2.5)
        columns = 2
        col_w = self.width / columns
        rows = math.ceil(len(self.h.sources) / columns)
        lines = [
            _fit(pdf, f"{n}. {plain(source_line(s))}", col_w - 2)
            for n, s in enumerate(self.h.sources, 1)
        ]
        pdf.set_text_color(*_GREY)
        for r in range(rows):
            self.room(height)
            y = pdf.get_y()
            for c in range(columns):
                index = c * rows + r
                if index < len(lines):
                    pdf.set_xy(MARGIN + c * col_w, y)
                    pdf.cell(col_w - 2, height, lines[index])
            pdf.set_xy(MARGIN, y + height)
        pdf.set_text_color(*_INK)

    def footer(self) -> None:
        pdf = self.pdf
        pdf.ln(1.0 * self.s)
        pdf.set_text_color(*_GREY)
        self.para(self.h.footer, BASE_PT - 1.5)
        if self.h.link:
            height = self.font(BASE_PT - 2.5)
            pdf.multi_cell(
                self.width,
                height,
                "This view: " + plain(self.h.link),
                link=self.h.link,
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
        pdf.set_text_color(*_INK)


def _render(handout: Handout, scale: float) -> FPDF:
    page = _Page(handout, scale)
    page.top()
    page.warning()
    page.results()
    page.plan()
    page.advice()
    page.sources()
    page.footer()
    return page.pdf


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """`text` cut at a word to fit `width` mm in the current font, "..." marking the cut."""
    if pdf.get_string_width(text) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1 and pdf.get_string_width(" ".join(words) + "...") > width:
        words.pop()
    return " ".join(words).rstrip(".,;:") + "..."


_SVG_TEXT: Final = re.compile(r"<(title|desc)\b[^>]*>.*?</\1>", re.S)
_SVG_SIZE: Final = re.compile(r'<svg([^>]*?) width="100%"[^>]*?style="[^"]*"')


def _sized_svg(svg: str) -> bytes:
    """A diagram's SVG with a fixed size (the page's is 100% wide, which fpdf2 cannot use)."""
    match = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    width, height = (match.group(1), match.group(2)) if match else ("320", "240")
    sized = _SVG_SIZE.sub(rf'<svg\1 width="{width}" height="{height}"', svg, count=1)
    sized = _SVG_TEXT.sub("", sized)  # fpdf2 draws no title or desc (the page names it)
    return sized.encode("utf-8")


def preview_png(data: bytes, *, width_px: int = 900, page: int = 0) -> bytes:
    """A picture of one page of a PDF, `width_px` wide, as PNG bytes (PDFium draws it)."""
    document = pdfium.PdfDocument(data)
    try:
        sheet = document[page]
        width_pt = sheet.get_width()
        image = sheet.render(scale=width_px / width_pt).to_pil()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()
    finally:
        document.close()
