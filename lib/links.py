"""Shareable links: the address of the current view, with its inputs in the query string."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode, urlsplit, urlunsplit


def share_link(page_url: str, params: Mapping[str, str], public_base: str | None = None) -> str:
    """The link that reopens a view.

    Args:
        page_url: the page's address as the browser sees it (scheme, host, port and path).
        params: the view's link parameters, in the order to show them.
        public_base: where the app is published (for example `https://example.org/legs`);
            when set, it replaces the scheme, host and any path prefix of `page_url`.

    Returns:
        The address with the parameters encoded, e.g. `https://example.org/projection?age=80`.
    """
    page = urlsplit(page_url)
    scheme, netloc, path = page.scheme, page.netloc, page.path
    if public_base:
        base = urlsplit(public_base.rstrip("/"))
        page_name = path.rstrip("/").rsplit("/", 1)[-1] if path.strip("/") else ""
        scheme, netloc = base.scheme, base.netloc
        path = f"{base.path}/{page_name}" if page_name else (base.path or "/")
    return urlunsplit((scheme, netloc, path or "/", urlencode(dict(params)), ""))
