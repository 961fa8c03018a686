from disclosure.web.addresses import keyed

from .models import AuditEntry


def record(*, by, action: str, village=None, target: str = "", ip=None, **detail) -> AuditEntry:
    """Write one line of the audit log. Every staff action passes through here."""
    return AuditEntry.objects.create(
        user=by if by is not None and by.is_authenticated else None,
        username=getattr(by, "username", "") or "",
        action=action,
        village=village,
        target=target[:200],
        address=keyed(ip),
        detail=detail,
    )
