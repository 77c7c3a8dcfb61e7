"""Many editors, one data folder: no lost edits, no temporary files, each file's own line ends (issue 12)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from macros import edit, lock, roundtrip, session
from macros.append import appended
from macros.load import load
from macros.yamlsrc import decode, parse

from .conftest import ROOT

TODAY = dt.date(2026, 11, 23)


def _temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(roundtrip.TEMP_SUFFIX)]


def test_twenty_concurrent_adds_give_twenty_actions_with_twenty_codes(data_copy: Path) -> None:
    before = len(load(data_copy).org.actions)
    env = {**os.environ, "HANDBOOK_TODAY": TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1", lock.WAIT_ENV: "240"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "macros", "action", "add", "--data", str(data_copy)]
            + ["--what", f"Punt {n} van tegelijk", "--who", "erik-smit", "--due", "2027-01-15"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(20)
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    results = [(p.returncode, out, err) for p, (out, err) in zip(procs, outputs, strict=True)]
    for code, _, err in results:
        assert code == 0, err
    codes = [out.strip() for _, out, _ in results]
    assert len(set(codes)) == 20, codes
    actions = load(data_copy).org.actions
    assert len(actions) == before + 20
    assert {a.what for a in actions} >= {f"Punt {n} van tegelijk" for n in range(20)}
    assert set(codes) <= {a.id for a in actions}
    assert _temp_files(data_copy) == []


def test_a_hand_edit_during_an_add_stops_the_add_and_stays(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = data_copy / "actions.yml"
    hand = path.read_text(encoding="utf-8") + "# met de hand toegevoegd tijdens de bewerking\n"
    real = session.load

    def load_while_someone_saves(folder: Path, overrides: dict[str, str] | None = None) -> object:
        if overrides and "Nieuw punt" in overrides.get("actions.yml", ""):
            path.write_text(hand, encoding="utf-8")  # an editor saves while the add checks its new text
        return real(folder, overrides=overrides)

    monkeypatch.setattr(session, "load", load_while_someone_saves)
    with pytest.raises(edit.EditError) as info:
        edit.add_action(data_copy, what="Nieuw punt", who="erik-smit", due=dt.date(2027, 1, 15), today=TODAY)
    assert "door iemand anders opgeslagen" in info.value.message
    assert "niets geschreven" in info.value.message
    assert path.read_text(encoding="utf-8") == hand
    assert "Nieuw punt" not in path.read_text(encoding="utf-8")
    assert _temp_files(data_copy) == []


def test_an_add_waits_for_the_lock_and_says_so(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    heard: list[str] = []
    release, held = threading.Event(), threading.Event()

    def holder() -> None:
        with lock.hold(data_copy):
            held.set()
            release.wait(5)

    thread = threading.Thread(target=holder)
    thread.start()
    try:
        monkeypatch.setenv(lock.WAIT_ENV, "0.3")
        assert held.wait(5)
        with pytest.raises(edit.EditError) as info:
            edit.add_action(
                data_copy, what="Wacht", who="erik-smit", due=dt.date(2027, 1, 15), today=TODAY, notify=heard.append
            )
    finally:
        release.set()
        thread.join()
    assert heard == ["een andere bewerking van deze map is bezig; even wachten …"]
    assert "na 0,3 seconden nog bezig" in info.value.message and "niets veranderd" in info.value.message
    # Once the other edit is done, the same add goes through.
    result = edit.add_action(data_copy, what="Wacht", who="erik-smit", due=dt.date(2027, 1, 15), today=TODAY)
    assert result.id in {a.id for a in load(data_copy).org.actions}


def test_temporary_files_of_a_killed_edit_are_removed_by_the_next(data_copy: Path) -> None:
    stale = data_copy / ".actions.yml.k1ll3d.tmp"
    stale.write_text("half geschreven", encoding="utf-8")
    edit.add_action(data_copy, what="Na een crash", who="erik-smit", due=dt.date(2027, 1, 15), today=TODAY)
    assert not stale.exists()
    assert _temp_files(data_copy) == []


def test_mixed_line_ends_stay_line_by_line(data_copy: Path) -> None:
    path = data_copy / "actions.yml"
    lines = path.read_bytes().split(b"\n")
    mixed = b"".join(line + (b"\r\n" if i % 3 == 0 else b"\n") for i, line in enumerate(lines[:-1]))
    path.write_bytes(mixed)
    edit.add_action(data_copy, what="Gemengd", who="erik-smit", due=dt.date(2027, 1, 15), today=TODAY)
    after = path.read_bytes()
    assert after.count(b"\r\n") >= mixed.count(b"\r\n")
    assert after.count(b"\n") - after.count(b"\r\n") > mixed.count(b"\n") - mixed.count(b"\r\n")
    for line in mixed.splitlines(keepends=True):
        assert line in after
    # The slow path (the round trip) keeps them too: never all CRLF.
    edit.set_action_status(data_copy, "ap-01", "klaar", today=TODAY)
    final = path.read_bytes()
    assert b"\n" in final.replace(b"\r\n", b"") and b"\r\n" in final
    assert final.replace(b"\r\n", b"\n") == final.replace(b"\r\n", b"\n")  # still one document
    assert load(data_copy).org.actions


def test_fast_append_writes_what_the_round_trip_writes(data_copy: Path) -> None:
    text = decode((data_copy / "actions.yml").read_bytes())
    source = parse("actions.yml", text)
    item = {"id": "ap-99", "what": "Een punt: met 'tekens' # en meer", "who": "erik-smit", "due": dt.date(2027, 1, 2)}
    fast = edit.append_item(text, source, "actions", item)
    assert fast is not None
    doc = roundtrip.Document(text)
    roundtrip.append(roundtrip.block_list(doc.data, "actions"), dict(item))
    assert parse("a", fast).value == parse("b", doc.dump()).value
    assert appended(source, parse("a", fast), "actions", item)
    assert not appended(source, parse("c", fast.replace("erik-smit", "kees-bakker", 1)), "actions", item)
    assert fast.startswith(text.rsplit("\n", 3)[0].split("# ")[0][:200])


def test_a_symlinked_data_file_is_refused_and_not_replaced(data_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "geheim.yml"
    outside.write_text((data_copy / "actions.yml").read_text(encoding="utf-8") + "# GEHEIM-123\n", encoding="utf-8")
    (data_copy / "actions.yml").unlink()
    (data_copy / "actions.yml").symlink_to(outside)
    with pytest.raises(edit.EditError) as info:
        edit.add_action(data_copy, what="Via koppeling", who="erik-smit", due=dt.date(2027, 1, 15), today=TODAY)
    messages = " ".join(str(p) for p in info.value.problems)
    assert "actions.yml" in messages and "koppeling (symlink)" in messages
    assert "GEHEIM" not in messages
    assert (data_copy / "actions.yml").is_symlink()
    assert "Via koppeling" not in outside.read_text(encoding="utf-8")


def test_a_large_list_gets_its_item_as_text_and_its_closing_comment_stays_last() -> None:
    items = "".join(
        f"  - id: ap-{n:04d}\n    what: Punt {n}  # opmerking {n}\n    who: erik-smit\n" for n in range(1, 400)
    )
    text = f"# kop\nactions:\n{items}  # einde van de lijst\n\n# slot\n"
    item = {"id": "ap-0400", "what": "Nieuw: punt", "who": "erik-smit"}
    fast = edit.append_item(text, parse("actions.yml", text), "actions", item)
    assert fast is not None
    assert fast.startswith(text[: text.index("  # einde")])
    assert fast.endswith(
        "  - id: ap-0400\n    what: 'Nieuw: punt'\n    who: erik-smit\n  # einde van de lijst\n\n# slot\n"
    )
    flow = "actions: [{id: ap-01, what: x, who: erik-smit}]\n"
    assert edit.append_item(flow, parse("actions.yml", flow), "actions", item) is None  # the round trip does it


def test_when_the_text_append_is_not_as_meant_the_round_trip_writes(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(edit, "appended", lambda *args: False)
    result = edit.add_action(data_copy, what="Via de omweg", who="erik-smit", due=dt.date(2027, 1, 15), today=TODAY)
    assert [a.what for a in load(data_copy).org.actions if a.id == result.id] == ["Via de omweg"]
    assert _temp_files(data_copy) == []


def test_an_edit_killed_while_writing_leaves_a_temporary_file_that_the_next_removes(data_copy: Path) -> None:
    script = (
        "import os, sys, time, datetime as dt\n"
        "from pathlib import Path\n"
        "from macros import edit\n"
        "os.replace = lambda *a: (print('schrijft', flush=True), time.sleep(60))\n"  # stuck right before the rename
        f"edit.add_action(Path({str(data_copy)!r}), what='Gestopt', who='erik-smit', due=dt.date(2027, 1, 15),"
        " today=dt.date(2026, 11, 23))\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "schrijft"
        assert len(_temp_files(data_copy)) == 1
    finally:
        proc.kill()
        proc.communicate(timeout=30)
    assert len(_temp_files(data_copy)) == 1  # a kill runs no clean-up
    edit.add_action(data_copy, what="Daarna", who="erik-smit", due=dt.date(2027, 1, 15), today=TODAY)
    assert _temp_files(data_copy) == []
    assert "Gestopt" not in (data_copy / "actions.yml").read_text(encoding="utf-8")
