"""YAML text -> plain data, remembering where every node came from.

Built on `yaml.compose` (libyaml's C parser where available) with a resolver
that knows only YAML's core types: `true`/`false` are the only booleans, so
`no`, `on` and `yes` stay strings, and timestamps, sexagesimal numbers and
merge keys are not special. Duplicate keys, unknown tags and oversized or
explosive documents (alias bombs, deep nesting) are errors with a position.
Nothing is ever constructed from a tag: there is no object construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from simulator.scenario.problems import Problem, ScenarioError, Severity

# Limits that keep a hostile file from exhausting time or memory.
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000  # after alias expansion
MAX_DEPTH = 64

PathKey = tuple[str | int, ...]

try:  # libyaml's C parser and composer, else the pure-Python ones
    from yaml.cyaml import CParser as _CParser

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


CoreResolver.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|false)$"), list("tf"))
CoreResolver.add_implicit_resolver(_INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
CoreResolver.add_implicit_resolver(
    _FLOAT,
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+)$"),
    list("-+.0123456789"),
)
CoreResolver.add_implicit_resolver(_NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


class _ComposeLoader(*_PARSER_BASES, CoreResolver):  # type: ignore[misc]
    def __init__(self, stream: str) -> None:
        if len(_PARSER_BASES) == 1:
            _PARSER_BASES[0].__init__(self, stream)
        else:
            yaml.reader.Reader.__init__(self, stream)
            for base in _PARSER_BASES[1:]:
                base.__init__(self)
        CoreResolver.__init__(self)


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a document starts, 1-based."""

    path: str
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def value(self, where: PathKey) -> tuple[int | None, int | None]:
        """The position of the value at `where`, or of its nearest ancestor."""
        for depth in range(len(where), -1, -1):
            if where[:depth] in self.values:
                return self.values[where[:depth]]
        return None, None

    def key(self, where: PathKey) -> tuple[int | None, int | None]:
        """The position of the key naming `where` (falls back to its value)."""
        if where in self.keys:
            return self.keys[where]
        return self.value(where)

    def problem(self, where: PathKey, message: str, *, at_key: bool = False,
                severity: Severity = Severity.ERROR) -> Problem:
        line, col = self.key(where) if at_key else self.value(where)
        return Problem(self.path, line, col, severity, message)


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
        raise ScenarioError([_yaml_problem(exc, path)]) from None
    except yaml.YAMLError as exc:
        raise ScenarioError([Problem(path, None, None, Severity.ERROR, f"not valid YAML: {exc}")]) from None
    except RecursionError:
        raise ScenarioError([Problem(path, None, None, Severity.ERROR, "YAML nested too deeply")]) from None
    finally:
        loader.dispose()
    if node is None:
        raise ScenarioError([Problem(path, 1, 1, Severity.ERROR, "file is empty: expected a scenario mapping")])
    source = SourceMap(path)
    return _Converter(source).convert(node, ()), source


def _yaml_problem(exc: yaml.MarkedYAMLError, path: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    message = " ".join(part for part in (exc.context, exc.problem) if part)
    if "maximum nesting depth" in message:
        message = f"YAML nested too deeply ({message})"
    line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
    return Problem(path, line, col, Severity.ERROR, f"not valid YAML: {message}")


class _Converter:
    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.visited = 0

    def convert(self, node: yaml.Node, where: PathKey) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            self._fail(node, f"document expands to more than {MAX_NODES:,} values (too many aliases?)")
        if len(where) > MAX_DEPTH:
            self._fail(node, f"values nested more than {MAX_DEPTH} levels deep")
        self.source.values.setdefault(where, _pos(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, where)
        if isinstance(node, yaml.SequenceNode):
            self._expect_tag(node, _SEQ)
            return [self.convert(item, (*where, i)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, where: PathKey) -> dict[str, Any]:
        self._expect_tag(node, _MAP)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._fail(key_node, "a key must be plain text, not a list or mapping")
            key = str(key_node.value)
            if key in result:
                first = self.source.keys[(*where, key)]
                self._fail(key_node, f"duplicate key '{key}' (first at line {first[0]})")
            self.source.keys[(*where, key)] = _pos(key_node)
            result[key] = self.convert(value_node, (*where, key))
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag, text = node.tag, node.value
        try:
            if tag == _STR:
                return text
            if tag == _INT:
                return int(text)
            if tag == _FLOAT:
                return float(text)
            if tag == _BOOL:
                return text == "true"
            if tag == _NULL:
                return None
        except ValueError:
            self._fail(node, f"'{text}' is not a valid {tag.rsplit(':', 1)[-1]}")
        self._fail(node, f"unsupported YAML tag '{tag}'")

    def _expect_tag(self, node: yaml.Node, tag: str) -> None:
        if node.tag != tag:
            self._fail(node, f"unsupported YAML tag '{node.tag}'")

    def _fail(self, node: yaml.Node, message: str) -> Any:
        line, col = _pos(node)
        raise ScenarioError([Problem(self.source.path, line, col, Severity.ERROR, message)])


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1
