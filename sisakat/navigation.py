"""Where each role lands after login."""

from __future__ import annotations

from sisakat.models import Role, User

HOME_ENDPOINT = {
    Role.PEMOHON: "submission.dashboard",
    Role.VERIFIKATOR: "verification.queue",
    Role.PENANDATANGAN: "signing.queue",  # letters waiting for the signature
    Role.SUPERADMIN: "admin.index",
}


def home_endpoint(user: User) -> str:
    """The endpoint of the user's home page."""
    return HOME_ENDPOINT[user.role]
