"""Real Waitress in a thread for tests: started on a port the OS picks, stopped without racing
its own loop (the teardown waits for open connections and running requests, and the loop's
select() may still see a socket closed under it: that OSError is the stop, not a failure)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from waitress import create_server
from waitress.channel import HTTPChannel


@contextmanager
def served(app, **options) -> Iterator:
    """Serve ``app`` with Waitress ``options`` in a daemon thread; yield the server."""
    server = create_server(app, **options)
    stopping = threading.Event()

    def serve() -> None:
        try:
            server.run()
        except OSError:
            if not stopping.is_set():
                raise

    thread = threading.Thread(target=serve, name="waitress-under-test", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        _quiesce(server)
        stopping.set()
        server.close()
        thread.join(timeout=10)


def _quiesce(server, timeout: float = 5.0) -> None:
    """Wait until the clients' connections are closed and no request is being served, so
    closing the server does not pull sockets from under answers still being written."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        open_channels = [c for c in list(server._map.values()) if isinstance(c, HTTPChannel)]
        if not open_channels and not server.task_dispatcher.active_count:
            return
        time.sleep(0.05)
