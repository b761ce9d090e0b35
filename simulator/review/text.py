"""Making text that came from a log file safe to show.

A log is data written by a workstation (or by whoever edited it): its strings
may hold terminal escape sequences that recolour or rewrite a terminal, line
breaks that forge report lines, or spreadsheet formulas. Every text from a file
goes through one of these before it reaches a terminal or a CSV cell. (HTML is
escaped by Jinja2's autoescape instead.)
"""

from __future__ import annotations

import re
from typing import Any

# ANSI CSI / OSC / other ESC sequences first (so their parameters go too), then
# any remaining C0/C1 control character, DEL, and the Unicode bidi overrides that
# can make a terminal line read differently from its bytes.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?|\x9b[0-?]*[ -/]*[@-~]")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean(value: Any) -> str:
    """`value` as one line of plain text: escape sequences and control characters removed."""
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    if text.isprintable() and "\x1b" not in text:
        return text  # the common case, without regex work
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run as a formula (OWASP: prefix a quote).

    Numbers stay numbers (a negative score is data, not a formula); text that
    starts with = + - @ tab or CR gets a leading apostrophe.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return value
    text = clean(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
