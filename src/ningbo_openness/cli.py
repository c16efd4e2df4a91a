"""Command line: ``python -m ningbo_openness build | figures | notebooks | exercises | html``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import paths
from .build import build
from .errors import InputError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ningbo_openness", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="rebuild data/processed from data/raw")
    build_cmd.add_argument("--data-dir", type=Path, default=paths.DATA, help="folder with raw/ and the reference tables")
    nb_cmd = commands.add_parser("notebooks", help="execute every notebook in a fresh kernel")
    where = nb_cmd.add_mutually_exclusive_group(required=True)
    where.add_argument("--output-dir", type=Path, help="write executed copies here")
    where.add_argument("--in-place", action="store_true", help="overwrite the notebooks with their new outputs")
    nb_cmd.add_argument("--workers", type=int, default=2, help="notebooks executed at once (default 2)")
    fig_cmd = commands.add_parser("figures", help="draw every registered figure in English and Chinese")
    fig_cmd.add_argument("--out-dir", type=Path, default=paths.FIGURES, help="folder for <lang>/<name>.<fmt> and manifest.csv")
    ex_cmd = commands.add_parser("exercises", help="write student versions of the exercises (solutions removed)")
    ex_cmd.add_argument("--out-dir", type=Path, default=paths.BUILD / "exercises")
    html_cmd = commands.add_parser("html", help="render notebooks, exercises and sources to a static site")
    html_cmd.add_argument("--out-dir", type=Path, default=paths.BUILD / "html")
    args = parser.parse_args(argv)
    if args.command == "exercises":
        from .teaching import write_student_versions

        print(f"wrote {len(write_student_versions(args.out_dir))} student notebooks to {args.out_dir}")
        return 0
    if args.command == "html":
        from .teaching import build_site

        print(f"site written: {build_site(args.out_dir)}")
        return 0
    if args.command == "figures":
        import matplotlib

        matplotlib.use("Agg")
        from .figures import export_all

        print(f"wrote {export_all(args.out_dir)} figures (pdf, svg, png) and {args.out_dir / 'manifest.csv'}")
        return 0
    if args.command == "notebooks":
        from .notebooks import execute_all, notebook_paths

        pairs = [(s, s if args.in_place else args.output_dir / s.relative_to(paths.NOTEBOOKS)) for s in notebook_paths()]
        execute_all(pairs, args.workers)
        print(f"executed {len(pairs)} notebooks with {args.workers} workers")
        return 0
    if args.command == "build":
        try:
            result = build(args.data_dir)
        except InputError as exc:
            print(f"build stopped, nothing written: {exc}", file=sys.stderr)
            return 1
        counts = result.indicators["kind"].value_counts().to_dict()
        status = result.audit["status"].value_counts().to_dict()
        print(f"built {len(result.indicators)} rows ({counts}); audit: {status}")
    return 0
