"""`uofsim validate PATH… [--strict] [--format text|json]`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.scenario import LoadedScenario, Problem


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="scenario files or folders")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def run(args: argparse.Namespace) -> int:
    from simulator.scenario.library import check_files

    reports = check_files(args.paths, extra=_rubric_problems)
    problems = [p for report in reports for p in report.problems]
    failed = any(report.errors or (args.strict and report.warnings) for report in reports)
    if args.format == "json":
        files = [
            {"path": str(r.path), "id": r.scenario_id,
             "valid": not r.errors, "problems": [p.as_dict() for p in r.problems]}
            for r in reports
        ]
        print(json.dumps({"ok": not failed, "files": files}, indent=2, ensure_ascii=False))
    else:
        for problem in problems:
            print(problem)
        errors = sum(len(r.errors) for r in reports)
        warnings = sum(len(r.warnings) for r in reports)
        print(f"{len(reports)} file{'s' if len(reports) != 1 else ''} checked: "
              f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}")
    return 1 if failed else 0


def _rubric_problems(loaded: LoadedScenario) -> list[Problem]:
    """The scenario's rubric file read (size cap first) and validated, as `run` will."""
    from simulator.engine.scoring import rubric_for
    from simulator.scenario import ScenarioError

    try:
        rubric_for(loaded)
    except ScenarioError as exc:
        return list(exc.problems)
    return []
