"""`uofsim graph SCENARIO [--format mermaid|dot]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from simulator.cli.errors import UserError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", type=Path, metavar="SCENARIO", help="a scenario file")
    parser.add_argument("--format", choices=("mermaid", "dot"), default="mermaid", help="graph language")
    parser.add_argument("--lang", default="en", help="language of labels (falls back to en)")


def run(args: argparse.Namespace) -> int:
    from simulator.scenario import ScenarioError, load_scenario
    from simulator.scenario.graph import to_dot, to_mermaid

    try:
        scenario = load_scenario(args.scenario)
    except ScenarioError as exc:
        raise UserError(str(exc.problems[0])) from None
    print((to_dot if args.format == "dot" else to_mermaid)(scenario, args.lang), end="")
    return 0
