"""Prevent leg muscle loss, slow it and build strength back: strength, protein, activity, care."""

from ui import render_article, require_router

require_router()
render_article("prevention")
