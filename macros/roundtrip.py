"""Round-trip YAML: change a data file and keep its comments, key order and quoting.

ruamel.yaml's round-trip mode keeps what a person wrote. This module adds the
few things it does not do by itself: it guesses each file's indentation, keeps
the comment at the end of a list at the end when an item is appended, keeps a
value's quotes when the value changes, and writes a file so that it is never
left half-written (a temporary file in the same folder, then ``os.replace``).

Only call ``load_text`` on text that the project's own loader accepted: that
loader refuses anchors, tags and oversized files before ruamel builds anything.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
from collections import deque
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import ScalarString
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent


class Document:
    """One YAML file in round-trip form, with the layout to write it back in."""

    def __init__(self, text: str) -> None:
        self.original = text
        text = text.replace("\r\n", "\n")
        _, sequence, offset = load_yaml_guess_indent(text) if text.strip() else (None, None, None)
        self.yaml = _yaml(sequence or 4, offset if offset is not None else 2)
        self.data: Any = self.yaml.load(text)

    def dump(self) -> str:
        out = io.StringIO()
        self.yaml.dump(self.data, out)
        return keep_endings(self.original, out.getvalue())


def keep_endings(original: str, text: str) -> str:
    """``text`` (with '\\n' line ends) written with the line ends of ``original``.

    A file with only LF or only CRLF keeps that. A file that mixes them keeps
    each unchanged line's own ending; a new line takes the ending of the line
    before it. So the diff of an edit shows only the edit.
    """
    lines = original.splitlines(keepends=True)
    crlf = sum(1 for line in lines if line.endswith("\r\n"))
    if not crlf:
        return text
    if crlf == sum(1 for line in lines if line.endswith("\n")):
        return text.replace("\n", "\r\n")
    endings: dict[str, deque[str]] = {}
    for line in lines:
        body = line.rstrip("\r\n")
        if line.endswith("\n"):
            endings.setdefault(body, deque()).append(line[len(body) :])
    out = []
    ending = "\n"
    parts = text.split("\n")
    for body in parts[:-1]:
        found = endings.get(body)
        if found:
            ending = found.popleft()
        out.append(body + ending)
    out.append(parts[-1])
    return "".join(out)


def _yaml(sequence: int, offset: int) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 10**9  # never fold a long line that the author wrote on one line
    yaml.indent(mapping=2, sequence=max(sequence, offset + 2), offset=offset)
    return yaml


def scalar(value: object) -> str:
    """A value written as a YAML scalar, quoted only when it must be."""
    yaml = _yaml(4, 2)
    out = io.StringIO()
    yaml.dump({"k": value}, out)
    text = out.getvalue()
    if "\n" in text.rstrip("\n"):
        raise ValueError("value does not fit on one line")
    return text.removeprefix("k: ").rstrip("\n")


def block_list(node: CommentedMap, key: str) -> CommentedSeq:
    """The list at ``node[key]``, created if missing, in block style ('- ' lines)."""
    seq = node.get(key)
    if not isinstance(seq, CommentedSeq):
        seq = CommentedSeq(seq or [])
        node[key] = seq
    seq.fa.set_block_style()
    return seq


def _last_slot(node: Any) -> tuple[Any, Any] | None:
    """The innermost last (container, key) of a node: where ruamel hangs trailing comments."""
    found = None
    while isinstance(node, CommentedMap | CommentedSeq) and len(node):
        key = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        found = (node, key)
        node = node[key]
    return found


def _comment(container: Any, key: Any) -> CommentToken | None:
    entry = container.ca.items.get(key)
    if not entry:
        return None
    token = entry[2] if isinstance(container, CommentedMap) else entry[0]
    return token if isinstance(token, CommentToken) else None


def _set_comment(container: Any, key: Any, token: CommentToken) -> None:
    if isinstance(container, CommentedMap):
        entry = container.ca.items.setdefault(key, [None, None, None, None])
        entry[2] = token
    else:
        entry = container.ca.items.setdefault(key, [None, None])
        entry[0] = token


def append(seq: CommentedSeq, item: Any) -> None:
    """Append ``item``; comment lines that ended the list stay at its end."""
    before = _last_slot(seq[-1]) if len(seq) else None
    seq.append(item)
    if before is None:
        return
    token = _comment(*before)
    after = _last_slot(item)
    if token is None or after is None:
        return
    newline = token.value.find("\n")
    tail = token.value[newline + 1 :] if newline >= 0 else ""
    if not tail.strip():
        return
    token.value = token.value[: newline + 1]
    _set_comment(*after, CommentToken("\n" + tail, token.start_mark, None))


def replace(node: CommentedMap, key: str, value: object) -> None:
    """Set ``node[key]``, keeping the quotes of the old value."""
    old = node.get(key)
    if isinstance(old, ScalarString) and isinstance(value, str):
        value = type(old)(value)
    node[key] = value


def insert_after(node: CommentedMap, after: str, key: str, value: object) -> None:
    """Insert ``key`` right after the key ``after`` (or at the end), keeping comments in place."""
    keys = list(node)
    position = keys.index(after) + 1 if after in keys else len(keys)
    if position == len(keys) and keys:
        # The new key becomes the last one: move the comment lines that followed the old last value.
        token = _comment(node, keys[-1])
        node[key] = value
        if token is not None:
            newline = token.value.find("\n")
            tail = token.value[newline + 1 :] if newline >= 0 else ""
            if tail.strip():
                token.value = token.value[: newline + 1]
                _set_comment(node, key, CommentToken("\n" + tail, token.start_mark, None))
        return
    node.insert(position, key, value)


TEMP_SUFFIX = ".tmp"
_KEEP = object()


class ChangedMeanwhile(Exception):
    """The file on disk is no longer the one that was read: someone saved it during the edit."""


def _temp_prefix(name: str) -> str:
    return f".{name}."


def remove_stale(path: Path) -> list[Path]:
    """Remove temporary files that an interrupted write of ``path`` left behind; return them.

    Call it only while holding the data folder's lock (``lock.hold``): then no
    other write can be using one.
    """
    found = [
        p for p in path.parent.glob(_temp_prefix(path.name) + "*" + TEMP_SUFFIX) if p.is_file() and not p.is_symlink()
    ]
    for p in found:
        p.unlink(missing_ok=True)
    return found


def _unchanged(path: Path, expected: bytes | None) -> bool:
    try:
        return path.read_bytes() == expected
    except FileNotFoundError:
        return expected is None


def write_atomic(path: Path, text: str, *, expected: bytes | None | object = _KEEP) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then rename.

    A reader sees either the old file or the new one, never a half-written one;
    the file keeps its permissions. With ``expected`` (the bytes that were read,
    or None for a file that did not exist) the file is replaced only while it
    still holds exactly those bytes; otherwise ChangedMeanwhile is raised and
    nothing is written. The check runs right before the rename, after the slow
    part, so the window in which a save can slip through is as short as it gets.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path.name), suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~umask()
        os.chmod(tmp, mode)
        if expected is not _KEEP and not _unchanged(path, expected):  # type: ignore[arg-type]
            raise ChangedMeanwhile(str(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def umask() -> int:
    """The process's file creation mask (read without changing it for good)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
