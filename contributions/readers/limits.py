"""Size limits applied before and while reading an uploaded document."""

from dataclasses import dataclass

from .errors import ReadError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounds that keep a hostile upload from exhausting memory or CPU.

    The defaults suit ITU contributions (a few hundred kB to a few MB); the Django caller fills
    them from settings.
    """

    max_bytes: int = 25 * MB  # size of the uploaded file itself
    max_entries: int = 1000  # members of a .docx zip
    max_uncompressed: int = 200 * MB  # sum of the members' uncompressed sizes
    max_ratio: int = 100  # uncompressed / compressed, per member and overall, from 1 MB up

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_entries", "max_uncompressed", "max_ratio"):
            if getattr(self, name) <= 0:
                raise ValueError(f"Limits.{name} must be positive")


DEFAULT_LIMITS = Limits()


def check_size(data: bytes, limits: Limits) -> None:
    """Refuse an empty upload or one over ``limits.max_bytes``, before any parsing."""
    if not data:
        raise ReadError("empty file")
    if len(data) > limits.max_bytes:
        raise ReadError(
            f"file is {human_size(len(data))}, over the {human_size(limits.max_bytes)} limit"
        )


def human_size(size: int) -> str:
    """A size the way people read it in an error message ("2.1 GB", "60 MB", "512 bytes")."""
    for unit, factor in (("GB", 1024**3), ("MB", MB), ("kB", 1024)):
        if size >= factor:
            value = size / factor
            return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"
    return f"{size} bytes"
