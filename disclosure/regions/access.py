"""Who may do what, for pages and the API alike. Everything not granted here is refused.

A role is held on a region node and reaches that node and every region below it.
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from .models import Region, RoleKind


class Action(StrEnum):
    VIEW_DRAFTS = "view_drafts"
    DRAFT = "draft"
    SUBMIT = "submit"
    REVIEW = "review"
    PUBLISH = "publish"
    CORRECT = "correct"
    WITHDRAW = "withdraw"
    VIEW_AUDIT_LOG = "view_audit_log"
    ANSWER_QUESTIONS = "answer_questions"
    MODERATE_QUESTIONS = "moderate_questions"
    VIEW_REPORTS = "view_reports"
    HANDLE_REPORTS = "handle_reports"
    OVERSEE = "oversee"
    ORDER_CORRECTION = "order_correction"
    MANAGE_CADRES = "manage_cadres"
    VIEW_FLAGS = "view_flags"
    # The village answers a red flag (explains it, reports its rectification); the township
    # decides on it (orders a rectification, closes, dismisses or reopens it).
    EXPLAIN_FLAGS = "explain_flags"
    RESOLVE_FLAGS = "resolve_flags"
    SET_RULES = "set_rules"


# Reports about a village go above it, and so does overseeing it: these are never granted through a
# role held on a village, whatever its kind, so nobody in the village can read a report or learn
# who made it, keep the register of its own cadres' relatives, or order its own corrections.
ABOVE_VILLAGE_ONLY = {
    Action.VIEW_REPORTS,
    Action.HANDLE_REPORTS,
    Action.OVERSEE,
    Action.ORDER_CORRECTION,
    Action.MANAGE_CADRES,
    Action.RESOLVE_FLAGS,
    Action.SET_RULES,
}


ROLE_ACTIONS = {
    RoleKind.CLERK: {
        Action.VIEW_DRAFTS,
        Action.DRAFT,
        Action.SUBMIT,
        Action.PUBLISH,
        Action.CORRECT,
        Action.WITHDRAW,
        Action.ANSWER_QUESTIONS,
        Action.VIEW_FLAGS,
        Action.EXPLAIN_FLAGS,
    },
    RoleKind.SUPERVISOR: {
        Action.VIEW_DRAFTS,
        Action.REVIEW,
        Action.ANSWER_QUESTIONS,
        Action.MODERATE_QUESTIONS,
        Action.VIEW_FLAGS,
    },
    RoleKind.TOWNSHIP_OFFICIAL: {
        Action.VIEW_DRAFTS,
        Action.VIEW_AUDIT_LOG,
        Action.VIEW_REPORTS,
        Action.OVERSEE,
        Action.ORDER_CORRECTION,
        Action.MANAGE_CADRES,
        Action.VIEW_FLAGS,
        Action.RESOLVE_FLAGS,
    },
    # Handles reports (举报) for the township's discipline inspection: the only role that sees
    # who made a report and how to reach them.
    RoleKind.REPORT_HANDLER: {
        Action.VIEW_REPORTS,
        Action.HANDLE_REPORTS,
        Action.OVERSEE,
        Action.VIEW_FLAGS,
    },
    RoleKind.ADMINISTRATOR: {
        Action.VIEW_DRAFTS,
        Action.VIEW_AUDIT_LOG,
        Action.OVERSEE,
        Action.MANAGE_CADRES,
        Action.VIEW_FLAGS,
        Action.SET_RULES,
    },
}


def _roles(user) -> list:
    if not user.is_authenticated or not user.is_active:
        return []
    if not hasattr(user, "_cached_roles"):
        user._cached_roles = list(user.roles.select_related("region"))
    return user._cached_roles


def regions_for(user, action: Action) -> list[Region]:
    """The nodes on which the user holds a role granting the action."""
    return [
        role.region
        for role in _roles(user)
        if action in ROLE_ACTIONS[role.kind]
        and not (action in ABOVE_VILLAGE_ONLY and role.region.is_village)
    ]


def _village_of(obj) -> Region:
    return obj if isinstance(obj, Region) else obj.village


def can(user, action: Action, obj) -> bool:
    """Whether the user may take the action on a region or on a row that belongs to a village.

    A supervisor never signs off a revision they wrote themselves.
    """
    region = _village_of(obj)
    if not any(node.contains(region) for node in regions_for(user, action)):
        return False
    if action == Action.REVIEW and getattr(obj, "author_id", None) == user.pk:
        return False
    return True


def require(user, action: Action, obj) -> None:
    if not can(user, action, obj):
        raise PermissionDenied


def scope(queryset: QuerySet, user, action: Action, field: str = "village") -> QuerySet:
    """Rows of the queryset whose village the user may take the action on.

    `field` names the row's village; an empty field means the rows are regions themselves.
    """
    nodes = regions_for(user, action)
    if not nodes:
        return queryset.none()
    key = f"{field}__code__startswith" if field else "code__startswith"
    condition = Q()
    for node in nodes:
        condition |= Q(**{key: node.prefix})
    return queryset.filter(condition)


def get_for_user(queryset: QuerySet, user, action: Action, **lookup):
    """Fetch a row and authorise the action in one call.

    A row the user may not even see drafts of is reported as missing (404);
    one they can see but not act on is refused (403).
    """
    obj = scope(queryset, user, Action.VIEW_DRAFTS).filter(**lookup).first()
    if obj is None:
        raise Http404
    require(user, action, obj)
    return obj


def villages_for(user, action: Action) -> QuerySet:
    return scope(Region.objects.villages(), user, action, field="")


def is_staff_member(user) -> bool:
    return bool(_roles(user))


# Decisions that combine actions, named so that callers ask one question.


def may_see_personal_values(user, obj) -> bool:
    """Full names and identity numbers of a benefit list: those who draft it and who sign it off."""
    return can(user, Action.DRAFT, obj) or can(user, Action.REVIEW, obj)


def villages_seeing_personal_values(user) -> QuerySet:
    return (villages_for(user, Action.DRAFT) | villages_for(user, Action.REVIEW)).distinct()


def may_answer_objection(user, obj) -> bool:
    """An objection to a resolution is answered by the village: its clerk or its committee."""
    return can(user, Action.DRAFT, obj) or can(user, Action.REVIEW, obj)


def may_follow_question(user, obj) -> bool:
    """A villager's question is read by those who answer it and by those who oversee the village."""
    return can(user, Action.ANSWER_QUESTIONS, obj) or can(user, Action.OVERSEE, obj)
