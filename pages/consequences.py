"""What follows when leg muscle is lost: strength, balance, walking, falls and independence."""

from ui import render_article, require_router

require_router()
render_article("consequences")
