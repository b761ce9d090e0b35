"""Session logs: written as the session goes, hash-chained, optionally MACed,
read tolerantly and verified (see /work/shared/spec/session-log.md)."""

from simulator.logbook.checks import number_problem, order_problem
from simulator.logbook.ids import (
    SESSION_ID_PATTERN,
    TRAINEE_ID_PATTERN,
    new_session_id,
    validate_trainee_id,
)
from simulator.logbook.keys import KeyFileError, load_key, resolve_log_dir
from simulator.logbook.models import END_TYPES, RECORD_TYPES, START_TYPE, LogRecord, RecordError, read_record
from simulator.logbook.reader import (
    MAX_LINE_BYTES,
    MAX_LOG_BYTES,
    MAX_RECORDS,
    LogLimitError,
    LogReadError,
    SessionLog,
    iter_log_files,
    iter_records,
    read_log,
    read_log_bytes,
)
from simulator.logbook.records import FORMAT_VERSION, ZERO_HASH
from simulator.logbook.verify import Verification, verify_and_parse, verify_bytes, verify_file
from simulator.logbook.writer import LogWriteError, SessionLogWriter

__all__ = [
    "END_TYPES",
    "FORMAT_VERSION",
    "MAX_LINE_BYTES",
    "MAX_LOG_BYTES",
    "MAX_RECORDS",
    "RECORD_TYPES",
    "START_TYPE",
    "SESSION_ID_PATTERN",
    "TRAINEE_ID_PATTERN",
    "ZERO_HASH",
    "KeyFileError",
    "LogLimitError",
    "LogReadError",
    "LogRecord",
    "LogWriteError",
    "RecordError",
    "SessionLog",
    "SessionLogWriter",
    "Verification",
    "iter_log_files",
    "iter_records",
    "load_key",
    "new_session_id",
    "number_problem",
    "order_problem",
    "read_log",
    "read_log_bytes",
    "read_record",
    "resolve_log_dir",
    "validate_trainee_id",
    "verify_and_parse",
    "verify_bytes",
    "verify_file",
]
