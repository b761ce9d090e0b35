"""Making text that came from a log file safe to show.

A log is data written by a workstation (or by whoever edited it): its strings
may hold terminal escape sequences that recolour or rewrite a terminal, line
breaks that forge report lines, or spreadsheet formulas. Every text from a file
goes through one of these before it reaches a terminal or a CSV cell. (HTML is
escaped by Jinja2's autoescape instead.)
"""

from __future__ import annotations

from typing import Any

from simulator.safetext import plain

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean(value: Any) -> str:
    """`value` as one line of plain text: escape sequences and control characters removed."""
    return plain(value if isinstance(value, str) else ("" if value is None else str(value)))


def csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run as a formula (OWASP: prefix a quote).

    Numbers stay numbers (a negative score is data, not a formula); text that
    starts with = + - @ tab or CR gets a leading apostrophe.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    text = clean(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
