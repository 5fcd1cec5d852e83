"""Certificate names and the key-usage policy reach users in Indonesian: asn1crypto words a name
"Organization: ...; Common Name: ..." and the policy list said "Non-repudiation"."""

from __future__ import annotations

import json

from sisakat.models import Role
from sisakat.services import settings
from tests.signing import pdfs

ENGLISH = (
    "Common Name",
    "Organization",
    "Country:",
    "Non-repudiation (bawaan",
    "Digital signature",
)


def test_name_text_labels_asn1crypto_names_in_indonesian():
    from sisakat.services.signing.trust import name_text

    assert name_text("Organization: BSrE; Common Name: Dr. A, M.Si.") == (
        "Organisasi: BSrE; Nama: Dr. A, M.Si."
    )
    assert name_text("Country: ID, Organizational Unit: TTE, Common Name: X") == (
        "Negara: ID, Unit organisasi: TTE, Nama: X"
    )
    assert name_text("Nama: Common Name: Y") == "Nama: Common Name: Y"  # values stay as they are


def test_public_page_shows_the_issuer_in_indonesian_also_for_old_reports(client, make):
    report = {"signer_common_name": "Dr. A", "signer_issuer": "Organization: BSrE; Common Name: CA"}
    letter = make.issued_letter(validation_report=json.dumps(report))
    page = client.get(f"/verifikasi/{letter.token}").get_data(as_text=True)
    assert "Penerbit sertifikat: Organisasi: BSrE; Nama: CA" in page
    assert not any(word in page for word in ENGLISH)


def test_trust_page_speaks_indonesian(app, make, login_as, pki):
    client = login_as(make.user(Role.SUPERADMIN))
    page = client.get("/admin/tte/kepercayaan").get_data(as_text=True)
    assert "Nirsangkal (non-repudiation), bawaan pyHanko" in page
    signed = pdfs.sign(pdfs.letter_pdf(), pki.signer)
    page = pdfs.sample_page(client, signed)
    assert "Nama: BSrE Uji Intermediate" in page  # the sample signer's issuer
    assert not any(word in page for word in ENGLISH)
    assert settings.get("signing.key_usage") == "non_repudiation"
