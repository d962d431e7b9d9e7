from prongsai.ita.tests.fixtures import catalogues  # noqa: F401 - the OIT catalogues, for the snapshot job
from prongsai.ops.tests.shared_db import shared_db  # noqa: F401 - a database that subprocesses can open
