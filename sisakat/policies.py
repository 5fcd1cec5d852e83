"""Who may do what: pure functions, plus the ``role_required`` decorator for routes."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import abort
from flask_login import current_user

from sisakat.extensions import login_manager
from sisakat.models import Role, User


def role_required(*roles: Role) -> Callable:
    """Anonymous users go to the login page; a wrong role gets 403."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any):
            user = current_user._get_current_object()  # one proxy lookup, not two
            if not user.is_authenticated:
                return login_manager.unauthorized()
            if user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_roles = roles  # read by the access-matrix test
        return wrapped

    return decorator


def is_staff(user: User | None) -> bool:
    """Verifikator, Penandatangan or Super admin."""
    return user is not None and getattr(user, "is_authenticated", False) and user.is_staff


SIGNING_DESK_ROLES = (Role.PENANDATANGAN, Role.SUPERADMIN)


def is_superadmin(user: User | None) -> bool:
    """The operator."""
    return (
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.role == Role.SUPERADMIN
    )


def can_edit_party(user: User, party_account_id: int) -> bool:
    """Only the Pemohon account that owns the profile edits it."""
    return user.role == Role.PEMOHON and user.id == party_account_id


def can_view_party(user: User, party_account_id: int) -> bool:
    """The owner and staff see a party profile (and its logo)."""
    return user.is_staff or user.id == party_account_id
