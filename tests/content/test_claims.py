"""What the explorer claims about sarcopenia and about the literature (issue 13, section 4).

- No page, article or nav title says training "reverses" sarcopenia: training improves
  strength and function and is the recommended treatment (CO-30, CO-31); muscle lost to
  disuse can often be built back, less fully in older adults (DU-10, DU-11, DU-20).
- Claims that "no study measured" something were checked against the literature; the ones
  found wrong stay out, and their corrections cite what was found.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from lib import content

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"

# Every file a reader can see text from: articles, exercise files, YAML wording (not the
# bibliography's internal notes), the page scripts, the router, ui helpers and the README.
READER_FILES = sorted(
    [
        *CONTENT.glob("*.md"),
        *CONTENT.glob("exercises/*.md"),
        *(p for p in CONTENT.glob("*.yaml") if p.name != "sources.yaml"),
        *(ROOT / "pages").glob("*.py"),
        *(ROOT / "ui").glob("*.py"),
        ROOT / "app.py",
        ROOT / "README.md",
    ]
)

# The only sentences allowed to use the word, each about something other than sarcopenia.
ALLOWED_REVERSE = {
    ("010-causes.md", "No treatment fully reverses it yet"),  # cancer cachexia, Baracos 2018
}
REVERSE = re.compile(r"\brevers\w*", re.IGNORECASE)


def _sentence_around(text: str, start: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    right = min(i for i in (text.find(".", start), len(text)) if i != -1)
    return text[left:right].strip()


def test_reader_files_are_found():
    """The scan covers the articles, the YAML wording, the pages, the router and the README."""
    names = {p.name for p in READER_FILES}
    assert {"030-prevention.md", "home.yaml", "glossary.yaml", "app.py", "README.md"} <= names
    assert "sources.yaml" not in names


@pytest.mark.parametrize("path", READER_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_nothing_says_reverse_about_sarcopenia(path):
    """No reader-facing text promises to "reverse" muscle loss (only the cachexia caveat)."""
    text = path.read_text(encoding="utf-8")
    for match in REVERSE.finditer(text):
        sentence = _sentence_around(text, match.start())
        assert any(
            path.name == name and allowed in sentence for name, allowed in ALLOWED_REVERSE
        ), f"{path.name}: {sentence!r}"


def _nav_titles() -> dict[str, str]:
    """Page script -> nav title, read from the st.Page calls in app.py."""
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    titles = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page":
            script = node.args[0]
            title = next(k.value for k in node.keywords if k.arg == "title")
            assert isinstance(script, ast.Constant)
            assert isinstance(title, ast.Constant)
            titles[str(script.value)] = str(title.value)
    return titles


def _readme_titles() -> dict[str, str]:
    """URL -> page name, from the README's page table."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| \w+ \| ([^|]+?) \| `(/\w*)` \|", readme, re.M)
    return {url: page for page, url in rows}


def test_nav_titles_match_the_readme_page_table():
    """Every nav title in app.py is the page name the README's page table gives its URL."""
    readme = _readme_titles()
    nav = _nav_titles()
    assert len(nav) >= 18
    for script, title in nav.items():
        stem = Path(script).stem
        url = "/" if stem == "home" else f"/{stem}"
        assert readme[url] == title, (url, readme.get(url), title)


def test_prevention_keeps_its_url_and_says_what_the_evidence_says():
    """/prevention keeps its URL; its title says keep and rebuild strength, never reverse (and
    is short enough for the menu: "Prevent it, slow it, build strength back" was cut off)."""
    title = _nav_titles()["pages/prevention.py"]
    assert title == "Keep and rebuild strength"
    article = content.load_article(
        CONTENT / "030-prevention.md", content.load_sources(CONTENT / "sources.yaml")
    )
    assert "revers" not in article.title.lower()
    # The evidence behind the wording: training improves strength and function (CO-30), is
    # the recommended treatment for sarcopenia (CO-31); disuse loss comes back less fully
    # with age (DU-10, DU-11).
    assert {"liu2009", "dent2018", "hvid2014", "suetta2009"} <= set(article.cited)


# Claims about the literature that were checked and found wrong (issue 13, section 4).
RETIRED_CLAIMS = [
    # Hunter 2000 (ML-20), Hurley 1995 (ML-21), Lindle 1997 (ML-22) and Haynes 2020 (ML-23)
    # measured strength across midlife.
    "no study that measured how fast strength falls in midlife",
    "until the age of 60 the strength line follows the muscle line",
    # Recovery figures exist for particular groups (DU-10 to DU-13, DU-20).
    "We found no number for how much comes back",
    "no study gives how much comes back for everyone",
    # Observational studies link sleep length with sarcopenia (CO-32).
    "It is not yet known how much poor sleep or stress affects muscle",
]


@pytest.mark.parametrize("claim", RETIRED_CLAIMS)
def test_retired_literature_claims_stay_out(claim):
    """A claim found wrong against the literature appears in no reader-facing file."""
    flat = re.compile(r"\s+")
    for path in READER_FILES:
        text = flat.sub(" ", path.read_text(encoding="utf-8"))
        assert claim.lower() not in text.lower(), path.name


@pytest.mark.parametrize(
    ("article", "phrase", "cites"),
    [
        ("110-projection_notes.md", "9.3% lower for each ten years of age", {"hunter2000"}),
        ("110-projection_notes.md", "about 12% to 15% a decade", {"hurley1995"}),
        ("110-projection_notes.md", "654 adults aged 20 to 93", {"lindle1997"}),
        ("110-projection_notes.md", "from the late 50s", {"haynes2020"}),
        ("110-projection_notes.md", "by about 8% after 14 days", {"digirolamo2021"}),
        (
            "110-projection_notes.md",
            "none\ngives one figure for how much comes back for everyone",
            {"digirolamo2021"},
        ),
        ("030-prevention.md", "were more likely to have sarcopenia", {"li2023"}),
    ],
)
def test_corrected_claims_cite_what_was_found(article, phrase, cites):
    """Each corrected claim sits in a paragraph or list item citing what was found."""
    text = (CONTENT / article).read_text(encoding="utf-8")
    blocks = [b for b in re.split(r"\n\s*\n|\n(?=- )", text) if phrase in b]
    assert blocks, phrase
    cited = set(re.findall(r"@([a-z0-9_-]+)", blocks[0]))
    assert cites <= cited
