from prongsai.ita.tests.fixtures import catalogues  # noqa: F401 - the OIT catalogues, for the evidence tests
