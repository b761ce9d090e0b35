"""libyaml's syntax errors in an instructor's words.

The parser says "found character that cannot start any token" or "did not
find expected key"; an author needs to hear "tabs cannot indent YAML" or
"this line is not lined up with the lines above it". Each rule looks at the
lines the parser pointed at and returns a plain sentence and the position
that sentence is about; anything not recognised keeps the parser's words.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

TAB_MESSAGE = "tabs cannot indent YAML; use spaces"


@dataclass(frozen=True)
class Explained:
    line: int | None  # 1-based
    col: int | None
    message: str


def explain(exc: yaml.MarkedYAMLError, text: str) -> Explained:
    """The position and plain-words message for a YAML syntax error."""
    mark = exc.problem_mark or exc.context_mark
    lines = text.split("\n")
    raw = " ".join(" ".join(part.split()) for part in (exc.context, exc.problem) if part)
    if mark is None:
        return Explained(None, None, f"not valid YAML: {raw}")
    # Every rule but the tab one reads the problem line, which some errors do not have.
    rules = (_tab, _list_dash, _deeper_line, _misaligned_key, _missing_colon) if exc.problem_mark else (_tab,)
    for rule in rules:
        found = rule(exc, lines)
        if found is not None:
            return found
    return Explained(mark.line + 1, mark.column + 1, f"not valid YAML: {raw}")


def _line(lines: list[str], index: int) -> str:
    return lines[index] if 0 <= index < len(lines) else ""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _tab(exc: yaml.MarkedYAMLError, lines: list[str]) -> Explained | None:
    # The tab may be on the problem line or, for a block that never closed, on the context line.
    for mark in (exc.problem_mark, exc.context_mark):
        if mark is None:
            continue
        line = _line(lines, mark.line)
        lead = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in lead:
            return Explained(mark.line + 1, lead.index("\t") + 1, f"not valid YAML: {TAB_MESSAGE}")
    return None


def _list_dash(exc: yaml.MarkedYAMLError, lines: list[str]) -> Explained | None:
    """`-item` is text starting with a dash, not a list item."""
    mark = exc.problem_mark
    if mark is None:
        return None
    for index in (mark.line, mark.line - 1):
        stripped = _line(lines, index).strip()
        if stripped.startswith("-") and stripped[1:2] not in ("", " ", "-") and not stripped[1:2].isdigit():
            return Explained(index + 1, _indent(_line(lines, index)) + 1,
                             "not valid YAML: a list item needs a space after '-'")
    return None


def _deeper_line(exc: yaml.MarkedYAMLError, lines: list[str]) -> Explained | None:
    """A key indented further than the line above reads as the rest of that line's value."""
    if "mapping values are not allowed" not in (exc.problem or ""):
        return None
    mark = exc.problem_mark
    if mark is None:
        return None
    line, above = _line(lines, mark.line), _line(lines, mark.line - 1)
    stripped = line.strip()
    if mark.line > 0 and above.strip() and _indent(line) > _indent(above) and not above.rstrip().endswith(":") \
            and not stripped.startswith(("-", "{", "[")):
        return Explained(mark.line + 1, _indent(line) + 1,
                         f"not valid YAML: this line is indented more than the line above, so it reads as the rest "
                         f"of that line's value; line it up with the key above it (column {_indent(above) + 1})")
    return Explained(mark.line + 1, mark.column + 1,
                     "not valid YAML: ': ' inside a value; put quotes around text that contains a colon "
                     "followed by a space")


def _misaligned_key(exc: yaml.MarkedYAMLError, lines: list[str]) -> Explained | None:
    """A block mapping whose next line starts in a column none of its keys use."""
    if "did not find expected key" not in (exc.problem or "") or exc.context_mark is None:
        return None
    if "block mapping" not in (exc.context or "") and "block collection" not in (exc.context or ""):
        return None
    mark, start = exc.problem_mark, exc.context_mark
    if mark is None:
        return None
    line = _line(lines, mark.line)
    if line.lstrip().startswith("- ") and "block mapping" in (exc.context or ""):
        return Explained(mark.line + 1, _indent(line) + 1,
                         f"not valid YAML: a list item '-' where a key was expected; indent the list under "
                         f"its key (the mapping started at line {start.line + 1}, column {start.column + 1})")
    above = next((_line(lines, i) for i in range(mark.line - 1, -1, -1) if _line(lines, i).strip()), "")
    more = "more" if _indent(line) > _indent(above) else "less"
    return Explained(mark.line + 1, _indent(line) + 1,
                     f"not valid YAML: this line is indented {more} than the line above (column {_indent(line) + 1}, "
                     f"not {_indent(above) + 1}); the keys of one mapping must start in the same column, and only "
                     f"a value that belongs to a key ending in ':' goes further right")


def _missing_colon(exc: yaml.MarkedYAMLError, lines: list[str]) -> Explained | None:
    if "could not find expected ':'" not in (exc.problem or "") or exc.context_mark is None:
        return None
    start = exc.context_mark
    return Explained(start.line + 1, start.column + 1,
                     "not valid YAML: this line has no 'key: value' colon; write a colon and a space after the "
                     "key (or indent the line if it continues the text above)")
