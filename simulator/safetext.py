"""Text from files, made safe to print on a terminal or in a text format.

A scenario or log may hold escape sequences (YAML's "\\e[2J"), which would
drive the user's terminal if printed as they are. Two policies:
`printable` shows control characters as visible escapes (error messages,
where the author must see exactly what is in the file); `plain` removes
escape sequences and control characters (report cells, one clean line).
"""

from __future__ import annotations

import re

# ANSI CSI / OSC / other ESC sequences (so their parameters go too).
_ESCAPE_SEQUENCES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?|\x9b[0-?]*[ -/]*[@-~]"
)
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with control and bidi-override characters shown as \\xNN / \\uNNNN."""
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def plain(text: str) -> str:
    """`text` as one line of plain text: escape sequences and control characters removed."""
    if text.isprintable() and "\x1b" not in text:
        return text  # the common case, without regex work
    return _ANY_CONTROL.sub("", _ESCAPE_SEQUENCES.sub("", text))
