"""The register of cadres and declared relatives: who keeps it, what it refuses, what the audit
log keeps, and that an identity number is never shown in full."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from disclosure.publishing.models import AuditEntry
from disclosure.redflags import cadres
from disclosure.redflags.models import Cadre, Relative

pytestmark = pytest.mark.usefixtures("english")
NUMBER = "320102198506120042"
MASKED = "3201**********0042"
STARTED = datetime.date(2021, 1, 1)


@pytest.fixture
def chair(village_a, township_official):
    cadre = cadres.add_cadre(
        village=village_a,
        name="张主任",
        position="村委会主任",
        started_on=STARTED,
        identity_number=NUMBER,
        by=township_official,
    )
    cadres.add_relative(
        cadre=cadre, name="张小明", relation="child", identity_number=NUMBER, by=township_official
    )
    return cadre


def get(client, user, url):
    client.force_login(user)
    return client.get(url)


def post(client, user, url, data):
    client.force_login(user)
    return client.post(url, data)


# Only those who may MANAGE_CADRES on the village find the register; everyone else gets 404.
MATRIX = [
    ("clerk_a", False),
    ("supervisor_a", False),
    ("report_handler", False),
    ("village_report_handler", False),
    ("other_township_official", False),
    ("township_official", True),
    ("administrator", True),
]


@pytest.mark.parametrize(("person", "allowed"), MATRIX)
def test_who_reaches_the_register_of_village_a(client, request, chair, person, allowed):
    user = request.getfixturevalue(person)
    relative = chair.relatives.get()
    urls = [
        reverse("redflags_staff:cadres", args=[chair.village.code]),
        reverse("redflags_staff:edit_cadre", args=[chair.pk]),
        reverse("redflags_staff:end_term", args=[chair.pk]),
        reverse("redflags_staff:add_relative", args=[chair.pk]),
        reverse("redflags_staff:edit_relative", args=[relative.pk]),
    ]
    for url in urls:
        assert get(client, user, url).status_code == (200 if allowed else 404), url


@pytest.mark.parametrize("person", ["clerk_a", "supervisor_a", "other_township_official"])
def test_a_forged_post_changes_nothing(client, request, chair, person):
    user = request.getfixturevalue(person)
    url = reverse("redflags_staff:cadres", args=[chair.village.code])
    data = {"name": "冒名", "position": "主任", "started_on": "2024-01-01"}
    assert post(client, user, url, data).status_code == 404
    end = reverse("redflags_staff:end_term", args=[chair.pk])
    assert post(client, user, end, {"ended_on": "2024-01-01"}).status_code == 404
    assert Cadre.objects.count() == 1
    chair.refresh_from_db()
    assert chair.ended_on is None


def test_the_cadre_index_lists_the_villages_one_keeps(
    client, chair, village_b, township_official, clerk_a
):
    page = get(client, township_official, reverse("redflags_staff:cadres_index")).content.decode()
    assert chair.village.name in page and "柳树村" in page
    assert get(client, clerk_a, reverse("redflags_staff:cadres_index")).status_code == 404


def test_an_official_adds_a_cadre_and_the_audit_log_keeps_it(client, village_a, township_official):
    url = reverse("redflags_staff:cadres", args=[village_a.code])
    data = {
        "name": "李书记",
        "position": "村党支部书记",
        "identity_number": f" {NUMBER} ",
        "started_on": "2021-01-01",
    }
    response = post(client, township_official, url, data)
    assert response.status_code == 302
    cadre = Cadre.objects.get()
    assert cadre.identity_number == NUMBER
    entry = AuditEntry.objects.get(action="redflags.cadre_added")
    assert entry.target == "李书记" and entry.village == village_a
    assert NUMBER not in str(entry.detail)


def test_a_wrong_check_character_is_refused_with_a_reason(client, village_a, township_official):
    url = reverse("redflags_staff:cadres", args=[village_a.code])
    data = {
        "name": "李书记",
        "position": "村党支部书记",
        "identity_number": NUMBER[:-1] + "3",
        "started_on": "2021-01-01",
    }
    response = post(client, township_official, url, data)
    assert response.status_code == 200
    assert "valid check character" in response.content.decode()
    assert not Cadre.objects.exists()


def test_identity_numbers_are_never_shown_in_full(client, chair, township_official, administrator):
    relative = chair.relatives.get()
    urls = [
        reverse("redflags_staff:cadres", args=[chair.village.code]),
        reverse("redflags_staff:edit_cadre", args=[chair.pk]),
        reverse("redflags_staff:edit_relative", args=[relative.pk]),
    ]
    for url in urls:
        page = get(client, township_official, url).content.decode()
        assert NUMBER not in page
        assert MASKED in page
    admin_user = administrator
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    for url in (
        reverse("admin:redflags_cadre_changelist"),
        reverse("admin:redflags_cadre_change", args=[chair.pk]),
    ):
        page = get(client, admin_user, url).content.decode()
        assert NUMBER not in page and MASKED in page


def test_an_empty_identity_number_keeps_the_one_on_record(client, chair, township_official):
    url = reverse("redflags_staff:edit_cadre", args=[chair.pk])
    data = {"name": "张主任", "position": "村委会主任（连任）", "started_on": "2021-01-01"}
    assert post(client, township_official, url, data).status_code == 302
    chair.refresh_from_db()
    assert chair.identity_number == NUMBER and chair.position == "村委会主任（连任）"


def test_ending_a_term_keeps_the_cadre_with_the_date(client, chair, township_official):
    url = reverse("redflags_staff:end_term", args=[chair.pk])
    assert post(client, township_official, url, {"ended_on": "2024-12-31"}).status_code == 302
    chair.refresh_from_db()
    assert chair.ended_on == datetime.date(2024, 12, 31)
    assert Relative.objects.filter(cadre=chair).exists()
    page = get(client, township_official, reverse("redflags_staff:cadres", args=["990101001001"]))
    assert "2024-12-31" in page.content.decode()


@pytest.mark.parametrize(
    ("ended_on", "message"),
    [("2020-12-31", "before it started"), ("2999-01-01", "still to come")],
)
def test_a_term_cannot_end_before_it_started_or_in_the_future(
    client, chair, township_official, ended_on, message
):
    url = reverse("redflags_staff:end_term", args=[chair.pk])
    response = post(client, township_official, url, {"ended_on": ended_on})
    assert response.status_code == 400
    assert message in response.content.decode()
    chair.refresh_from_db()
    assert chair.ended_on is None


def test_a_term_ends_once(chair, township_official):
    cadres.end_term(cadre=chair, ended_on=datetime.date(2024, 1, 1), by=township_official)
    with pytest.raises(ValidationError, match="already ended"):
        cadres.end_term(cadre=chair, ended_on=datetime.date(2024, 2, 1), by=township_official)


def test_a_relative_is_added_and_corrected(client, chair, township_official):
    url = reverse("redflags_staff:add_relative", args=[chair.pk])
    data = {"name": "王芳", "relation": "spouse", "identity_number": ""}
    assert post(client, township_official, url, data).status_code == 302
    relative = Relative.objects.get(name="王芳")
    assert relative.village == chair.village and relative.identity_number == ""
    edit = reverse("redflags_staff:edit_relative", args=[relative.pk])
    data = {"name": "王芳", "relation": "spouse", "identity_number": NUMBER}
    assert post(client, township_official, edit, data).status_code == 302
    relative.refresh_from_db()
    assert relative.identity_number == NUMBER
    assert AuditEntry.objects.filter(action="redflags.relative_changed").count() == 1


def test_an_unknown_relation_is_refused(client, chair, township_official):
    url = reverse("redflags_staff:add_relative", args=[chair.pk])
    response = post(client, township_official, url, {"name": "王芳", "relation": "cousin"})
    assert response.status_code == 200
    assert not Relative.objects.filter(name="王芳").exists()


def test_the_services_check_permission(chair, clerk_a, village_a):
    with pytest.raises(PermissionDenied):
        cadres.add_cadre(
            village=village_a, name="某某", position="委员", started_on=STARTED, by=clerk_a
        )
    with pytest.raises(PermissionDenied):
        cadres.add_relative(cadre=chair, name="某某", relation="spouse", by=clerk_a)


def test_wrong_ids_are_not_found(client, township_official):
    for url in (
        reverse("redflags_staff:edit_cadre", args=[999999]),
        reverse("redflags_staff:edit_relative", args=[999999]),
        reverse("redflags_staff:cadres", args=["999999999999"]),
    ):
        assert get(client, township_official, url).status_code == 404
