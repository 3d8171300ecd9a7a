"""The clinical safety case (docs/clinical-safety.md): every hazard's control has a real test.

The hazard log is a Markdown table between two markers. For each hazard, these tests check
the named tests exist in `tests/` (a control whose test was deleted or renamed fails here),
that the residual risk is the one the DCB0129 matrix gives, and that none is unacceptable.
"""

from __future__ import annotations

import ast
import functools
import itertools
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

SAFETY_CASE = ROOT / "docs" / "clinical-safety.md"
SEVERITIES = ("Minor", "Significant", "Considerable", "Major", "Catastrophic")
LIKELIHOODS = ("Very low", "Low", "Medium", "High", "Very high")
# DCB0129's risk matrix: MATRIX[likelihood][severity], risk 1 (very low) to 5 (very high).
MATRIX = {
    "Very high": (3, 4, 4, 5, 5),
    "High": (2, 3, 3, 4, 5),
    "Medium": (2, 2, 3, 3, 4),
    "Low": (1, 2, 2, 3, 4),
    "Very low": (1, 1, 2, 2, 3),
}
COLUMNS = (
    "ID",
    "Hazard",
    "Cause",
    "Effect on the reader",
    "Severity",
    "Likelihood",
    "Control in the product",
    "Test that proves the control",
    "Residual risk",
)


def hazard_rows(text: str) -> list[dict[str, str]]:
    """The hazard log's rows, as column name to cell text."""
    block = text.split("<!-- hazard-log:start -->", 1)[1].split("<!-- hazard-log:end -->", 1)[0]
    lines = [line for line in block.strip().splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert tuple(header) == COLUMNS
    rows = []
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        assert len(cells) == len(COLUMNS), line
        rows.append(dict(zip(COLUMNS, cells, strict=True)))
    return rows


@functools.cache
def defined_tests(path: Path) -> frozenset[str]:
    """The test functions a file defines: `test_x`, and `TestClass::test_x` for methods."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.ClassDef):
            names.update(
                f"{node.name}::{item.name}"
                for item in node.body
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
            )
    return frozenset(names)


def named_tests(cell: str) -> list[tuple[Path, str]]:
    """The `tests/...py::name` references in a cell, as (file, name)."""
    refs = [ref.strip() for ref in cell.split(";") if ref.strip()]
    out = []
    for ref in refs:
        match = re.fullmatch(r"(tests/[\w/]+\.py)::([\w:]+)", ref)
        assert match, f"not a test reference: {ref!r}"
        out.append((ROOT / match[1], match[2]))
    return out


ROWS = hazard_rows(SAFETY_CASE.read_text(encoding="utf-8"))


def test_the_log_lists_at_least_twenty_hazards_with_unique_ids():
    """A careful reviewer's list is long: at least 20 hazards, numbered H01, H02, ... in
    order. Changes made side by side may each take a block of ids (the clinical review's
    second pass starts at H45), so a gap is allowed, a repeat or a step back is not."""
    ids = [row["ID"] for row in ROWS]
    assert len(ids) >= 20
    assert all(re.fullmatch(r"H\d{2}", i) for i in ids), ids
    numbers = [int(i[1:]) for i in ids]
    assert numbers[0] == 1
    assert numbers[:38] == list(range(1, 39))  # H01 to H38 as first published
    assert all(a < b for a, b in itertools.pairwise(numbers)), ids


@pytest.mark.parametrize("row", ROWS, ids=[row["ID"] for row in ROWS])
def test_every_control_names_tests_that_exist(row):
    """Each hazard names at least one test, and every test it names is defined in tests/."""
    refs = named_tests(row["Test that proves the control"])
    assert refs, row["ID"]
    for path, name in refs:
        assert path.is_file(), f"{row['ID']}: {path} does not exist"
        assert name in defined_tests(path), f"{row['ID']}: {path.name} has no test {name}"


@pytest.mark.parametrize("row", ROWS, ids=[row["ID"] for row in ROWS])
def test_residual_risk_follows_the_matrix_and_is_acceptable(row):
    """The residual risk is the matrix's for its severity and likelihood, and at most 3."""
    severity, likelihood = row["Severity"], row["Likelihood"]
    assert severity in SEVERITIES, row["ID"]
    assert likelihood in LIKELIHOODS, row["ID"]
    expected = MATRIX[likelihood][SEVERITIES.index(severity)]
    assert int(row["Residual risk"]) == expected, row["ID"]
    assert expected <= 3, f"{row['ID']}: residual risk {expected} is not acceptable"


def test_every_cell_is_filled():
    """No hazard leaves its cause, effect or control blank."""
    for row in ROWS:
        assert all(row[column] for column in COLUMNS), row["ID"]


def test_a_missing_test_is_caught():
    """The check is real: a reference to a test that does not exist fails it."""
    path, name = named_tests("tests/content/test_clinical_safety.py::test_no_such_thing")[0]
    assert name not in defined_tests(path)
    with pytest.raises(AssertionError):
        named_tests("tests/not a path::x")


def test_the_matrix_in_the_document_is_the_one_the_tests_use():
    """The risk matrix printed in the safety case is the matrix these tests apply."""
    text = SAFETY_CASE.read_text(encoding="utf-8")
    for likelihood, risks in MATRIX.items():
        row = f"| {likelihood} | " + " | ".join(map(str, risks)) + " |"
        assert row in text, row
