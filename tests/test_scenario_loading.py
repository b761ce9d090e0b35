from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.domain import Behaviour, Force
from simulator.scenario import ScenarioError, Severity, load_file, load_scenario
from simulator.scenario.model import RandomNext
from simulator.scenario.source import parse

BASE = (Path(__file__).parent / "fixtures" / "make_broken.py")


def base_text() -> str:
    spec = importlib.util.spec_from_file_location("make_broken", BASE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.BASE


def write(tmp_path: Path, text: str, name: str = "s.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_contract_example_validates(contract_example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    named = tmp_path / "knife-crisis-hallway.yaml"  # validate wants the file named after its id
    named.write_bytes(contract_example.read_bytes())
    # Every field of the contract's example is accepted. Rubric default-2's teaching checks
    # warn about what it would teach (unqualified lethal force, injuries without follow-up).
    assert main(["validate", str(named)]) == 0
    warnings = [line for line in capsys.readouterr().out.splitlines() if ": warning: " in line]
    assert len(warnings) == 5 and all(
        ("lethal_force without saying how" in w or "no follow-up step" in w or "no front-line action" in w)
        for w in warnings)
    scenario = load_scenario(contract_example)
    arrival = scenario.situations["arrival"]
    assert arrival.subject.behaviour is Behaviour.SERIOUS_BODILY_HARM_OR_DEATH
    assert arrival.force_range.min is Force.COMMUNICATION
    assert isinstance(arrival.option("tackle").next, RandomNext)
    assert arrival.options[0].next[0].when["agitation"].at_most == 2
    assert scenario.endings["shot"].fatal is True


def test_yaml_11_words_stay_strings(tmp_path: Path) -> None:
    text = base_text().replace("label: Push him", "label: no").replace("narrative: He stays.", "narrative: on")
    scenario = load_scenario(write(tmp_path, text))
    assert scenario.situations["one"].option("push").label.get() == "no"
    assert scenario.endings["bad"].narrative.get() == "on"


def test_multilingual_text_falls_back_to_english(tmp_path: Path) -> None:
    text = base_text().replace("narrative: He leaves.", "narrative: {en: He leaves., fr: Il part.}")
    ending = load_scenario(write(tmp_path, text)).endings["good"]
    assert ending.narrative.get("fr") == "Il part."
    assert ending.narrative.get("de") == "He leaves."
    assert ending.narrative.languages() == {"en", "fr"}


def test_crlf_and_bom_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + base_text().replace("\n", "\r\n").encode())
    assert load_scenario(path).id == "base"


def test_images_resolve_next_to_the_scenario_but_never_outside(tmp_path: Path) -> None:
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "a.png").write_bytes(b"png")
    ok = base_text().replace("    time_limit_s: 10\n", "    image: pics/a.png\n    time_limit_s: 10\n")
    assert load_scenario(write(tmp_path, ok)).situations["one"].image == "pics/a.png"
    outside = tmp_path.parent / f"{tmp_path.name}-secret.png"
    outside.write_bytes(b"png")
    (tmp_path / "link.png").symlink_to(outside)
    linked = base_text().replace("    time_limit_s: 10\n", "    image: link.png\n    time_limit_s: 10\n")
    with pytest.raises(ScenarioError, match="leaves its folder"):
        load_scenario(write(tmp_path, linked))


def test_warnings_pass_unless_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        base_text()
        .replace("equipment: [handcuffs, baton, pistol]", "equipment: [handcuffs]")
        .replace("        force: [physical_control_hard]", "        force: [intermediate_weapons]")
        .replace("variables:\n  calm: 0\n", "variables:\n  calm: 0\n  spare: 1\n")
        + "  lonely:\n    narrative: Nobody comes here.\n    result: resolved\n"
    )
    path = write(tmp_path, text)
    loaded = load_file(path)
    messages = [p.message for p in loaded.warnings]
    assert all(p.severity is Severity.WARNING for p in loaded.warnings)
    assert any("ending 'lonely' cannot be reached" in m for m in messages)
    assert any("carries no equipment" in m for m in messages)
    assert any("variable 'spare' is never changed" in m for m in messages)
    assert main(["validate", str(path)]) == 0
    assert main(["validate", "--strict", str(path)]) == 1
    assert ": warning: " in capsys.readouterr().out


def test_validate_folder_checks_ids_are_unique(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, base_text(), "a.yaml")
    write(tmp_path, base_text(), "b.yaml")
    assert main(["validate", str(tmp_path)]) == 1
    assert "scenario id 'base' is also used by" in capsys.readouterr().out


def test_validate_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, base_text().replace("start: one", "start: two"))
    assert main(["validate", "--format", "json", str(path)]) == 1
    report = json.loads(capsys.readouterr().out)
    problem = next(p for p in report["files"][0]["problems"] if p["severity"] == "error")
    assert (problem["line"], problem["col"], problem["severity"]) == (4, 8, "error")


def test_every_error_in_a_file_is_reported(tmp_path: Path) -> None:
    text = base_text().replace("behaviour: passive_resistant", "behaviour: hostile")
    text = text.replace("rating: recommended", "rating: good")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(write(tmp_path, text))
    # "rating: recommended" appears in a tactic and a follow-up: three errors in all.
    assert len(caught.value.problems) == 3
    assert len({(p.line, p.col) for p in caught.value.problems}) == 3


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    with pytest.raises(ScenarioError, match="too many aliases"):
        parse("\n".join(lines) + "\n", "bomb.yaml")


def test_deep_nesting_is_refused() -> None:
    with pytest.raises(ScenarioError, match="nested"):
        parse("a: " + "[" * 5000 + "]" * 5000 + "\n", "deep.yaml")
    with pytest.raises(ScenarioError, match="nested more than"):
        parse("a: " + "[" * 500 + "]" * 500 + "\n", "deep.yaml")


def test_new_writes_a_scenario_that_passes_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "my-first", "--dir", str(tmp_path)]) == 0
    assert main(["validate", "--strict", str(tmp_path / "my-first.yaml")]) == 0
    assert main(["new", "my-first", "--dir", str(tmp_path)]) == 1
    assert main(["new", "Not_Valid", "--dir", str(tmp_path)]) == 2


def test_schema_accepts_the_contract_example(contract_example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    data, _ = parse(contract_example.read_text(), "x")
    jsonschema.Draft202012Validator(schema).validate(data)
    bad = dict(data, colour="red")
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(bad))


def test_graph_draws_options_timeouts_and_random_branches(contract_example: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", str(contract_example)]) == 0
    mermaid = capsys.readouterr().out
    assert mermaid.startswith("flowchart TD")
    assert 'n_arrival -.->|"timeout 20s"| n_advances' in mermaid
    assert "[3/4]" in mermaid and "[agitation <= 2]" in mermaid
    assert main(["graph", "--format", "dot", str(contract_example)]) == 0
    dot = capsys.readouterr().out
    assert '"advances" -> "officer-cut" [label="timeout 4s", style=dashed];' in dot
    assert "style=dotted" in dot


def test_graph_of_a_broken_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "format: 1\n")
    assert main(["graph", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "missing required field" in err


def test_validate_does_not_import_pygame_or_matplotlib(contract_example: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "simulator", "validate", str(contract_example)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "pydantic" in imported
    assert not {name for name in imported if name.split(".")[0] in {"pygame", "pygame_gui", "matplotlib", "jinja2"}}


def test_missing_path_and_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "/no/such/file.yaml"]) == 1
    with pytest.raises(SystemExit) as exited:
        main(["validate", "--format", "xml", "x.yaml"])
    assert exited.value.code == 2


def test_a_folder_given_to_load_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="is a folder"):
        load_file(tmp_path)
    shutil.rmtree(tmp_path)


def test_escape_sequences_from_a_file_never_reach_the_terminal(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    text = base_text().replace("behaviour: passive_resistant", 'behaviour: "\\e[2Jgone"')
    path = write(tmp_path, text)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "'\\x1b[2Jgone' is not a known behaviour" in out
    labelled = write(tmp_path, base_text().replace("label: Push him", 'label: "\\e]0;title\\a push"'), "l.yaml")
    assert main(["graph", str(labelled)]) == 0
    graph = capsys.readouterr().out
    assert "\x1b" not in graph and "\x07" not in graph and "\\x1b]0;title\\x07 push" in graph
    assert main(["graph", str(write(tmp_path, "format: 1\ntitle: \"\\e[31m\"\n", "b.yaml"))]) == 1
    assert "\x1b" not in capsys.readouterr().err


def test_a_multi_line_value_quoted_in_a_message_stays_on_one_line(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    # Found by hypothesis: the plain scalar "0\n0" at top level was quoted with its newline.
    path = write(tmp_path, "0\n\n0\n")
    assert main(["validate", str(path)]) == 1
    (line,) = [entry for entry in capsys.readouterr().out.splitlines() if ": error: " in entry]
    assert line.endswith("found '0\\n0'")
