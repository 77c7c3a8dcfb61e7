"""One edit at a time per data folder: an exclusive lock held for the whole read, check and write.

Twenty ``handboek action add`` started at once must give twenty action points
with twenty codes. Each edit takes the lock on ``.handboek.lock`` inside the
data folder before it reads anything and gives it back after the write, so the
next one reads what the previous one wrote. The lock is the operating
system's (``flock`` on Linux and macOS, ``msvcrt.locking`` on Windows): a
killed process loses it at once, and no stale lock file can block the folder.
Nothing here knows about MkDocs or the command line.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".handboek.lock"
WAIT_SECONDS = 60.0
WAIT_ENV = "HANDBOOK_LOCK_WAIT"  # seconds to wait for another edit; for scripts and tests
_POLL = 0.05


class LockTimeout(Exception):
    """Another edit held the folder for longer than the wait allowed."""


def wait_seconds() -> float:
    """How long an edit waits for another one: $HANDBOOK_LOCK_WAIT or WAIT_SECONDS."""
    try:
        return max(0.0, float(os.environ.get(WAIT_ENV, WAIT_SECONDS)))
    except ValueError:
        return WAIT_SECONDS


if sys.platform == "win32":  # pragma: no cover - tested on Linux; the same calls, the Windows way
    import msvcrt

    def _try(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _release(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _seconds(value: float) -> str:
    return f"{value:g}".replace(".", ",")  # Dutch: 0,3 seconden


@contextmanager
def hold(folder: Path, *, wait: float | None = None, notify: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the data folder's lock inside the ``with`` block.

    When another edit has it, ``notify`` hears once that this one waits; after
    ``wait`` seconds (default: ``wait_seconds()``) LockTimeout is raised and
    nothing has been read or written.
    """
    limit = wait_seconds() if wait is None else wait
    path = folder / LOCK_NAME
    if path.is_symlink():
        raise LockTimeout(f"{LOCK_NAME} in de map met gegevens is een koppeling (symlink); haal die weg.")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        deadline = time.monotonic() + limit
        told = False
        while not _try(fd):
            if time.monotonic() >= deadline:
                raise LockTimeout(
                    f"een andere bewerking van deze map is na {_seconds(limit)} seconden nog bezig; er is niets veranderd. "
                    f"Probeer het zo opnieuw. Blijft dit zo? Kijk of er nog een 'handboek'-opdracht draait."
                )
            if not told and notify is not None:
                notify("een andere bewerking van deze map is bezig; even wachten …")
                told = True
            time.sleep(_POLL)
        try:
            yield
        finally:
            _release(fd)
    finally:
        os.close(fd)
