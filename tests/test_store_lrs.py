"""xAPI into a real LRS: a Ralph server (filesystem backend) started here.

Ralph runs from its own venv (.ci/run makes .venv-ralph), so its dependencies
never touch ours; the test skips, saying why, when it is not installed.
"""

from __future__ import annotations

import base64
import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.store import ralph_command, ralph_server, run_cli, templates, write_corpus

USER, PASSWORD = "academy", "s3cret-pass"


@pytest.fixture(scope="module")
def lrs() -> Iterator[str]:
    ralph = ralph_command()
    if ralph is None:
        pytest.skip("Ralph LRS not installed (.ci/run installs ralph-malph[backend-fs,lrs,cli] into .venv-ralph)")
    with ralph_server(ralph, USER, PASSWORD) as url:
        yield url


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("cohort")
    write_corpus(base / "logs", templates(base / "templates"), 30, trainees=6)
    return base / "logs"


def _read_back(url: str) -> list[dict]:
    """Every statement, through the LRS's own API (following `more`)."""
    auth = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    found, next_url = [], url + "/statements?limit=500"
    while next_url:
        request = urllib.request.Request(next_url, headers={"Authorization": auth, "X-Experience-API-Version": "1.0.3"})
        with urllib.request.urlopen(request, timeout=30) as response:
            page = json.loads(response.read())
        found += page["statements"]
        more = page.get("more")
        next_url = (url.split("/xAPI")[0] + more) if more else ""
    return found


def test_round_trip_idempotent_resend_and_accounts(lrs: str, cohort: Path, tmp_path: Path) -> None:
    password = tmp_path / "lrs.pass"
    password.write_text(PASSWORD + "\n")
    accounts = tmp_path / "accounts.csv"
    accounts.write_text("trainee,name,homepage\nrecruit-000,lms-4711,https://lms.example\n")
    code, out, err = run_cli(["review", str(cohort), "--format", "xapi", "-o", str(tmp_path / "x.json"),
                              "--accounts", str(accounts)])
    assert code == 0, err
    expected = json.loads((tmp_path / "x.json").read_text())
    # Ralph's filesystem backend can write its statements file once only (a
    # second write that stores anything fails with 500, by design of that dev
    # backend), so the cohort goes in one POST; batching and retries are tested
    # against a local stand-in below.
    argv = ["review", str(cohort), "--format", "xapi", "--lrs", lrs, "--lrs-user", USER,
            "--lrs-password-file", str(password), "--accounts", str(accounts), "--lrs-batch", "100000"]
    code, out, err = run_cli(argv)
    assert code == 0, err
    assert f"sent {len(expected)} statement(s)" in out and f"{len(expected)} stored, 0 already there" in out
    stored = {s["id"]: s for s in _read_back(lrs)}
    assert set(stored) == {s["id"] for s in expected}  # every statement accepted
    for statement in expected:
        back = stored[statement["id"]]
        assert back["verb"] == statement["verb"] and back["object"]["id"] == statement["object"]["id"]
        assert back["actor"]["account"] == statement["actor"]["account"]
    mapped = [s for s in expected if s["actor"]["account"]["name"] == "lms-4711"]
    assert mapped and all(s["actor"]["account"]["homePage"] == "https://lms.example" for s in mapped)
    decisions = [s for s in expected if s["verb"]["display"]["en-US"] == "responded"]
    assert decisions and all(s["object"]["definition"]["interactionType"] == "choice" for s in decisions)
    assert all("correctResponsesPattern" in s["object"]["definition"] and s["object"]["definition"]["choices"]
               for s in decisions)
    code, out, err = run_cli(argv)  # the same cohort again: nothing added
    assert code == 0, err
    assert f"0 stored, {len(expected)} already there" in out
    assert len(_read_back(lrs)) == len(expected)


def test_invalid_homepage_is_refused_in_one_line(cohort: Path, tmp_path: Path) -> None:
    code, out, err = run_cli(["review", str(cohort), "--format", "xapi", "--xapi-homepage", "academy.local"])
    assert code == 2 and out == ""
    assert err.strip().count("\n") == 0 and "not an absolute IRI" in err


@pytest.mark.parametrize("argv, message", [
    (["--lrs", "ftp://x"], "not an http(s) URL"),
    (["--lrs", "http://127.0.0.1:1/xAPI", "--lrs-user", "u", "--lrs-password-file", "/no/such/file"],
     "cannot read the LRS password file"),
    (["--accounts", "/no/such/accounts.csv"], "cannot read the accounts file"),
])
def test_bad_lrs_options_are_one_line(cohort: Path, argv: list[str], message: str) -> None:
    code, _, err = run_cli(["review", str(cohort), "--format", "xapi", *argv])
    assert code in (1, 2) and message in err and err.strip().count("\n") == 0 and "Traceback" not in err


class _FlakyLrs:
    """A stand-in LRS on localhost: fails the first POST of every batch with 503,
    then stores; answers 204 for a batch it holds in full (as an LRS does)."""

    def __init__(self) -> None:
        import http.server
        import threading

        self.posts: list[int] = []
        self.stored: dict[str, dict] = {}
        seen_bodies: set[bytes] = set()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.posts.append(len(body))
                if body not in seen_bodies:
                    seen_bodies.add(body)
                    self.send_response(503)
                    self.end_headers()
                    return
                batch = json.loads(body)
                new = [s for s in batch if s["id"] not in outer.stored]
                for s in new:
                    outer.stored[s["id"]] = s
                self.send_response(200 if new else 204)
                self.end_headers()
                if new:
                    self.wfile.write(json.dumps([s["id"] for s in new]).encode())

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/xAPI"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_batches_retries_and_back_off(cohort: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from simulator.review import lrs as lrs_module

    waits: list[float] = []
    monkeypatch.setattr(lrs_module.time, "sleep", waits.append)
    fake = _FlakyLrs()
    try:
        argv = ["review", str(cohort), "--format", "xapi", "--lrs", fake.url, "--lrs-batch", "50"]
        code, out, err = run_cli(argv)
        assert code == 0, err
        total = len(fake.stored)
        batches = -(-total // 50)
        assert f"sent {total} statement(s)" in out and f"in {batches} batch(es)" in out
        assert len(fake.posts) == 2 * batches and waits == [lrs_module.BACKOFF_S] * batches
        code, out, _ = run_cli(argv)  # resend: same ids, nothing new
        assert code == 0 and f"0 stored, {total} already there" in out and len(fake.stored) == total
    finally:
        fake.close()


def test_unreachable_lrs_gives_up_in_one_line(cohort: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from simulator.review import lrs as lrs_module

    waits: list[float] = []
    monkeypatch.setattr(lrs_module.time, "sleep", waits.append)
    code, _, err = run_cli(["review", str(cohort), "--format", "xapi", "--lrs", "http://127.0.0.1:1/xAPI"])
    assert code == 1 and "cannot reach the LRS" in err and err.strip().count("\n") == 0
    assert waits == [0.5, 1.0, 2.0, 4.0]  # exponential back-off between the five attempts


@pytest.mark.parametrize("content, message", [
    ("who,what\n", ":1: the first line must be the header"),
    ("trainee,name\nrecruit-000\n", ":2: expected trainee,name[,homepage]"),
    ("trainee,name,homepage\nrecruit-000,x,lms.local\n", ":2: homepage 'lms.local' is not an absolute IRI"),
    ("trainee,name\nrecruit-000,a\nrecruit-000,b\n", ":3: trainee 'recruit-000' is listed twice"),
])
def test_bad_accounts_file_is_one_line(cohort: Path, tmp_path: Path, content: str, message: str) -> None:
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(content)
    code, out, err = run_cli(["review", str(cohort), "--format", "xapi", "--accounts", str(accounts)])
    assert code == 1 and out == "" and message in err and err.strip().count("\n") == 0


def test_empty_password_file_is_one_line(cohort: Path, tmp_path: Path) -> None:
    password = tmp_path / "pass"
    password.write_text("\n")
    code, _, err = run_cli(["review", str(cohort), "--format", "xapi", "--lrs", "http://127.0.0.1:1/xAPI",
                            "--lrs-user", "u", "--lrs-password-file", str(password)])
    assert code == 1 and "password on one line" in err and err.strip().count("\n") == 0
