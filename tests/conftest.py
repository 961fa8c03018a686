"""The people of the tests.

Village A (清河村) and village B (柳树村) lie in township 青山镇; village C (石桥村) lies in
township 白水镇; both townships lie in the county 示范县. Each named person holds one role.
"""

import pytest
from procrastinate.contrib.django import app
from procrastinate.testing import InMemoryConnector

from disclosure.publishing import changes
from disclosure.regions.models import Level, RoleKind

from .factories import RegionFactory, make_staff
from .queue import Queue
from .watchdog import stop_watching, watching


@pytest.fixture(autouse=True)
def _no_page_cache(request, settings):
    """Most tests change data inside one transaction that never commits, so the counts of changes
    that key the page cache never move: they read pages uncached, as a signed-in clerk does."""
    if "page_cache" not in request.keywords:
        dummy = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        settings.CACHES = {"default": dummy, "revisions": dummy}
    # Counts of changes are trusted for a second: one read by the test before must neither
    # key this test's pages nor hide a query this test counts.
    changes.forget_counts()


@pytest.fixture(autouse=True)
def _public_changes_are_counted(monkeypatch):
    watchdog = watching(monkeypatch)
    yield
    stop_watching()
    assert not watchdog.uncounted, (
        "A public change was not counted (call changes.count for its village): "
        f"{watchdog.uncounted}"
    )


@pytest.fixture(autouse=True)
def task_queue():
    """Jobs a test defers wait in memory; `task_queue.run()` runs them, as a worker would."""
    connector = InMemoryConnector()
    with app.replace_connector(connector):
        yield Queue(connector)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def ensure_default_chart() -> None:
    """Put back the national chart of accounts a data migration loaded.

    Transactional tests (the browser tests among them) empty every table when they end,
    including rows that migrations wrote; later tests expect the chart to be there.
    """
    from disclosure.finance.accounts import DEFAULT_CHART
    from disclosure.finance.models import MappingRule

    if not MappingRule.objects.filter(region=None).exists():
        MappingRule.objects.bulk_create(
            MappingRule(region=None, prefix=prefix, account_name=name, category=category.value)
            for prefix, name, category in DEFAULT_CHART
        )


@pytest.fixture(autouse=True)
def _default_chart_in_transactional_tests(request):
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or "live_server" in (
        request.fixturenames
    )
    if transactional or (marker and marker.kwargs.get("transaction")):
        request.getfixturevalue("transactional_db")
        ensure_default_chart()


@pytest.fixture
def county(db):
    province = RegionFactory(code="990000000000", name="示范省", level=Level.PROVINCE)
    city = RegionFactory(code="990100000000", name="示范市", level=Level.CITY, parent=province)
    return RegionFactory(code="990101000000", name="示范县", level=Level.COUNTY, parent=city)


@pytest.fixture
def township(county):
    return RegionFactory(code="990101001000", name="青山镇", level=Level.TOWNSHIP, parent=county)


@pytest.fixture
def other_township(county):
    return RegionFactory(code="990101002000", name="白水镇", level=Level.TOWNSHIP, parent=county)


@pytest.fixture
def village_a(township):
    return RegionFactory(code="990101001001", name="清河村", parent=township)


@pytest.fixture
def village_b(township):
    return RegionFactory(code="990101001002", name="柳树村", parent=township)


@pytest.fixture
def village_c(other_township):
    return RegionFactory(code="990101002001", name="石桥村", parent=other_township)


@pytest.fixture
def clerk_a(village_a):
    return make_staff("clerk_a", RoleKind.CLERK, village_a, "王会计")


@pytest.fixture
def supervisor_a(village_a):
    return make_staff("supervisor_a", RoleKind.SUPERVISOR, village_a, "李监督")


@pytest.fixture
def clerk_b(village_b):
    return make_staff("clerk_b", RoleKind.CLERK, village_b, "赵文书")


@pytest.fixture
def supervisor_b(village_b):
    return make_staff("supervisor_b", RoleKind.SUPERVISOR, village_b, "钱监督")


@pytest.fixture
def township_official(township):
    return make_staff("official", RoleKind.TOWNSHIP_OFFICIAL, township, "孙干部")


@pytest.fixture
def other_township_official(other_township):
    return make_staff("official_c", RoleKind.TOWNSHIP_OFFICIAL, other_township, "周干部")


@pytest.fixture
def administrator(county):
    return make_staff("admin", RoleKind.ADMINISTRATOR, county, "县管理员")


@pytest.fixture
def report_handler(township):
    return make_staff("inspector", RoleKind.REPORT_HANDLER, township, "吴纪检")


@pytest.fixture
def village_report_handler(village_a):
    """A report-handler role wrongly given on a village: it must open no report."""
    return make_staff("inspector_a", RoleKind.REPORT_HANDLER, village_a, "郑纪检")
