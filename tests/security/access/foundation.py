"""Access rows for the spine's endpoints."""

from sisakat.models import Role
from tests.security.matrix import pemohon_only, public, staff

ROWS = {
    "public.index": public(),
    "public.healthz": public(),
    "submission.dashboard": pemohon_only(),
    "verification.queue": staff(Role.VERIFIKATOR, Role.PENANDATANGAN, Role.SUPERADMIN),
    "admin.index": staff(Role.SUPERADMIN),
}
