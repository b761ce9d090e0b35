"""The byte-level rules of session log format 1, shared by writer, reader and verify.

What each record holds is in models.py; this module is the line around it: canonical
JSON, the hash chain, the end record's digest and the MAC."""

from __future__ import annotations

import hashlib
import hmac
import json
import json.encoder
import re
from collections.abc import Callable
from typing import Any

FORMAT_VERSION = 1
ZERO_HASH = "0" * 64
LOG_SUFFIX = ".jsonl"


# The mac member is always last, so it is the exact tail of the line.
_MAC_TAIL = re.compile(rb',"mac":"([0-9a-f]{64})"\}\Z')
# An end record carries `digest` right after `prev` (and before any mac): the
# SHA-256 of its own line as written without the digest (and mac) member. It is
# the keyless check of the last line, which no later `prev` covers.
_DIGEST_TAIL = re.compile(rb',"digest":"([0-9a-f]{64})"\}\Z')


def _make_canonical_json() -> Callable[[dict[str, Any]], str]:
    """The one text a record may have in a log line (no newline): compact JSON,
    UTF-8 as is, no NaN. The writer and verify both use this function.

    JSONEncoder.encode builds CPython's C encoder on every call; verify runs
    this once per line of every log, so the C encoder is built once here.
    No circular-reference markers: records are plain JSON data.
    """
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # an interpreter without the C accelerator
        return encoder.encode
    iterencode = make(None, encoder.default, json.encoder.encode_basestring, None, ":", ",", False, False, False)
    return lambda record: "".join(iterencode(record, 0))


canonical_json = _make_canonical_json()


def line_hash(line: bytes) -> str:
    """The `prev` value the next record carries for `line` (bytes without its newline)."""
    return hashlib.sha256(line).hexdigest()


def compute_mac(key: bytes, body: bytes) -> str:
    """HMAC-SHA256 over the line as written without the mac member."""
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def split_mac(line: bytes) -> tuple[bytes, str] | None:
    """(line without its mac member, mac) straight from the raw bytes, or None if the
    line does not end with a well-formed mac member."""
    match = _MAC_TAIL.search(line)
    if match is None:
        return None
    return line[: match.start()] + b"}", match.group(1).decode("ascii")


def with_digest(text: str) -> str:
    """`text` (a canonical record line without digest or mac) with its digest member appended."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return text[:-1] + f',"digest":"{digest}"' + "}"


def split_digest(line: bytes) -> tuple[bytes, str] | None:
    """(line without its digest member, digest) for a line (mac already removed)
    ending with a well-formed digest member, else None."""
    match = _DIGEST_TAIL.search(line)
    if match is None:
        return None
    return line[: match.start()] + b"}", match.group(1).decode("ascii")
