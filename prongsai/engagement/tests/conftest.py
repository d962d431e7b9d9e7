from prongsai.ita.testing import catalogues  # noqa: F401 - the OIT catalogues, for the evidence tests
