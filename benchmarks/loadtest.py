"""`make loadtest`: gunicorn on loopback with the demo data, driven by wrk for a bounded time.

Reports requests per second, p99 latency and errors for the public resolution page and the
calendar, next to a trivial view (robots.txt) measured in the same run as the ceiling.
Traffic goes to 127.0.0.1 only. Exits non-zero on any socket error or non-2xx/3xx answer.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = {
    "trivial (robots.txt)": "/robots.txt",
    "resolution page": "/resolutions/wtsa/75/",
    "meetings calendar": "/meetings/",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _environment(var_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        ITU_TRACKER_VAR_DIR=str(var_dir),
        DJANGO_STATIC_ROOT=str(var_dir / "static"),
    )
    return env


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


@contextmanager
def _gunicorn(env: dict[str, str], port: int, workers: int):
    args = [sys.executable, "-m", "gunicorn", "itu_tracker.wsgi:application"]
    args += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--log-level", "warning"]
    server = subprocess.Popen(args, cwd=ROOT, env=env)
    try:
        _wait_for(f"http://127.0.0.1:{port}/health/")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer {url} within {seconds:.0f}s")


_LATENCY = re.compile(r"^\s*99%\s+([\d.]+)(us|ms|s)\s*$", re.M)
_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(output: str) -> dict[str, float]:
    """Pull requests/s, p99 latency (ms) and error counts out of `wrk --latency` output."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    value, unit = _LATENCY.search(output).groups()
    socket_errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return {
        "requests_per_s": rps,
        "p99_ms": float(value) * _UNITS_MS[unit],
        "errors": socket_errors,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }


def _drive(base: str, path: str, seconds: int, connections: int) -> dict[str, float]:
    _wait_for(base + path, seconds=5)
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", base + path]
    return parse_wrk(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)


def run(seconds: int, connections: int, workers: int, paths: dict[str, str]) -> list[dict]:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: `make loadtest` installs Debian's wrk (run as root)")
    with tempfile.TemporaryDirectory(prefix="itu-loadtest-") as tmp:
        env = _environment(Path(tmp))
        for step in (
            ["migrate", "--no-input", "-v0"],
            ["load_demo"],
            ["collectstatic", "--no-input", "-v0"],
        ):
            _manage(env, *step)
        with _gunicorn(env, _free_port(), workers) as base:
            return [
                {"name": name, "path": path, **_drive(base, path, seconds, connections)}
                for name, path in paths.items()
            ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, default=ROOT / "artifacts" / "loadtest.json")
    options = parser.parse_args()
    rows = run(options.seconds, options.connections, options.workers, DEFAULT_PATHS)
    print(f"{'page':<24}{'req/s':>10}{'p99 ms':>10}{'errors':>8}{'non-2xx':>9}")
    for row in rows:
        print(
            f"{row['name']:<24}{row['requests_per_s']:>10.1f}{row['p99_ms']:>10.1f}"
            f"{row['errors']:>8}{row['non_2xx']:>9}"
        )
    options.json.parent.mkdir(parents=True, exist_ok=True)
    options.json.write_text(json.dumps(rows, indent=2))
    return 1 if any(row["errors"] or row["non_2xx"] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
