"""`uofsim verify` through the real command (`python -m simulator verify`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support.logbook import KEY, write_sample_log

REPO = Path(__file__).resolve().parents[1]


def _verify(*args: str | Path, key_env: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "UOFSIM_LOG_KEY"}
    if key_env is not None:
        env["UOFSIM_LOG_KEY"] = key_env
    return subprocess.run(
        [sys.executable, "-m", "simulator", "verify", *map(str, args)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
    )


def test_folder_with_ok_incomplete_and_tampered_logs(tmp_path: Path) -> None:
    ok = write_sample_log(tmp_path / "logs")
    incomplete = write_sample_log(tmp_path / "logs" / "sub", end=False)
    with open(incomplete, "ab") as f:
        f.write(b'{"seq":5,"t":')  # a crash mid-record
    tampered = write_sample_log(tmp_path / "logs")
    tampered.write_bytes(tampered.read_bytes().replace(b'"verdict":"insufficient"', b'"verdict":"excessive"'))

    proc = _verify(tmp_path / "logs")
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert f"{ok}: ok" in lines
    assert f"{incomplete}: incomplete" in lines
    assert f"{tampered}: tampered at seq 3 (seq 3 was altered (its hash does not match prev of seq 4))" in lines
    assert len(lines) == 3 and proc.stderr == ""


def test_all_good_exits_zero(tmp_path: Path) -> None:
    ok = write_sample_log(tmp_path)
    incomplete = write_sample_log(tmp_path, end=False)
    proc = _verify(ok, incomplete)
    assert (proc.returncode, proc.stdout) == (0, f"{ok}: ok\n{incomplete}: incomplete\n")


def test_key_from_file_and_from_environment(tmp_path: Path) -> None:
    log = write_sample_log(tmp_path, KEY)
    key_file = tmp_path / "academy.key"
    key_file.write_bytes(KEY + b"\n")
    assert _verify(log, "--key-file", key_file).stdout == f"{log}: ok\n"
    assert _verify(log, key_env=KEY.decode()).returncode == 0
    wrong = _verify(log, key_env="not the key")
    assert wrong.returncode == 1
    assert wrong.stdout.startswith(f"{log}: tampered at seq 0 (mac does not match")


def test_keyless_log_checked_with_a_key_is_tampered(tmp_path: Path) -> None:
    log = write_sample_log(tmp_path)
    proc = _verify(log, key_env=KEY.decode())
    assert proc.returncode == 1 and "tampered at seq 0 (no mac" in proc.stdout


def test_unreadable_file_exits_one(tmp_path: Path) -> None:
    ok = write_sample_log(tmp_path)
    loop = tmp_path / "loop.jsonl"
    loop.symlink_to(loop)  # unreadable even for root
    proc = _verify(tmp_path, ok)  # ok is also inside the folder: reported once
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        f"{ok}: ok",
        f"{loop}: unreadable (Too many levels of symbolic links)",
    ]  # sorted: the timestamped id sorts before "loop"


def test_missing_path_and_bad_key_file_are_one_line_errors(tmp_path: Path) -> None:
    proc = _verify(tmp_path / "missing")
    assert proc.returncode == 1
    assert proc.stderr == f"{tmp_path / 'missing'}: no such file or directory\n" and proc.stdout == ""
    log = write_sample_log(tmp_path)
    empty = tmp_path / "empty.key"
    empty.write_bytes(b"")
    proc = _verify(log, "--key-file", empty)
    assert proc.returncode == 1 and proc.stderr == f"{empty}: key file is empty\n"


def test_usage_errors_exit_two() -> None:
    proc = _verify()
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
