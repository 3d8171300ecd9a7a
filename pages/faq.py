"""Questions people ask about losing leg muscle, answered with sources."""

from ui import render_article, require_router

require_router()
render_article("faq")
