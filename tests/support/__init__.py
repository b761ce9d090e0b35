"""Helpers shared by the tests: scenarios built as data, real sessions, logs and hostile inputs."""
