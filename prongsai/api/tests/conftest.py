from prongsai.eservice.tests.conftest import catalogue, now, other_catalogue  # noqa: F401 - shared fixtures
