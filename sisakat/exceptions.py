"""Domain errors: each carries the Indonesian message shown to the user."""


class DomainError(Exception):
    """A broken business rule; routes catch this (and only this) and flash ``message``, or show
    it beside the form field it is about (``field``, a form field name) when there is one."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidTransition(DomainError):
    """The action is not allowed from the current status or for this role."""


class GuardFailed(DomainError):
    """The action's precondition does not hold (missing document, missing reason, ...)."""


class StaleApplication(DomainError):
    """Someone else changed the record since the user loaded it."""


class StaleRecord(DomainError):
    """A settings page, user or requirement changed since the admin's page showed it."""


class NotStored(DomainError):
    """The database refused a write for another reason than a concurrent save that won
    (``concurrency.flush_versioned``'s ``raced`` said no): a foreign key, say, when the acting
    account was deleted meanwhile."""


class UploadRejected(DomainError):
    """An uploaded file failed validation."""


class UploadTooBig(UploadRejected):
    """An upload past its size cap (``storage.spool``); a caller with its own cap wording (an
    image) rewords only this refusal, never an antivirus or storage one."""


class UploadUnchanged(DomainError):
    """An upload with exactly the bytes of the document's current version: nothing is kept and
    nothing was refused (no audit row); the user is told nothing changed."""


class StorageUnavailable(UploadRejected):
    """The uploads folder could not take a file (disk full, read-only, no permission): the file
    is not kept and the request is refused like a bad upload, with the operator's log line."""


class NumberConflict(DomainError):
    """A letter number would be duplicated."""


class SignatureRejected(DomainError):
    """A signed PDF failed validation; ``code`` names why for the log (``validation.REASONS``)."""

    def __init__(self, message: str, *, code: str = ""):
        super().__init__(message)
        self.code = code


class SigningFailed(DomainError):
    """An in-app signing backend could not sign."""


class NotPermitted(DomainError):
    """The actor may not do this (used by services called outside routes)."""
