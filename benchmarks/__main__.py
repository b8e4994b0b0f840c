"""`make bench`: the text engine, imports and the main pages, measured in one process and one run.

Prints a table and writes bench-results.json at the repository root (ignored by git) in a
fixed shape, so runs before and after a change can be compared:
{"machine", "engine": [{"size_bytes", "compare_ms", "dmp_char_ms", "difflib_ms", "peak_mb"}],
 "import": {"documents", "docs_per_s", "peak_mb"},
 "pages": [{"name", "small_ms", "large_ms", "small_queries", "large_queries"}]}
"""

import argparse
import json
import os
import platform
import secrets
import sys
import tempfile
from pathlib import Path

import dj_database_url
import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/itu_tracker_bench"


def _fresh_database(url: str) -> str:
    """Drop and recreate the benchmark database, so every run starts from the same state."""
    cfg = dj_database_url.parse(url)
    if "sqlite" in cfg["ENGINE"]:
        return f"sqlite:///{tempfile.mkdtemp(prefix='itu-bench-')}/bench.sqlite3"
    admin = {"host": cfg["HOST"], "port": cfg["PORT"] or 5432, "user": cfg["USER"]}
    admin["dbname"] = "postgres"
    if cfg.get("PASSWORD"):
        admin["password"] = cfg["PASSWORD"]
    with psycopg.connect(**admin, autocommit=True) as conn:
        name = sql.Identifier(cfg["NAME"])
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(name))
    return url


def _machine() -> dict:
    return {
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
    }


def _table(results: dict) -> str:
    lines = ["engine: size_bytes compare_ms dmp_char_ms difflib_ms peak_mb"]
    lines += [
        f"  {r['size_bytes']:>9} {r['compare_ms']:>10.1f} {r['dmp_char_ms']:>11.1f} "
        f"{r['difflib_ms']:>10.1f} {r['peak_mb']:>7.1f}"
        for r in results["engine"]
    ]
    imp = results["import"]
    lines.append(
        f"import: {imp['documents']} documents, {imp['docs_per_s']:.1f} docs/s, "
        f"peak {imp['peak_mb']:.1f} MB"
    )
    lines.append("pages: name small_ms large_ms small_queries large_queries ratio")
    lines += [
        f"  {p['name']:<24} {p['small_ms']:>8.1f} {p['large_ms']:>8.1f} "
        f"{p['small_queries']:>5} {p['large_queries']:>5} {p['large_ms'] / p['small_ms']:>6.2f}x"
        for p in results["pages"]
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB))
    parser.add_argument("--sizes", default="20000,200000,2000000")
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--scale", default="500,6,5000", help="resolutions,revisions,contributions")
    parser.add_argument("--output", type=Path, default=ROOT / "bench-results.json")
    options = parser.parse_args()

    os.environ["DATABASE_URL"] = _fresh_database(options.database_url)
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("DJANGO_STATIC_MANIFEST", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "itu_tracker.settings")
    import django

    django.setup()
    from benchmarks import engine, importing, pages
    from itu_tracker.scale import ScaleSpec

    sizes = tuple(int(s) for s in options.sizes.split(","))
    resolutions, revisions, contributions = (int(n) for n in options.scale.split(","))
    results = {"machine": _machine(), "engine": engine.run(sizes)}
    results["pages"] = pages.run(ScaleSpec(resolutions, revisions, contributions))
    results["import"] = importing.run(options.documents)
    print(_table(results))
    options.output.write_text(json.dumps(results, indent=2) + "\n")
    print(f"written {options.output.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
