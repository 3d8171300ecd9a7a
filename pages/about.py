"""About the explorer: who made it and how, privacy, and every source it uses."""

from ui import render_article, render_sources, require_router

require_router()
render_article("about")
render_sources()
