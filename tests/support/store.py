"""Helpers for the store tests: a throw-away PostgreSQL cluster, a Ralph LRS,
and a corpus of real session logs generated once per test session."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from simulator.cli import main
from simulator.logbook import SessionLogWriter, read_record

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path(os.environ.get("UOFSIM_PG_BIN", "/usr/lib/postgresql/15/bin"))
SCENARIOS = ["phone-not-gun", "crisis-knife-apartment", "shoplifter-flees", "trespasser-goes-limp",
             "bar-refuses-to-leave"]
COMPETENCIES = ("perception", "tactics", "force", "communication", "safety", "authority", "time", "community")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- PostgreSQL -------------------------------------------------------------------------

def _as_postgres_user(argv: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as `nobody` then."""
    if os.geteuid() != 0:
        return argv
    return ["runuser", "-u", "nobody", "--", *argv]


@contextlib.contextmanager
def postgres_cluster() -> Iterator[str]:
    """A fresh cluster on a free localhost port (socket in a temp folder); yields
    the URL of its `postgres` database; stopped and removed afterwards."""
    base = Path(tempfile.mkdtemp(prefix="uofsim-pg-"))
    os.chmod(base, 0o777)  # the cluster's user (nobody) writes here
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    os.chmod(sock, 0o777)
    port = free_port()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "check": True}
    user = "nobody" if os.geteuid() == 0 else os.environ.get("USER", "postgres")
    try:
        subprocess.run(_as_postgres_user([str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", user,
                                          "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]), **quiet)
        options = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50"
        subprocess.run(_as_postgres_user([str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l",
                                          str(base / "log"), "start"]), **quiet)
        yield f"postgresql://{user}@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_postgres_user([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(base, ignore_errors=True)


def create_database(server_url: str, name: str) -> str:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name


# --- Ralph ----------------------------------------------------------------------------------

def ralph_command() -> Path | None:
    """Ralph's CLI from its own venv (.venv-ralph, made by .ci/run), $UOFSIM_RALPH, or PATH."""
    for candidate in (os.environ.get("UOFSIM_RALPH"), str(ROOT / ".venv-ralph" / "bin" / "ralph"),
                      shutil.which("ralph")):
        if candidate and Path(candidate).exists():
            return Path(candidate)
    return None


@contextlib.contextmanager
def ralph_server(ralph: Path, user: str, password: str) -> Iterator[str]:
    """A Ralph LRS (filesystem backend) on a free port; yields its xAPI base URL."""
    base = Path(tempfile.mkdtemp(prefix="uofsim-ralph-"))
    env = {**os.environ, "RALPH_APP_DIR": str(base / "app"), "RALPH_AUTH_FILE": str(base / "auth.json"),
           "RALPH_RUNSERVER_BACKEND": "fs",
           "RALPH_BACKENDS__DATA__FS__DEFAULT_DIRECTORY_PATH": str(base / "data"),
           "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(base / "data")}
    (base / "data").mkdir()
    subprocess.run([str(ralph), "auth", "-u", user, "-p", password, "-s", "all", "-A", "lrs-admin", "https://academy.example",
                    "-w"], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=base)
    port = free_port()
    # Its own process group: `ralph runserver` starts uvicorn with a reloader
    # child, and the whole group is stopped at the end.
    process = subprocess.Popen([str(ralph), "runserver", "-b", "fs", "-h", "127.0.0.1", "-p", str(port)], env=env,
                               cwd=base, stdout=subprocess.DEVNULL, stderr=open(base / "server.log", "wb"),
                               start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
            if process.poll() is not None:
                raise RuntimeError("ralph exited: " + (base / "server.log").read_text()[-2000:])
            time.sleep(0.2)
        else:
            raise RuntimeError("ralph did not start")
        yield f"http://127.0.0.1:{port}/xAPI"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(10)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        shutil.rmtree(base, ignore_errors=True)


# --- corpora ----------------------------------------------------------------------------

def run_cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def templates(folder: Path) -> list[list[dict[str, Any]]]:
    """Records of real headless sessions: every bundled scenario, three policies."""
    for n, scenario in enumerate(SCENARIOS):
        for policy in ("best", "worst", "random"):
            code, _, err = run_cli(["run", str(ROOT / "scenarios" / f"{scenario}.yaml"), "--policy", policy,
                                    "--seed", str(n), "--trainee", "template", "--log-dir", str(folder)])
            assert code == 0, err
    return [[json.loads(line) for line in p.read_bytes().splitlines()] for p in sorted(folder.glob("*.jsonl"))]


def write_corpus(folder: Path, sessions: list[list[dict[str, Any]]], count: int, *, trainees: int = 25,
                 cohorts: int = 3, competencies: bool = True) -> list[Path]:
    """`count` logs rewritten from the templates under other trainees, start times
    and cohorts (the real writer: valid chains). Every third complete session
    gains a competencies map, as scoring model 2 writes it."""
    real_fsync = os.fsync
    os.fsync = lambda fd: None  # same bytes, no durability needed for a test corpus
    paths = []
    try:
        for i in range(count):
            paths.append(_write_one(folder, i, sessions[i % len(sessions)], trainees, cohorts, competencies))
    finally:
        os.fsync = real_fsync
    return paths


def _write_one(folder: Path, i: int, records: list[dict[str, Any]], trainees: int, cohorts: int,
               competencies: bool) -> Path:
    trainee = f"recruit-{i % trainees:03d}"
    hour, rest = divmod(i, 3600)
    minute, second = divmod(rest, 60)
    stamp = f"20260101T{hour:02d}{minute:02d}{second:02d}.000Z"
    session_id = f"{stamp}_{trainee}_{i:08x}"
    clock = {"t": 0.0}
    writer = SessionLogWriter.create(folder / f"ws{i % 4}", session_id, clock=lambda: clock["t"])
    for record in records:
        fields = dict(record)
        if record["type"] == "session_started":
            fields.update(session_id=session_id, trainee=trainee,
                          started_at=f"2026-01-01T{hour:02d}:{minute:02d}:{second:02d}.000Z")
            if cohorts:
                fields["cohort"] = f"intake-{(i % trainees) % cohorts + 1}"
        if record["type"] == "session_ended" and competencies and i % 3 == 0:
            fields["competencies"] = {c: (None if c == "community" else round(50 + (i * 7 + n * 13) % 50, 1))
                                      for n, c in enumerate(COMPETENCIES)}
        clock["t"] = record["t"]
        writer.write(read_record(fields))
    writer.close()
    return writer.path


def python_cli(*argv: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """`uofsim ARGV` in a new process (for concurrency tests)."""
    return subprocess.Popen([sys.executable, "-m", "simulator", *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {})}, cwd=ROOT)
