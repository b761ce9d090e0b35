"""Errors a command reports to the user as one line, without a traceback."""


class UserError(Exception):
    """The input has a problem (exit status 1). The message is the whole line."""


class UsageError(Exception):
    """The command was called wrongly (exit status 2)."""
