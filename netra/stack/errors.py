"""The one error type the stack raises: it carries what went wrong and what the user should do."""

from __future__ import annotations


class StackError(Exception):
    """A failure the operator can act on; the CLI prints it without a traceback."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message
