"""Text from files, made safe to print on a terminal or in a text format.

A scenario or log may hold escape sequences (YAML's "\\e[2J"), which would
drive the user's terminal if printed as they are. Control characters are
shown as visible escapes instead, so nothing is lost and nothing runs.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with control and bidi-override characters shown as \\xNN / \\uNNNN."""
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
