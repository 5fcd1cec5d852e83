"""One item of the office readiness list (``readiness.pending``): how serious, what is wrong,
and the admin page that fixes it."""

from __future__ import annotations

from dataclasses import dataclass

MUST = "wajib"
ADVICE = "saran"


@dataclass(frozen=True)
class Item:
    """One thing still to do: how serious, what is wrong, and where it is fixed."""

    level: str  # MUST or ADVICE
    text: str
    endpoint: str | None = None  # the admin page that fixes it (None: outside the app)
    args: tuple[tuple[str, str], ...] = ()  # its URL arguments (``layanan``, ``service_code``)

    @property
    def must(self) -> bool:
        return self.level == MUST
