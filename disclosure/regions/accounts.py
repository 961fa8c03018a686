"""Which staff accounts must log in with a second factor (a code from an authenticator app)."""

from .models import PREFIX_LENGTH, Level, Region, RoleKind

# Roles that reach many villages, or reporters' identities, never rely on a password alone.
ALWAYS = {RoleKind.ADMINISTRATOR, RoleKind.TOWNSHIP_OFFICIAL, RoleKind.REPORT_HANDLER}


def second_factor_required(user) -> bool:
    """Always for superusers and the roles above; for clerks and supervisors when a county they
    work in requires it of all its staff."""
    if user.is_superuser:
        return True
    roles = list(user.roles.select_related("region"))
    if any(role.kind in ALWAYS for role in roles):
        return True
    counties = {role.region.code[: PREFIX_LENGTH[Level.COUNTY]] for role in roles}
    return Region.objects.filter(
        level=Level.COUNTY,
        code__in=[prefix.ljust(12, "0") for prefix in counties],
        second_factor_for_all_staff=True,
    ).exists()
