"""Issue 13: validator messages that teach, language checks, rubric files, and
the JSON Schema held against the validator on the library and the broken corpus."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from simulator.cli import main
from simulator.scenario import ScenarioError, load_file
from simulator.scenario.library import check_file
from simulator.scenario.schema import scenario_schema
from simulator.scenario.source import decode, parse

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT / "tests" / "fixtures" / "contract_example.yaml"
TEACHING = ROOT / "tests" / "fixtures" / "teaching" / "bus-shelter-refusal.yaml"
BROKEN = ROOT / "tests" / "fixtures" / "broken"


def write(tmp_path: Path, text: str, name: str = "bus-shelter-refusal.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(path: Path) -> list[str]:
    try:
        loaded = load_file(path)
    except ScenarioError as exc:
        return [str(p) for p in exc.problems]
    return [str(p) for p in loaded.warnings]


def teaching_text() -> str:
    return TEACHING.read_text(encoding="utf-8")


# --- YAML in plain words ------------------------------------------------------------------------


def test_a_tab_says_use_spaces(tmp_path: Path) -> None:
    path = write(tmp_path, teaching_text().replace("    title: {en: The shelter", "\ttitle: {en: The shelter"))
    (message,) = errors_of(path)
    assert message.endswith("tabs cannot indent YAML; use spaces")
    assert ":34:1:" in message


@pytest.mark.parametrize("old, new, words", [
    ("    narrative:\n      en: A man in his sixties", "     narrative:\n      en: A man in his sixties",
     "indented more than the line above"),
    ("    title: {en: The shelter, fr: L'abribus}\n", "      title: {en: The shelter, fr: L'abribus}\n",
     "the keys of one mapping must start in the same column"),
    ("    subject:\n      behaviour: passive_resistant\n      cues:",
     "    subject:\n      behaviour: passive_resistant\n    cues:",
     "'cues' is not a field here; it belongs under 'subject': check this line's indentation"),
    ("      - speaker: {en: Supervisor", "     - speaker: {en: Supervisor", "indented"),
    ("summary:\n", "summary\n", "no 'key: value' colon"),
    ("      - {at: [7, 2]", "      -{at: [7, 2]", "a list item needs a space after '-'"),
])
def test_indentation_mistakes_in_plain_words(tmp_path: Path, old: str, new: str, words: str) -> None:
    text = teaching_text()
    assert old in text
    (message,) = errors_of(write(tmp_path, text.replace(old, new, 1)))
    assert words in message
    assert "cannot start any token" not in message and "did not find expected key" not in message


def test_a_bad_situation_key_is_quoted_alone(tmp_path: Path) -> None:
    (message,) = errors_of(write(tmp_path, teaching_text().replace("  talks:\n", "  Talks Later:\n")))
    assert message.endswith("'Talks Later' is not an id of lowercase letters, digits and '-'")
    assert "narrative" not in message


def test_unknown_ids_get_did_you_mean(tmp_path: Path) -> None:
    text = teaching_text().replace("next: talks\n", "next: tlaks\n", 1).replace("start: shelter", "start: shelterr")
    messages = errors_of(write(tmp_path, text))
    assert any("'tlaks' is not a situation or ending id (did you mean 'talks'?)" in m for m in messages)
    assert any("start 'shelterr' is not a situation id (did you mean 'shelter'?)" in m for m in messages)


def test_a_loop_with_no_exit_is_named_with_a_fixed_example(tmp_path: Path) -> None:
    text = teaching_text().replace("""        next: warm
        rationale:
          en: He is cooperative now""", """        effects: {calls: 1}
        next: shelter
        rationale:
          en: He is cooperative now""").replace("start: shelter", "variables: {calls: 0}\nstart: shelter")
    text = text.replace("        next: cold\n        rationale:\n          en: Within the range",
                        "        next:\n          - if: {calls: {at_least: 5}}\n            goto: shelter\n"
                        "          - goto: talks\n        rationale:\n          en: Within the range")
    text = text.replace("        next: cold\n        rationale:\n          en: Pulling", "        next: talks\n"
                        "        rationale:\n          en: Pulling")
    text = text.replace("    timeout: cold\n", "    timeout: talks\n")
    path = write(tmp_path, text)
    first = errors_of(path)
    loops = [m for m in first if "loop" in m and "error" in m]
    assert loops and any("loop with no exit: shelter → talks → shelter" in m for m in loops), first
    assert any("(for example with calls=0)" in m for m in loops)
    assert errors_of(path) == first        # the same words every run


def test_file_name_must_match_the_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, teaching_text(), "draft.yaml")
    assert main(["validate", str(path)]) == 0
    assert main(["validate", "--strict", str(path)]) == 1
    assert "named 'draft.yaml' but the scenario id is 'bus-shelter-refusal'" in capsys.readouterr().out
    assert main(["validate", "--strict", str(TEACHING)]) == 0


def test_variable_changed_but_never_tested_warns(tmp_path: Path) -> None:
    text = teaching_text().replace("start: shelter", "variables: {rapport: 0}\nstart: shelter").replace(
        "        preferred: true\n        next: talks",
        "        preferred: true\n        effects: {rapport: 1}\n        next: talks")
    messages = errors_of(write(tmp_path, text))
    assert any("warning: variable 'rapport' is changed by options but no 'if' ever tests it" in m for m in messages)


# --- languages ---------------------------------------------------------------------------------------


def test_partial_translation_is_reported_for_every_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = teaching_text().replace("    fr: Il est cooperatif", "").replace(
        "      fr: Il vous dit que le refuge de la rue Queen a fermé tôt. "
        "Il partirait s'il avait un endroit au chaud.\n", "")
    text = text.replace("label: {en: Arrest him for trespass, fr: L'arrêter pour intrusion}",
                        "label: Arrest him for trespass")
    path = write(tmp_path, text)
    assert main(["validate", str(path)]) == 0           # a warning: the window falls back to English
    assert main(["validate", "--strict", str(path)]) == 1
    out = capsys.readouterr().out
    missing = [line for line in out.splitlines() if "has no 'fr' translation" in line]
    assert len(missing) == 4                            # 2 runs x 2 texts
    assert any(":105:" in line for line in missing) and any(":128:" in line for line in missing)


def test_without_declared_languages_partial_text_is_fine(tmp_path: Path) -> None:
    text = teaching_text().replace("languages: [en, fr]\n", "").replace(
        "label: {en: Arrest him for trespass, fr: L'arrêter pour intrusion}", "label: Arrest him for trespass")
    assert not [m for m in errors_of(write(tmp_path, text)) if "translation" in m]


@pytest.mark.parametrize("old, new, words", [
    ("languages: [en, fr]", "languages: [en, xx]", "'xx' is not a known language code"),
    ("fr: Homme qui refuse", "fe: Homme qui refuse", "'fe' is not a known language code (did you mean 'fr'?)"),
])
def test_unknown_language_code_is_an_error(tmp_path: Path, old: str, new: str, words: str) -> None:
    messages = errors_of(write(tmp_path, teaching_text().replace(old, new, 1)))
    assert any(words in m and ": error: " in m for m in messages), messages


# --- rubric files --------------------------------------------------------------------------------------


def test_validate_checks_the_rubric_file_with_its_own_positions(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, teaching_text().replace("start: shelter", "rubric: strict.yaml\nstart: shelter"))
    (tmp_path / "strict.yaml").write_text("name: strict\nweights: {assess: 0.3, plann: 0.2}\npass_mark: 170\n")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "rubric file 'strict.yaml' has 2 errors" in out
    assert re.search(r"strict\.yaml:2:24: error: unknown field 'plann' \(did you mean 'plan'\?\)", out)
    assert re.search(r"strict\.yaml:3:12: error: must be <= 100", out)
    (tmp_path / "strict.yaml").write_text("name: strict\npass_mark: 80\n")
    assert main(["validate", "--strict", str(path)]) == 0


# --- the JSON Schema against the validator ------------------------------------------------------------

# Broken-corpus cases the schema cannot see, each with the words docs/authoring.md uses for its rule.
ONLY_VALIDATE = {
    "branch-without-default": "a list of branches ends with one that has no `if`",
    "duplicate-option-id": "ids are unique",
    "duplicate-tactic-id": "ids are unique",
    "id-situation-and-ending": "ids are unique",
    "image-absolute": "files named by `image` and `rubric`",
    "image-escapes-dotdot": "files named by `image` and `rubric`",
    "image-missing": "files named by `image` and `rubric`",
    "rubric-missing": "files named by `image` and `rubric`",
    "min-above-max": "`reasonable` has `min` at or below `max`",
    "no-ending-reachable": "an ending can be reached from every state",
    "officer-outside-scene": "every point lies inside the scene",
    "point-outside-scene": "every point lies inside the scene",
    "start-is-ending": "every id that `start`, `next`, `goto` and `timeout` name exists",
    "undeclared-variable-condition": "every variable is declared",
    "undeclared-variable-effect": "every variable is declared",
    "unknown-branch-goto": "every id that `start`, `next`, `goto` and `timeout` name exists",
    "unknown-next": "every id that `start`, `next`, `goto` and `timeout` name exists",
    "unknown-random-goto": "every id that `start`, `next`, `goto` and `timeout` name exists",
    "unknown-start": "every id that `start`, `next`, `goto` and `timeout` name exists",
    "unknown-timeout": "every id that `start`, `next`, `goto` and `timeout` name exists",
}


def _schema_errors(path: Path) -> list[str] | None:
    """The schema's complaints, or None when the file is not YAML our parser accepts."""
    try:
        data, _ = parse(decode(path.read_bytes(), str(path)), str(path))
    except ScenarioError:
        return None
    validator = jsonschema.Draft202012Validator(scenario_schema())
    return [e.message for e in validator.iter_errors(data)]


@pytest.mark.parametrize("path", sorted((ROOT / "scenarios").glob("*.yaml")) + [TEACHING, CONTRACT],
                         ids=lambda p: p.name)
def test_schema_accepts_every_valid_scenario(path: Path) -> None:
    assert not check_file(path).errors
    assert _schema_errors(path) == []


@pytest.mark.parametrize("path", sorted(BROKEN.glob("*.yaml")), ids=lambda p: p.stem)
def test_schema_rejects_what_validate_rejects_or_docs_say_so(path: Path) -> None:
    assert check_file(path).errors
    complaints = _schema_errors(path)
    if complaints is None:
        return  # not YAML the parser accepts: the "YAML rules" of the docs section
    if complaints:
        assert path.stem not in ONLY_VALIDATE, f"{path.stem}: the schema now catches it; drop it from ONLY_VALIDATE"
        return
    assert path.stem in ONLY_VALIDATE, f"{path.stem}: the schema accepts it; list its rule in docs/authoring.md"


def test_docs_list_what_only_validate_checks() -> None:
    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    section = guide[guide.index("checked only by `uofsim validate`"):]
    for words in set(ONLY_VALIDATE.values()):
        assert words in section, words


def test_schema_has_key_patterns_and_the_timeout_rule() -> None:
    schema = scenario_schema()
    assert schema["properties"]["situations"]["propertyNames"]["pattern"] == "^[a-z0-9][a-z0-9-]*$"
    assert schema["properties"]["variables"]["propertyNames"]["pattern"] == "^[a-z_][a-z0-9_]*$"
    assert schema["$defs"]["Situation"]["dependentRequired"]["time_limit_s"] == ["timeout"]


def test_schema_flags_bad_keys_and_a_lonely_time_limit(tmp_path: Path) -> None:
    bad = write(tmp_path, teaching_text().replace("  talks:\n", "  Talks:\n").replace("    timeout: cold\n", ""))
    complaints = " | ".join(_schema_errors(bad) or [])
    assert "'Talks' does not match" in complaints
    assert "'timeout' is a dependency of 'time_limit_s'" in complaints


def test_teaching_fixture_is_clean_even_under_strict(tmp_path: Path) -> None:
    copy = tmp_path / TEACHING.name
    shutil.copy(TEACHING, copy)
    assert not check_file(copy).problems


def test_a_labelled_bystander_outside_the_scene_points_at_its_at(tmp_path: Path) -> None:
    text = teaching_text().replace("- {at: [3, 1.5], label: {en: Supervisor",
                                   "- {at: [30, 1.5], label: {en: Supervisor")
    (message,) = [m for m in errors_of(write(tmp_path, text)) if "outside" in m]
    assert ":50:16: error: point [30.0, 1.5] lies outside the 12 x 6 m scene" in message
