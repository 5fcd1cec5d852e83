"""A local SMTP server (aiosmtpd) on 127.0.0.1 that keeps what it receives."""

from __future__ import annotations

import socket
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """aiosmtpd handler: parsed messages in arrival order."""

    def __init__(self) -> None:
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        """Keep the message."""
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


def start(port: int) -> tuple[Controller, Inbox]:
    """Start a server on ``port``; stop it with ``controller.stop()``."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, inbox


def use_smtp(app, port: int) -> None:
    """Point the app at the local server (no TLS, no login)."""
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=port, SMTP_USE_TLS=False, SMTP_USER="")
    app.config["SMTP_SENDER"] = "sisakat@kesbangpol.example.test"
