"""Fast, offline settings for the test suite: the production module with test-only speed-ups.

Only things that make tests fast or observable differ (password hasher, e-mail outbox, tasks run at once);
security settings stay as in production so the tests exercise them.
"""

import os
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-with-enough-length-and-entropy-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1,.localhost,.test")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault("TASKS_BACKEND", "immediate")
os.environ.setdefault("PRONGSAI_VAR_DIR", str(Path(__file__).resolve().parent.parent / "var" / "test"))
# Under pytest-xdist (CI) each worker process gets its own var/ folder, as it gets its own test database.
if (_worker := os.environ.get("PYTEST_XDIST_WORKER", "")) and not os.environ["PRONGSAI_VAR_DIR"].endswith(
    _worker
):
    os.environ["PRONGSAI_VAR_DIR"] = str(Path(os.environ["PRONGSAI_VAR_DIR"]) / _worker)

from prongsai.settings import *  # noqa: F403
from prongsai.settings import CACHES, STATIC_ROOT, STORAGES

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns about a missing folder otherwise
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# One process runs the tests, so local-memory caches count limits and login attempts correctly here, and each
# test starts from empty caches (conftest.py) without a database. The shared store of production (ADR 0080)
# is exercised by tests/test_limits_across_workers.py, which serves with prongsai.settings itself.
CACHES = {
    **CACHES,
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "axes": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "axes"},
}
SILENCED_SYSTEM_CHECKS = ["axes.W001", "axes.W006"]
# Tasks run at once by default; the database backend is also configured so a test can prove the real
# path of the embedded default (stored task, run by db_worker).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]},
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
# Argon2id at its minimum cost (1 pass, 8 MiB): the channel's tests derive many keys; production costs are
# in prongsai/whistleblower/crypto.py and printed by bench/whistleblower.py.
WHISTLEBLOWER_KDF = {"passphrase": (1, 8 * 1024 * 1024), "receipt": (1, 8 * 1024 * 1024)}
