"""When to seek care: the warning signs of leg weakness, by urgency."""

from ui import render_article, require_router

require_router()
render_article("seek_care")
