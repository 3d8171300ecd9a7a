"""Unit tests of lib.links: a view's shareable address."""

from __future__ import annotations

import pytest

from lib.links import share_link


@pytest.mark.parametrize(
    ("page_url", "params", "base", "expected"),
    [
        ("http://localhost:8501/projection", {"age": "80"}, None,
         "http://localhost:8501/projection?age=80"),
        ("http://localhost:8501/", {}, None, "http://localhost:8501/"),
        ("http://localhost:8501/projection", {"age": "80", "rate": "8"},
         "https://legs.example.org", "https://legs.example.org/projection?age=80&rate=8"),
        ("http://10.0.0.5:8501/self_check", {"q": "a b&c"}, "https://example.org/apps/legs/",
         "https://example.org/apps/legs/self_check?q=a+b%26c"),
        ("http://localhost:8501/", {"present": "1"}, "https://example.org/legs",
         "https://example.org/legs?present=1"),
    ],
)  # fmt: skip
def test_share_link(page_url, params, base, expected):
    """The link keeps the page and its parameters, on the public address when one is set."""
    assert share_link(page_url, params, base) == expected
