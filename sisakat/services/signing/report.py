"""The stored validation report: what was checked, by which library versions, with what result.

Validate once, at upload: re-validation after the certificate expires fails without LTV data, so
the public page shows this stored result.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from datetime import datetime
from importlib.metadata import version

from sisakat.services.signing.trust import TrustConfig, fingerprint, name_text
from sisakat.services.signing.validation import MatchResult, Verdict, check, match_letter


def _iso(value: datetime | None) -> str | None:
    """ISO 8601 text or None."""
    return value.isoformat() if value else None


@dataclass(frozen=True)
class ValidationReport:
    """A JSON-able summary of one validated signature."""

    file_sha256: str
    accepted: bool
    reason: str | None
    signer_subject: str
    signer_common_name: str
    signer_issuer: str
    signer_serial: str
    signer_fingerprint: str
    signing_time: str | None
    timestamp_time: str | None
    coverage: str
    modification_level: str | None
    docmdp_ok: bool | None
    match_tier: str | None
    key_usage_policy: str
    revocation_checked: bool
    pyhanko_version: str
    certvalidator_version: str
    details_text: str

    def to_dict(self) -> dict:
        """Plain types only (str, bool, None), ready for a JSON column."""
        return asdict(self)

    def pretty_print_details(self) -> str:
        """pyHanko's human-readable validation details, as stored."""
        return self.details_text


def build_report(
    signed: bytes,
    verdict: Verdict,
    match: MatchResult | None,
    *,
    key_usage_policy: str,
    online: bool,
) -> ValidationReport:
    """Summarise ``verdict`` (and the letter match) for ``signed``; offline means no revocation."""
    st = verdict.status
    cert = st.signing_cert
    ts = st.timestamp_validity
    return ValidationReport(
        file_sha256=hashlib.sha256(signed).hexdigest(),
        accepted=verdict.ok,
        reason=verdict.reason,
        signer_subject=name_text(cert.subject.human_friendly),
        signer_common_name=str(cert.subject.native.get("common_name", "")),
        signer_issuer=name_text(cert.issuer.human_friendly),
        signer_serial=format(cert.serial_number, "x"),
        signer_fingerprint=fingerprint(cert.dump()),
        signing_time=_iso(st.signer_reported_dt),
        timestamp_time=_iso(ts.timestamp) if ts is not None else None,
        coverage=st.coverage.name,
        modification_level=st.modification_level.name if st.modification_level else None,
        docmdp_ok=st.docmdp_ok,
        match_tier=match.tier if match else None,
        key_usage_policy=key_usage_policy,
        revocation_checked=online,
        pyhanko_version=version("pyhanko"),
        certvalidator_version=version("pyhanko-certvalidator"),
        details_text=st.pretty_print_details(),
    )


@dataclass(frozen=True)
class Assessment:
    """Everything ``signing.accept()`` needs from one signed upload."""

    verdict: Verdict
    match: MatchResult
    report: ValidationReport


def assess(
    signed: bytes,
    trust: TrustConfig,
    *,
    unsigned: bytes | None,
    code: str,
    number_text: str,
    party_name: str,
) -> Assessment:
    """Judge the signature (SignatureRejected with an Indonesian reason unless accepted), then
    match the letter; ``match.tier is None`` means manual review, never an automatic decision."""
    verdict = check(signed, trust)
    match = match_letter(
        signed,
        unsigned=unsigned,
        code=code,
        number_text=number_text,
        party_name=party_name,
        byte_range=verdict.byte_range,
    )
    report = build_report(
        signed, verdict, match, key_usage_policy=trust.key_usage_policy, online=trust.online
    )
    return Assessment(verdict, match, report)
