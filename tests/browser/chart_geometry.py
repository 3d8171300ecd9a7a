"""Reading what a chart drew: the text boxes in the SVG that Streamlit's Vega embed renders.

Streamlit 1.67 draws `st.vega_lite_chart` with Vega's SVG renderer (`<svg class="marks">`
inside `[data-testid="stVegaLiteChart"]`), so each label, title and legend entry is a
`<text>` element whose box the browser can measure. Used by the chart-geometry tests and by
`make screenshots`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

CHART = '[data-testid="stVegaLiteChart"]'
# Boxes may touch; a shared strip thinner than this is antialiasing, not overprinting.
TOLERANCE_PX = 1.0

# Every visible <text> of every chart on the page, with its box in page pixels, and the
# chart's own box. A label Vega hid (labelOverlap sets opacity 0) is skipped: it is not drawn.
_READ = """
() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')].map((chart) => {
  const svg = chart.querySelector('svg.marks');
  const box = (r) => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom});
  const shown = (el) => {
    for (let e = el; e && e !== svg; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
      if (parseFloat(e.getAttribute('opacity') ?? '1') === 0) return false;
      if (parseFloat(style.opacity) === 0) return false;
    }
    return true;
  };
  const texts = svg ? [...svg.querySelectorAll('text')]
    .filter((t) => t.textContent.trim() && shown(t))
    .map((t) => ({text: t.textContent, box: box(t.getBoundingClientRect())})) : [];
  return {
    label: chart.getAttribute('aria-label') || '',
    renderer: svg ? 'svg' : (chart.querySelector('canvas') ? 'canvas' : 'none'),
    chart: box(chart.getBoundingClientRect()),
    svg: svg ? box(svg.getBoundingClientRect()) : null,
    texts,
  };
})
"""


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        """True when the two boxes share more than a hairline in both directions."""
        across = min(self.right, other.right) - max(self.left, other.left)
        down = min(self.bottom, other.bottom) - max(self.top, other.top)
        return across > TOLERANCE_PX and down > TOLERANCE_PX

    def inside(self, outer: Box) -> bool:
        t = TOLERANCE_PX
        return (
            self.left >= outer.left - t
            and self.top >= outer.top - t
            and self.right <= outer.right + t
            and self.bottom <= outer.bottom + t
        )


def read_charts(page: Any) -> list[dict[str, Any]]:
    """What each chart on `page` drew (see `_READ`)."""
    return list(page.evaluate(_READ))


def problems(drawn: dict[str, Any]) -> list[str]:
    """Everything wrong with one chart's text: ellipses, clipping, text over text."""
    found: list[str] = []
    if drawn["renderer"] != "svg":
        return [f"drawn with {drawn['renderer']}, not SVG: its text cannot be measured"]
    frame = Box(**drawn["svg"])
    chart = Box(**drawn["chart"])
    texts = [(t["text"], Box(**t["box"])) for t in drawn["texts"]]
    if not texts:
        found.append("no text drawn at all")
    for text, box in texts:
        if "…" in text or text.rstrip().endswith("..."):
            found.append(f"cut with an ellipsis: {text!r}")
        if not box.inside(frame) or not box.inside(chart):
            found.append(f"clipped by the chart's box: {text!r} at {box} in {frame}")
    for i, (a, box_a) in enumerate(texts):
        for b, box_b in texts[i + 1 :]:
            if box_a.overlaps(box_b):
                found.append(f"text over text: {a!r} and {b!r}")
    return found
