"""`uofsim new ID [--dir DIR]`: write a small valid scenario to start from."""

from __future__ import annotations

import argparse
from pathlib import Path

from simulator.cli.errors import UsageError, UserError, os_user_error, refuse_symlink_out


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the scenario id: lowercase letters, digits and '-'")
    parser.add_argument("--dir", type=Path, default=Path("."), help="folder to write ID.yaml in (default: here)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")


def run(args: argparse.Namespace) -> int:
    from simulator.scenario.template import render

    try:
        text = render(args.id)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    target = args.dir / f"{args.id}.yaml"
    if (target.exists() or target.is_symlink()) and not args.force:
        raise UserError(f"{target}: already exists (use --force to overwrite)")
    refuse_symlink_out(target)  # even with --force: never write outside the folder
    try:
        args.dir.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise os_user_error(exc, target, "cannot write") from None
    print(f"wrote {target}; check it with: uofsim validate {target}")
    return 0
