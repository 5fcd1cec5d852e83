"""Waitress's own warnings ("Task queue depth is 2" whenever a page's assets arrive together, a
dropped connection) go to the office log with SISAKAT's, not as English lines scrolling through
the console window the operator watches for SISAKAT's messages."""

from __future__ import annotations

import logging

from flask import Flask

from sisakat.web import configure_logging


def test_waitress_warnings_go_to_the_office_log_not_the_console(tmp_path, capsys):
    app = Flask("sisakat-log-test", instance_path=str(tmp_path))
    app.config["LOG_TO_STDOUT"] = False
    ours, waitress = logging.getLogger("sisakat"), logging.getLogger("waitress")
    saved = (ours.handlers[:], waitress.handlers[:], waitress.propagate, waitress.level)
    ours.handlers.clear()
    try:
        configure_logging(app)
        logging.getLogger("waitress.queue").warning("Task queue depth is %d", 3)
        for handler in ours.handlers:
            handler.flush()
        log = (tmp_path / "logs" / "sisakat.log").read_text(encoding="utf-8")
    finally:
        for handler in set(ours.handlers) | set(waitress.handlers):
            handler.close()
        ours.handlers[:], waitress.handlers[:] = saved[0], saved[1]
        waitress.propagate, waitress.level = saved[2], saved[3]
    assert "WARNING waitress.queue: Task queue depth is 3" in log
    assert "Task queue depth" not in capsys.readouterr().err
