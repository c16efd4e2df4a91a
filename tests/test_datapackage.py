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


def test_package_declares_keys_and_checks_them(data_copy):
    package = json.loads((paths.DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert all(r["schema"]["primaryKey"] for r in package["resources"])
    linked = {(r["name"], k["fields"]) for r in package["resources"] for k in r["schema"]["foreignKeys"]}
    assert {("indicators-processed", "source_id"), ("indicators-processed", "indicator"), ("audit", "partner"),
            ("agreement-provisions", "provision"), ("unit-aliases", "unit")} <= linked
    table = data_copy / "processed" / "indicators.csv"
    lines = table.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].replace(",theory_page_2025,", ",no_such_source,", 1)
    table.write_text("\n".join(lines), encoding="utf-8")
    report = frictionless.validate(str(data_copy / "datapackage.json"))
    assert not report.valid
    assert any("no_such_source" in e.message for task in report.tasks for e in task.errors)
