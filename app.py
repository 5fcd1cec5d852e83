"""SISAKAT entry point: ``python app.py`` serves the app with Waitress on the office network."""

from sisakat import create_app
from sisakat.instance import ensure_instance

ensure_instance()
app = create_app()


def main() -> None:
    """Serve with Waitress (host, port and threads from configuration)."""
    from waitress import serve

    # Proxy trust is ProxyFix (sisakat/web.py, TRUSTED_PROXY_COUNT); Waitress's trusted_proxy
    # options stay unset on purpose: one mechanism, never both. Waitress has no TLS.
    if app.config.get("SMTP_HOST"):
        from sisakat.services import mail

        # The outbox is also safe to deliver from cron (`flask send-mail`): rows are claimed.
        mail.start_background_sender(app)
    host, port = app.config["HOST"], app.config["PORT"]
    print(f"SISAKAT berjalan di http://{host}:{port}/ (tekan Ctrl+C untuk berhenti)")
    serve(
        app,
        host=host,
        port=port,
        threads=app.config["THREADS"],
        max_request_body_size=app.config["MAX_CONTENT_LENGTH"] + 1024 * 1024,
        ident="SISAKAT",
    )


if __name__ == "__main__":
    main()
