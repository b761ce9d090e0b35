"""Session ids and trainee ids.

A session id is `<UTC start, ms>Z_<trainee>_<8 random hex>`, e.g.
`20261125T113912.123Z_recruit-042_9f1c2a7b`: it sorts by start time, the
random part keeps two workstations sharing one folder from colliding, and it
uses only characters that are safe in a file name on every platform.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timezone

# ASCII only: ids become file names on shared folders, where accented letters
# get normalised differently by different systems.
TRAINEE_ID_PATTERN = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}")

# What the writer accepts as a session id (file-name safe); new_session_id
# produces a stricter form.
SESSION_ID_PATTERN = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}")


def validate_trainee_id(trainee: str) -> str:
    """Return `trainee` unchanged if it is a valid trainee id, else raise ValueError."""
    if not isinstance(trainee, str) or TRAINEE_ID_PATTERN.fullmatch(trainee) is None:
        raise ValueError(
            f"invalid trainee id {trainee!r}: use 1 to 64 letters (A-Z, a-z), digits, "
            "'-', '_' or '.', not starting with '.'"
        )
    return trainee


def new_session_id(trainee: str, now: datetime | None = None) -> str:
    """A new session id for `trainee` starting at `now` (default: the current UTC time).

    A naive `now` is taken to be UTC.
    """
    validate_trainee_id(trainee)
    if now is None:
        now = datetime.now(timezone.utc)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    else:
        now = now.astimezone(timezone.utc)
    stamp = now.strftime("%Y%m%dT%H%M%S") + f".{now.microsecond // 1000:03d}Z"
    return f"{stamp}_{trainee}_{secrets.token_hex(4)}"
