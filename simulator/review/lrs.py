"""`review --format xapi --lrs URL`: POST statements to a learning record store.

Batches of BATCH statements to `<URL>/statements` (xAPI 1.0.3), HTTP basic
auth, retries with exponential back-off on network errors, 429 and 5xx.
Statement ids are stable (UUID v5 of the session id and seq, render_xapi.py),
so sending again is idempotent: the LRS stores nothing twice (it answers 204
for a batch it already holds in full).
"""

from __future__ import annotations

import base64
import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.review.render_xapi import Accounts, check_homepage, iter_statements
from simulator.review.scan import Review

BATCH = 100
MAX_BATCH = 100_000
ATTEMPTS = 5
BACKOFF_S = 0.5  # doubled after each failed attempt
TIMEOUT_S = 30
XAPI_VERSION = "1.0.3"


class LrsError(Exception):
    """The LRS cannot be reached or refused the statements (one line)."""


@dataclass(frozen=True)
class LrsTarget:
    url: str  # the xAPI base, e.g. https://lrs.example/xAPI
    authorization: str | None
    homepage: str
    accounts: Accounts | None
    batch: int = BATCH

    @classmethod
    def from_options(cls, url: str, user: str | None, password_file: Path | None, homepage: str,
                     accounts: Accounts | None, batch: int = BATCH) -> LrsTarget:
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise LrsError(f"--lrs {url!r} is not an http(s) URL")
        if (user is None) != (password_file is None):
            raise LrsError("--lrs-user and --lrs-password-file go together")
        auth = None
        if user is not None and password_file is not None:
            auth = "Basic " + base64.b64encode(f"{user}:{_password(password_file)}".encode()).decode("ascii")
        if not 1 <= batch <= MAX_BATCH:
            raise LrsError(f"--lrs-batch must be from 1 to {MAX_BATCH}")
        return cls(url.rstrip("/"), auth, check_homepage(homepage), accounts, batch)

    @property
    def shown(self) -> str:
        return self.url


@dataclass
class Sent:
    statements: int = 0
    batches: int = 0
    stored: int = 0  # new to the LRS
    already: int = 0  # the LRS held them already (a resend)


def send_review(review: Review, target: LrsTarget) -> Sent:
    sent = Sent()
    for batch in _batches(iter_statements(review, target.homepage, target.accounts), target.batch):
        stored = post_batch(target, batch)
        sent.statements += len(batch)
        sent.batches += 1
        sent.stored += stored
        sent.already += len(batch) - stored
    return sent


def post_batch(target: LrsTarget, batch: list[dict[str, Any]]) -> int:
    """POST one batch; the number of statements the LRS stored (0 on 204)."""
    body = json.dumps(batch, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    headers = {"Content-Type": "application/json", "X-Experience-API-Version": XAPI_VERSION}
    if target.authorization:
        headers["Authorization"] = target.authorization
    delay = BACKOFF_S
    for attempt in range(1, ATTEMPTS + 1):
        request = urllib.request.Request(target.url + "/statements", data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
                payload = response.read()
                return len(json.loads(payload)) if response.status == 200 and payload else 0
        except urllib.error.HTTPError as exc:
            if exc.code != 429 and exc.code < 500 or attempt == ATTEMPTS:
                raise LrsError(f"{target.url}: the LRS refused the statements "
                               f"(HTTP {exc.code}: {_detail(exc)})") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            if attempt == ATTEMPTS:
                reason = getattr(exc, "reason", None) or exc
                raise LrsError(f"{target.url}: cannot reach the LRS ({reason}) after {ATTEMPTS} attempts") from None
        time.sleep(delay)
        delay *= 2
    raise AssertionError("unreachable")


def _batches(items: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _password(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LrsError(f"{path}: cannot read the LRS password file ({getattr(exc, 'strerror', None) or exc})") from None
    password = text.rstrip("\r\n")
    if not password or "\n" in password:
        raise LrsError(f"{path}: the LRS password file must hold the password on one line")
    return password


def _detail(exc: urllib.error.HTTPError) -> str:
    try:
        text = exc.read().decode("utf-8", "replace")
    except OSError:
        text = ""
    return " ".join(text.split())[:200] or str(exc.reason)
