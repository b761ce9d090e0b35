"""Fuzz targets shared by the CI tests (tests/test_hardening_fuzz.py) and the long
campaigns of benchmarks/fuzz_loader.py."""
