"""Shared test helpers: where the project and its content live."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from lib import facts

# No timing assertions in tests (timings belong in bench/): Hypothesis's per-example
# deadline is one, and it flakes on a busy CI machine.
settings.register_profile("explorer", deadline=None)
settings.load_profile("explorer")

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
# The evidence ledger: every fact id the code and content cite (it lives in the repository).
FACTS = CONTENT / "facts.yaml"
LEDGER = facts.load_ledger(FACTS)


def makefile_entry() -> str:
    """The entry file `make run` starts (`ENTRY := ...` in the Makefile, its one place)."""
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        found = re.match(r"^ENTRY\s*[:?]?=\s*(\S+)\s*$", line)
        if found:
            return found[1]
    raise RuntimeError("the Makefile sets no ENTRY")


ENTRY = makefile_entry()


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the real content folder, to break on purpose."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target
