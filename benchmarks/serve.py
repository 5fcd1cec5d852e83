"""Serve SISAKAT (or the bare Flask baseline) with Waitress on 127.0.0.1, port chosen by the OS.

Run by the benchmark scripts as a subprocess:
``python -m benchmarks.serve sisakat|sisakat-probes|hello [threads]``
(``sisakat-probes``: SISAKAT with the probe routes of ``benchmarks.probes`` added).
Configuration comes from ``SISAKAT_*`` variables set by the caller; the chosen port is printed
as ``PORT <n>`` on stdout. Both apps get the same Waitress settings: ``benchmarks.common.serve``
passes ``threads`` (Waitress's worker threads; by default the app's ``THREADS``) to both.
"""

from __future__ import annotations

import sys

from waitress import create_server

HOST = "127.0.0.1"


def hello_app(threads: int):
    """The baseline: a bare Flask app answering a short text."""
    from flask import Flask

    app = Flask("hello")

    @app.get("/")
    def index():
        return "Halo"

    app.config["THREADS"] = threads
    app.config["MAX_CONTENT_LENGTH"] = 11 * 1024 * 1024
    return app


def main() -> None:
    """Build the requested app and serve it until killed."""
    which = sys.argv[1] if len(sys.argv) > 1 else "sisakat"
    # The baseline imports nothing of SISAKAT (bench_coldstart times it), hence no config here.
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else None
    if which == "hello":
        app = hello_app(threads or 4)
    else:
        from sisakat import create_app

        app = create_app()
        app.config["THREADS"] = threads or app.config["THREADS"]
        if which == "sisakat-probes":
            from benchmarks.probes import add_probes

            add_probes(app)
    server = create_server(
        app,
        host=HOST,
        port=0,
        threads=app.config["THREADS"],
        max_request_body_size=app.config["MAX_CONTENT_LENGTH"] + 1024 * 1024,
        ident="SISAKAT",
        # Waitress 3 drops X-Forwarded-* unless told not to; when the app trusts a proxy hop
        # (ProxyFix, TRUSTED_PROXY_COUNT), let the header through to it (bench_pages does).
        clear_untrusted_proxy_headers=not app.config.get("TRUSTED_PROXY_COUNT"),
    )
    print(f"PORT {server.effective_port}", flush=True)
    server.run()


if __name__ == "__main__":
    main()
