"""YAML text -> plain data, remembering where every node came from.

Built on `yaml.compose` (libyaml's C parser where available) with a resolver
that knows only YAML's core types: `true`/`false` are the only booleans, so
`no`, `on` and `yes` stay strings, and timestamps, sexagesimal numbers and
merge keys are not special. Duplicate keys, unknown tags and oversized or
explosive documents (alias bombs, deep nesting) are errors with a position.
Nothing is ever constructed from a tag: there is no object construction.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml

from simulator.safefile import NotRegularFile, TooLarge, read_regular
from simulator.scenario.problems import Problem, ScenarioError, Severity

# Limits that keep a hostile file from exhausting time or memory.
MAX_FILE_BYTES = 512 * 1024  # 20x the largest bundled scenario; bounds the composed node tree
MAX_NODES = 200_000  # after alias expansion
MAX_DEPTH = 64
# Every number in a scenario, rubric or answers file is finite (1e999 is inf), and
# every whole number at most this in size: variables, effects, conditions and weights
# need no bound of their own. Decimal fields have their own, tighter bounds in the
# models (time limits, map sizes, seconds), which name the field.
MAX_WHOLE_NUMBER = 10**6

PathKey = tuple[str | int, ...]

try:  # libyaml's C parser and composer, else the pure-Python ones
    from yaml._yaml import CParser as _CParser  # what yaml.cyaml re-exports

    _PARSER_BASES: tuple[type, ...] = (_CParser,)
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _PARSER_BASES = (yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer)

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class CoreResolver(yaml.resolver.BaseResolver):
    """The YAML 1.2 core schema, minus its case variants of true/false."""

    yaml_implicit_resolvers: dict = {}


    _INT_RE = re.compile(r"[-+]?[0-9]+")
    _FLOAT_RE = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+)")
    _NULLS = frozenset({"", "~", "null", "Null", "NULL"})

    # A direct version of BaseResolver.resolve for our four plain-scalar types;
    # path resolvers are never used, so descending and ascending do nothing.
    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if not implicit[0]:
                return _STR
            if value in ("true", "false"):
                return _BOOL
            if value in self._NULLS:
                return _NULL
            if value[0] in "-+.0123456789":
                if self._INT_RE.fullmatch(value):
                    return _INT
                if self._FLOAT_RE.fullmatch(value):
                    return _FLOAT
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class _ComposeLoader(*_PARSER_BASES, CoreResolver):  # type: ignore[misc]
    def __init__(self, stream: str) -> None:
        if len(_PARSER_BASES) == 1:
            _CParser.__init__(self, stream)
        else:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
        CoreResolver.__init__(self)


@dataclass
class SourceMap:
    """Finds where a value (or the key naming it) starts, 1-based.

    Positions are looked up lazily in the composed node tree, only when a
    problem needs one, so loading a valid file pays nothing for them. Each
    mapping's keys are indexed the first time a lookup passes through it, so a
    file with many problems costs one pass per mapping, not one per problem.
    """

    path: str
    root: yaml.Node | None = None
    _keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(default_factory=dict, repr=False)

    def _pair(self, node: yaml.MappingNode, part: str | int) -> tuple[yaml.Node, yaml.Node] | None:
        index = self._keys.get(id(node))
        if index is None:
            index = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    index.setdefault(key.value, (key, value))  # the first, as a linear scan found
            self._keys[id(node)] = index
        return index.get(part) if isinstance(part, str) else None

    def _walk(self, where: PathKey) -> list[tuple[yaml.Node | None, yaml.Node]]:
        """(key node, value node) for each step of `where` that exists."""
        steps: list[tuple[yaml.Node | None, yaml.Node]] = []
        node = self.root
        if node is None:
            return steps
        steps.append((None, node))
        for part in where:
            if isinstance(node, yaml.MappingNode):
                pair = self._pair(node, part)
                if pair is None:
                    break
                steps.append(pair)
                node = pair[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
                steps.append((None, node))
            else:
                break
        return steps

    def value(self, where: PathKey) -> tuple[int | None, int | None]:
        """The position of the value at `where`, or of its nearest ancestor."""
        steps = self._walk(where)
        return _pos(steps[-1][1]) if steps else (None, None)

    def key(self, where: PathKey) -> tuple[int | None, int | None]:
        """The position of the key naming `where` (falls back to its value)."""
        steps = self._walk(where)
        if not steps:
            return None, None
        key_node, value_node = steps[-1]
        return _pos(key_node if key_node is not None and len(steps) == len(where) + 1 else value_node)

    def problem(self, where: PathKey, message: str, *, at_key: bool = False,
                severity: Severity = Severity.ERROR) -> Problem:
        line, col = self.key(where) if at_key else self.value(where)
        return Problem(self.path, line, col, severity, message)


def read_limited(path: str | Path, what: str = "file") -> bytes:
    """The bytes of `path`, refusing (before reading them all) anything over
    MAX_FILE_BYTES, and anything but a regular file (safefile.read_regular), so a
    huge file, a FIFO or /dev/zero cannot block or exhaust memory."""
    name = str(path)
    try:
        return read_regular(path, MAX_FILE_BYTES)
    except NotRegularFile as exc:
        message = "is a folder, not a file" if exc.is_folder else f"{what} is not a regular file ({exc})"
    except TooLarge:
        message = f"{what} is larger than {MAX_FILE_BYTES:,} bytes, the limit"
    except OSError as exc:
        message = f"cannot read {what}: {exc.strerror or exc}"
    raise ScenarioError([Problem(name, None, None, Severity.ERROR, message)])


def decode(raw: bytes, path: str) -> str:
    """UTF-8 (with or without BOM), with a positioned error for anything else."""
    if len(raw) > MAX_FILE_BYTES:
        raise ScenarioError([Problem(path, None, None, Severity.ERROR,
                                     f"file is {len(raw):,} bytes; a scenario may be at most {MAX_FILE_BYTES:,}")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise ScenarioError([Problem(path, line, col, Severity.ERROR,
                                     f"not UTF-8 text (byte 0x{raw[exc.start]:02x})")]) from None
    return text.replace("\r\n", "\n")


def parse(text: str, path: str) -> tuple[Any, SourceMap]:
    """Parse one YAML document into plain data and its source map."""
    loader = _ComposeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise ScenarioError([_yaml_problem(exc, path, text)]) from None
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        character = f"#x{exc.character:04x}" if isinstance(exc.character, int) else repr(exc.character)
        raise ScenarioError([Problem(path, line, col, Severity.ERROR,
                                     f"not valid YAML: character {character} is not allowed")]) from None
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        raise ScenarioError([Problem(path, None, None, Severity.ERROR, f"not valid YAML: {message}")]) from None
    except RecursionError:
        raise ScenarioError([Problem(path, None, None, Severity.ERROR, "YAML nested too deeply")]) from None
    finally:
        loader.dispose()
    if node is None:
        raise ScenarioError([Problem(path, 1, 1, Severity.ERROR, "file is empty: expected a scenario mapping")])
    source = SourceMap(path, node)
    return _Converter(path).convert(node, 0), source


def _yaml_problem(exc: yaml.MarkedYAMLError, path: str, text: str) -> Problem:
    from simulator.scenario.yaml_words import explain  # plain words for tabs and indentation (issue 13)

    explained = explain(exc, text)
    message = explained.message
    if "maximum nesting depth" in message:
        message = f"not valid YAML: YAML nested too deeply ({message.removeprefix('not valid YAML: ')})"
    return Problem(path, explained.line, explained.col, Severity.ERROR, message)


class _Converter:
    """Composed nodes -> plain data; bounded in size and depth."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.visited = 0

    def convert(self, node: yaml.Node, depth: int) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            self._fail(node, f"document expands to more than {MAX_NODES:,} values (too many aliases?)")
        if depth > MAX_DEPTH:
            self._fail(node, f"values nested more than {MAX_DEPTH} levels deep")
        kind = node.__class__
        if kind is yaml.ScalarNode:
            return self._scalar(cast(yaml.ScalarNode, node))  # kind checked just above
        if node.tag != (_MAP if kind is yaml.MappingNode else _SEQ):
            self._fail(node, f"unsupported YAML tag '{node.tag}'")
        if kind is yaml.SequenceNode:
            return [self.convert(item, depth + 1) for item in node.value]
        return self._mapping(cast(yaml.MappingNode, node), depth)

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not yaml.ScalarNode:
                self._fail(key_node, "a key must be plain text, not a list or mapping")
            key = str(key_node.value)
            if key in first_line:
                self._fail(key_node, f"duplicate key '{key}' (first at line {first_line[key]})")
            first_line[key] = key_node.start_mark.line + 1
            result[key] = self.convert(value_node, depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag, text = node.tag, node.value
        if tag == _STR:
            return text
        try:
            if tag == _INT:
                return self._bounded(node, int(text))
            if tag == _FLOAT:
                return self._bounded(node, float(text))
        except ValueError:
            self._fail(node, f"'{text}' is not a valid {tag.rsplit(':', 1)[-1]}")
        if tag == _BOOL:
            return text == "true"
        if tag == _NULL:
            return None
        self._fail(node, f"unsupported YAML tag '{tag}'")

    def _bounded(self, node: yaml.ScalarNode, value: float) -> float:
        if not math.isfinite(value):
            self._fail(node, f"'{node.value[:40]}' is not a finite number")
        if isinstance(value, int) and abs(value) > MAX_WHOLE_NUMBER:
            self._fail(node, f"{node.value[:40]} is out of range: "
                             f"whole numbers may be at most {MAX_WHOLE_NUMBER:,} in size")
        return value

    def _fail(self, node: yaml.Node, message: str) -> Any:
        line, col = _pos(node)
        raise ScenarioError([Problem(self.path, line, col, Severity.ERROR, message)])


def _line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1
