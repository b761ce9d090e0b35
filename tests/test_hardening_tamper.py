"""Tamper evidence: the end record's keyless digest leaves no single-byte edit of a
complete or aborted log undetected, and keyed logs cannot be forged without the key."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from pathlib import Path

import pytest

from simulator.logbook import SessionLogWriter, verify_bytes
from simulator.logbook.models import SessionAborted, SituationEntered
from support.logbook import KEY, start_record, step_clock, write_sample_log


def _aborted_log(folder: Path, key: bytes | None) -> bytes:
    with SessionLogWriter.create(folder, "aborted-1", clock=step_clock(), key=key) as w:
        w.write(start_record("aborted-1", trainee="t-1"))
        w.write(SituationEntered(situation="arrival", behaviour="assaultive", time_limit_s=None))
        w.write(SessionAborted(reason="window_closed"))
    return w.path.read_bytes()


def _last_line_flips(data: bytes) -> list[tuple[int, bytes]]:
    """Every single-byte replacement (several values per byte) inside the last line."""
    start = data.rstrip(b"\n").rfind(b"\n") + 1
    flips = []
    for position in range(start, len(data) - 1):
        byte = data[position]
        for new in {byte ^ 0x01, byte ^ 0x20, byte ^ 0x04, ord("0"), ord("9"), 0x22, 0xFF} - {byte}:
            flips.append((position, data[:position] + bytes([new]) + data[position + 1 :]))
    return flips


@pytest.mark.parametrize("end", ["complete", "aborted"])
def test_no_single_byte_edit_of_the_last_line_escapes_without_a_key(tmp_path: Path, end: str) -> None:
    data = write_sample_log(tmp_path, None).read_bytes() if end == "complete" else _aborted_log(tmp_path, None)
    assert verify_bytes(data, None).status == "ok"
    last = data.count(b"\n") - 1
    escapes = []
    for position, flipped in _last_line_flips(data):
        result = verify_bytes(flipped, None)
        if result.status != "tampered" or result.first_bad_seq not in (last - 1, last):
            escapes.append((position, result))
    assert escapes == []


def test_keyed_log_checked_without_the_key_only_misses_mac_bytes(tmp_path: Path) -> None:
    """Without the key a mac cannot be checked, and the digest is written before the
    mac (the mac covers the digest), so only edits inside the last mac escape."""
    data = write_sample_log(tmp_path, KEY).read_bytes()
    last_line = data.rstrip(b"\n").rsplit(b"\n", 1)[-1]
    start = len(data) - len(last_line) - 1
    mac_at = start + last_line.rindex(b'"mac":"') + len(b'"mac":"')
    for position, flipped in _last_line_flips(data):
        result = verify_bytes(flipped, None)
        in_mac = mac_at <= position < mac_at + 64 and flipped[position] in b"0123456789abcdef"
        assert (result.status != "tampered") == in_mac, (position, result)
        assert verify_bytes(flipped, KEY).status == "tampered"


def _rechain(records: list[dict], mac_for) -> bytes:  # noqa: ANN001
    """Rewrite a log from `records`, recomputing prev, digest and (with mac_for) mac."""
    prev, out = "0" * 64, []
    for record in records:
        record = {k: v for k, v in record.items() if k not in ("prev", "digest", "mac")}
        record["prev"] = prev
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
        if record["type"] in ("session_ended", "session_aborted"):
            line = line[:-1] + b',"digest":"' + hashlib.sha256(line).hexdigest().encode() + b'"}'
        if mac_for is not None:
            line = line[:-1] + b',"mac":"' + mac_for(line).encode() + b'"}'
        prev = hashlib.sha256(line).hexdigest()
        out.append(line)
    return b"\n".join(out) + b"\n"


GUESSES = {
    "wrong-key": lambda body: hmac.new(b"academy-secret-kez", body, hashlib.sha256).hexdigest(),
    "empty-key": lambda body: hmac.new(b"", body, hashlib.sha256).hexdigest(),
    "plain-sha256": lambda body: hashlib.sha256(body).hexdigest(),
    "key-prefix-sha256": lambda body: hashlib.sha256(KEY[:4] + body).hexdigest(),
    "random": lambda body: secrets.token_hex(32),
}


@pytest.mark.parametrize("guess", sorted(GUESSES))
@pytest.mark.parametrize("edit", ["raise-score", "soften-verdict"])
def test_keyed_logs_cannot_be_forged_without_the_key(tmp_path: Path, guess: str, edit: str) -> None:
    data = write_sample_log(tmp_path, KEY).read_bytes()
    records = [json.loads(line) for line in data.splitlines()]
    if edit == "raise-score":
        records[-1]["score"], edited = 100, len(records) - 1
    else:
        records[3]["verdict"], edited = "reasonable", 3
    forged = _rechain(records, GUESSES[guess])
    assert verify_bytes(forged, None).status == "ok"  # chain, digest and form all hold...
    result = verify_bytes(forged, KEY)
    assert result.status == "tampered" and result.first_bad_seq == 0  # ...but no mac matches
    # Keeping the genuine macs of the untouched lines still exposes the edited one.
    genuine = [json.loads(line)["mac"] for line in data.splitlines()]
    kept = iter(genuine)
    spliced = _rechain(records, lambda body: next(kept))
    result = verify_bytes(spliced, KEY)
    assert result.status == "tampered" and result.first_bad_seq <= edited


def test_stripping_the_macs_of_a_keyed_log_is_tampering(tmp_path: Path) -> None:
    data = write_sample_log(tmp_path, KEY).read_bytes()
    stripped = _rechain([json.loads(line) for line in data.splitlines()], None)
    assert verify_bytes(stripped, None).status == "ok"
    result = verify_bytes(stripped, KEY)
    assert result.status == "tampered" and "no mac" in result.detail


def test_removing_the_digest_is_tampering(tmp_path: Path) -> None:
    data = write_sample_log(tmp_path, None).read_bytes()
    head, last = data.rstrip(b"\n").rsplit(b"\n", 1)
    record = json.loads(last)
    del record["digest"]
    record["score"] = 100
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
    result = verify_bytes(head + b"\n" + line + b"\n", None)
    assert result.status == "tampered" and "writer order" in result.detail
