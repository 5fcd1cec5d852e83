"""A throw-away test PKI built with ``cryptography`` at test time (fictional names only).

``BSrE Uji Root`` -> ``BSrE Uji Intermediate`` -> signers; a separate ``Akar Asing Uji`` root issues
a look-alike signer. Signers are also written as PKCS#12 files protected by ``P12_PASSPHRASE``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

P12_PASSPHRASE = "frasa-uji-Rahasia-7319"  # noqa: S105 - test material only
_KEYS: list[rsa.RSAPrivateKey] = []


@dataclass
class Identity:
    """One certificate with its key (and PKCS#12 file for signers)."""

    name: str
    cert: x509.Certificate
    key: rsa.RSAPrivateKey
    chain: list[x509.Certificate] = field(default_factory=list)
    p12_path: Path | None = None

    @property
    def der(self) -> bytes:
        """The certificate in DER."""
        return self.cert.public_bytes(serialization.Encoding.DER)

    @property
    def pem(self) -> bytes:
        """The certificate in PEM."""
        return self.cert.public_bytes(serialization.Encoding.PEM)

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the DER certificate, lowercase hex."""
        return self.cert.fingerprint(hashes.SHA256()).hex()


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _usage(*, ca: bool, non_repudiation: bool = True) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not ca,
        content_commitment=non_repudiation and not ca,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def _issue(
    name: str,
    issuer: Identity | None,
    *,
    ca: bool,
    nr: bool = True,
    valid: tuple[timedelta, timedelta] = (timedelta(days=-1), timedelta(days=365)),
) -> Identity:
    key = _key()
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Instansi Uji"),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
        ]
    )
    now = datetime.now(UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.cert.subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now + valid[0])
        .not_valid_after(now + valid[1])
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(_usage(ca=ca, non_repudiation=nr), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    signing_key = issuer.key if issuer else key
    builder = builder.add_extension(
        x509.AuthorityKeyIdentifier.from_issuer_public_key(signing_key.public_key()),
        critical=False,
    )
    cert = builder.sign(signing_key, hashes.SHA256())
    return Identity(name=name, cert=cert, key=key)


@dataclass
class TestPki:
    """Every identity the signing tests use."""

    __test__ = False  # not a test class

    root: Identity
    intermediate: Identity
    signer: Identity  # allow-listed in the tests: digitalSignature + nonRepudiation
    other_signer: Identity  # same root, never allow-listed
    ds_only: Identity  # digitalSignature only
    foreign_root: Identity
    foreign_signer: Identity  # same display name as ``signer``, other root


def _write_p12(ident: Identity, folder: Path) -> None:
    data = pkcs12.serialize_key_and_certificates(
        name=ident.name.encode(),
        key=ident.key,
        cert=ident.cert,
        cas=ident.chain or None,
        encryption_algorithm=serialization.BestAvailableEncryption(P12_PASSPHRASE.encode()),
    )
    ident.p12_path = folder / f"{ident.fingerprint[:12]}.p12"
    ident.p12_path.write_bytes(data)


def build(folder: Path) -> TestPki:
    """Create the PKI and write PEM/PKCS#12 files into ``folder``."""
    root = _issue("BSrE Uji Root", None, ca=True)
    inter = _issue("BSrE Uji Intermediate", root, ca=True)
    signers = [
        _issue("Dr. Contoh Pejabat, M.Si.", inter, ca=False),
        _issue("Budi Contoh Lain", inter, ca=False),
        _issue("Siti Contoh Digital", inter, ca=False, nr=False),
    ]
    for s in signers:
        s.chain = [inter.cert]
    foreign_root = _issue("Akar Asing Uji", None, ca=True)
    foreign = _issue("Dr. Contoh Pejabat, M.Si.", foreign_root, ca=False)
    for ident in (*signers, foreign):
        _write_p12(ident, folder)
    for ident in (root, inter, foreign_root):
        (folder / f"{ident.fingerprint[:12]}.pem").write_bytes(ident.pem)
    return TestPki(root, inter, *signers, foreign_root, foreign)


def expired_signer(pki: TestPki, folder: Path) -> Identity:
    """A signer under the test intermediate whose certificate ended 30 days ago (valid for the
    year before), with its PKCS#12 file in ``folder``."""
    ident = _issue(
        "Dr. Contoh Kedaluwarsa",
        pki.intermediate,
        ca=False,
        valid=(timedelta(days=-400), timedelta(days=-30)),
    )
    ident.chain = [pki.intermediate.cert]
    _write_p12(ident, folder)
    return ident
