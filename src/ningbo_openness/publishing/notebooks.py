"""Execute the project's notebooks in fresh kernels (for ``make reproduce``)."""
from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from .. import freshness, paths

TIMEOUT_S = 600
#: Kernel options: log only errors (ipykernel otherwise warns on every start that its
#: loopback TCP transport is unencrypted, which says nothing about the notebook).
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]


def notebook_paths() -> list[Path]:
    """The numbered notebooks, then the exercise notebooks (with solutions), in order."""
    return sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")) + sorted((paths.NOTEBOOKS / "exercises").glob("e[0-9]_*.ipynb"))


def execute(source: Path, target: Path) -> float:
    """Run ``source`` top to bottom in a fresh ``python3`` kernel and save it as ``target``;
    returns the seconds it took.

    The kernel starts in the notebook's folder; a cell error raises and writes nothing.
    No execution times are recorded, so an unchanged notebook is saved byte for byte as before.
    """
    start = time.perf_counter()
    nb = nbformat.read(source, as_version=4)
    NotebookClient(nb, timeout=TIMEOUT_S, kernel_name="python3", record_timing=False, extra_arguments=KERNEL_ARGUMENTS,
                   resources={"metadata": {"path": str(source.parent)}}).execute()
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    return time.perf_counter() - start


def _step(source: Path) -> str:
    return f"notebook:{source.relative_to(paths.ROOT).as_posix()}"


def execute_all(pairs: list[tuple[Path, Path]], workers: int = 2, if_changed: bool = False) -> int:
    """Execute (source, target) pairs, ``workers`` kernels at a time (a kernel is one
    process, so two workers use both cores of a small machine), printing one line per
    notebook with its time, in order; returns how many were executed.

    With ``if_changed``, a notebook whose target exists and whose inputs (the notebook,
    the package, the data, the lock: ``freshness``) are as at its last run is skipped.
    """
    common = freshness.common_inputs()
    todo = [(s, t) for s, t in pairs
            if not (if_changed and freshness.is_fresh(_step(s), freshness.key([*common, s]), [t]))]
    for source, _ in pairs:
        if all(source != s for s, _ in todo):
            print(f"up to date: {source.relative_to(paths.ROOT).as_posix()}")
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for (source, _), future in [(pair, pool.submit(execute, *pair)) for pair in todo]:
            print(f"executed {source.relative_to(paths.ROOT).as_posix()} in {future.result():.1f} s", flush=True)
            freshness.record(_step(source), freshness.key([*freshness.common_inputs(), source]))
    return len(todo)
