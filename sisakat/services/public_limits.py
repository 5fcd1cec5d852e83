"""The public forms' send limit (complaints and survey answers): how many sends one address may
make per hour, and the addresses exempt from it, both office settings the super admin edits on
the Kontak Layanan page.

A counter tablet, or visitors on the office's shared Wi-Fi, all reach the server from one
address: with the limit fixed at 5 the sixth respondent was refused. The limit stays per address
and per clock hour; refused sends count too (a hostile attachment cannot be retried for free).
Both values come from the request's settings cache: no query of their own.
"""

from __future__ import annotations

import ipaddress

from sisakat.services import settings
from sisakat.services.ratelimit import Limit

LIMIT_KEY = "public.post_limit"
EXEMPT_KEY = "public.post_exempt"
DEFAULT_LIMIT = 5
MIN_LIMIT, MAX_LIMIT = 1, 1000
WINDOW_SECONDS = 3600  # one clock hour: what the admin help and the refusal say
MAX_EXEMPT = 50

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def stored_limit(value: object) -> int:
    """A limit as stored: the default for an empty box, else clamped to the allowed range (a
    value written by hand in the database cannot lift or remove the limit)."""
    if not isinstance(value, int) or isinstance(value, bool):
        return DEFAULT_LIMIT
    return min(max(value, MIN_LIMIT), MAX_LIMIT)


def post_limit() -> Limit:
    """The office's limit on complaints and survey answers per address and hour."""
    return Limit(hits=stored_limit(settings.get(LIMIT_KEY)), seconds=WINDOW_SECONDS)


def _network(entry: str) -> Network:
    """One typed entry as a network (a single address is a network of one); ValueError with the
    Indonesian reason."""
    try:
        return ipaddress.ip_network(entry, strict=True)
    except ValueError:
        pass
    try:
        loose = ipaddress.ip_network(entry, strict=False)
    except ValueError:
        raise ValueError(
            f"{entry} bukan alamat IP atau jaringan (contoh: 192.168.1.20 atau 192.168.1.0/24)."
        ) from None
    raise ValueError(f"{entry} bukan awal jaringan; maksud Anda {loose}?")


def parse_exempt(text: str | None) -> list[str]:
    """The exempt addresses typed one per line (or separated by commas or spaces), each checked
    and written in its standard form; ValueError naming the first wrong entry."""
    entries = (text or "").replace(",", " ").split()
    if len(entries) > MAX_EXEMPT:
        raise ValueError(f"Paling banyak {MAX_EXEMPT} alamat atau jaringan.")
    found: list[str] = []
    for entry in entries:
        network = str(_network(entry))
        if network not in found:
            found.append(network)
    return found


def exempt_text(stored: object) -> str:
    """The stored exempt list as the admin page shows it, one per line."""
    return "\n".join(str(item) for item in stored) if isinstance(stored, list) else ""


def is_exempt(address: str | None) -> bool:
    """True when ``address`` (the client's, after the proxy hops) is on the exempt list."""
    stored = settings.get(EXEMPT_KEY)
    if not address or not stored:
        return False
    try:
        client = ipaddress.ip_address(address)
    except ValueError:
        return False
    for item in stored if isinstance(stored, list) else ():
        try:
            if client in ipaddress.ip_network(str(item), strict=False):
                return True
        except (ValueError, TypeError):
            continue
    return False
