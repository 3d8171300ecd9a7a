"""How to prevent and reverse leg muscle loss: strength, protein, activity, balance, care."""

from ui import render_article, require_router

require_router()
render_article("prevention")
