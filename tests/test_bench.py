"""The benchmark's pieces (no timing is asserted)."""
import bench

from ningbo_openness.ingest.build import run


def test_synthetic_data_is_valid_input(tmp_path):
    data = bench.synthetic_data(250, tmp_path)
    result = run(data)
    assert (result.indicators["kind"] == "reported").sum() == 250
    assert not result.indicators.duplicated(["indicator", "geo", "partner", "period", "kind"]).any()


def test_summary_reads_a_report():
    report = {"floor_s": 2.0, "notebooks_s": {"a": 3.0, "b": 5.0}, "notebooks_total_s": 8.0, "ratio_to_floor": 2.0,
              "reproduce_notebooks_s": 5.0, "reproduce_ratio_to_floor": 1.25,
              "load_indicators": {"cold_s": 0.05, "cached_s": 0.001},
              "tests": {"seconds": 80.0, "passed": False, "ratio_to_floor": 40.0},
              "build": {"sizes": [{"rows": 10, "seconds": 1.0, "run_s": 0.75, "write_s": 0.25, "peak_mb": 100.0},
                                  {"rows": 100, "seconds": None, "peak_mb": None, "note": "stopped after 9 s"}],
                        "scaling_exponent": None}}
    text = bench.summary(report)
    assert "2.00 x" in text and "1.25 x" in text and "cached 1.00 ms" in text and "stopped after 9 s" in text
    assert "writing 0.25 s" in text
    assert "make test: 80.0 s = 40 x floor (the suite failed)" in text
