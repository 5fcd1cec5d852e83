"""All models, imported here so metadata is complete for migrations and create_all."""

from sisakat.models.allowed_signer import AllowedSigner
from sisakat.models.application import (
    ISSUED_APPLICATION_STATUSES,
    OPEN_STATUSES,
    Application,
    ApplicationStatus,
)
from sisakat.models.application_document import ApplicationDocument, Verdict
from sisakat.models.application_history import Action, ApplicationHistory
from sisakat.models.application_requirement import ApplicationRequirement
from sisakat.models.audit import AuditEvent
from sisakat.models.base import Base, utcnow
from sisakat.models.complaint import Complaint, ComplaintEntry, ComplaintStatus
from sisakat.models.complaint_category import ComplaintCategory
from sisakat.models.email_preference import EMAIL_KINDS, EmailPreference
from sisakat.models.faq_entry import FaqEntry
from sisakat.models.letter import (
    ISSUED_STATUSES,
    PENDING_STATUSES,
    Letter,
    LetterStatus,
    SigningMethod,
)
from sisakat.models.letter_number import (
    LetterNumber,
    NumberCounter,
    NumberSource,
    NumberStatus,
)
from sisakat.models.notification import Notification
from sisakat.models.outgoing_email import EmailStatus, OutgoingEmail
from sisakat.models.party import LegalForm, Level, Party, PartyOfficer
from sisakat.models.procedure_step import ProcedureStep
from sisakat.models.rate_limit import RateLimitCounter
from sisakat.models.reason_template import ReasonTemplate
from sisakat.models.reminder_sent import ReminderSent
from sisakat.models.requirement import ORMAS_LAPOR, SKT_PARPOL, Requirement
from sisakat.models.service import ApplicantKind, Service
from sisakat.models.service_form import ServiceForm
from sisakat.models.service_standard import ServiceStandard
from sisakat.models.setting import Setting
from sisakat.models.stored_file import FileKind, StoredFile
from sisakat.models.survey_response import ELEMENT_COLUMNS, SurveyResponse
from sisakat.models.trust_anchor import AnchorKind, TrustAnchor
from sisakat.models.user import STAFF_ROLES, Role, User

__all__ = [
    "ApplicantKind",
    "LegalForm",
    "Service",
    "Letter",
    "LetterStatus",
    "ISSUED_STATUSES",
    "PENDING_STATUSES",
    "SigningMethod",
    "ISSUED_APPLICATION_STATUSES",
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
    "ORMAS_LAPOR",
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
    # public service information, complaints, survey (issue 6)
    "Complaint",
    "ComplaintCategory",
    "ComplaintEntry",
    "ComplaintStatus",
    "ELEMENT_COLUMNS",
    "FaqEntry",
    "ProcedureStep",
    "ServiceForm",
    "ServiceStandard",
    "SurveyResponse",
    # monitoring: e-mail outbox, preferences, reminders
    "EMAIL_KINDS",
    "EmailPreference",
    "EmailStatus",
    "OutgoingEmail",
    "ReminderSent",
]
