"""The one exception the readers raise for input they cannot read."""


class ReadError(ValueError):
    """A document could not be read.

    The message is a single line naming the problem, without the file name: callers prefix it
    (``f"{name}: {error}"``) so the admin and the command line show one clear line per file.
    """
