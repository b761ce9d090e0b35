"""`uofsim review` (not built yet)."""

import argparse

from simulator.cli.errors import UserError


def configure(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    raise UserError("uofsim review: not available yet")
