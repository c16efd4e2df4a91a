"""``CITATION.cff``: a well-formed citation whose version, licences and date agree with the project."""
from __future__ import annotations

import json
import tomllib
from datetime import date

import yaml

from ningbo_openness import paths

CFF = yaml.safe_load((paths.ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def test_required_keys_of_cff_1_2():
    assert CFF["cff-version"] == "1.2.0"
    assert CFF["message"] and CFF["title"]
    assert all(set(author) == {"name"} and author["name"] for author in CFF["authors"])  # the project, no person


def test_version_is_the_package_version():
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert str(CFF["version"]) == project["version"]


def test_both_licences_named_as_in_the_project():
    assert CFF["license"] == ["MIT", "CC-BY-4.0"]
    assert (paths.ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    descriptor = json.loads((paths.DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert [licence["name"] for licence in descriptor["licenses"]] == ["CC-BY-4.0"]


def test_release_date_is_a_past_day():
    assert date.fromisoformat(str(CFF["date-released"])) <= date.today()
