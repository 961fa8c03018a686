from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from disclosure.publishing.models import Posting
from disclosure.regions.models import Region, User


@pytest.mark.django_db
def test_the_command_reports_what_it_loaded():
    out = StringIO()

    call_command("load_demo", stdout=out)

    assert "演示数据加载完成：6 个村" in out.getvalue()
    # Every posting the demo made is counted: finance periods, decisions and contracts too.
    assert f"{Posting.objects.count()} 条公开事项" in out.getvalue()
    assert Posting.objects.count() > 100
    assert "cunwu-demo-2025" in out.getvalue()


@pytest.mark.django_db
def test_the_demo_is_refused_in_production(settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="生产环境中不得加载演示数据"):
        call_command("load_demo")

    assert not Region.objects.exists()
    assert not User.objects.exists()
