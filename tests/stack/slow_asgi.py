"""A test entry file as an `st.App` (Streamlit 1.67's ASGI app): the slow page plus a route.

The stack must pass the app's own routes through nginx and drain an `st.App` replica as it
drains a plain script (uvicorn's signal handler instead of Streamlit's).
"""

import streamlit as st
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route


async def hello(request: Request) -> PlainTextResponse:
    return PlainTextResponse("hello from a route")


app = st.App("slow_app.py", routes=[Route("/reading/hello", hello)])
