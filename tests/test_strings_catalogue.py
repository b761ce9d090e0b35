"""Every vocabulary id has a name in every catalogue, so no screen, debrief or report
falls back to a raw id or to English in another language."""

from __future__ import annotations

import pytest

from simulator.domain import (
    AuthorityAct,
    Behaviour,
    Competency,
    Consideration,
    Equipment,
    Factor,
    FirearmAct,
    Force,
    Injury,
    QualityRating,
    Rating,
    ReasonCode,
    Verdict,
    Weapon,
)
from simulator.strings import LANGUAGES, keys

VOCABULARIES = {
    "behaviour": Behaviour, "force": Force, "consideration": Consideration, "equipment": Equipment,
    "factor": Factor, "verdict": Verdict, "rating": Rating, "weapon": Weapon, "injury": Injury,
    "quality": QualityRating, "firearm": FirearmAct, "authority": AuthorityAct, "reason": ReasonCode,
    "competency": Competency, "competency_short": Competency,
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_vocabulary_id_is_named(lang: str) -> None:
    present = keys(lang)
    missing = [f"{kind}.{value.value}" for kind, enum in VOCABULARIES.items() for value in enum
               if f"{kind}.{value.value}" not in present]
    assert not missing, missing


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_catalogue_has_every_key(lang: str) -> None:
    assert keys("en") - keys(lang) == set()


def test_a_new_language_is_one_catalogue_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 11: adding a language touches one file. A copy of the package with one more
    catalogue plays a session in it, and its words reach the debrief."""
    import json
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    shutil.copytree(root / "simulator", tmp_path / "simulator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(root / "assets" / "images", tmp_path / "assets" / "images")  # the scenarios' pictures
    english = (root / "simulator" / "strings" / "en.yaml").read_text(encoding="utf-8")
    # A pretend language: the English catalogue with one teaching note reworded.
    marked = english.replace('feedback.why: "Why: {rationale}"', 'feedback.why: "XX-WHY: {rationale}"')
    assert marked != english
    (tmp_path / "simulator" / "strings" / "xx.yaml").write_text(marked, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    run = subprocess.run([sys.executable, "-m", "simulator", "run", str(root / "scenarios" / "phone-not-gun.yaml"),
                          "--policy", "best", "--lang", "xx", "--log-dir", str(tmp_path / "logs")],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stderr
    log = next((tmp_path / "logs").glob("*.jsonl"))
    assert json.loads(log.read_text(encoding="utf-8").splitlines()[0])["lang"] == "xx"
    # The debrief, rebuilt in the new language, speaks the new catalogue's words.
    probe = ("import json, sys\n"
             "from simulator.engine import debrief_from_records\n"
             "from simulator.logbook import read_record\n"
             "from simulator.scenario import load_file\n"
             "records = [read_record(json.loads(line)) for line in open(sys.argv[1], encoding='utf-8')]\n"
             "debrief = debrief_from_records(records, load_file(sys.argv[2]), 'xx')\n"
             "print(any('XX-WHY' in note for s in debrief.situations for note in s.feedback))\n")
    shown = subprocess.run([sys.executable, "-c", probe, str(log), str(root / "scenarios" / "phone-not-gun.yaml")],
                           capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert shown.stdout.strip() == "True", shown.stderr
    refused = subprocess.run([sys.executable, "-m", "simulator", "run", str(root / "scenarios" / "phone-not-gun.yaml"),
                              "--policy", "best", "--lang", "xx", "--log-dir", str(tmp_path / "logs2")],
                             capture_output=True, text=True, cwd=root, timeout=120)
    assert refused.returncode == 2 and "xx" in refused.stderr  # the real package has no such catalogue
