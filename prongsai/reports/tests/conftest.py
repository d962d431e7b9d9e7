from prongsai.ita.tests.fixtures import catalogues, seed_fy2567  # noqa: F401
