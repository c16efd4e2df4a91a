"""The codebook of the data folder (``data/README.md``), written by the build from the data
package's descriptor and the units table, so that it always matches the files."""
from __future__ import annotations

import pandas as pd

from . import datapackage

INTRO = """# ningbo-openness: codebook of `data/`

Written by `python -m ningbo_openness build` from `datapackage.json` and `units.csv`; do not
edit by hand. Start with `processed/indicators.csv`: one row per published or derived
figure, each with its source (`source_id`, defined in `sources.csv`) and the place in it
(`locator`). The raw files under `raw/` keep every number as printed, with the quoted
passage; `manifest.csv` lists every file the build reads.

**Qualifiers.** `exact`; `floor` ("more than": 超过, 突破, 多), a lower bound; `nearly`
("nearly": 近), an upper bound; `approx` ("about": 约, and estimates, 预计). A bound stays a
bound in every derived figure whose inputs all push the same way (a floor less an exact
figure is a floor, an exact figure over a floor is at most the printed ratio).

**Source tiers.** 1 an official release (statistics bureau, customs, port authority,
government, IP office) or a verbatim reprint of one; 2 a named news organisation or journal;
3 a secondary page.

**How to cite.** Cite the dataset as `CITATION.cff` in the repository says, and for every
figure the source that `sources.csv` names. The data compilation is under CC BY 4.0; the
published figures and short quotations remain their sources'.
"""


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _constraints(field: dict) -> str:
    parts = []
    for name, value in field.get("constraints", {}).items():
        if name == "required":
            parts.append("required")
        elif name == "enum":
            parts.append("one of " + ", ".join(f"`{v}`" for v in value))
        else:
            parts.append(f"{name} {value}")
    return "; ".join(parts)


def _table(resource: dict) -> str:
    schema = resource["schema"]
    links = "".join(f"; `{k['fields']}` refers to `{k['reference']['resource']}`" for k in schema["foreignKeys"])
    rows = "".join(f"| `{f['name']}` | {f['type']} | {_cell(_constraints(f))} | {_cell(f['description'])} |\n"
                   for f in schema["fields"])
    return (f"### `{resource['path']}` ({resource['name']})\n\n{resource['description']}. "
            f"Key: {', '.join(f'`{k}`' for k in schema['primaryKey'])}{links}.\n\n"
            "| column | type | constraints | meaning |\n|---|---|---|---|\n" + rows)


def _units(units: pd.DataFrame) -> str:
    rows = "".join(f"| `{u['unit']}` | {_cell(u['label_en'])} | {u['label_zh']} | {u['min_value'] or '-'} | "
                   f"{u['max_value'] or '-'} | {_cell(u['description'])} |\n" for _, u in units.iterrows())
    return ("## Units\n\nEvery value is in its indicator's canonical unit; `unit_aliases.csv` converts the units as printed. "
            "A value outside its unit's range stops the build.\n\n"
            "| unit | English | Chinese | min | max | what it measures |\n|---|---|---|---|---|---|\n" + rows)


def to_markdown(units: pd.DataFrame) -> str:
    """The codebook text; ``units``: the units table (``data/units.csv``)."""
    resources = datapackage.descriptor()["resources"]
    return "\n".join([INTRO, "## Tables\n", *(_table(r) for r in resources), _units(units)])
