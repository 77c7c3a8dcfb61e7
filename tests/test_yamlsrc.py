"""The safe YAML reader: values, positions, and the doors it keeps shut."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from macros import yamlsrc
from macros.yamlsrc import Pos, YamlProblem, decode, parse

from . import hostile
from .conftest import DATA


def test_values_and_positions() -> None:
    src = parse("f.yml", "a: 1\nb:\n  - x: 2026-01-05\n    y: 'q'\n  - tekst\n")
    assert src.value == {"a": 1, "b": [{"x": dt.date(2026, 1, 5), "y": "q"}, "tekst"]}
    assert src.values[("b", 0, "y")] == Pos(4, 8)
    assert src.keys[("b", 0, "y")] == Pos(4, 5)
    assert src.where(("b", 0, "missing")) == Pos(3, 5)


def test_yaml_12_scalars_stay_text() -> None:
    src = parse("f.yml", "a: yes\nb: 08:30\nc: no\nd: '12'\n")
    assert src.value == {"a": "yes", "b": "08:30", "c": "no", "d": "12"}


def test_folded_text_has_no_fold_marks() -> None:
    src = parse("f.yml", "a: >-\n  een\n  twee\n")
    assert src.value == {"a": "een twee"}


def test_impossible_date_stays_text_for_the_model() -> None:
    assert parse("f.yml", "a: 2026-02-30\n").value == {"a": "2026-02-30"}


@pytest.mark.parametrize(
    ("text", "pos", "fragment"),
    [
        ("a: 1\na: 2\n", Pos(2, 1), "twee keer"),
        ("a:\n\tb: 1\n", Pos(2, 1), "tab"),
        ("a: &x [1]\nb: *x\n", Pos(1, 4), "ankers"),
        ("a: !!python/object/apply:os.system ['ls']\n", Pos(1, 4), "!!python/object/apply:os.system"),
        ("a: !eigen 1\n", Pos(1, 4), "labels"),
        ("a: [1, 2\n", Pos(1, 4), "de [ op deze regel wordt niet gesloten"),
        ("a: 1\n---\nb: 2\n", Pos(3, 1), "één document"),
        ("[1]: 2\n", Pos(1, 1), "sleutel"),
        ("a: b\x00\n", Pos(1, 5), "U+0000"),
        ("a: b: c\n", Pos(1, 5), "dubbele punt"),
    ],
)
def test_rejected_with_position(text: str, pos: Pos, fragment: str) -> None:
    with pytest.raises(YamlProblem) as info:
        parse("f.yml", text)
    assert info.value.pos == pos
    assert fragment in info.value.message


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 9)}]" for i in range(1, 10)]
    started = time.perf_counter()
    with pytest.raises(YamlProblem) as info:
        parse("bomb.yml", "\n".join(lines) + "\n")
    assert "ankers" in info.value.message
    assert time.perf_counter() - started < 5  # generous: the point is that nothing expands


def test_deep_nesting_is_refused() -> None:
    with pytest.raises(YamlProblem) as info:
        parse("f.yml", "a: " + "[" * 200 + "]" * 200 + "\n")
    assert "te diep" in info.value.message


def test_decode_reports_the_bad_byte() -> None:
    with pytest.raises(YamlProblem) as info:
        decode(b"a: 1\nb: caf\xe9\n")
    assert info.value.pos == Pos(2, 7)
    assert "UTF-8" in info.value.message


def test_decode_strips_bom() -> None:
    assert decode("\ufeffa: 1\n".encode()) == "a: 1\n"


def test_empty_document_has_no_value() -> None:
    assert parse("f.yml", "# alleen commentaar\n").value is None


def test_fast_and_careful_parsers_agree(tmp_path: Path) -> None:
    """libyaml (fast path) and ruamel.yaml give the same values and positions, also for hostile text."""
    folder = hostile.make(DATA, tmp_path / "hostile")
    texts = [p.read_text(encoding="utf-8") for root in (DATA, folder) for p in sorted(root.rglob("*.yml"))]
    texts += ["a: Zoë 😀 é\nb: {x: é, y: ü}\nc: [ä, 'ö', \"ß\"]\n", "k: >\n  a\n\n  b\nt: 08:30\nu: yes\nv: ~\n"]
    assert yamlsrc._CParser is not None, "PyYAML without libyaml: the fast path is not tested"
    for text in texts:
        fast = yamlsrc._build("f.yml", yamlsrc._fast_events(text))
        careful = yamlsrc._build("f.yml", yamlsrc.YAML(typ="rt").parse(text))
        assert (fast.value, fast.values, fast.keys) == (careful.value, careful.values, careful.keys)


def test_tab_and_directive_go_the_careful_way() -> None:
    with pytest.raises(YamlProblem, match="tab"):
        parse("f.yml", "a: \tb\n")
    assert parse("f.yml", "%YAML 1.2\n---\na: yes\n").value == {"a": "yes"}
