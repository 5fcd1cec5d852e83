"""SISAKAT entry point: ``python app.py`` serves the app with Waitress on the office network."""

from sqlalchemy.exc import ArgumentError

from sisakat import create_app
from sisakat.config import ConfigError, startup_problem
from sisakat.instance import ensure_instance

try:
    ensure_instance()
    app = create_app()
except (ConfigError, OSError, ArgumentError) as exc:  # the operator's settings, not a bug
    raise SystemExit(f"GAGAL: {startup_problem(exc)}") from None


def main() -> None:
    """Serve with Waitress (host, port and threads from configuration)."""
    from sisakat.web import run_server

    # Proxy trust is ProxyFix (sisakat/web.py, TRUSTED_PROXY_COUNT); Waitress's trusted_proxy
    # options stay unset on purpose: one mechanism, never both. Waitress has no TLS.
    if app.config.get("SMTP_HOST"):
        from sisakat.services import mail

        # The outbox is also safe to deliver from cron (`flask send-mail`): rows are claimed.
        mail.start_background_sender(app)
    raise SystemExit(run_server(app))


if __name__ == "__main__":
    main()
