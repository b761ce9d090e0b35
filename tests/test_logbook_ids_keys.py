"""Session ids, trainee ids, the academy key and the log folder."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.logbook import (
    SESSION_ID_PATTERN,
    KeyFileError,
    load_key,
    new_session_id,
    resolve_log_dir,
    validate_trainee_id,
)


def test_session_id_shape() -> None:
    now = datetime(2026, 11, 25, 11, 39, 12, 123456, tzinfo=timezone.utc)
    sid = new_session_id("recruit-042", now)
    assert re.fullmatch(r"20261125T113912\.123Z_recruit-042_[0-9a-f]{8}", sid)
    assert SESSION_ID_PATTERN.fullmatch(sid)


def test_session_id_is_utc_whatever_the_zone_given() -> None:
    toronto = timezone(timedelta(hours=-5))
    sid = new_session_id("a", datetime(2026, 11, 25, 6, 39, 12, tzinfo=toronto))
    assert sid.startswith("20261125T113912.000Z_a_")


def test_session_ids_sort_by_start_time_and_do_not_collide() -> None:
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    times = [start + timedelta(milliseconds=ms) for ms in (0, 1, 999, 1000, 60_000, 86_400_000)]
    ids = [new_session_id(trainee, t) for t, trainee in zip(times, ["zed", "amy", "m.x", "b", "A_1", "0"])]
    assert sorted(ids) == ids
    same_moment = {new_session_id("amy", start) for _ in range(200)}
    assert len(same_moment) == 200


@pytest.mark.parametrize("good", ["a", "Recruit_042", "j.doe", "x-1", "_x", "9" * 64])
def test_valid_trainee_ids(good: str) -> None:
    assert validate_trainee_id(good) == good


@pytest.mark.parametrize("bad", ["", ".hidden", "a/b", "a b", "é", "x" * 65, "a\n", "..", "a\\b", "c:d"])
def test_invalid_trainee_ids_have_a_clear_message(bad: str) -> None:
    with pytest.raises(ValueError, match="invalid trainee id.*1 to 64 letters"):
        validate_trainee_id(bad)
    with pytest.raises(ValueError):
        new_session_id(bad)


@given(st.text(max_size=70))
def test_accepted_trainee_ids_are_always_safe_file_name_parts(text: str) -> None:
    try:
        validate_trainee_id(text)
    except ValueError:
        return
    assert not text.startswith(".") and "/" not in text and "\\" not in text and 1 <= len(text) <= 64
    assert text.isascii() and text.isprintable() and " " not in text


def test_key_from_file_strips_the_trailing_newline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UOFSIM_LOG_KEY", "from-env")
    key_file = tmp_path / "key"
    key_file.write_bytes(b"s3cret\xff\n")
    assert load_key(key_file) == b"s3cret\xff"


def test_key_file_problems_are_one_line_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.write_bytes(b"\n")
    with pytest.raises(KeyFileError, match="empty.*key file is empty"):
        load_key(empty)
    with pytest.raises(KeyFileError, match="missing.*cannot read key file"):
        load_key(tmp_path / "missing")
    with pytest.raises(KeyFileError, match="cannot read"):
        load_key(tmp_path)


def test_key_from_environment_or_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UOFSIM_LOG_KEY", "clé")
    assert load_key(None) == "clé".encode()
    monkeypatch.setenv("UOFSIM_LOG_KEY", "")
    assert load_key(None) is None
    monkeypatch.delenv("UOFSIM_LOG_KEY")
    assert load_key(None) is None


def test_log_dir_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("UOFSIM_LOG_DIR", raising=False)
    assert resolve_log_dir(None) == Path("sessions")
    monkeypatch.setenv("UOFSIM_LOG_DIR", "/var/uof")
    assert resolve_log_dir(None) == Path("/var/uof")
    assert resolve_log_dir("here") == Path("here")
