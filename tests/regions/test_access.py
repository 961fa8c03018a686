"""The permission matrix: each person × each place × each action, spelled out.

Places: 清河村 (village A, where clerk_a and supervisor_a work), 柳树村 (village B, same
township, clerk_b and supervisor_b), 石桥村 (village C, in the other township) and 青山镇, the
township above villages A and B. The township official works for 青山镇, the other township
official for 白水镇, the administrator for the county 示范县 above both. The report handler
(纪检) works for 青山镇; a report-handler role given on 清河村 by mistake opens no report.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from disclosure.publishing import chain, services
from disclosure.publishing.models import Revision
from disclosure.publishing.services import Content
from disclosure.regions.access import (
    Action,
    can,
    get_for_user,
    is_staff_member,
    scope,
    villages_for,
)

from ..factories import draft_posting, published_posting, signed_off

PLACES = ["village_a", "village_b", "village_c", "township"]
# Columns follow PLACES: 清河村, 柳树村, 石桥村, 青山镇. Y: allowed, -: refused.
MATRIX = """
clerk_a                  view_drafts        Y - - -
clerk_a                  draft              Y - - -
clerk_a                  submit             Y - - -
clerk_a                  review             - - - -
clerk_a                  publish            Y - - -
clerk_a                  correct            Y - - -
clerk_a                  withdraw           Y - - -
clerk_a                  view_audit_log     - - - -
clerk_a                  answer_questions   Y - - -
clerk_a                  moderate_questions - - - -
clerk_a                  view_reports       - - - -
clerk_a                  handle_reports     - - - -
clerk_a                  oversee            - - - -
clerk_a                  order_correction   - - - -
clerk_a                  manage_cadres      - - - -
clerk_a                  view_flags         Y - - -
clerk_a                  set_rules          - - - -
clerk_a                  explain_flags      Y - - -
clerk_a                  resolve_flags      - - - -
supervisor_a             view_drafts        Y - - -
supervisor_a             draft              - - - -
supervisor_a             submit             - - - -
supervisor_a             review             Y - - -
supervisor_a             publish            - - - -
supervisor_a             correct            - - - -
supervisor_a             withdraw           - - - -
supervisor_a             view_audit_log     - - - -
supervisor_a             answer_questions   Y - - -
supervisor_a             moderate_questions Y - - -
supervisor_a             view_reports       - - - -
supervisor_a             handle_reports     - - - -
supervisor_a             oversee            - - - -
supervisor_a             order_correction   - - - -
supervisor_a             manage_cadres      - - - -
supervisor_a             view_flags         Y - - -
supervisor_a             set_rules          - - - -
supervisor_a             explain_flags      - - - -
supervisor_a             resolve_flags      - - - -
clerk_b                  view_drafts        - Y - -
clerk_b                  draft              - Y - -
clerk_b                  submit             - Y - -
clerk_b                  review             - - - -
clerk_b                  publish            - Y - -
clerk_b                  correct            - Y - -
clerk_b                  withdraw           - Y - -
clerk_b                  view_audit_log     - - - -
clerk_b                  answer_questions   - Y - -
clerk_b                  moderate_questions - - - -
clerk_b                  view_reports       - - - -
clerk_b                  handle_reports     - - - -
clerk_b                  oversee            - - - -
clerk_b                  order_correction   - - - -
clerk_b                  manage_cadres      - - - -
clerk_b                  view_flags         - Y - -
clerk_b                  set_rules          - - - -
clerk_b                  explain_flags      - Y - -
clerk_b                  resolve_flags      - - - -
supervisor_b             view_drafts        - Y - -
supervisor_b             draft              - - - -
supervisor_b             submit             - - - -
supervisor_b             review             - Y - -
supervisor_b             publish            - - - -
supervisor_b             correct            - - - -
supervisor_b             withdraw           - - - -
supervisor_b             view_audit_log     - - - -
supervisor_b             answer_questions   - Y - -
supervisor_b             moderate_questions - Y - -
supervisor_b             view_reports       - - - -
supervisor_b             handle_reports     - - - -
supervisor_b             oversee            - - - -
supervisor_b             order_correction   - - - -
supervisor_b             manage_cadres      - - - -
supervisor_b             view_flags         - Y - -
supervisor_b             set_rules          - - - -
supervisor_b             explain_flags      - - - -
supervisor_b             resolve_flags      - - - -
township_official        view_drafts        Y Y - Y
township_official        draft              - - - -
township_official        submit             - - - -
township_official        review             - - - -
township_official        publish            - - - -
township_official        correct            - - - -
township_official        withdraw           - - - -
township_official        view_audit_log     Y Y - Y
township_official        answer_questions   - - - -
township_official        moderate_questions - - - -
township_official        view_reports       Y Y - Y
township_official        handle_reports     - - - -
township_official        oversee            Y Y - Y
township_official        order_correction   Y Y - Y
township_official        manage_cadres      Y Y - Y
township_official        view_flags         Y Y - Y
township_official        set_rules          - - - -
township_official        explain_flags      - - - -
township_official        resolve_flags      Y Y - Y
other_township_official  view_drafts        - - Y -
other_township_official  draft              - - - -
other_township_official  submit             - - - -
other_township_official  review             - - - -
other_township_official  publish            - - - -
other_township_official  correct            - - - -
other_township_official  withdraw           - - - -
other_township_official  view_audit_log     - - Y -
other_township_official  answer_questions   - - - -
other_township_official  moderate_questions - - - -
other_township_official  view_reports       - - Y -
other_township_official  handle_reports     - - - -
other_township_official  oversee            - - Y -
other_township_official  order_correction   - - Y -
other_township_official  manage_cadres      - - Y -
other_township_official  view_flags         - - Y -
other_township_official  set_rules          - - - -
other_township_official  explain_flags      - - - -
other_township_official  resolve_flags      - - Y -
report_handler           view_drafts        - - - -
report_handler           draft              - - - -
report_handler           submit             - - - -
report_handler           review             - - - -
report_handler           publish            - - - -
report_handler           correct            - - - -
report_handler           withdraw           - - - -
report_handler           view_audit_log     - - - -
report_handler           answer_questions   - - - -
report_handler           moderate_questions - - - -
report_handler           view_reports       Y Y - Y
report_handler           handle_reports     Y Y - Y
report_handler           oversee            Y Y - Y
report_handler           order_correction   - - - -
report_handler           manage_cadres      - - - -
report_handler           view_flags         Y Y - Y
report_handler           set_rules          - - - -
report_handler           explain_flags      - - - -
report_handler           resolve_flags      - - - -
village_report_handler   view_drafts        - - - -
village_report_handler   draft              - - - -
village_report_handler   submit             - - - -
village_report_handler   review             - - - -
village_report_handler   publish            - - - -
village_report_handler   correct            - - - -
village_report_handler   withdraw           - - - -
village_report_handler   view_audit_log     - - - -
village_report_handler   answer_questions   - - - -
village_report_handler   moderate_questions - - - -
village_report_handler   view_reports       - - - -
village_report_handler   handle_reports     - - - -
village_report_handler   oversee            - - - -
village_report_handler   order_correction   - - - -
village_report_handler   manage_cadres      - - - -
village_report_handler   view_flags         Y - - -
village_report_handler   set_rules          - - - -
village_report_handler   explain_flags      - - - -
village_report_handler   resolve_flags      - - - -
administrator            view_drafts        Y Y Y Y
administrator            draft              - - - -
administrator            submit             - - - -
administrator            review             - - - -
administrator            publish            - - - -
administrator            correct            - - - -
administrator            withdraw           - - - -
administrator            view_audit_log     Y Y Y Y
administrator            answer_questions   - - - -
administrator            moderate_questions - - - -
administrator            view_reports       - - - -
administrator            handle_reports     - - - -
administrator            oversee            Y Y Y Y
administrator            order_correction   - - - -
administrator            manage_cadres      Y Y Y Y
administrator            view_flags         Y Y Y Y
administrator            set_rules          Y Y Y Y
administrator            explain_flags      - - - -
administrator            resolve_flags      - - - -
"""


def expected_rows() -> dict[str, dict[str, str]]:
    """person → action → the marks for the places, as written in the matrix."""
    rows: dict[str, dict[str, str]] = {}
    for line in MATRIX.strip().splitlines():
        person, action, *marks = line.split()
        rows.setdefault(person, {})[action] = " ".join(marks)
    return rows


def test_the_matrix_covers_every_person_and_action():
    rows = expected_rows()

    assert len(rows) == 9
    assert all(set(actions) == {action.value for action in Action} for actions in rows.values())


@pytest.mark.parametrize("person", list(expected_rows()))
def test_permission_matrix(request, village_c, person):
    user = request.getfixturevalue(person)
    places = [request.getfixturevalue(place) for place in PLACES]

    actual = {
        action.value: " ".join("Y" if can(user, action, place) else "-" for place in places)
        for action in Action
    }

    assert actual == expected_rows()[person]


@pytest.mark.parametrize("action", list(Action))
def test_an_anonymous_villager_may_do_nothing(village_a, action):
    assert can(AnonymousUser(), action, village_a) is False


def test_a_deactivated_clerk_may_do_nothing(village_a, clerk_a):
    clerk_a.is_active = False

    assert not any(can(clerk_a, action, village_a) for action in Action)
    assert not is_staff_member(clerk_a)


# The publication services on a posting of 清河村 (village A): who gets through.
SERVICE_STEPS = {
    "create a draft": {"clerk_a"},
    "edit a draft": {"clerk_a"},
    "discard a draft": {"clerk_a"},
    "submit for sign-off": {"clerk_a"},
    "return for changes": {"supervisor_a"},
    "sign off": {"supervisor_a"},
    "publish": {"clerk_a"},
    "start a correction": {"clerk_a"},
    "withdraw": {"clerk_a"},
}
PEOPLE = [
    "clerk_a",
    "supervisor_a",
    "clerk_b",
    "supervisor_b",
    "township_official",
    "other_township_official",
    "administrator",
]


def prepare(step, village, clerk, supervisor):
    """Bring a posting of the village to where the step can be taken; return the step."""
    if step == "create a draft":
        content = Content(title="关于春耕备耕的通知")
        return lambda by: services.create_posting(
            village=village, kind="notice", content=content, by=by
        )
    if step in ("edit a draft", "discard a draft", "submit for sign-off"):
        draft = draft_posting(village, clerk)
        return {
            "edit a draft": lambda by: services.update_draft(
                revision=draft, content=Content(title="新标题"), by=by
            ),
            "discard a draft": lambda by: services.discard_draft(revision=draft, by=by),
            "submit for sign-off": lambda by: services.submit(revision=draft, by=by),
        }[step]
    if step in ("return for changes", "sign off"):
        submitted = services.submit(revision=draft_posting(village, clerk), by=clerk)
        if step == "sign off":
            return lambda by: services.sign_off(
                revision=submitted,
                content_digest=chain.content_digest(submitted),
                by=by,
                opinion="同意公开。",
            )
        return lambda by: services.return_for_changes(revision=submitted, by=by, reason="请补充")
    if step == "publish":
        ready = signed_off(draft_posting(village, clerk), clerk, supervisor)
        return lambda by: services.publish(revision=ready, by=by)
    posting = published_posting(village, clerk, supervisor).posting
    if step == "start a correction":
        return lambda by: services.start_correction(posting=posting, by=by, reason="金额有误")
    return lambda by: services.withdraw(posting=posting, by=by, reason="重复发布")


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("step", list(SERVICE_STEPS))
def test_service_permission_matrix(request, village_a, clerk_a, supervisor_a, step, person):
    user = request.getfixturevalue(person)
    take_step = prepare(step, village_a, clerk_a, supervisor_a)

    if person in SERVICE_STEPS[step]:
        take_step(user)
    else:
        with pytest.raises(PermissionDenied):
            take_step(user)


def _snapshot():
    return list(Revision.objects.values_list("pk", "state", "title"))


def test_a_refused_step_changes_nothing(village_a, clerk_a, supervisor_a, clerk_b):
    draft = draft_posting(village_a, clerk_a)
    services.submit(revision=draft, by=clerk_a)
    before = _snapshot()

    with pytest.raises(PermissionDenied):
        services.sign_off(
            revision=draft, content_digest=chain.content_digest(draft), by=clerk_b, opinion="同意"
        )

    assert _snapshot() == before


def test_drafts_of_another_village_are_missing_not_forbidden(
    village_a, clerk_a, clerk_b, supervisor_a
):
    draft = draft_posting(village_a, clerk_a)

    with pytest.raises(Http404):
        get_for_user(Revision.objects.all(), clerk_b, Action.DRAFT, pk=draft.pk)
    with pytest.raises(PermissionDenied):
        get_for_user(Revision.objects.all(), supervisor_a, Action.DRAFT, pk=draft.pk)
    assert get_for_user(Revision.objects.all(), clerk_a, Action.DRAFT, pk=draft.pk) == draft


def test_querysets_are_scoped_to_the_nodes_a_person_acts_for(
    village_a, village_b, village_c, clerk_a, clerk_b, township_official, administrator
):
    in_a = draft_posting(village_a, clerk_a).pk
    in_b = draft_posting(village_b, clerk_b).pk

    def seen(user):
        drafts = scope(Revision.objects.all(), user, Action.VIEW_DRAFTS)
        return set(drafts.values_list("pk", flat=True))

    def villages(user, action):
        return set(villages_for(user, action).values_list("name", flat=True))

    assert seen(clerk_a) == {in_a}
    assert seen(township_official) == {in_a, in_b}
    assert seen(AnonymousUser()) == set()
    assert villages(township_official, Action.VIEW_DRAFTS) == {"清河村", "柳树村"}
    assert villages(administrator, Action.VIEW_AUDIT_LOG) == {"清河村", "柳树村", "石桥村"}
    assert villages(administrator, Action.DRAFT) == set()
