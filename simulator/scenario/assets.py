"""Resolve files a scenario names, never letting a path leave its folders, and
never letting an image cost more to decode than a window can afford."""

from __future__ import annotations

import os
import struct
from pathlib import Path, PurePosixPath
from typing import IO

from simulator import paths
from simulator.safefile import NotRegularFile, TooLarge, open_regular

# A decoded image costs 4 bytes a pixel: 4096 x 4096 is 64 MB. The bundled pictures are 640 x 360.
MAX_IMAGE_PIXELS = 4096 * 4096
MAX_IMAGE_BYTES = 16 * 1024 * 1024
_PNG = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers (they hold the size); C4, C8 and CC are other segments.
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


class AssetError(ValueError):
    """A file reference that is missing or escapes the folders it may use."""


def resolve_asset(name: str, scenario_dir: Path, fallback_dir: Path) -> Path:
    """The file `name` in `scenario_dir`, else in `fallback_dir`.

    Absolute paths, `..` escapes and symlinks pointing outside are refused:
    a scenario from an untrusted author must not read arbitrary files.
    """
    if not name or "\\" in name or "\x00" in name:
        raise AssetError(f"'{name}' is not a valid relative file path")
    relative = PurePosixPath(name)
    if relative.is_absolute() or ":" in relative.parts[0]:
        raise AssetError(f"'{name}' must be a path relative to the scenario's folder, not absolute")
    searched = []
    for base in (scenario_dir, fallback_dir):
        base = Path(os.path.realpath(base))
        # realpath, not Path.resolve: a symlink loop must not raise (RuntimeError in 3.11)
        candidate = Path(os.path.realpath(base / relative))
        if not candidate.is_relative_to(base):
            raise AssetError(f"'{name}' leaves its folder ({base})")
        try:
            if candidate.is_file():
                return candidate
        except OSError as exc:  # a name too long, a loop, a folder we may not enter
            raise AssetError(f"'{name}' cannot be read ({exc.strerror or exc})") from None
        if (base / relative).is_symlink():
            raise AssetError(f"'{name}' is a symbolic link that leads nowhere (a loop, or a missing file)")
        searched.append(str(base))
    raise AssetError(f"file '{name}' not found (looked in {' and '.join(searched)})")


def resolve_image(name: str, scenario_file: Path) -> Path:
    """resolve_asset for an image, refused when its header declares more than
    MAX_IMAGE_PIXELS (checked before any decoding)."""
    path = resolve_asset(name, scenario_file.parent, paths.images_dir())
    size = image_size(path)
    if size is not None and size[0] * size[1] > MAX_IMAGE_PIXELS:
        raise AssetError(f"'{name}' is {size[0]:,} x {size[1]:,} pixels; an image may have at most "
                         f"{MAX_IMAGE_PIXELS:,} (4096 x 4096)")
    return path


def resolve_rubric(name: str, scenario_file: Path) -> Path:
    return resolve_asset(name, scenario_file.parent, paths.assets_dir())


def image_size(path: Path) -> tuple[int, int] | None:
    """(width, height) from a PNG or JPEG header, None for another format or a header
    that says nothing; AssetError for a file that is too large or not a regular file."""
    try:
        with open_regular(path, MAX_IMAGE_BYTES) as handle:
            head = handle.read(24)
            if head.startswith(_PNG) and head[12:16] == b"IHDR":
                width, height = struct.unpack(">II", head[16:24])
                return width, height
            if head.startswith(b"\xff\xd8"):
                return _jpeg_size(handle)
    except TooLarge as exc:
        raise AssetError(f"'{path.name}' is {exc.size:,} bytes; an image may be at most {MAX_IMAGE_BYTES:,}") from None
    except NotRegularFile as exc:
        raise AssetError(f"'{path.name}' is not a regular file ({exc})") from None
    except OSError as exc:
        raise AssetError(f"'{path.name}' cannot be read ({exc.strerror or exc})") from None
    return None


def _jpeg_size(handle: IO[bytes]) -> tuple[int, int] | None:
    """Walk the JPEG segments (skipping each by its length) to the start of frame."""
    handle.seek(2)
    while True:
        marker = handle.read(2)
        if len(marker) < 2 or marker[0] != 0xFF:
            return None
        if marker[1] == 0xFF:
            handle.seek(-1, os.SEEK_CUR)  # a fill byte before the marker
            continue
        if marker[1] in (0xD8, 0x01) or 0xD0 <= marker[1] <= 0xD7:
            continue  # markers without a length
        length = handle.read(2)
        if len(length) < 2 or struct.unpack(">H", length)[0] < 2:
            return None
        if marker[1] in _SOF:
            frame = handle.read(5)
            if len(frame) < 5:
                return None
            height, width = struct.unpack(">HH", frame[1:5])
            return width, height
        handle.seek(struct.unpack(">H", length)[0] - 2, os.SEEK_CUR)
