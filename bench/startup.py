"""Start-up of a Prongsai process: what every ``manage.py`` command and task worker pays before it works.

Printed, never asserted (best of ``--runs`` fresh interpreters each, wall clock):

* ``django.setup()`` alone, as a worker or a command starts;
* ``manage.py check`` (set-up plus the system checks), and a routine command (``verify_audit`` on an empty,
  migrated database), which skips the checks (``core/management/routine.py``);
* for each heavy library that the code imports only where it is used (``core/tests/test_startup.py`` keeps
  it so), what importing it costs on top of the set-up. *Before* (every one imported at start-up, as the
  modules used to) is the set-up plus their sum; *after* is the set-up alone.

Run: ``.venv/bin/python bench/startup.py`` (``make bench`` runs it).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
LAZY = ("typst", "openpyxl", "docx", "pypdfium2", "pythainlp", "PIL.Image", "jsonschema", "yaml")
SETUP = "import time; t = time.perf_counter(); import django; django.setup(); s = time.perf_counter() - t; "


def best(code: str, env: dict[str, str], runs: int) -> float:
    """The smallest of ``runs`` timings that the snippet prints itself (seconds)."""
    timings = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=True
        )
        timings.append(float(out.stdout.strip().splitlines()[-1]))
    return min(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="prongsai-bench-startup-") as var_dir:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "prongsai.settings",
            "DEBUG": "true",
            "PRONGSAI_VAR_DIR": var_dir,
        }
        env.pop("DATABASE_URL", None)
        setup = best(SETUP + "print(s)", env, args.runs)
        check = best(
            "import time, subprocess, sys; t = time.perf_counter(); "
            "subprocess.run([sys.executable, 'manage.py', 'check'], check=True, capture_output=True); "
            "print(time.perf_counter() - t)",
            env,
            args.runs,
        )
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--verbosity", "0"], cwd=REPO_ROOT, env=env, check=True
        )
        routine = best(
            "import time, subprocess, sys; t = time.perf_counter(); "
            "subprocess.run([sys.executable, 'manage.py', 'verify_audit'], check=True, capture_output=True); "
            "print(time.perf_counter() - t)",
            env,
            args.runs,
        )
        print(f"django.setup(): {setup * 1000:.0f} ms (in a running interpreter)")
        print(f"manage.py check, a whole process with the system checks: {check * 1000:.0f} ms")
        print(f"manage.py verify_audit, a whole routine process without them: {routine * 1000:.0f} ms")
        print("imported only where used, each on top of the set-up:")
        total = 0.0
        for module in LAZY:
            cost = best(
                SETUP + f"t = time.perf_counter(); import {module}; print(time.perf_counter() - t)",
                env,
                args.runs,
            )
            total += cost
            print(f"  {module:<12} {cost * 1000:6.0f} ms")
        print(
            f"start-up before (all of them at set-up): {(setup + total) * 1000:.0f} ms; "
            f"after: {setup * 1000:.0f} ms ({total * 1000:.0f} ms less for every process)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
