"""Command line: ``python -m ningbo_openness build | figures | notebooks | exercises | workspace | html``.

Exit codes of ``build``: 0 built; 1 bad input in the data folder; 2 a wrong command line;
3 an environment fault (a file that cannot be read or written, a full disk, a lock held
too long); 128 + the signal number when stopped by a signal (130 for Ctrl-C, 143 for
SIGTERM). Every stop prints one line on stderr and leaves the outputs as they were.
"""
from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import freshness, paths
from .errors import EnvironmentFault, InputError, shown
from .ingest.build import build

CHANGED_HELP = "skip the step when nothing it reads has changed since its last run"
EXIT_BAD_INPUT = 1
EXIT_ENVIRONMENT = 3
EXIT_SIGNAL_BASE = 128
STOPPED = "build stopped, nothing written"


class Interrupted(BaseException):
    """A termination signal, raised where the build is so that every clean-up runs."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextmanager
def signals_raise() -> Iterator[list[int]]:
    """SIGTERM (and SIGHUP where it exists) raise ``Interrupted``, SIGINT ``KeyboardInterrupt``
    (unless the parent ignores it, as for a job started with ``&``). Yields the list of the
    signals received: a library may turn the exception into one of its own (pandas' CSV
    reader reports a failed read), and the list still tells what happened."""
    received: list[int] = []

    def handler(signum, _frame):
        received.append(signum)
        raise KeyboardInterrupt if signum == signal.SIGINT else Interrupted(signum)

    names = [n for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)]
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        names.append("SIGINT")
    previous = {n: signal.signal(getattr(signal, n), handler) for n in names}
    try:
        yield received
    finally:
        for n, old in previous.items():
            signal.signal(getattr(signal, n), old)


def _stop(exc: BaseException, data_dir: Path, received: list[int]) -> tuple[int, str] | None:
    """Exit code and message for a build stopped by ``exc``; ``None`` for a fault in the code itself."""
    if received or isinstance(exc, KeyboardInterrupt | Interrupted):
        signum = received[0] if received else getattr(exc, "signum", signal.SIGINT)
        return EXIT_SIGNAL_BASE + signum, f"interrupted ({signal.Signals(signum).name})"
    if isinstance(exc, InputError):
        return EXIT_BAD_INPUT, str(exc)
    if isinstance(exc, EnvironmentFault):
        return EXIT_ENVIRONMENT, str(exc)
    if isinstance(exc, OSError):
        return EXIT_ENVIRONMENT, str(EnvironmentFault.from_os_error("use", data_dir, exc))
    if isinstance(exc, MemoryError):
        return EXIT_ENVIRONMENT, "out of memory"
    return None


def run_build(data_dir: Path, if_changed: bool = False) -> int:
    """``build``: one line on stderr and a distinct exit code for every way it can stop.

    With ``if_changed`` (for the project's own data folder only), nothing is done when no
    input or output of the build has changed since its last run (``freshness``)."""
    own = data_dir.absolute() == paths.DATA
    if if_changed and own and freshness.is_fresh("data", freshness.key(freshness.common_inputs()), []):
        print(f"up to date: {shown(paths.PROCESSED)}")
        return 0
    with signals_raise() as received:
        try:
            if not data_dir.is_dir():
                raise EnvironmentFault("read", data_dir, "no such folder")
            result = build(data_dir.absolute())
        except BaseException as exc:
            stop = _stop(exc, data_dir, received)
            if stop is None:
                raise
            print(f"{STOPPED}: {stop[1]}", file=sys.stderr)
            return stop[0]
    for name, rows in result.rows_read.items():
        print(f"read {shown(data_dir.absolute() / name)}: {rows} rows")
    counts = result.indicators["kind"].value_counts().to_dict()
    status = result.audit["status"].value_counts().to_dict()
    print(f"built {len(result.indicators)} rows ({counts}); audit: {status}")
    if own:
        freshness.record("data", freshness.key(freshness.common_inputs()))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ningbo_openness", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="rebuild data/processed from data/raw")
    build_cmd.add_argument("--data-dir", type=Path, default=paths.DATA, help="folder with raw/ and the reference tables")
    build_cmd.add_argument("--if-changed", action="store_true", help=CHANGED_HELP)
    nb_cmd = commands.add_parser("notebooks", help="execute every notebook in a fresh kernel")
    where = nb_cmd.add_mutually_exclusive_group(required=True)
    where.add_argument("--output-dir", type=Path, help="write executed copies here")
    where.add_argument("--in-place", action="store_true", help="overwrite the notebooks with their new outputs")
    nb_cmd.add_argument("--workers", type=int, default=2, help="notebooks executed at once (default 2)")
    nb_cmd.add_argument("--if-changed", action="store_true", help=CHANGED_HELP)
    fig_cmd = commands.add_parser("figures", help="draw every registered figure in English and Chinese")
    fig_cmd.add_argument("--out-dir", type=Path, default=paths.FIGURES, help="folder for <lang>/<name>.<fmt> and manifest.csv")
    fig_cmd.add_argument("--if-changed", action="store_true", help=CHANGED_HELP)
    ex_cmd = commands.add_parser("exercises", help="write student versions of the exercises (solutions removed)")
    ex_cmd.add_argument("--out-dir", type=Path, default=paths.BUILD / "exercises")
    ws_cmd = commands.add_parser("workspace", help="write the student versions where JupyterLab opens them (edited ones kept)")
    ws_cmd.add_argument("--dir", type=Path, default=paths.ROOT / "workspace", help="the student's folder (default workspace/)")
    ws_cmd.add_argument("--force", action="store_true", help="overwrite notebooks the student has changed")
    html_cmd = commands.add_parser("html", help="render notebooks, exercises and sources to a static site")
    html_cmd.add_argument("--out-dir", type=Path, default=paths.BUILD / "html")
    args = parser.parse_args(argv)
    if args.command == "exercises":
        from .publishing.handouts import write_student_versions

        print(f"wrote {len(write_student_versions(args.out_dir))} student notebooks to {args.out_dir}")
        return 0
    if args.command == "workspace":
        from .publishing.handouts import update_workspace

        outcome = update_workspace(args.dir, args.force)
        for name in outcome["kept"]:
            print(f"kept {name}: it has your changes (run with --force, or FORCE=1 make lab-student, to replace it)")
        print(f"workspace {args.dir}: {len(outcome['written'])} written, {len(outcome['current'])} up to date, "
              f"{len(outcome['kept'])} kept")
        return 0
    if args.command == "html":
        from .publishing.site import build_site

        print(f"site written: {build_site(args.out_dir)}")
        return 0
    if args.command == "figures":
        return run_figures(args.out_dir, args.if_changed)
    if args.command == "notebooks":
        from .publishing.notebooks import execute_all, notebook_paths

        pairs = [(s, s if args.in_place else args.output_dir / s.relative_to(paths.NOTEBOOKS)) for s in notebook_paths()]
        done = execute_all(pairs, args.workers, args.if_changed)
        print(f"executed {done} of {len(pairs)} notebooks with {args.workers} workers")
        return 0
    if args.command == "build":
        return run_build(args.data_dir, args.if_changed)
    return 0


def run_figures(out_dir: Path, if_changed: bool) -> int:
    """``figures``: every figure in both languages, unless (``if_changed``) nothing it reads has changed."""
    from .publishing import figure_manifest

    step, inputs = f"figures:{out_dir.resolve()}", freshness.key(freshness.common_inputs())
    drawn = figure_manifest.read(out_dir)
    if if_changed and not drawn.empty and freshness.is_fresh(step, inputs, [out_dir / f for f in drawn["file"]]):
        print(f"up to date: {len(drawn)} figure files in {shown(out_dir)}")
        return 0
    import matplotlib

    matplotlib.use("Agg")
    from .publishing.figures import export_all

    print(f"wrote {export_all(out_dir)} figures (pdf, svg, png) and {shown(out_dir / figure_manifest.NAME)}")
    freshness.record(step, inputs)
    return 0
