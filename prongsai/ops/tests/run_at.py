"""Run a manage.py command at a given moment: ``python -m prongsai.ops.tests.run_at ISO command ...``.

The tests use it to start real scheduler and worker processes on an agency's answer date; an empty moment
runs at the real time.
"""

import os
import sys
from datetime import datetime

if __name__ == "__main__":
    moment, command = sys.argv[1], sys.argv[2:]
    if moment:
        import time_machine

        time_machine.travel(datetime.fromisoformat(moment), tick=True).start()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prongsai.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["manage.py", *command])
