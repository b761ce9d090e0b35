"""Errors a command reports to the user as one line, without a traceback.

`os_error_line` is the one place an OSError becomes a message: every command's
OSError that no closer handler caught reaches `simulator.cli.main`, which prints
it with this, so a long path, a folder where a file belongs or a symlink loop
is one line naming the path, never a traceback.
"""

from __future__ import annotations

import errno
import math
import os
from pathlib import Path

# What the user can do something about, in the user's words; other errnos keep strerror.
_REASONS = {
    errno.ENOENT: "no such file or folder",
    errno.EISDIR: "is a folder, not a file",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENAMETOOLONG: "file name too long",
    errno.ELOOP: "too many levels of symbolic links (a symlink loop?)",
    errno.ENOSPC: "no space left on the device",
    errno.EROFS: "read-only file system",
    errno.EEXIST: "already exists",
}


class UserError(Exception):
    """The input has a problem (exit status 1). The message is the whole line."""


class UsageError(Exception):
    """The command was called wrongly (exit status 2)."""


def os_error_line(exc: OSError, path: str | os.PathLike[str] | None = None, action: str = "") -> str:
    """`path: [action: ]reason` for an OSError; the path defaults to the one the error names."""
    where = path if path is not None else exc.filename
    reason = _REASONS.get(exc.errno or 0) or exc.strerror or str(exc) or type(exc).__name__
    what = f"{action}: {reason}" if action else reason
    return f"{os.fsdecode(where)}: {what}" if where is not None else what


def os_user_error(exc: OSError, path: str | os.PathLike[str] | None = None, action: str = "") -> UserError:
    """os_error_line as a UserError, for `raise ... from None`."""
    return UserError(os_error_line(exc, path, action))


def refuse_symlink_out(target: Path) -> None:
    """UserError if `target` is a symlink (even a dangling one) that resolves outside
    its own folder: a command writes only where the user pointed it."""
    if not target.is_symlink():
        return
    folder = Path(os.path.realpath(target.parent))
    if not Path(os.path.realpath(target)).is_relative_to(folder):
        raise UserError(f"{target}: is a symbolic link that leaves its folder; not written through")


# --- numeric flags: finite and in a sane range, else one usage line (exit 2) ----------

TIME_SCALE = (0.25, 10.0)  # --time-scale: a quarter to ten times the authored time limits
PACE = (0.0, 60.0)  # --pace: real seconds before each decision (demos, crash tests)
SEED = (0, 2**64 - 1)  # --seed: what a log's seed may hold


def check_number(flag: str, value: float | None, bounds: tuple[float, float]) -> None:
    """UsageError unless `value` (None: not given) is finite and within `bounds`."""
    low, high = bounds
    if value is not None and not (math.isfinite(value) and low <= value <= high):
        raise UsageError(f"{flag} must be a number from {low:g} to {high:g}, not {value!r}")
