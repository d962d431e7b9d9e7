from prongsai.ita.testing import catalogues, save_seed_result, seed_fy2567  # noqa: F401
