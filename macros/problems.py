"""Problems found in the data, in the one format editors and CI understand."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .text import safe_line

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place: ``path:line:col: severity: message``."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        # Cleaned as a whole: a value quoted in the message or a file name can never break the line.
        return safe_line(f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}")


class DataError(Exception):
    """The data has errors; ``problems`` lists all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        count = len(errors)
        super().__init__(f"{count} {'fout' if count == 1 else 'fouten'} in de gegevens")

    def report(self) -> str:
        """All problems, one a line, then a count."""
        lines = [str(p) for p in self.problems]
        lines.append(f"{self}: de site is niet gebouwd. Herstel de regels hierboven.")
        return "\n".join(lines)
