import pytest
from django.core.exceptions import PermissionDenied

from disclosure.benefits import services
from disclosure.benefits.models import PersonalValues
from disclosure.publishing.models import Posting

from .conftest import ROWS, WANG, csv_upload, lines_of


def _upload(client, village, *rows, **extra):
    data = {"title": "2026年第三季度低保金发放名单", "file": csv_upload(*rows), **extra}
    return client.post(f"/staff/benefits/v/{village.code}/import/", data)


def test_the_clerk_sees_a_preview_with_full_values_and_nothing_is_saved_yet(
    client, clerk_a, village_a
):
    client.force_login(clerk_a)

    page = _upload(client, village_a, *ROWS).content.decode()

    assert WANG in page and "王秀英" in page
    assert 'name="payload"' in page
    assert not Posting.objects.exists()


def test_confirming_the_preview_creates_a_draft_benefit_list(client, clerk_a, village_a):
    client.force_login(clerk_a)
    page = _upload(client, village_a, *ROWS).content.decode()
    payload = page.split('name="payload" value="')[1].split('"')[0]

    response = client.post(f"/staff/benefits/v/{village_a.code}/import/", {"payload": payload})

    posting = Posting.objects.get()
    assert posting.kind == "benefit_list"
    assert response.url == f"/staff/revisions/{posting.revisions.get().pk}/"
    assert PersonalValues.objects.count() == 3


def test_a_tampered_preview_is_refused(client, clerk_a, village_a):
    client.force_login(clerk_a)

    response = client.post(
        f"/staff/benefits/v/{village_a.code}/import/", {"payload": "forged:payload"}
    )

    assert "预览已过期，请重新上传文件。" in response.content.decode()
    assert not Posting.objects.exists()


def test_a_file_with_problems_lists_them_and_saves_nothing(client, clerk_a, village_a):
    client.force_login(clerk_a)
    bad = ROWS[0].replace(WANG, WANG[:17] + ("1" if WANG[17] != "1" else "2"))

    page = _upload(client, village_a, bad).content.decode()

    assert "未导入任何内容" in page
    assert "第 2 行第 2 列" in page
    assert not Posting.objects.exists()


def test_the_clerk_of_another_village_cannot_import_here(client, clerk_b, village_a):
    client.force_login(clerk_b)

    assert _upload(client, village_a, *ROWS).status_code == 404
    with pytest.raises(PermissionDenied):
        services.import_list(village=village_a, title="名单", lines=lines_of(*ROWS), by=clerk_b)
    assert not Posting.objects.exists()


def test_village_staff_see_full_values_and_others_do_not(
    client, draft_list, supervisor_a, clerk_b, township_official
):
    url = f"/staff/benefits/revisions/{draft_list.pk}/"
    client.force_login(supervisor_a)
    assert WANG in client.get(url).content.decode()

    client.force_login(clerk_b)
    assert client.get(url).status_code == 404

    client.force_login(township_official)
    assert client.get(url).status_code == 403


def test_a_draft_can_be_imported_again(client, clerk_a, draft_list):
    client.force_login(clerk_a)
    url = f"/staff/benefits/revisions/{draft_list.pk}/import/"
    page = client.post(url, {"file": csv_upload(ROWS[0])}).content.decode()
    payload = page.split('name="payload" value="')[1].split('"')[0]

    client.post(url, {"payload": payload})

    assert draft_list.recipients.count() == 1


def test_a_benefit_list_without_recipients_cannot_be_submitted(client, clerk_a, draft_list):
    draft_list.recipients.all().delete()
    client.force_login(clerk_a)

    client.post(f"/staff/revisions/{draft_list.pk}/submit/", follow=True)

    draft_list.refresh_from_db()
    assert draft_list.state == "draft"


def test_the_start_page_lists_the_villages_and_lists(client, clerk_a, draft_list):
    client.force_login(clerk_a)

    page = client.get("/staff/benefits/").content.decode()

    assert "清河村" in page
    assert draft_list.title in page
