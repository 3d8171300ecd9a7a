"""The figures consumer articles repeat, set beside what guidelines and studies say."""

from ui import render_article, require_router

require_router()
render_article("popular_numbers")
