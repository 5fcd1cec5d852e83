"""All models, imported here so metadata is complete for migrations and create_all."""

from sisakat.models.application import OPEN_STATUSES, Application, ApplicationStatus
from sisakat.models.application_document import ApplicationDocument, Verdict
from sisakat.models.application_history import Action, ApplicationHistory
from sisakat.models.application_requirement import ApplicationRequirement
from sisakat.models.audit import AuditEvent
from sisakat.models.base import Base, utcnow
from sisakat.models.notification import Notification
from sisakat.models.party import Level, Party, PartyOfficer
from sisakat.models.rate_limit import RateLimitCounter
from sisakat.models.reason_template import ReasonTemplate
from sisakat.models.requirement import SKT_PARPOL, Requirement
from sisakat.models.setting import Setting
from sisakat.models.stored_file import FileKind, StoredFile
from sisakat.models.user import STAFF_ROLES, Role, User

__all__ = [
    "OPEN_STATUSES",
    "Action",
    "Application",
    "ApplicationDocument",
    "ApplicationHistory",
    "ApplicationRequirement",
    "ApplicationStatus",
    "Notification",
    "ReasonTemplate",
    "Verdict",
    "SKT_PARPOL",
    "Requirement",
    "STAFF_ROLES",
    "AuditEvent",
    "Base",
    "FileKind",
    "Level",
    "Party",
    "RateLimitCounter",
    "PartyOfficer",
    "Role",
    "Setting",
    "StoredFile",
    "User",
    "utcnow",
]
