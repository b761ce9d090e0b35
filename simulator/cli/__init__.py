"""The `uofsim` console command.

Each subcommand lives in its own module exposing `configure(parser)` and
`run(args) -> int`. Modules must keep heavy imports (pygame, matplotlib)
inside `run`, so `uofsim validate` stays light.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from simulator import __version__
from simulator.cli.errors import UsageError, UserError, os_error_line
from simulator.safetext import printable

# name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "play": ("simulator.cli.play", "play scenarios in the trainee's window"),
    "validate": ("simulator.cli.validate", "check scenario files and folders"),
    "explore": ("simulator.cli.explore", "walk every branch of a scenario without playing"),
    "run": ("simulator.cli.run", "play a scenario headless and write a session log"),
    "graph": ("simulator.cli.graph", "print a scenario's branch graph (mermaid or dot)"),
    "schema": ("simulator.cli.schema", "print the JSON Schema of the scenario format"),
    "new": ("simulator.cli.new", "write a small valid scenario to start from"),
    "review": ("simulator.cli.review", "report on session logs per trainee, scenario and session"),
    "replay": ("simulator.cli.replay", "replay a recorded session in the window"),
    "verify": ("simulator.cli.verify", "check the integrity of session logs"),
}


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The parser; only the chosen subcommand's module is imported and configured."""
    parser = _Parser(prog="uofsim", description="Use-of-force decision-training simulator.")
    parser.add_argument("--version", action="version", version=f"uofsim {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name, (module_name, help_text) in COMMANDS.items():
        cmd = sub.add_parser(name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".")
        if name == chosen:
            module = importlib.import_module(module_name)
            module.configure(cmd)
            cmd.set_defaults(_module=module)
    return parser


def _chosen_command(argv: Sequence[str]) -> str | None:
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_chosen_command(argv))
    args = parser.parse_args(argv)
    try:
        return int(args._module.run(args) or 0)
    except UsageError as exc:
        print(printable(f"uofsim {args.command}: error: {exc}"), file=sys.stderr)
        return 2
    except UserError as exc:
        print(printable(str(exc)), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("uofsim: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # the one wrapper: any file error not handled closer is one line
        print(printable(f"uofsim {args.command}: {os_error_line(exc)}"), file=sys.stderr)
        return 1
