"""The portal schedules its own periodic jobs: no county has to set up a cron."""

import pytest
from procrastinate.contrib.django import app


def schedule() -> dict[str, str]:
    app.perform_import_paths()
    return {
        periodic.task.name.rsplit(".", 1)[-1]: periodic.cron
        for periodic in app.periodic_registry.periodic_tasks.values()
    }


def test_the_daily_and_weekly_jobs_are_scheduled_in_beijing_small_hours():
    assert schedule() == {
        "expire_benefit_lists": "10 16 * * *",  # 00:10 in Beijing
        "raise_flags": "20 16 * * *",  # 00:20
        "escalate_questions": "25 16 * * *",  # 00:25
        "summarise_villages": "30 16 * * *",  # 00:30
        "clear_abandoned_imports": "0 18 * * *",  # 02:00
        "verify_chain": "0 19 * * 6",  # Sunday 03:00
        "retry_stalled_jobs": "*/5 * * * *",
        "remove_old_jobs": "30 19 * * *",
    }


def test_each_periodic_job_runs_once_at_a_time():
    app.perform_import_paths()
    for periodic in app.periodic_registry.periodic_tasks.values():
        assert periodic.task.queueing_lock == periodic.task.name.rsplit(".", 1)[-1]


@pytest.mark.django_db
def test_the_weekly_check_fails_its_job_when_something_does_not_match(monkeypatch, village_a):
    from django.core.management import CommandError

    from disclosure.publishing import verification
    from disclosure.publishing.jobs import verify_chain

    verify_chain(timestamp=0)

    monkeypatch.setattr(
        verification, "village_problems", lambda village: [verification.Problem("altered")]
    )
    with pytest.raises(CommandError):
        verify_chain(timestamp=0)
