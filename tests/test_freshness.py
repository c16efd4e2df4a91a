"""Steps are skipped only when every input has the bytes it had at their last run."""
from __future__ import annotations

import os

import pytest

from ningbo_openness import freshness, paths


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setattr(freshness, "STORE", tmp_path / "fresh.json")
    return tmp_path


def test_key_follows_bytes_not_times(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    file = tmp_path / "input.csv"
    file.write_text("a\n", encoding="utf-8")
    before = freshness.key([file])
    os.utime(file, (0, 0))
    file.write_text("a\n", encoding="utf-8")  # rewritten, same bytes
    assert freshness.key([file]) == before
    file.write_text("b\n", encoding="utf-8")
    assert freshness.key([file]) != before


def test_a_step_is_fresh_only_with_its_key_and_its_outputs(store):
    output = store / "out.ipynb"
    assert not freshness.is_fresh("step", "k1", [output])
    output.write_text("{}", encoding="utf-8")
    freshness.record("step", "k1")
    assert freshness.is_fresh("step", "k1", [output])
    assert not freshness.is_fresh("step", "k2", [output])  # an input changed
    output.unlink()
    assert not freshness.is_fresh("step", "k1", [output])  # an output went missing
    freshness.record("other", "k3")
    assert freshness.is_fresh("other", "k3", []) and not freshness.is_fresh("step", "k3", [])


def test_common_inputs_cover_code_data_and_lock():
    inputs = {p.relative_to(paths.ROOT).as_posix() for p in freshness.common_inputs()}
    assert {"src/ningbo_openness/load.py", "data/processed/indicators.csv", "data/raw/trade.csv",
            "data/sources.csv", "requirements.lock"} <= inputs
    assert not any("/." in name or "__pycache__" in name for name in inputs)
