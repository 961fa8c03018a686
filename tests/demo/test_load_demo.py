from io import StringIO
from pathlib import Path

from django.contrib.auth import authenticate
from django.core.management import call_command

from demo.places import DEMO_PASSWORD, XINGHUA, accounts
from demo.roads import ROADS
from disclosure.publishing.chain import first_mismatch
from disclosure.publishing.models import (
    Attachment,
    Posting,
    PostingStatus,
    ReviewEvent,
    Revision,
    RevisionAction,
    RevisionState,
)
from disclosure.publishing.search import matching
from disclosure.regions.models import Level, Region, Role, User

README = Path(__file__).resolve().parents[2] / "demo" / "README.md"


def test_the_demo_county_has_two_townships_and_at_least_six_villages(db, demo_county):
    townships = Region.objects.within(demo_county).filter(level=Level.TOWNSHIP)
    villages = Region.objects.within(demo_county).villages()

    assert townships.count() == 2
    assert villages.count() >= 6
    assert all(village.parent in townships for village in villages)
    assert all(region.code.startswith("99") for region in Region.objects.within(demo_county))


def test_every_village_has_a_clerk_and_a_supervisor(db, demo_county):
    for village in Region.objects.within(demo_county).villages():
        kinds = set(Role.objects.filter(region=village).values_list("kind", flat=True))
        assert kinds == {"clerk", "supervisor"}, village.name


def test_every_demo_account_signs_in_with_the_password_in_the_readme(db, demo_county):
    readme = README.read_text()
    usernames = [account.username for account in accounts()]

    assert f"`{DEMO_PASSWORD}`" in readme
    assert all(f"`{username}`" in readme for username in usernames)
    # All accounts share the one password, so checking a clerk and the administrator suffices.
    users = User.objects.filter(username__in=usernames)
    assert users.count() == len(usernames)
    assert users.values("password").distinct().count() == 1
    assert authenticate(username="xinghua_clerk", password=DEMO_PASSWORD) is not None
    assert authenticate(username="county_admin", password=DEMO_PASSWORD) is not None


def test_the_county_administrator_may_use_the_django_admin(db, demo_county):
    admin = User.objects.get(username="county_admin")

    assert admin.is_staff and admin.is_superuser
    assert admin.roles.get().region == demo_county


def test_postings_are_found_in_every_state_of_the_lifecycle(db, demo_county):
    states = set(Revision.objects.values_list("state", flat=True))

    assert states == {state.value for state in RevisionState}


def test_a_returned_posting_shows_the_supervisors_reason(db, demo_county):
    returned = Revision.objects.get(state=RevisionState.RETURNED, title__contains="鱼塘")

    assert "3年" in returned.events.get(step=ReviewEvent.Step.RETURNED).note


def test_a_correction_is_published_beside_the_first_revision_with_its_reason(db, demo_county):
    posting = Posting.objects.get(current__title__contains="最低生活保障")
    first, correction = posting.revisions.order_by("number")

    assert first.state == correction.state == RevisionState.PUBLISHED
    assert correction.action == RevisionAction.CORRECTION
    assert "新申请应为4户" in correction.reason
    assert "新申请3户" in first.body and "新申请4户" in correction.body
    assert posting.current == correction


def test_a_withdrawn_posting_keeps_a_notice_with_its_reason(db, demo_county):
    withdrawal = Revision.objects.get(action=RevisionAction.WITHDRAWAL, title__contains="秸秆")

    assert withdrawal.posting.status == PostingStatus.WITHDRAWN
    assert withdrawal.is_published
    assert "另行公告" in withdrawal.reason


def test_published_postings_carry_the_supervisors_sign_off(db, demo_county):
    for revision in Revision.objects.published().exclude(action=RevisionAction.WITHDRAWAL):
        assert revision.signed_off_by_name and revision.opinion, revision.title


def test_every_village_publishes_a_list_of_five_to_eight_small_powers(db, demo_county):
    for village in Region.objects.within(demo_county).villages():
        power_list = Posting.objects.get(village=village, kind="power_list")
        items = power_list.current.power_items.all()
        assert 5 <= len(items) <= 8, village.name
        for item in items:
            assert item.steps and item.time_limit and item.fee and item.responsible, item.name


def test_the_search_for_road_repair_finds_the_tender_notice_and_the_road_projects(db, demo_county):
    titles = {revision.title for revision in matching(Revision.objects.published(), "修路")}

    assert "杏花村村道修路工程招标公告" in titles
    assert ROADS[XINGHUA.code].title("杏花村") in titles


def test_photos_have_thumbnails_and_reports_are_pdf_documents(db, demo_county, demo_media):
    photos = Attachment.objects.filter(filename__endswith=".jpg")
    reports = Attachment.objects.filter(filename__endswith=".pdf")

    assert photos.exists() and reports.exists()
    assert all(photo.blob.content_type == "image/jpeg" and photo.thumbnail for photo in photos)
    for report in reports:
        assert report.blob.content_type == "application/pdf"
        assert (demo_media / report.blob.relative_path).read_bytes().startswith(b"%PDF-1.4")


def test_the_chain_of_every_village_verifies(db, demo_county):
    for village in Region.objects.within(demo_county).villages():
        assert Revision.objects.published().filter(village=village).exists(), village.name
        assert first_mismatch(village) is None, village.name


def test_loading_the_demo_again_says_so_and_changes_nothing(db, demo_county):
    counts = (Region.objects.count(), User.objects.count(), Revision.objects.count())
    out = StringIO()

    call_command("load_demo", stdout=out)

    assert "演示数据已经加载过" in out.getvalue()
    assert (Region.objects.count(), User.objects.count(), Revision.objects.count()) == counts


def test_xinghuas_notice_shows_its_official_hotline_and_masks_the_private_mobile(db, demo_county):
    notices = Revision.objects.filter(
        title="关于做好春耕备耕工作的通知", village__code=XINGHUA.code
    ).exclude(body="")

    assert notices and all("村委会值班电话13905710001" in n.body for n in notices)
    assert all("手机135****0000" in n.body for n in notices)
