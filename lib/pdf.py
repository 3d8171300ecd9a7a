"""The clinician handout as a one-page PDF, drawn in pure Python with fpdf2.

Everything on the page comes in through `Handout`: the caller gathers the results, the
plan, the warning signs of the reader's country and the sources; this module only lays
them out. The page is built in memory and returned as bytes: nothing is written to disk,
and what a clinician types (names, dates, advice) goes nowhere but into those bytes.

The type has a fixed size that an older reader can read: body text and the warning signs
in 11 pt, nothing on the page below 10 pt (`BODY_PT`, `SMALL_PT`). The type never shrinks to
make room: content too long for one page runs on to a second. Text is drawn with the
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
MARGIN: Final = 8.0  # mm on every side (printers leave 6.35 mm, a quarter inch, blank)
BOTTOM_MM: Final = 6.5  # where text stops at the foot of a page (the footer may reach it)
QR_SIZE: Final = 24.0  # mm: scans easily from a hand-held page
QR_CAPTION: Final = "Scan to open again"
# Type sizes in points. Body text and the warning signs are never below BODY_PT, and
# nothing on the page is below SMALL_PT (the sources, the footer, the link, the QR caption).
BODY_PT: Final = 11.0
SMALL_PT: Final = 10.0
HEADING_PT: Final = 12.0
SIGN_HEADING_PT: Final = 12.0
TITLE_PT: Final = 16.0
LINE_MM_PER_PT: Final = 0.39  # line height: about 1.2 times the type size
MIN_CELL_MM: Final = 45.0  # an exercise's cell in the grid (diagram and words beside it)
EXERCISES_PER_ROW: Final = 4
FIGURE_MM: Final = 24.0  # an exercise diagram's width at most
ADVICE_LINES: Final = 2  # lines to write on when no advice was typed
SOURCE_COLUMNS: Final = (2, 4, 5)  # the sources' columns: as few as keep the page to one

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
    # Printed under the rows, each a bold label and its text (the next steps they share).
    after: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ExerciseItem:
    """A chosen exercise: its name, how much to do, and its diagram as standalone SVG."""

    title: str
    dose: str
    figure_svg: str = ""


@dataclass(frozen=True)
class SignBlock:
    """The warning signs of one urgency: what to do (the heading), the signs, and where to
    turn in the reader's country ("" when the heading says it all)."""

    heading: str
    lines: tuple[str, ...]
    where: str = ""
    emergency: bool = False


@dataclass(frozen=True)
class WarningSigns:
    """The warning signs for one country, which name that country's number only."""

    number: str
    heading: str
    blocks: tuple[SignBlock, ...]
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
    sign_sources: str = ""  # where the warning signs' own sources are named, in words
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
    """A short reference: author, year and title (no fact ids, no address); an
    organisation goes by its short name ("CDC") where the sources file gives one."""
    year = f" ({source.year})" if source.year else ""
    return f"{short_name(source)}{year}. {source.title.rstrip('.')}."


def short_name(source: Source) -> str:
    """The first author, or for an organisation its publisher's short name ("CDC")."""
    organisation = "," not in source.authors and not re.search(r"\s[A-Z]{1,3}$", source.authors)
    short = source.container.strip()
    if organisation and short and len(short) < len(source.short_author) and len(short) <= 12:
        return short
    return source.short_author


def handout_pdf(handout: Handout) -> bytes:
    """The handout as PDF bytes, in type never below SMALL_PT (body text BODY_PT).

    The common case fits one page; a handout with more than fits runs on to a second page
    rather than shrinking its type. The sources are listed in two columns, with more of
    each title, unless only four short columns keep the handout on one page.
    """
    wide = _render(handout, SOURCE_COLUMNS[0])
    if wide.pages_count == 1:
        return bytes(wide.output())
    # Then shorter source titles in more columns, and one line to write advice on, not two.
    four, five = SOURCE_COLUMNS[1:]
    for columns, advice_lines in ((four, ADVICE_LINES), (four, 1), (five, 1)):
        narrow = _render(handout, columns, advice_lines)
        if narrow.pages_count == 1:
            return bytes(narrow.output())
    return bytes(wide.output())


class _Page:
    """The handout laid out on its pages."""

    def __init__(self, handout: Handout, source_columns: int, advice_lines: int) -> None:
        self.h = handout
        self.source_columns = source_columns
        self.advice_lines = advice_lines
        self.code_drawn = False
        width, height = PAPER_SIZES[handout.paper]
        self.pdf = FPDF(unit="mm", format=(width, height))
        self.pdf.set_margins(MARGIN, MARGIN, MARGIN)
        self.pdf.set_auto_page_break(True, BOTTOM_MM)
        self.pdf.set_title(plain(handout.title))
        self.pdf.set_lang("en")
        self.pdf.set_creator("Leg Muscle Explorer")
        self.pdf.add_page()
        self.width = width - 2 * MARGIN

    # --- type ------------------------------------------------------------------------------
    def font(self, size: float, style: Literal["", "B", "I", "BI"] = "") -> float:
        """Set the font at `size` points; return a line height in mm."""
        self.pdf.set_font("Helvetica", style, size)
        return size * LINE_MM_PER_PT

    def para(
        self,
        text: str,
        size: float = BODY_PT,
        style: Literal["", "B", "I"] = "",
        *,
        x: float = MARGIN,
        width: float | None = None,
    ) -> None:
        height = self.font(size, style)
        self.pdf.set_x(x)
        self.pdf.multi_cell(
            self.width if width is None else width,
            height,
            plain(text),
            align="L",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )

    def bullet(self, text: str, x: float, width: float, size: float = BODY_PT) -> None:
        """A line of a list: a round dot, then the text with its lines lined up after it."""
        height = self.font(size)
        indent = size * 0.35
        self.room(height)
        dot = size * 0.1
        y = self.pdf.get_y()
        self.pdf.set_fill_color(*_INK)
        self.pdf.ellipse(x + 0.6, y + height / 2 - dot / 2, dot, dot, style="F")
        self.pdf.set_fill_color(255, 255, 255)
        self.pdf.set_xy(x + indent, y)
        self.pdf.multi_cell(
            width - indent, height, plain(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )

    def lines(self, width: float, height: float, text: str) -> int:
        """How many lines `text` takes in `width` mm in the current font."""
        wrapped = self.pdf.multi_cell(width, height, plain(text), dry_run=True, output="LINES")
        return len(wrapped) if isinstance(wrapped, list) else 1

    def heading(self, text: str) -> None:
        self.pdf.ln(1.0)
        self.pdf.set_text_color(*_INK)
        self.room(HEADING_PT * LINE_MM_PER_PT * 2.5)  # a heading never ends a page
        self.para(text, HEADING_PT, "B")
        y = self.pdf.get_y()
        self.pdf.set_draw_color(*_RULE)
        self.pdf.set_line_width(0.2)
        self.pdf.line(MARGIN, y, MARGIN + self.width, y)
        self.pdf.ln(0.6)

    def room(self, height: float) -> None:
        """Start a new page unless `height` mm fit below the cursor."""
        if self.pdf.get_y() + height > self.pdf.h - BOTTOM_MM:
            self.pdf.add_page()

    # --- blocks ----------------------------------------------------------------------------
    def top(self) -> None:
        """Title, subtitle and the fields on the left; the QR code back to the view right."""
        pdf = self.pdf
        text_w = self.width - QR_SIZE - 4
        code_drawn = self.qr(MARGIN + self.width - QR_SIZE, MARGIN)
        self.code_drawn = code_drawn is not None
        pdf.set_text_color(*_INK)
        height = self.font(TITLE_PT, "B")
        pdf.multi_cell(text_w, height, plain(self.h.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        height = self.font(SMALL_PT)
        pdf.set_text_color(*_GREY)
        pdf.multi_cell(text_w, height, plain(self.h.subtitle), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(*_INK)
        pdf.ln(1.5)
        f = self.h.fields
        # Each field with its share of the row: a name needs more room than a date.
        rows = (
            ((0.5, "Patient name", f.patient_name), (0.22, "Date", f.patient_date),
             (0.28, "Follow-up", f.follow_up)),
            ((0.45, "Clinician", f.clinician_name), (0.55, "Contact", f.clinician_contact)),
        )  # fmt: skip
        for row in rows:
            y0 = pdf.get_y()
            bottom = y0
            x = MARGIN
            for share, label, value in row:
                cell = text_w * share
                bottom = max(bottom, self.field(x, y0, cell - 3, label, value))
                x += cell
            pdf.set_xy(MARGIN, bottom + 1.2)
        if code_drawn is not None:
            pdf.set_y(max(pdf.get_y(), code_drawn + 0.5))

    def field(self, x: float, y: float, width: float, label: str, value: str) -> float:
        """A label and a line to write on (or the typed value on it); returns its bottom."""
        pdf = self.pdf
        height = self.font(BODY_PT, "B")
        label_w = pdf.get_string_width(label + ": ") + 1
        pdf.set_xy(x, y)
        pdf.cell(label_w, height + 1.5, label + ":")
        self.font(BODY_PT)
        pdf.set_xy(x + label_w, y)
        pdf.multi_cell(width - label_w, height + 1.5, plain(value) or " ")
        bottom = max(pdf.get_y(), y + height + 2.5)
        pdf.set_draw_color(*_RULE)
        pdf.set_line_width(0.2)
        pdf.line(x + label_w, bottom, x + width, bottom)
        return bottom

    def qr(self, x: float, y: float) -> float | None:
        """The QR code of the link as dark squares, the words under it; returns the bottom
        of the words, or None without a code."""
        if not self.h.link:
            return None
        try:
            modules = qr.matrix(self.h.link)
        except ValueError:  # too long for a readable code: the link is still printed below
            return None
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
        height = self.font(SMALL_PT)
        pdf.set_xy(x - 7, y + QR_SIZE)  # one line, reaching 3 mm into the right margin
        pdf.set_text_color(*_GREY)
        pdf.multi_cell(QR_SIZE + 10, height, QR_CAPTION, align="C")
        bottom = pdf.get_y()
        pdf.set_text_color(*_INK)
        pdf.set_xy(MARGIN, y)
        return bottom

    def warning(self) -> None:
        """The warning signs in an orange box: what to do first (the country's number, in
        orange), then each urgency's signs as a list, then where to turn if worried."""
        pdf, w = self.pdf, self.h.warning
        pdf.ln(0.5)
        y0, page0 = pdf.get_y(), pdf.page_no()
        pad = 2.0
        inner = self.width - 2 * pad
        left = MARGIN + pad
        pdf.set_xy(left, y0 + pad)
        for number, block in enumerate(w.blocks):
            if number:
                pdf.ln(1.0)
            self.room(SIGN_HEADING_PT * LINE_MM_PER_PT + BODY_PT * LINE_MM_PER_PT)
            pdf.set_text_color(*(_ORANGE if block.emergency else _INK))
            self.para(block.heading, SIGN_HEADING_PT, "B", x=left, width=inner)
            pdf.set_text_color(*_INK)
            for line in block.lines:
                self.bullet(line, left, inner)
            if block.where:
                self.para(block.where, BODY_PT, "B", x=left, width=inner)
        pdf.ln(1.0)
        self.para(w.closing, BODY_PT, "B", x=left, width=inner)
        y1 = pdf.get_y() + pad
        if pdf.page_no() == page0:  # a box split over two pages gets no frame
            pdf.set_draw_color(*_ORANGE)
            pdf.set_line_width(0.8)
            pdf.rect(MARGIN, y0, self.width, y1 - y0)
        pdf.set_xy(MARGIN, y1 + 0.5)

    def labelled(self, label: str, value: str, *, gap: float) -> None:
        """A short paragraph: `label` in bold, then `value`, `gap` mm below the last."""
        pdf = self.pdf
        height = self.font(BODY_PT)
        pdf.ln(gap)
        self.room(2 * height)
        pdf.set_x(MARGIN)
        self.font(BODY_PT, "B")
        pdf.write(height, plain(label) + ": ")
        self.font(BODY_PT)
        pdf.write(height, plain(value))
        pdf.ln(height)

    def results(self) -> None:
        """Each result as a short paragraph: the test's name in bold, then what it found."""
        if not self.h.results:
            return
        pdf = self.pdf
        for group in self.h.results:
            self.heading(f"Your results: {group.heading[:1].lower()}{group.heading[1:]}")
            self.para(group.note, BODY_PT, "B")
            for label, value in group.rows:
                self.labelled(label, value, gap=0.4)
            for label, value in group.after:
                self.labelled(label, value, gap=0.6)
            pdf.ln(0.4)

    def plan(self) -> None:
        if not (self.h.plan_summary or self.h.exercises):
            return
        self.heading("Your exercises")
        if self.h.plan_summary:
            self.para(self.h.plan_summary, BODY_PT)
        if self.h.exercises:
            self.exercise_rows()
        if self.h.stop_rule:
            self.pdf.ln(0.8)
            self.pdf.set_text_color(*_ORANGE)
            self.para("Stop rule: " + self.h.stop_rule, BODY_PT, "B")
            self.pdf.set_text_color(*_INK)

    def exercise_rows(self) -> None:
        """The exercises in a grid, each with its diagram and, beside it, name and dose (a
        last row with fewer exercises shares the page's width among them)."""
        pdf = self.pdf
        items = self.h.exercises
        per_row = max(1, min(len(items), int(self.width // MIN_CELL_MM), EXERCISES_PER_ROW))
        figure_w = min(FIGURE_MM, self.width / per_row * 0.36)
        figure_h = figure_w * 0.75  # the diagrams' 320 x 240 view box
        for first in range(0, len(items), per_row):
            row = items[first : first + per_row]
            cell_w = self.width / len(row)
            text_w = cell_w - figure_w - 3
            texts = []
            for item in row:
                title_h = self.font(BODY_PT, "B")
                lines = self.lines(text_w, title_h, item.title)
                dose_h = self.font(BODY_PT)
                texts.append(lines * title_h + self.lines(text_w, dose_h, item.dose) * dose_h)
            row_h = max(figure_h, *texts) + 2
            self.room(row_h)
            y0 = pdf.get_y() + 0.5
            for index, item in enumerate(row):
                x = MARGIN + index * cell_w
                if item.figure_svg:
                    pdf.image(
                        io.BytesIO(_sized_svg(item.figure_svg)),
                        x=x,
                        y=y0,
                        w=figure_w,
                        h=figure_h,
                    )
                pdf.set_xy(x + figure_w + 1.5, y0)
                title_h = self.font(BODY_PT, "B")
                pdf.multi_cell(
                    text_w,
                    title_h,
                    plain(item.title),
                    align="L",
                    new_x=XPos.LEFT,
                    new_y=YPos.NEXT,
                )
                dose_h = self.font(BODY_PT)
                pdf.multi_cell(text_w, dose_h, plain(item.dose), align="L")
            pdf.set_xy(MARGIN, y0 + row_h)

    def advice(self) -> None:
        """The clinician's advice after its label, or lines to write it on by hand."""
        pdf = self.pdf
        label = "Advice from your clinician: "
        height = self.font(BODY_PT, "B")
        gap = 6.5
        pdf.ln(1.0)
        self.room(self.advice_lines * gap + 1)
        pdf.set_x(MARGIN)
        if self.h.fields.advice.strip():
            pdf.write(height, label)
            self.font(BODY_PT)
            pdf.write(height, plain(self.h.fields.advice))
            pdf.ln(height + 1)
            return
        y = pdf.get_y() + gap - height
        pdf.set_xy(MARGIN, y)
        pdf.cell(pdf.get_string_width(label), height, label.strip())
        start = MARGIN + pdf.get_string_width(label)
        pdf.set_draw_color(*_RULE)
        pdf.set_line_width(0.2)
        for n in range(self.advice_lines):
            line_y = y + height + n * gap
            pdf.line(start if n == 0 else MARGIN, line_y, MARGIN + self.width, line_y)
        pdf.set_xy(MARGIN, y + height + (self.advice_lines - 1) * gap + 1.5)

    def sources(self) -> None:
        """A short numbered list in columns, one line each (the link holds the rest), after
        the line that names where the warning signs come from."""
        if not (self.h.sources or self.h.sign_sources):
            return
        pdf = self.pdf
        self.pdf.ln(0.5)
        height = self.font(SMALL_PT, "B")
        pdf.set_x(MARGIN)
        pdf.write(height, "Sources. ")
        pdf.set_text_color(*_GREY)
        self.font(SMALL_PT)
        pdf.write(height, plain(self.h.sign_sources))
        pdf.ln(height)
        columns = self.source_columns
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
        pdf.ln(0.5)
        pdf.set_text_color(*_GREY)
        self.para(self.h.footer, SMALL_PT)
        if self.h.link and not self.code_drawn:  # the QR code holds the link
            height = self.font(SMALL_PT)
            pdf.multi_cell(
                self.width,
                height,
                "This view: " + plain(self.h.link),
                link=self.h.link,
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
        pdf.set_text_color(*_INK)


def _render(handout: Handout, source_columns: int, advice_lines: int = ADVICE_LINES) -> FPDF:
    page = _Page(handout, source_columns, advice_lines)
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
