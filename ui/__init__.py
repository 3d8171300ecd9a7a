"""The Streamlit shell's helpers: the only package besides pages/ and app.py that imports it."""

from ui.charts import show_chart, source_line
from ui.chrome import apply_style, footer, mark_routed, require_router
from ui.content import render_article, render_glossary, render_home, render_sources

__all__ = [
    "apply_style",
    "footer",
    "mark_routed",
    "render_article",
    "render_glossary",
    "render_home",
    "render_sources",
    "require_router",
    "show_chart",
    "source_line",
]
