"""Why leg muscles get weaker: disuse, ageing, food, nerves, blood flow, medicines, illness."""

from ui import render_article, require_router

require_router()
render_article("causes")
