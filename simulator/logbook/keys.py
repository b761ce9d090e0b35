"""Where the academy key and the log folder come from."""

from __future__ import annotations

import os
from pathlib import Path

from simulator.safefile import NotRegularFile, TooLarge, read_regular

KEY_ENV = "UOFSIM_LOG_KEY"
LOG_DIR_ENV = "UOFSIM_LOG_DIR"
DEFAULT_LOG_DIR = Path("sessions")


class KeyFileError(ValueError):
    """The key file cannot be used. The message is one line naming the file."""


MAX_KEY_BYTES = 64 * 1024  # an HMAC key is 32 to 64 bytes; anything near this is a wrong file


def load_key(key_file: Path | None) -> bytes | None:
    """The academy key: the bytes of `key_file` (trailing newlines stripped), else
    the UTF-8 bytes of $UOFSIM_LOG_KEY, else None (no MACs).

    An empty $UOFSIM_LOG_KEY counts as unset. A key file that cannot be read or
    is empty raises KeyFileError.
    """
    if key_file is not None:
        try:
            data = read_regular(key_file, MAX_KEY_BYTES)  # a FIFO or /dev/zero must not hang or exhaust us
        except NotRegularFile as exc:
            why = ("cannot read key file (Is a directory)" if exc.is_folder
                   else f"key file is not a regular file ({exc})")
            raise KeyFileError(f"{key_file}: {why}") from None
        except TooLarge:
            raise KeyFileError(f"{key_file}: key file is over {MAX_KEY_BYTES:,} bytes") from None
        except OSError as exc:
            raise KeyFileError(f"{key_file}: cannot read key file ({exc.strerror or exc})") from None
        # Editors add a final newline; a key is never meant to end in one.
        key = data.rstrip(b"\r\n")
        if not key:
            raise KeyFileError(f"{key_file}: key file is empty")
        return key
    value = os.environ.get(KEY_ENV)
    if value:
        # surrogateescape gives back the exact bytes of a non-UTF-8 variable.
        return value.encode("utf-8", "surrogateescape")
    return None


def resolve_log_dir(arg: str | None) -> Path:
    """The log folder: `--log-dir`, else $UOFSIM_LOG_DIR, else ./sessions."""
    if arg:
        return Path(arg).expanduser()
    value = os.environ.get(LOG_DIR_ENV)
    if value:
        return Path(value).expanduser()
    return DEFAULT_LOG_DIR
