"""Integrity check of session logs (session-log.md, "Integrity").

What the check proves, honestly:

* Every line carries `prev`, the SHA-256 of the previous line's exact bytes, so
  changing, inserting, removing or reordering any line that has a line after it
  breaks the chain. Without a key that is proof against editing only "unless the
  whole tail was rewritten": anyone can recompute the hashes from the edit to the
  end of the file.
* An end record (`session_ended`, `session_aborted`) also carries `digest`, the
  SHA-256 of its own line without the digest (and mac) member, placed right
  after `prev`. Anyone can recompute it, so, like the chain, it proves nothing
  against a deliberate forger; it makes every accidental or naive change to the
  last line of a complete or aborted log show, which the chain cannot.
* Nothing comes after the last line, so the chain alone cannot vouch for it.
  Without a key verify still checks every line's own form, which catches most
  accidents and naive edits there: the line must be exactly the canonical JSON
  the writer produces (so changed whitespace, escapes, number spellings or
  duplicate keys show), keys in writer order, `seq` equal to the position, `t`
  in milliseconds and never decreasing, a known record type, `session_started`
  first and only first, an end record only last and with its required keys and
  value kinds, and the final newline. What it cannot catch without a key is a
  changed *value* in the last line that keeps all that true: a digit of a
  number (e.g. `score` 78 -> 98), or a character inside a string. For complete
  and aborted logs the end record's digest closes that gap; it remains for the
  last line of an incomplete log (a crash), which has no end record.
* With the academy key (`mac`, HMAC-SHA256 of each line without its mac) every
  line is authenticated on its own, so any change anywhere, the last line
  included, is caught by anyone who does not hold the key. A missing mac when a
  key is given is tampering.
* A crash can only tear the line being written (one write() per record, each
  fsynced), so a last line without a newline whose bytes could be the start of
  the next record is `incomplete`, not `tampered`; a last line that ends a full
  record and then has other bytes where the newline belongs cannot come from a
  crash and is `tampered`.

`first_bad_seq` is the lowest record that cannot be trusted: for a broken link
between seq N-1 and N it is N when N is shown altered too (its own mac fails or
the next link is broken as well), else N-1.
"""

from __future__ import annotations

import hmac
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from simulator.logbook.records import (
    END_TYPES,
    FORMAT_VERSION,
    RECORD_TYPES,
    START_TYPE,
    ZERO_HASH,
    canonical_json,
    compute_mac,
    line_hash,
    split_digest,
    split_mac,
)

VerifyStatus = Literal["ok", "incomplete", "tampered", "unreadable"]

_HEX64 = re.compile(r"[0-9a-f]{64}")
_END_KEYS = frozenset({"score", "passed", "critical_errors", "community", "situations"})
_PREV_IN_TAIL = re.compile(rb',"prev":"([0-9a-f]*)')


@dataclass(frozen=True)
class Verification:
    path: Path
    status: VerifyStatus
    first_bad_seq: int | None = None
    detail: str = ""
    records: int = 0


@dataclass
class _Line:
    raw: bytes
    record: dict[str, Any] | None  # None when the line is not a canonical record
    problem: str  # first own-form problem, "" if none


def verify_file(path: Path | str, key: bytes | None) -> Verification:
    """Check one log's chain, form and (with `key`) MACs from its raw bytes."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Verification(path, "unreadable", detail=exc.strerror or str(exc))
    return verify_bytes(data, key, path)


def verify_bytes(data: bytes, key: bytes | None, path: Path | str = "<log>") -> Verification:
    """verify_file on bytes already read."""
    path = Path(path)
    *raw_lines, tail = data.split(b"\n")
    lines = [_check_line(i, raw, key, raw_lines[0] if raw_lines else b"") for i, raw in enumerate(raw_lines)]
    problem = _first_problem(lines, key)
    if problem is not None:
        return Verification(path, "tampered", problem[0], problem[1], len(lines))
    if tail:
        return _check_tail(path, lines, tail, key)
    if not lines:
        return Verification(path, "incomplete", None, "empty log", 0)
    record = lines[-1].record
    assert record is not None
    if record["type"] in END_TYPES:
        unchecked = key is None and "mac" in record
        return Verification(path, "ok", None, "MACs present but not checked (no key)" if unchecked else "", len(lines))
    return Verification(path, "incomplete", None, f"no end record after seq {len(lines) - 1}", len(lines))


def _first_problem(lines: list[_Line], key: bytes | None) -> tuple[int, str] | None:
    """(first bad seq, why) or None. Per line: its own form, then its link to the
    line before, then the rules between records (so an altered line is blamed
    rather than the intact line after it)."""
    for i, line in enumerate(lines):
        if line.problem:
            return i, line.problem
        if not _link_ok(lines, i):
            return _blame_broken_link(lines, i, key)
        order = _order_problem(lines, i)
        if order:
            return i, order
    return None


def _check_line(position: int, raw: bytes, key: bytes | None, first_raw: bytes) -> _Line:
    """The line's own form: canonical JSON, key order, seq, t form, type, mac."""
    try:
        text = raw.decode("utf-8")
        record = json.loads(text)
        canonical = isinstance(record, dict) and canonical_json(record) == text
    except (ValueError, RecursionError):  # not UTF-8 or JSON, NaN, absurd nesting
        return _Line(raw, None, f"line {position + 1} is not a JSON record")
    if not canonical:
        return _Line(raw, None, f"line {position + 1} is not in the writer's exact form")
    return _Line(raw, record, _form_problem(position, record, raw, key, first_raw))


def _form_problem(position: int, record: dict[str, Any], raw: bytes, key: bytes | None, first_raw: bytes) -> str:
    keys = list(record)
    has_mac = keys[-1:] == ["mac"]
    tail = ["prev", *(["digest"] if record.get("type") in END_TYPES else []), *(["mac"] if has_mac else [])]
    if (keys[:3] != ["seq", "t", "type"] or keys[-len(tail):] != tail or keys.count("mac") != has_mac
            or keys.count("digest") != ("digest" in tail)):
        return "keys not in writer order (seq, t, type, ..., prev[, digest][, mac])"
    seq, t, type_ = record["seq"], record["t"], record["type"]
    if type(seq) is not int or seq != position:
        return f"seq {seq!r} found where seq {position} belongs"
    if not isinstance(record["prev"], str) or _HEX64.fullmatch(record["prev"]) is None:
        return "prev is not a lowercase SHA-256 hex digest"
    if type(t) not in (int, float) or not math.isfinite(t) or round(t, 3) != t:
        return f"t {t!r} is not seconds with millisecond precision"
    if type_ not in RECORD_TYPES:
        return f"unknown record type {type_!r}"
    if (position == 0) != (type_ == START_TYPE):
        return "session_started must be the first record and only the first"
    value_problem = _value_problem(record)
    if value_problem:
        return value_problem
    mac_problem = _mac_problem(raw, has_mac, key, first_raw)
    if mac_problem or type_ not in END_TYPES:
        return mac_problem
    return _digest_problem(raw, has_mac)


def _digest_problem(raw: bytes, has_mac: bool) -> str:
    """An end record's digest: SHA-256 of its line without the digest (and mac)."""
    body = raw
    if has_mac:
        parts = split_mac(raw)
        if parts is None:
            return "mac is not a lowercase HMAC-SHA256 hex digest"
        body = parts[0]
    parts = split_digest(body)
    if parts is None:
        return "digest is not a lowercase SHA-256 hex digest"
    if not hmac.compare_digest(line_hash(parts[0]), parts[1]):
        return "digest does not match (end record altered)"
    return ""


def _value_problem(record: dict[str, Any]) -> str:
    """Required keys and value kinds of the start and end records."""
    type_ = record["type"]
    if type_ == START_TYPE and (type(record.get("format")) is not int or record["format"] != FORMAT_VERSION):
        return f"session_started format is not {FORMAT_VERSION}"
    if type_ == "session_aborted":
        reason = record.get("reason")
        if not isinstance(reason, str) or not reason:
            return "session_aborted has no reason"
    if type_ == "session_ended":
        missing = _END_KEYS - record.keys()
        if missing:
            return f"session_ended lacks {', '.join(sorted(missing))}"
        score, community = record.get("score"), record.get("community")
        errors, situations = record.get("critical_errors"), record.get("situations")
        if type(score) not in (int, float) or not 0 <= score <= 100:
            return "session_ended score is not a number from 0 to 100"
        if type(record.get("passed")) is not bool:
            return "session_ended passed is not true or false"
        if community is not None and type(community) not in (int, float):
            return "session_ended community is not a number or null"
        if type(situations) is not int or situations < 0:
            return "session_ended situations is not a count"
        if not isinstance(errors, list) or not all(
            isinstance(e, dict) and {"situation", "option", "reason"} <= e.keys() for e in errors
        ):
            return "session_ended critical_errors is not a list of {situation, option, reason}"
    return ""


def _mac_problem(raw: bytes, has_mac: bool, key: bytes | None, first_raw: bytes) -> str:
    if key is None:
        # Without a key a mac cannot be checked, but all lines must agree on having one.
        first_has_mac = split_mac(first_raw) is not None
        return "" if has_mac == first_has_mac else "some records have a mac and others do not"
    if not has_mac:
        return "no mac, but a key was given (log written without the key?)"
    parts = split_mac(raw)
    if parts is None or not hmac.compare_digest(compute_mac(key, parts[0]), parts[1]):
        return "mac does not match (record altered, or a different key)"
    return ""


def _order_problem(lines: list[_Line], i: int) -> str:
    """Rules between records: t never decreases; nothing follows an end record."""
    if i == 0:
        return ""
    before, line = lines[i - 1].record, lines[i].record
    assert before is not None and line is not None
    if before["type"] in END_TYPES:
        return f"record after {before['type']}"
    if line["t"] < before["t"]:
        return f"t goes back from {before['t']} to {line['t']}"
    return ""


def _link_ok(lines: list[_Line], i: int) -> bool:
    record = lines[i].record
    if record is None:
        return True  # judged by its own problem instead
    expected = ZERO_HASH if i == 0 else line_hash(lines[i - 1].raw)
    return record["prev"] == expected


def _blame_broken_link(lines: list[_Line], i: int, key: bytes | None) -> tuple[int, str]:
    if i == 0:
        return 0, "prev of seq 0 is not 64 zeros"
    nxt = lines[i + 1].record if i + 1 < len(lines) else None
    if key is not None:
        # Both lines authenticate on their own, so they were not written one after the other.
        return i, f"seq {i} does not follow seq {i - 1} (records removed or spliced)"
    if nxt is not None and nxt["prev"] != line_hash(lines[i].raw):
        return i, f"seq {i} was altered (neither its prev nor the next record's prev match)"
    if nxt is not None:
        return i - 1, f"seq {i - 1} was altered (its hash does not match prev of seq {i})"
    return i - 1, f"prev of seq {i} does not match seq {i - 1} (one of them was altered)"


def _check_tail(path: Path, lines: list[_Line], tail: bytes, key: bytes | None) -> Verification:
    """Bytes after the last newline: a crash's torn record, or tampering."""
    n = len(lines)
    if n and lines[-1].record is not None and lines[-1].record["type"] in END_TYPES:
        return Verification(path, "tampered", n, f"bytes after {lines[-1].record['type']}", n)
    whole = _check_line(n, tail, key, lines[0].raw if lines else tail)
    if whole.record is not None:
        lines.append(whole)
        problem = _first_problem(lines, key)
        if problem is not None:
            return Verification(path, "tampered", problem[0], problem[1], n)
        return Verification(path, "incomplete", None, f"seq {n} lacks its final newline", n + 1)
    problem = _torn_tail_problem(lines, tail)
    if problem:
        return Verification(path, "tampered", n, problem, n)
    return Verification(path, "incomplete", None, f"torn last line (crash while writing seq {n})", n)


def _torn_tail_problem(lines: list[_Line], tail: bytes) -> str:
    """Why `tail` cannot be the start of record seq len(lines) cut short, or ""."""
    n = len(lines)
    try:
        json.JSONDecoder().raw_decode(tail.decode("utf-8", "replace"))
    except (ValueError, RecursionError):
        pass
    else:
        return f"seq {n} is followed by other bytes where its newline belongs"
    core = tail.rstrip(b"\0")  # some file systems zero-fill what a power cut lost
    start = b'{"seq":%d,"t":' % n
    if not (core.startswith(start) or start.startswith(core)):
        return f"last line is neither a record nor the start of seq {n}"
    expected_prev = ZERO_HASH if n == 0 else line_hash(lines[-1].raw)
    match = _PREV_IN_TAIL.search(core)
    if match and not expected_prev.startswith(match.group(1).decode("ascii")):
        return f"torn seq {n} has a prev that does not match seq {n - 1}"
    return ""
