"""`uofsim schema`: the JSON Schema of the scenario format, for editors."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from simulator.cli.errors import os_user_error, refuse_symlink_out


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")


def run(args: argparse.Namespace) -> int:
    from simulator.scenario.schema import scenario_schema

    text = json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        refuse_symlink_out(Path(args.output))
        try:
            with open(args.output, "w", encoding="utf-8") as out:
                out.write(text)
        except OSError as exc:
            raise os_user_error(exc, args.output, "cannot write") from None
    else:
        print(text, end="")
    return 0
