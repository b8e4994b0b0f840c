"""What the text commands share: reading a file, and turning engine errors into CommandError."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError

from resolutions.text.headings import LANGUAGES


def add_common_arguments(parser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the text (default: detect)")
    parser.add_argument("--format", choices=("json", "text"), default="json")


def read_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise CommandError(f"{path}: no such file") from error
    except UnicodeDecodeError as error:
        raise CommandError(f"{path}: not UTF-8 text ({error.reason})") from error
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror}") from error
