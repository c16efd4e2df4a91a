"""``make bench`` (``python tests/bench.py``): what reproducing the collection costs, against its floor.

Kept outside the installed package: it measures the project, it is not part of what a user imports.

Measures (wall-clock seconds, median of repeated runs where cheap):

- the floor: start a kernel and import pandas, matplotlib, seaborn and statsmodels.api;
- each notebook's execution time, their total, and the time to run them two at a
  time as ``make reproduce`` does, each as a ratio to notebooks x floor;
- ``load_indicators()`` cold and cached;
- the whole test suite as ``make test`` runs it, as a ratio to the floor;
- the build on synthetic raw files of growing size, checks and writing (each in a fresh
  process, with peak resident memory), and the scaling exponent b in time ~ rows^b.

Writes ``build/bench.json`` and prints a summary. Not a test: numbers depend on the machine.
"""
from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from ningbo_openness import paths
from ningbo_openness.ingest import manifest, transaction

FLOOR_CODE = "import pandas, matplotlib, seaborn, statsmodels.api"
SIZES = (10_000, 100_000, 1_000_000)
#: The first day of the synthetic periods.
FIRST_DAY = date(1000, 1, 1).toordinal()


def _timed(func, *args) -> float:
    start = time.perf_counter()
    func(*args)
    return time.perf_counter() - start


def kernel_floor(runs: int = 5) -> float:
    """Median seconds to start a fresh kernel, import the stack and shut down."""
    from jupyter_client.manager import start_new_kernel

    from ningbo_openness.publishing.notebooks import KERNEL_ARGUMENTS

    def once():
        manager, client = start_new_kernel(kernel_name="python3", extra_arguments=KERNEL_ARGUMENTS)
        try:
            client.execute_interactive(FLOOR_CODE, timeout=120)
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)

    return statistics.median(_timed(once) for _ in range(runs))


def notebook_times() -> dict[str, float]:
    """Seconds to execute each notebook in a fresh kernel (outputs to a temporary folder)."""
    from ningbo_openness.publishing.notebooks import execute, notebook_paths

    with tempfile.TemporaryDirectory() as tmp:
        return {p.relative_to(paths.NOTEBOOKS).as_posix(): _timed(execute, p, Path(tmp) / p.name) for p in notebook_paths()}


def notebooks_parallel_time(workers: int = 2) -> float:
    """Seconds to execute every notebook as ``make reproduce`` does (``workers`` at once)."""
    from ningbo_openness.publishing.notebooks import execute_all, notebook_paths

    with tempfile.TemporaryDirectory() as tmp:
        pairs = [(p, Path(tmp) / p.relative_to(paths.NOTEBOOKS)) for p in notebook_paths()]
        return _timed(execute_all, pairs, workers)


def suite_time() -> dict:
    """Seconds for the whole suite as ``make test`` runs it, and whether it passed."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q"], cwd=paths.ROOT, capture_output=True, text=True)
    return {"seconds": time.perf_counter() - start, "passed": done.returncode == 0}


def loader_times(calls: int = 200) -> dict[str, float]:
    """``load_indicators()`` on a cold cache and the median of cached calls (seconds)."""
    from ningbo_openness import load

    load._indicators.cache_clear()
    cold = _timed(load.load_indicators)
    cached = statistics.median(_timed(load.load_indicators) for _ in range(calls))
    return {"cold_s": cold, "cached_s": cached}


def synthetic_data(rows: int, root: Path) -> Path:
    """A data folder with the real reference tables and one synthetic raw file of ``rows``
    valid rows, declared in its manifest instead of the real ones: goods trade, exports and imports of several reporters with several
    partners on distinct days from 1 January 1000 on (periods like ``1000-01-01``, all
    before the source's date), so keys are unique as in real data up to 22 million rows."""
    data = root / "data"
    shutil.copytree(paths.DATA, data, ignore=shutil.ignore_patterns(
        "raw", "processed", "datapackage.json", transaction.LOCK, transaction.STAGING))
    shutil.copytree(paths.RAW / "rules", data / "raw" / "rules")
    rng = np.random.default_rng(0)
    indicators = np.array(["trade_total", "exports", "imports"])
    geos = np.array(["ningbo", "zhejiang", "china", "ningbo_port_of_entry"])
    partners = np.array(["world", "asean", "eu", "usa", "africa"])
    i = np.arange(rows)
    combos = len(indicators) * len(geos) * len(partners)
    frame = pd.DataFrame({
        "indicator": indicators[i % len(indicators)], "geo": geos[i // len(indicators) % len(geos)],
        "partner": partners[i // (len(indicators) * len(geos)) % len(partners)],
        "period": [date.fromordinal(FIRST_DAY + k).isoformat() for k in i // combos],
        "value": np.round(rng.uniform(100, 10_000, rows), 1).astype(str), "unit": "亿元", "yoy_pct": "",
        "qualifier": "exact", "vintage": "", "source_id": "theory_page_2025", "locator": [f"row {k}" for k in i],
        "quote": "synthetic", "note": "",
    })
    frame.to_csv(data / "raw" / "synthetic.csv", index=False, lineterminator="\n")
    declared = pd.read_csv(data / manifest.NAME, dtype=str, keep_default_na=False)
    synthetic = pd.DataFrame([{"path": "raw/synthetic.csv", "table": "observations", "description": "synthetic rows"}])
    pd.concat([declared[declared["table"] != "observations"], synthetic]).to_csv(
        data / manifest.NAME, index=False, lineterminator="\n")
    return data


def _build_once(rows: int) -> None:
    """Child process: build a synthetic data set as ``make data`` does (under the lock:
    validate, derive, audit, then write the processed files as one set); print the seconds
    of each half, their sum and the peak memory (MB)."""
    from ningbo_openness.ingest.build import run, write

    with tempfile.TemporaryDirectory() as tmp:
        data = synthetic_data(rows, Path(tmp))
        start = time.perf_counter()
        with transaction.locked(data):
            transaction.recover(data)
            result = run(data)
            middle = time.perf_counter()
            write(result, data)
        end = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rows": rows, "seconds": end - start, "run_s": middle - start, "write_s": end - middle,
                      "peak_mb": peak_mb}))


def build_scaling(sizes=SIZES, timeout_s: float = 900) -> dict:
    """Build time and memory per size, each in a fresh process, and the scaling exponent."""
    results = []
    for rows in sizes:
        try:
            done = subprocess.run([sys.executable, __file__, "--build-once", str(rows)],
                                  capture_output=True, text=True, timeout=timeout_s, check=True)
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        except subprocess.TimeoutExpired:
            results.append({"rows": rows, "seconds": None, "peak_mb": None, "note": f"stopped after {timeout_s:.0f} s"})
    timed = [r for r in results if r["seconds"]]
    exponent = None
    if len(timed) >= 2:
        exponent = float(np.polyfit(np.log([r["rows"] for r in timed]), np.log([r["seconds"] for r in timed]), 1)[0])
    return {"sizes": results, "scaling_exponent": exponent}


def run_bench(sizes=SIZES) -> dict:
    """All measurements; writes ``build/bench.json``."""
    floor = kernel_floor()
    notebooks = notebook_times()
    total = sum(notebooks.values())
    parallel = notebooks_parallel_time()
    tests = suite_time()
    report = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
        "floor_s": floor,
        "notebooks_s": notebooks,
        "notebooks_total_s": total,
        "ratio_to_floor": total / (len(notebooks) * floor),
        "reproduce_notebooks_s": parallel,
        "reproduce_ratio_to_floor": parallel / (len(notebooks) * floor),
        "load_indicators": loader_times(),
        "tests": tests | {"ratio_to_floor": tests["seconds"] / floor},
        "build": build_scaling(sizes),
    }
    paths.BUILD.mkdir(parents=True, exist_ok=True)
    (paths.BUILD / "bench.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


def summary(report: dict) -> str:
    """Readable lines for the terminal."""
    lines = [f"floor (kernel + imports): {report['floor_s']:.2f} s",
             (f"notebooks one by one: {report['notebooks_total_s']:.1f} s for {len(report['notebooks_s'])} "
              f"= {report['ratio_to_floor']:.2f} x (notebooks x floor)"),
             (f"notebooks as make reproduce runs them (2 at once): {report['reproduce_notebooks_s']:.1f} s "
              f"= {report['reproduce_ratio_to_floor']:.2f} x (notebooks x floor)"),
             (f"load_indicators: cold {report['load_indicators']['cold_s'] * 1000:.1f} ms, "
              f"cached {report['load_indicators']['cached_s'] * 1000:.2f} ms"),
             (f"make test: {report['tests']['seconds']:.1f} s = {report['tests']['ratio_to_floor']:.0f} x floor"
              + ("" if report["tests"]["passed"] else " (the suite failed)"))]
    for r in report["build"]["sizes"]:
        timing = (f"{r['seconds']:.2f} s (checks and derivations {r['run_s']:.2f} s, writing {r['write_s']:.2f} s), "
                  f"peak {r['peak_mb']:.0f} MB") if r["seconds"] else r["note"]
        lines.append(f"build {r['rows']:>9,} rows: {timing}")
    exponent = report["build"]["scaling_exponent"]
    lines.append(f"scaling exponent: {exponent:.2f}" if exponent is not None else "scaling exponent: n/a")
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--build-once":
        _build_once(int(sys.argv[2]))
    else:
        sizes = tuple(int(a) for a in sys.argv[1:]) or SIZES
        print(summary(run_bench(sizes)))
