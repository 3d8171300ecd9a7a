"""Emergency numbers as tap-to-call links (`tel:`), in Markdown and in rendered HTML.

Wherever the app shows 999, 911 or 112 as a number to call, a phone can call it with one
tap. `markdown` rewrites a Markdown text for `st.markdown` and its kin; `tel_links_rule`
does the same inside the project's Markdown parser (`lib.content.make_parser`), so every
article, glossary entry, exercise and reading page gets the links without the content
files having to write them. A number inside a word, an id (`ec-112`), a link, a longer
number (`1999`) or a decimal is left alone.
"""

from __future__ import annotations

import re
from typing import Final

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# The emergency numbers of lib.redflags.EMERGENCY_NUMBERS (a test keeps them the same):
# 999 (UK) and 911 (US): RF-01; 112 (EU): ec-112.
EMERGENCY_DIGITS: Final = ("999", "911", "112")
# Not inside a word, an id, a path or a longer number; "999/911/112" links all three.
NUMBER: Final = re.compile(
    r"(?<![\w\-.,:@#\[=])(?<![^\d]/)(?<!^/)(999|911|112)(?![\w\-:\]=]|[.,]\d|/[^\d])"
)
# In Markdown, a number already inside a link's text or address is not linked again.
_MD_LINK: Final = re.compile(r"\[[^\]]*\]\([^)]*\)|<[^>]*>|`[^`]*`")


def href(number: str) -> str:
    """The `tel:` address of an emergency number."""
    if number not in EMERGENCY_DIGITS:
        raise ValueError(f"not an emergency number: {number!r}")
    return f"tel:{number}"


def markdown(text: str) -> str:
    """`text` with each emergency number as a Markdown link: "Call [999](tel:999) now."."""
    out: list[str] = []
    last = 0
    for match in _MD_LINK.finditer(text):
        out.append(_link_numbers(text[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_link_numbers(text[last:]))
    return "".join(out)


def _link_numbers(part: str) -> str:
    return NUMBER.sub(lambda m: f"[{m.group(1)}]({href(m.group(1))})", part)


def tel_links_rule(state: StateCore) -> None:
    """Markdown-it core rule: each emergency number in text outside a link becomes a link."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        depth = 0
        for token in block.children:
            if token.type == "link_open":
                depth += 1
            elif token.type == "link_close":
                depth -= 1
            if token.type != "text" or depth > 0 or not NUMBER.search(token.content):
                children.append(token)
                continue
            last = 0
            for match in NUMBER.finditer(token.content):
                if match.start() > last:
                    children.append(_text(token.content[last : match.start()], token.level))
                opening = Token("link_open", "a", 1, attrs={"href": href(match.group(1))})
                opening.level = token.level
                children += [
                    opening,
                    _text(match.group(1), token.level + 1),
                    Token("link_close", "a", -1, level=token.level),
                ]
                last = match.end()
            if last < len(token.content):
                children.append(_text(token.content[last:], token.level))
        block.children = children


def _text(content: str, level: int) -> Token:
    return Token("text", "", 0, content=content, level=level)


def html_text(escaped: str) -> str:
    """HTML-escaped plain text (no tags) with each emergency number as a `tel:` link."""
    return NUMBER.sub(lambda m: f'<a href="{href(m.group(1))}">{m.group(1)}</a>', escaped)
