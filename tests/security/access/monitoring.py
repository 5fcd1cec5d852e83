"""Access rows for the dashboard, the party register, reminders/renewal and e-mail settings."""

from sisakat.models import Role
from tests.security.matrix import logged_in, pemohon_only, staff

STAFF = staff(Role.VERIFIKATOR, Role.PENANDATANGAN, Role.SUPERADMIN)

ROWS = {
    "reports.dashboard": STAFF,
    "reports.dashboard_xlsx": STAFF,
    "reports.dashboard_csv": STAFF,
    "reports.party_register": STAFF,
    "reports.party_register_xlsx": STAFF,
    "reports.party_register_csv": STAFF,
    "reports.party_history": STAFF,
    "auth.notification_preferences": logged_in(),
    "submission.renew_application": pemohon_only("POST"),
    "admin.settings_service_hours": staff(Role.SUPERADMIN),
}


def setup(world) -> None:
    """The register's history page opens party A's board."""
    world.args["party_id"] = world.args["party_a"].id
