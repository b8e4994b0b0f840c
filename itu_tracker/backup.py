"""Back up and restore the whole database: pg_dump/pg_restore on PostgreSQL, SQLite's backup API.

Restores are all-or-nothing: pg_restore runs in a single transaction, and a SQLite restore is
copied page by page into the live file only once the dump has been opened successfully.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url


class BackupError(RuntimeError):
    pass


def _config(url: str) -> dict:
    return dj_database_url.parse(url)


def _pg_env(cfg: dict) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "PGHOST": cfg.get("HOST") or "",
            "PGPORT": str(cfg.get("PORT") or ""),
            "PGUSER": cfg.get("USER") or "",
            "PGDATABASE": cfg["NAME"],
        }
    )
    if cfg.get("PASSWORD"):
        env["PGPASSWORD"] = cfg["PASSWORD"]
    return {k: v for k, v in env.items() if v != ""}


def _run(args: list[str], env: dict[str, str]) -> None:
    if shutil.which(args[0]) is None:
        raise BackupError(f"{args[0]} is not installed (Debian: postgresql-client)")
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{args[0]} failed: {result.stderr.strip()}")


def backup(url: str, target: Path) -> Path:
    cfg = _config(url)
    if "postgresql" in cfg["ENGINE"]:
        _run(["pg_dump", "--format=custom", "--no-owner", f"--file={target}"], _pg_env(cfg))
    elif "sqlite3" in cfg["ENGINE"]:
        with sqlite3.connect(cfg["NAME"]) as source, sqlite3.connect(target) as dest:
            source.backup(dest)
    else:
        raise BackupError(f"unsupported database: {urlsplit(url).scheme}")
    return target


def restore(url: str, source: Path) -> None:
    if not source.is_file() or source.stat().st_size == 0:
        raise BackupError(f"{source} is missing or empty")
    cfg = _config(url)
    if "postgresql" in cfg["ENGINE"]:
        args = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction"]
        _run([*args, f"--dbname={cfg['NAME']}", str(source)], _pg_env(cfg))
    elif "sqlite3" in cfg["ENGINE"]:
        with sqlite3.connect(source) as dump:
            dump.execute("PRAGMA schema_version")  # refuses a file that is not a database
            with sqlite3.connect(cfg["NAME"]) as live:
                dump.backup(live)
    else:
        raise BackupError(f"unsupported database: {urlsplit(url).scheme}")
