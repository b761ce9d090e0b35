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
* What no key proves is that a log is whole: every prefix of a genuine log is a
  genuine log, so records cut from the end (a failed session's end record, say)
  leave an `incomplete` log that looks like a crash. Only a record kept outside
  the folder can tell: the academy store's record of sessions that ended
  (`verify --db`, docs/reliability.md).
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

from simulator.logbook.models import END_TYPES, RECORD_TYPES, START_TYPE, RecordError, read_record
from simulator.logbook.reader import LogLimitError, LogReadError, read_log_bytes
from simulator.logbook.records import (
    FORMAT_VERSION,
    ZERO_HASH,
    canonical_json,
    compute_mac,
    line_hash,
    split_digest,
    split_mac,
)

VerifyStatus = Literal["ok", "incomplete", "tampered", "unreadable", "skipped"]

_HEX64 = re.compile(r"[0-9a-f]{64}")
_PREV_IN_TAIL = re.compile(rb',"prev":"([0-9a-f]*)')


@dataclass(frozen=True)
class Verification:
    path: Path
    status: VerifyStatus
    first_bad_seq: int | None = None
    detail: str = ""
    records: int = 0


@dataclass(slots=True)
class _Line:
    raw: bytes
    record: dict[str, Any] | None  # None when the line is not a canonical record
    problem: str  # first own-form problem, "" if none


Records = list[dict[str, Any]]

# One decoder and one encoder for every line: json.loads/json.dumps build them per
# call. The settings are exactly canonical_json's (records.py): the canonical check
# must agree with the writer byte for byte.
_scan_once = json.JSONDecoder().scan_once  # type: ignore[attr-defined]  # set in __init__; not in typeshed


_canonical_text = canonical_json
_HEAD_KEYS = ["seq", "t", "type"]
_TAIL_KEYS = {  # (end record, has mac) -> the keys the line must end with
    (False, False): ["prev"],
    (False, True): ["prev", "mac"],
    (True, False): ["prev", "digest"],
    (True, True): ["prev", "digest", "mac"],
}


def verify_file(path: Path | str, key: bytes | None) -> Verification:
    """Check one log's chain, form and (with `key`) MACs from its raw bytes."""
    path = Path(path)
    try:
        data = read_log_bytes(path)
    except LogLimitError as exc:
        return Verification(path, "skipped", detail=exc.detail)
    except LogReadError as exc:
        return Verification(path, "unreadable", detail=exc.detail)
    return verify_bytes(data, key, path)


def verify_bytes(data: bytes, key: bytes | None, path: Path | str = "<log>") -> Verification:
    """verify_file on bytes already read."""
    return verify_and_parse(data, key, path)[0]


def verify_and_parse(data: bytes, key: bytes | None, path: Path | str = "<log>") -> tuple[Verification, Records | None]:
    """verify_bytes, plus the records it decoded on the way, so a caller need not
    parse the lines again: when the log is not tampered, records[i] is the record
    of line i + 1 (seq i) for every newline-ended line (a last line without its
    newline is not among them, even when it is a whole record); None when tampered."""
    path = path if isinstance(path, Path) else Path(path)
    *raw_lines, tail = data.split(b"\n")
    first_has_mac = bool(raw_lines) and split_mac(raw_lines[0]) is not None
    records = None if tail else _intact_records(raw_lines, key, first_has_mac)
    if records is not None:
        return _untampered(path, records, key), records
    return _verify_lines(path, raw_lines, tail, key, first_has_mac)


def _intact_records(raw_lines: list[bytes], key: bytes | None, first_has_mac: bool) -> Records | None:
    """The common case in one pass: every line's record if every line passes every
    check (own form, link, order), else None; the full check then finds and names
    the first problem. Both apply the same checks, so they agree on every log."""
    records: Records = []
    expected_prev = ZERO_HASH
    before: dict[str, Any] | None = None
    for position, raw in enumerate(raw_lines):
        record = _canonical_record(raw)
        if (record is None or _form_problem(position, record, raw, key, first_has_mac)
                or record["prev"] != expected_prev or (before is not None and _order_problem(before, record))):
            return None
        expected_prev = line_hash(raw)
        before = record
        records.append(record)
    return records


def _untampered(path: Path, records: Records, key: bytes | None) -> Verification:
    """The verdict on newline-ended lines that passed every check."""
    if not records:
        return Verification(path, "incomplete", None, "empty log", 0)
    record = records[-1]
    if record["type"] in END_TYPES:
        unchecked = key is None and "mac" in record
        return Verification(path, "ok", None, "MACs present but not checked (no key)" if unchecked else "",
                            len(records))
    return Verification(path, "incomplete", None, f"no end record after seq {len(records) - 1}", len(records))


def _verify_lines(
    path: Path, raw_lines: list[bytes], tail: bytes, key: bytes | None, first_has_mac: bool
) -> tuple[Verification, Records | None]:
    """The full check: every line judged, then the first problem in order named."""
    lines = [_check_line(i, raw, key, first_has_mac) for i, raw in enumerate(raw_lines)]
    problem = _first_problem(lines, key)
    if problem is not None:
        return Verification(path, "tampered", problem[0], problem[1], len(lines)), None
    records: Records = [line.record for line in lines]  # type: ignore[misc]  # all checked records
    if tail:
        verdict = _check_tail(path, lines, tail, key)
        return verdict, None if verdict.status == "tampered" else records
    return _untampered(path, records, key), records


def _first_problem(lines: list[_Line], key: bytes | None) -> tuple[int, str] | None:
    """(first bad seq, why) or None. Per line: its own form, then its link to the
    line before, then the rules between records (so an altered line is blamed
    rather than the intact line after it)."""
    expected_prev = ZERO_HASH
    before: dict[str, Any] | None = None
    for i, line in enumerate(lines):
        if line.problem:
            return i, line.problem
        record = line.record
        assert record is not None
        if record["prev"] != expected_prev:
            return _blame_broken_link(lines, i, key)
        if before is not None:
            order = _order_problem(before, record)
            if order:
                return i, order
        expected_prev = line_hash(line.raw)
        before = record
    return None


def _check_line(position: int, raw: bytes, key: bytes | None, first_has_mac: bool) -> _Line:
    """The line's own form: canonical JSON, key order, seq, t form, type, mac."""
    try:
        text = raw.decode("utf-8")
        record = _loads(text)
        canonical = isinstance(record, dict) and _canonical_text(record) == text
    except (ValueError, RecursionError):  # not UTF-8 or JSON, NaN, absurd nesting
        return _Line(raw, None, f"line {position + 1} is not a JSON record")
    if not canonical:
        return _Line(raw, None, f"line {position + 1} is not in the writer's exact form")
    return _Line(raw, record, _form_problem(position, record, raw, key, first_has_mac))


def _canonical_record(raw: bytes) -> dict[str, Any] | None:
    """The record of a line that is exactly the writer's JSON text of one, else None
    (_check_line's first two checks, without saying which failed)."""
    try:
        text = raw.decode("utf-8")
        record = _loads(text)
        if isinstance(record, dict) and _canonical_text(record) == text:
            return record
    except (ValueError, RecursionError):
        pass
    return None


def _loads(text: str) -> Any:
    """json.loads(text), without its per-call checks on the common path: a text
    that is one JSON value from its first to its last character. Anything else
    goes through json.loads itself, so it parses, or fails, exactly as before."""
    try:
        value, end = _scan_once(text, 0)
    except (StopIteration, ValueError):
        return json.loads(text)
    if end != len(text):
        return json.loads(text)
    return value


def _form_problem(position: int, record: dict[str, Any], raw: bytes, key: bytes | None, first_has_mac: bool) -> str:
    keys = list(record)
    if keys[:3] != _HEAD_KEYS:
        return "keys not in writer order (seq, t, type, ..., prev[, digest][, mac])"
    seq, t, type_ = record["seq"], record["t"], record["type"]
    is_end = isinstance(type_, str) and type_ in END_TYPES
    has_mac = keys[-1] == "mac"
    tail = _TAIL_KEYS[is_end, has_mac]
    # Keys are unique in a dict, so `in` is the count of mac/digest among them.
    if keys[-len(tail):] != tail or ("mac" in record) != has_mac or ("digest" in record) != is_end:
        return "keys not in writer order (seq, t, type, ..., prev[, digest][, mac])"
    if type(seq) is not int or seq != position:
        return f"seq {seq!r} found where seq {position} belongs"
    prev = record["prev"]
    if not isinstance(prev, str) or _HEX64.fullmatch(prev) is None:
        return "prev is not a lowercase SHA-256 hex digest"
    if type(t) not in (int, float) or not math.isfinite(t) or round(t, 3) != t:
        return f"t {t!r} is not seconds with millisecond precision"
    if not isinstance(type_, str) or type_ not in RECORD_TYPES:
        return f"unknown record type {type_!r}"
    if (position == 0) != (type_ == START_TYPE):
        return "session_started must be the first record and only the first"
    if is_end or position == 0:
        value_problem = _value_problem(record)
        if value_problem:
            return value_problem
    mac_problem = _mac_problem(raw, has_mac, key, first_has_mac)
    if mac_problem or not is_end:
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
    """The start record's format, and an end record against its model (models.py):
    the end record is what every reader trusts most, and nothing chains it."""
    if record["type"] == START_TYPE:
        if type(record.get("format")) is not int or record["format"] != FORMAT_VERSION:
            return f"session_started format is not {FORMAT_VERSION}"
        return ""
    try:
        read_record(record)
    except RecordError as exc:
        return str(exc)
    return ""


def _mac_problem(raw: bytes, has_mac: bool, key: bytes | None, first_has_mac: bool) -> str:
    if key is None:
        # Without a key a mac cannot be checked, but all lines must agree on having one
        # (the first line's "having one" is judged from its bytes, once per log).
        return "" if has_mac == first_has_mac else "some records have a mac and others do not"
    if not has_mac:
        return "no mac, but a key was given (log written without the key?)"
    parts = split_mac(raw)
    if parts is None or not hmac.compare_digest(compute_mac(key, parts[0]), parts[1]):
        return "mac does not match (record altered, or a different key)"
    return ""


def _order_problem(before: dict[str, Any], record: dict[str, Any]) -> str:
    """Rules between records: t never decreases; nothing follows an end record."""
    if before["type"] in END_TYPES:
        return f"record after {before['type']}"
    if record["t"] < before["t"]:
        return f"t goes back from {before['t']} to {record['t']}"
    return ""


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
    whole = _check_line(n, tail, key, split_mac(lines[0].raw if lines else tail) is not None)
    if whole.record is not None:
        lines.append(whole)
        problem = _first_problem(lines, key)
        if problem is not None:
            return Verification(path, "tampered", problem[0], problem[1], n)
        return Verification(path, "incomplete", None, f"seq {n} lacks its final newline", n + 1)
    torn_problem = _torn_tail_problem(lines, tail)
    if torn_problem:
        return Verification(path, "tampered", n, torn_problem, n)
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
