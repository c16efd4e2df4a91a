"""data/datapackage.json describes every table, and frictionless finds the files valid."""
import json

import frictionless

from ningbo_openness import paths


def test_package_is_valid():
    report = frictionless.validate(str(paths.DATA / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_package_lists_every_table():
    package = json.loads((paths.DATA / "datapackage.json").read_text(encoding="utf-8"))
    listed = {r["path"] for r in package["resources"]}
    on_disk = {p.relative_to(paths.DATA).as_posix() for p in paths.DATA.glob("*.csv")}
    on_disk |= {p.relative_to(paths.DATA).as_posix() for p in paths.PROCESSED.glob("*.csv")}
    assert listed == on_disk
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
