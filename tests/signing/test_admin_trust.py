"""Admin trust screens: roots, the allow-list from a signed sample, key usage; all audited."""

from __future__ import annotations

import io
import re

import pytest

from sisakat.exceptions import SignatureRejected
from sisakat.extensions import db
from sisakat.models import AllowedSigner, AnchorKind, AuditEvent, Role, TrustAnchor
from sisakat.services import settings
from sisakat.services.signing.trust import load_trust_config
from sisakat.services.signing.validation import judge
from tests.signing import pdfs


def _admin(make, login_as):
    return login_as(make.user(Role.SUPERADMIN))


def _upload(client, data: bytes, kind: str = "root", name: str = "akar.pem"):
    return client.post(
        "/admin/tte/akar",
        data={"kind": kind, "certificate": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
        follow_redirects=True,
    )


def test_upload_root_and_intermediate_shows_fingerprint(app, make, login_as, pki):
    client = _admin(make, login_as)
    page = _upload(client, pki.root.pem).get_data(as_text=True)
    assert pki.root.fingerprint in page
    assert "BSrE Uji Root" in page
    assert _upload(client, pki.intermediate.der, "intermediate", "inter.cer").status_code == 200
    rows = db.session.execute(db.select(TrustAnchor).order_by(TrustAnchor.id)).scalars().all()
    assert [(r.kind, r.fingerprint) for r in rows] == [
        (AnchorKind.ROOT, pki.root.fingerprint),
        (AnchorKind.INTERMEDIATE, pki.intermediate.fingerprint),
    ]
    actions = db.session.execute(db.select(AuditEvent.action)).scalars().all()
    assert actions.count("trust.anchor_add") == 2
    assert "sudah terdaftar" in _upload(client, pki.root.pem).get_data(as_text=True)


def test_non_ca_certificate_and_garbage_are_refused(app, make, login_as, pki):
    client = _admin(make, login_as)
    page = _upload(client, pki.signer.pem).get_data(as_text=True)
    assert "bukan sertifikat CA" in page
    assert "bukan akar (root)" in _upload(client, pki.intermediate.pem).get_data(as_text=True)
    assert "bukan sertifikat X.509" in _upload(client, b"bukan sertifikat").get_data(as_text=True)
    assert db.session.execute(db.select(TrustAnchor)).first() is None


def test_allow_list_from_signed_sample_makes_letters_acceptable(app, make, login_as, pki):
    client = _admin(make, login_as)
    _upload(client, pki.root.pem)
    _upload(client, pki.intermediate.pem, "intermediate")
    signed = pdfs.sign(pdfs.letter_pdf(), pki.signer)
    page = pdfs.sample_page(client, signed)
    assert pki.signer.fingerprint in page
    assert "BSrE Uji Intermediate" in page
    # Two signer forms on the page, each label pointing at its own field: no labelled id twice.
    ids = re.findall(r'\sid="([^"]+)"', page)
    labelled = set(re.findall(r'<label[^>]*\sfor="([^"]+)"', page))
    assert [i for i in labelled if ids.count(i) != 1] == []
    assert 'for="contoh1-display_name"' in page
    form = {
        "fingerprint": pki.signer.fingerprint,
        "display_name": "Dr. Contoh Pejabat, M.Si.",
        "position": "Kepala Badan",
        "subject": "Common Name: Dr. Contoh Pejabat, M.Si.",
    }
    response = client.post("/admin/tte/penandatangan", data=form)
    assert response.status_code == 302
    assert judge(signed, load_trust_config()).ok
    row = db.session.execute(db.select(AllowedSigner)).scalar_one()
    assert "Tidak dibatasi" in client.get("/admin/tte/kepercayaan").get_data(as_text=True)
    client.post(f"/admin/tte/penandatangan/{row.id}/nonaktifkan")
    db.session.refresh(row)
    assert row.active is False
    assert not load_trust_config().allowed


def test_pasted_fingerprint_and_key_usage_policy(app, make, login_as, pki):
    client = _admin(make, login_as)
    colons = ":".join(pki.ds_only.fingerprint[i : i + 2] for i in range(0, 64, 2)).upper()
    client.post("/admin/tte/penandatangan", data={"fingerprint": colons, "display_name": "Siti"})
    assert load_trust_config().allowed.keys() == {pki.ds_only.fingerprint}
    bad = client.post("/admin/tte/penandatangan", data={"fingerprint": "abc", "display_name": "X"})
    assert "64 digit heksadesimal" in bad.get_data(as_text=True)
    client.post("/admin/tte/kebijakan", data={"policy": "digital_signature"})
    assert settings.get("signing.key_usage") == "digital_signature"
    assert load_trust_config().key_usage_policy == "digital_signature"


def test_trust_problems_for_the_check_command(app, make, login_as, pki):
    from sisakat.services.signing.trust_admin import trust_problems

    assert len(trust_problems()) == 2  # no root, no signer
    client = _admin(make, login_as)
    _upload(client, pki.root.pem)
    signer = {"fingerprint": pki.signer.fingerprint, "display_name": "Dr. Contoh Pejabat, M.Si."}
    client.post("/admin/tte/penandatangan", data=signer)
    assert trust_problems() == []
    late = trust_problems(today=pki.root.cert.not_valid_after_utc.date())
    assert any("BSrE Uji Root" in p for p in late)


def _office_new_day(make, pki, **entry):
    """A trusted root and intermediate, the signer allow-listed with ``entry``'s dates; and a
    letter signed at 17.30 UTC on day D, which is already 00.30 on D+1 in WIB."""
    from datetime import UTC, date, datetime, time, timedelta

    from sisakat.services.signing import trust_admin

    admin = make.user(Role.SUPERADMIN)
    for ident, kind in ((pki.root, AnchorKind.ROOT), (pki.intermediate, AnchorKind.INTERMEDIATE)):
        trust_admin.add_anchor(ident.cert, kind=kind, actor=admin)
    day = date.today() + timedelta(days=1)
    at = datetime.combine(day, time(17, 30), UTC)
    trust_admin.add_allowed_signer(
        fingerprint_text=pki.signer.fingerprint,
        display_name="Plh. Kepala Badan",
        actor=admin,
        **{key: day + timedelta(days=shift) for key, shift in entry.items()},
    )
    db.session.commit()
    return pdfs.sign(pdfs.letter_pdf(), pki.signer, at=at), day


def test_a_signers_last_day_ends_at_the_offices_midnight_not_at_utcs(app, make, pki):
    """An acting head allow-listed until day D signed at 00.30 WIB on D+1 (17.30 UTC on D):
    the allow-list read the signing time's UTC date and accepted a signature made after the
    mandate ended."""
    signed, _day = _office_new_day(make, pki, valid_until=0)
    with pytest.raises(SignatureRejected, match="pejabat yang berwenang"):
        judge(signed, load_trust_config())


def test_a_signers_first_day_starts_at_the_offices_midnight(app, make, pki):
    """Allow-listed from D+1 and signed at 00.30 WIB on D+1: refused as not yet authorised,
    because 17.30 UTC is still day D in UTC. In a WIT office (UTC+9) the same holds."""
    signed, _day = _office_new_day(make, pki, valid_from=1)
    assert judge(signed, load_trust_config()).ok
    settings.update({"agency.timezone": "WIT"}, actor=None)
    assert judge(signed, load_trust_config()).ok


def test_a_signer_whose_last_day_passed_at_the_offices_midnight_is_a_setup_gap(app, make, pki):
    """At 00.30 WIB on 1 January 2027 (17.30 UTC on 31 December) a signer allow-listed until
    31 December no longer signs; the readiness list still counted it, by the machine's date."""
    from datetime import date, datetime

    from sisakat.services.signing import trust_admin

    app.config["CLOCK"] = lambda: datetime(2026, 12, 31, 17, 30)
    trust_admin.add_allowed_signer(
        fingerprint_text=pki.signer.fingerprint,
        display_name="Plh. Kepala Badan",
        valid_until=date(2026, 12, 31),
        actor=make.user(Role.SUPERADMIN),
    )
    assert trust_admin.NO_SIGNER in trust_admin.setup_gaps()
    app.config["CLOCK"] = lambda: datetime(2026, 12, 31, 16, 59)  # 23.59 WIB: still signs
    assert trust_admin.NO_SIGNER not in trust_admin.setup_gaps()


def test_an_expiring_root_is_dated_in_indonesian_words_on_the_office_day(app, make, pki):
    """The readiness page and ``flask check`` said 'Sertifikat ... BSrE Uji Root ... berakhir
    2027-12-07.' (ISO, and the UTC day); now '... berakhir 8 Desember 2027.', the office's day
    (the next day in WIB when the certificate ends after 17.00 UTC)."""
    from datetime import timedelta

    from sisakat.formatting import tanggal
    from sisakat.services.signing import trust_admin

    trust_admin.add_anchor(pki.root.cert, kind=AnchorKind.ROOT, actor=make.user(Role.SUPERADMIN))
    ends = pki.root.cert.not_valid_after_utc.replace(tzinfo=None)
    office_day = (ends + timedelta(hours=7)).date()
    late = trust_admin.trust_problems(today=office_day - timedelta(days=10))
    assert [p for p in late if "BSrE Uji Root" in p][0].endswith(
        f" berakhir {tanggal(office_day)}."
    )
    assert not any(ends.date().isoformat() in p for p in late)
    assert trust_admin.trust_problems(today=office_day - timedelta(days=60)) == [
        trust_admin.NO_SIGNER
    ]


def test_a_signer_date_with_an_implausible_year_is_refused(app, make, login_as, pki):
    """'Berlaku sampai 0202-12-31' (for 2026) was saved, so the signer's letters were refused
    as unauthorised from the first one; the form now says the year is implausible."""
    client = _admin(make, login_as)
    form = {
        "fingerprint": pki.signer.fingerprint,
        "display_name": "Plh. Kepala Badan",
        "valid_until": "0202-12-31",
    }
    page = client.post("/admin/tte/penandatangan", data=form).get_data(as_text=True)
    assert "Tahun tidak wajar." in page
    assert db.session.execute(db.select(AllowedSigner)).first() is None
