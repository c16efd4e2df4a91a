"""Numbers in the themed notebooks' prose are computed: a decimal number or a percentage
in a Markdown cell should also appear in the notebook's outputs, as printed there or as
its rounding to the prose's digits (prose "21.6" matches an output 21.63). Numbers that
Markdown outputs display (prose generated from results) are outputs, so they count as
computed. A confidence level ("95 per cent interval") is a choice, not a result, and is not
counted. Target: at least 90 per cent of them in each of notebooks 00-04."""
from __future__ import annotations

import re
from decimal import Decimal

import nbformat
import pytest

from ningbo_openness import paths

#: A decimal number (12.5, 1,234.5), or a whole number followed by a percent sign or "per cent",
#: unless it is a confidence level.
PROSE_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})*\.\d+|\d+\.\d+|\d+(?=\s?(?:%|per cent)))"
                          r"(?!\s?(?:%|per cent)\s+(?:interval|probability|confidence))")
OUTPUT_NUMBER = re.compile(r"(?<![\w.])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])-?\d+(?:\.\d+)?")
TARGET = 0.9
THEMED = sorted(paths.NOTEBOOKS.glob("0[0-4]_*.ipynb"))


def prose_numbers(notebook) -> list[str]:
    """The decimal numbers and percentages of the Markdown cells, as written."""
    return [m for cell in notebook.cells if cell.cell_type == "markdown" for m in PROSE_NUMBER.findall(cell.source)]


def output_numbers(notebook) -> set[Decimal]:
    """Every number printed in the code cells' outputs (text, HTML, Markdown)."""
    texts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            texts.append(output.get("text", ""))
            texts += [v for k, v in output.get("data", {}).items() if k.startswith("text/")]
    return {Decimal(n.replace(",", "")) for text in texts for n in OUTPUT_NUMBER.findall(text)}


def is_computed(number: str, printed: set[Decimal]) -> bool:
    """True if an output prints ``number`` or a value that rounds to it at its digits."""
    value = Decimal(number.replace(",", ""))
    step = Decimal(1).scaleb(value.as_tuple().exponent)
    return any(abs(p - value) <= step / 2 for p in printed)


def uncomputed(notebook) -> list[str]:
    printed = output_numbers(notebook)
    return [n for n in prose_numbers(notebook) if not is_computed(n, printed)]


def test_rounding_match_by_hand():
    printed = {Decimal("21.63"), Decimal("14200.0"), Decimal("0.68")}
    assert is_computed("21.6", printed) and is_computed("14,200", {Decimal("14200.0")}) and is_computed("0.7", printed)
    assert not is_computed("21.7", printed) and not is_computed("1.42", printed)


def test_prose_and_output_numbers_are_found():
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("Growth was 10.9 per cent, about 22 per cent in 2021, in 2024 (1,234.5 亿元); "
                                      "95 per cent intervals, with 95% probability."),
        nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output("execute_result", data={"text/plain": "10.94  1,234.5"})]),
    ])
    assert prose_numbers(notebook) == ["10.9", "22", "1,234.5"]
    assert uncomputed(notebook) == ["22"]


@pytest.mark.parametrize("path", THEMED, ids=[p.stem for p in THEMED])
def test_prose_numbers_are_computed(path):
    notebook = nbformat.read(path, as_version=4)
    numbers, missing = prose_numbers(notebook), uncomputed(notebook)
    share = 1 - len(missing) / len(numbers) if numbers else 1.0
    assert share >= TARGET, f"{share:.0%} of {len(numbers)} prose numbers computed; not in any output: {missing}"
