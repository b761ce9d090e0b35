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

    reports = check_files(args.paths, extra=[rubric_problems])
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


def rubric_problems(loaded: LoadedScenario) -> list[Problem]:
    """A scenario's rubric file checked as a rubric, with the rubric's own file:line:col
    (the scenario's lint only checks that the file exists)."""
    if not loaded.scenario.rubric:
        return []
    from simulator.engine.scoring import load_rubric  # only for a scenario that names a rubric
    from simulator.scenario.assets import AssetError, resolve_rubric
    from simulator.scenario.problems import ScenarioError

    try:
        load_rubric(resolve_rubric(loaded.scenario.rubric, loaded.path))
    except AssetError:  # already reported by the scenario's lint
        return []
    except ScenarioError as exc:
        count = len(exc.problems)
        pointer = loaded.source.problem(("rubric",), f"rubric file '{loaded.scenario.rubric}' has "
                                                     f"{count} error{'s' if count != 1 else ''}")
        return [pointer, *exc.problems]
    return []
