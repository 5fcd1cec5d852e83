"""All models, imported here so metadata is complete for migrations and create_all."""

from sisakat.models.allowed_signer import AllowedSigner
from sisakat.models.audit import AuditEvent
from sisakat.models.base import Base, utcnow
from sisakat.models.letter_number import (
    LetterNumber,
    NumberCounter,
    NumberSource,
    NumberStatus,
)
from sisakat.models.party import Level, Party, PartyOfficer
from sisakat.models.rate_limit import RateLimitCounter
from sisakat.models.requirement import SKT_PARPOL, Requirement
from sisakat.models.setting import Setting
from sisakat.models.stored_file import FileKind, StoredFile
from sisakat.models.trust_anchor import AnchorKind, TrustAnchor
from sisakat.models.user import STAFF_ROLES, Role, User

__all__ = [
    "SKT_PARPOL",
    "Requirement",
    "STAFF_ROLES",
    "AuditEvent",
    "Base",
    "FileKind",
    "LetterNumber",
    "Level",
    "NumberCounter",
    "NumberSource",
    "NumberStatus",
    "Party",
    "RateLimitCounter",
    "PartyOfficer",
    "Role",
    "Setting",
    "StoredFile",
    "User",
    "utcnow",
    # signing trust
    "AllowedSigner",
    "AnchorKind",
    "TrustAnchor",
]
