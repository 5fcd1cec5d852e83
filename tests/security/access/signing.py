"""Access rows for the signature trust screens (super admin only)."""

from sisakat.extensions import db
from sisakat.models import AllowedSigner, AnchorKind, Role, TrustAnchor
from tests.security.matrix import staff

ADMIN = (Role.SUPERADMIN,)

ROWS = {
    "admin.trust_settings": staff(*ADMIN),
    "admin.add_trust_anchor": staff(*ADMIN, method="POST"),
    "admin.remove_trust_anchor": staff(*ADMIN, method="POST"),
    "admin.inspect_signed_sample": staff(*ADMIN, method="POST"),
    "admin.add_allowed_signer": staff(*ADMIN, method="POST"),
    "admin.deactivate_allowed_signer": staff(*ADMIN, method="POST"),
    "admin.set_key_usage": staff(*ADMIN, method="POST"),
}


def setup(world) -> None:
    """One trust anchor and one allow-listed signer (placeholder bytes: nothing parses them)."""
    anchor = TrustAnchor(
        kind=AnchorKind.ROOT, der=b"\x30\x00", subject="CN=Akar Uji Matriks", fingerprint="a" * 64
    )
    signer = AllowedSigner(fingerprint="b" * 64, display_name="Pejabat Uji Matriks")
    db.session.add_all([anchor, signer])
    db.session.commit()
    world.args["anchor_id"] = anchor.id
    world.args["signer_id"] = signer.id
