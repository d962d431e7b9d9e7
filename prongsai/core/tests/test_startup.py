"""Start-up pays only for what every process uses (issue 20): ``django.setup()`` imports none of the heavy
libraries that only some commands, tasks or pages need. Each is imported where it is used, so ``manage.py``
commands and the task worker start without them. ``bench/startup.py`` prints what they would cost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Document rendering, spreadsheets, PDF reading, Thai word segmentation, images, catalogue validation.
LAZY = ("typst", "openpyxl", "docx", "pypdfium2", "pythainlp", "PIL", "jsonschema", "yaml")


def test_django_setup_imports_no_heavy_library():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "prongsai.settings", "DEBUG": "true"}
    env.pop("DATABASE_URL", None)
    code = (
        "import json, sys, django; django.setup(); "
        f"print(json.dumps([m for m in {list(LAZY)!r} if m in sys.modules]))"
    )
    result = subprocess.run(  # noqa: S603 - this interpreter and our own code
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[3],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
