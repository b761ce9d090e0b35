"""verify_file: ok / incomplete / tampered / unreadable, and exhaustive byte flips."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.logbook import SessionLogWriter, read_log, verify_bytes, verify_file
from simulator.logbook.models import Timeout
from support.logbook import KEY, HandWriter, step_clock, write_sample_log


def _replacements(byte: int) -> set[int]:
    """A few other values for one byte: bit flips, case flip, digit, newline, quote, invalid UTF-8."""
    return {byte ^ 0x01, byte ^ 0x20, ord("0") if byte != ord("0") else ord("1"), 0x0A, 0x22, 0xFF} - {byte}


def _value_spans(line: bytes) -> dict[str, list[range]]:
    """Positions of value tokens in one JSON line: {'string': [...], 'number': [...]},
    plus each top-level key's value span under 'key:<name>' (an independent scanner)."""
    spans: dict[str, list[range]] = {"string": [], "number": []}
    i, depth, last_key = 0, 0, ""
    while i < len(line):
        c = line[i : i + 1]
        if c == b'"':
            j = i + 1
            while line[j : j + 1] != b'"':
                j += 2 if line[j : j + 1] == b"\\" else 1
            is_key = line[j + 1 : j + 2] == b":"
            if is_key and depth == 1:
                last_key = line[i + 1 : j].decode()
            elif not is_key:
                spans["string"].append(range(i + 1, j))
                if depth == 1:
                    spans.setdefault(f"key:{last_key}", []).append(range(i + 1, j))
            i = j + 1
        elif c in b"-0123456789":
            j = i
            while line[j : j + 1] and line[j : j + 1] in b"-+.eE0123456789":
                j += 1
            spans["number"].append(range(i, j))
            if depth == 1:
                spans.setdefault(f"key:{last_key}", []).append(range(i, j))
            i = j
        else:
            depth += c in b"{[" and 1 or 0
            depth -= c in b"}]" and 1 or 0
            i += 1
    return spans


def _line_of(data: bytes, position: int) -> int:
    """Index of the line holding byte `position` (a line's newline belongs to it)."""
    return data.count(b"\n", 0, position)


@pytest.mark.parametrize("key", [KEY, None], ids=["with-key", "chain-only"])
def test_every_single_byte_change_is_caught(tmp_path: Path, key: bytes | None) -> None:
    data = write_sample_log(tmp_path, key).read_bytes()
    assert verify_bytes(data, key).status == "ok"
    lines = data.split(b"\n")[:-1]
    last = len(lines) - 1
    last_start = len(data) - len(lines[-1]) - 1
    last_spans = _value_spans(lines[-1])
    escapes: list[tuple[int, int]] = []
    for position, byte in enumerate(data):
        for new in _replacements(byte):
            flipped = data[:position] + bytes([new]) + data[position + 1 :]
            result = verify_bytes(flipped, key)
            line = _line_of(data, position)
            if result.status != "tampered":
                escapes.append((position, new))
                continue
            in_last_prev = line == last and any(
                position - last_start in r for r in last_spans["key:prev"]
            )
            if in_last_prev and key is None:
                # Chain only: a broken last link cannot say which of the two lines changed.
                assert result.first_bad_seq in (last - 1, last), (position, new, result)
            else:
                assert result.first_bad_seq == line, (position, new, result)
    # The end record's digest covers the last line, so nothing escapes, key or not.
    assert escapes == []


def test_tampered_names_the_altered_record(tmp_path: Path) -> None:
    path = write_sample_log(tmp_path)
    lines = path.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b'"score":1.0', b'"score":0.0')
    result = verify_bytes(b"\n".join(lines), None)
    assert (result.status, result.first_bad_seq) == ("tampered", 2)
    assert "seq 2 was altered" in result.detail


def test_rewriting_the_whole_tail_is_not_detectable_without_a_key(tmp_path: Path) -> None:
    """The documented limit of the chain: re-hash from the edit onwards and it holds."""
    path = write_sample_log(tmp_path)
    lines = path.read_bytes().split(b"\n")[:-1]
    records = [json.loads(line) for line in lines]
    records[3]["verdict"] = "excessive"
    out: list[bytes] = []
    prev = "0" * 64
    for record in records:
        record.pop("digest", None)
        record["prev"] = prev
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
        if record["type"] == "session_ended":  # the end record's self-digest is keyless too
            line = line[:-1] + b',"digest":"' + hashlib.sha256(line).hexdigest().encode() + b'"}'
        prev = hashlib.sha256(line).hexdigest()
        out.append(line)
    forged = b"\n".join(out) + b"\n"
    assert verify_bytes(forged, None).status == "ok"
    keyed = write_sample_log(tmp_path, KEY).read_bytes()
    forged_keyed = keyed.replace(b'"verdict":"insufficient"', b'"verdict":"excessive"')
    assert verify_bytes(forged_keyed, KEY).first_bad_seq == 3


@pytest.mark.parametrize("key", [None, KEY])
def test_crash_torn_last_line_is_incomplete(tmp_path: Path, key: bytes | None) -> None:
    data = write_sample_log(tmp_path, key).read_bytes()
    lines = data.split(b"\n")[:-1]
    head = b"\n".join(lines[:-1]) + b"\n"
    # Every prefix of the record being written is a possible crash.
    for cut in range(1, len(lines[-1]) + 1):
        result = verify_bytes(head + lines[-1][:cut], key)
        assert result.status == "incomplete", (cut, result)
    assert verify_bytes(head + lines[-1][:40] + b"\0" * 100, key).status == "incomplete"
    assert verify_bytes(head, key).status == "incomplete"
    assert verify_bytes(b"", key).status == "incomplete"


def test_impossible_tails_are_tampered(tmp_path: Path) -> None:
    data = write_sample_log(tmp_path, end=False).read_bytes()
    assert verify_bytes(data + b'{"seq":9,"t":', None).first_bad_seq == 5
    assert verify_bytes(data + b'{"seq":5,"t":7.0,"type":"timeout","prev":"' + b"0" * 10, None).status == "tampered"
    ended = write_sample_log(tmp_path).read_bytes()
    assert verify_bytes(ended + b'{"seq":6', None).status == "tampered"


def test_structural_edits(tmp_path: Path) -> None:
    data = write_sample_log(tmp_path).read_bytes()
    lines = data.split(b"\n")[:-1]

    def check(new_lines: list[bytes], seq: int) -> None:
        result = verify_bytes(b"\n".join(new_lines) + b"\n", None)
        assert (result.status, result.first_bad_seq) == ("tampered", seq), result

    check(lines[:2] + lines[3:], 2)  # a record removed
    check(lines[:2] + [lines[3], lines[2]] + lines[4:], 2)  # two swapped
    check(lines + [lines[-1]], 6)  # a record after the end
    check(lines[:3] + [lines[3].replace(b'"t":', b'"t" :', 1)] + lines[4:], 3)  # spacing
    check([lines[0].replace(b'"recrue-07"', b'"recrue-\\u0030"'[:-1] + b'7"', 1)] + lines[1:], 0)  # escape


def test_mac_rules(tmp_path: Path) -> None:
    plain = write_sample_log(tmp_path).read_bytes()
    result = verify_bytes(plain, KEY)
    assert (result.status, result.first_bad_seq) == ("tampered", 0) and "no mac" in result.detail
    keyed = write_sample_log(tmp_path, KEY).read_bytes()
    wrong = verify_bytes(keyed, b"another key")
    assert (wrong.status, wrong.first_bad_seq) == ("tampered", 0)
    assert verify_bytes(keyed, None).detail == "MACs present but not checked (no key)"
    lines = keyed.split(b"\n")
    lines[4] = lines[4][: lines[4].index(b',"mac"')] + b"}"
    assert verify_bytes(b"\n".join(lines), None).first_bad_seq == 4  # a mac stripped
    assert verify_bytes(b"\n".join(lines), KEY).first_bad_seq == 4


def test_splicing_two_keyed_logs_is_caught(tmp_path: Path) -> None:
    a = write_sample_log(tmp_path / "a", KEY).read_bytes().split(b"\n")
    b = write_sample_log(tmp_path / "b", KEY).read_bytes().split(b"\n")
    spliced = b"\n".join(a[:3] + b[3:])
    result = verify_bytes(spliced, KEY)
    assert (result.status, result.first_bad_seq) == ("tampered", 3)


def test_unknown_type_and_session_started_rules(tmp_path: Path) -> None:
    with HandWriter.create(tmp_path, "u", clock=step_clock()) as w:  # the real writer takes only known types
        w.write("session_started", format=1)
        w.write("coffee_break")
        w.write("session_ended", score=50, passed=False, critical_errors=[], community=3, situations=0)
    result = verify_file(w.path, None)
    assert (result.first_bad_seq, result.detail) == (1, "unknown record type 'coffee_break'")
    with SessionLogWriter.create(tmp_path, "v", clock=step_clock()) as real:
        real.write(Timeout(situation="a", phase="act"))
    w = real
    assert verify_file(w.path, None).first_bad_seq == 0


def test_unreadable(tmp_path: Path) -> None:
    assert verify_file(tmp_path, None).status == "unreadable"
    assert verify_file(tmp_path / "missing.jsonl", None).status == "unreadable"
    if os.geteuid() != 0:  # root reads anything
        locked = write_sample_log(tmp_path)
        locked.chmod(0)
        assert verify_file(locked, None).status == "unreadable"


_fragments = st.sampled_from(
    [b"\n", b"{", b"}", b'"', b"NaN", b"1e999", b"[" * 3000, b'{"seq":0,"t":', b"\xff", b"\0", b"\\u", b","]
)


@settings(max_examples=200, deadline=None)
@given(data=st.lists(st.binary(max_size=20) | _fragments, max_size=12).map(b"".join), use_key=st.booleans())
def test_arbitrary_bytes_never_crash_verify_or_reader(tmp_path_factory: pytest.TempPathFactory, data: bytes,
                                                      use_key: bool) -> None:
    result = verify_bytes(data, KEY if use_key else None)
    assert result.status in ("ok", "incomplete", "tampered")
    path = tmp_path_factory.mktemp("fuzz") / "f.jsonl"
    path.write_bytes(data)
    assert read_log(path).status in ("complete", "aborted", "incomplete")


def test_a_record_type_that_is_not_text_is_tampering_not_a_crash(tmp_path) -> None:
    import json

    from simulator.logbook import verify_bytes

    line = json.dumps({"seq": 0, "t": 0.0, "type": ["session_started"], "prev": "0" * 64}, separators=(",", ":"))
    result = verify_bytes((line + "\n").encode(), None)
    assert result.status == "tampered" and result.first_bad_seq == 0
