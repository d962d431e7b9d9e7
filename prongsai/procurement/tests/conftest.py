from prongsai.ita.testing import catalogues  # noqa: F401
