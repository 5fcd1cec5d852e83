"""A client cannot forge or hide lines in the office log: the path of an anonymous request with
an encoded newline, NUL or bidi override is written on one line, the characters escaped."""

from __future__ import annotations

import io
import logging
import sys

from sisakat.web import LOG_FORMAT, LogFormatter


def test_a_path_with_a_newline_cannot_start_a_forged_log_line(app, client):
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(LogFormatter(LOG_FORMAT))  # what configure_logging installs
    logger = logging.getLogger("sisakat")
    logger.addHandler(handler)
    try:
        forged = "/faq%0a2026-12-06 10:00:00,000 ERROR sisakat.errors: PALSU%00%E2%80%AE"
        assert client.get(forged).status_code == 404
    finally:
        logger.removeHandler(handler)
    lines = [line for line in out.getvalue().splitlines() if "PALSU" in line]
    assert len(lines) == 1
    assert lines[0].split(" ", 3)[2] == "INFO"  # the access log's own line, not a forged one
    assert "\\x0a2026-12-06" in lines[0]
    assert "\\x00" in lines[0]
    assert "\\u202e" in lines[0]
    assert out.getvalue().count("\n") == 1  # the one request wrote one line


def test_tracebacks_keep_their_line_breaks():
    try:
        raise ValueError("contoh")
    except ValueError:
        record = logging.LogRecord(
            "sisakat", logging.ERROR, __file__, 1, "gagal", (), sys.exc_info()
        )
    text = LogFormatter(LOG_FORMAT).format(record)
    assert "Traceback (most recent call last):\n" in text
