"""Shared test helpers: where the project and its content live."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
FACTS = ROOT.parent / "shared" / "facts.md"


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the real content folder, to break on purpose."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target
