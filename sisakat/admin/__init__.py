"""Super admin screens: users, office settings, requirement lists, registers, audit log."""

from sisakat.admin import (  # noqa: F401
    letter_settings,
    numbering,
    service_info,  # noqa: F401
    settings_pages,  # noqa: F401
    trust,  # noqa: F401, E402 - signature trust screens
    users,  # noqa: F401
)
from sisakat.admin.routes import bp

__all__ = ["bp"]

from sisakat.admin import (  # noqa: E402, F401
    audit_log,
    letters,  # noqa: E402, F401 - register of issued letters, cabut
    reasons,
    requirements,
    service_catalog,  # noqa: E402, F401 - "Layanan": services as data
    service_hours,  # noqa: E402, F401
    survey_follow_up,  # noqa: E402, F401 - the survey's follow-up per period
)
