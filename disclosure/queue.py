"""Housekeeping of the task queue itself, scheduled by the portal like its other periodic jobs.

A worker that dies (killed, out of memory, its machine restarted) leaves its job marked as
running. Jobs are written to be run again from the start (each runs in one transaction or
repeats harmlessly), so such a job is put back in the queue once its worker has stopped sending
heartbeats; a second worker then runs it.
"""

from procrastinate.contrib.django import app

# A worker sends a heartbeat every 10 seconds; one silent for this long is gone.
SILENT_WORKER_SECONDS = 60
# Finished jobs are kept this long for the administrators' view of the queue.
KEEP_FINISHED_HOURS = 24 * 30


async def retry_jobs_of_stopped_workers(*, silent_for: float = SILENT_WORKER_SECONDS) -> int:
    """Put back in the queue the jobs of workers silent for `silent_for` seconds; how many."""
    manager = app.job_manager
    stalled = list(await manager.get_stalled_jobs(seconds_since_heartbeat=silent_for))
    for job in stalled:
        await manager.retry_job(job)
    return len(stalled)


@app.periodic(cron="*/5 * * * *")
@app.task(queue="housekeeping", queueing_lock="retry_stalled_jobs")
async def retry_stalled_jobs(timestamp: int) -> None:
    await retry_jobs_of_stopped_workers()


@app.periodic(cron="30 19 * * *")
@app.task(queue="housekeeping", queueing_lock="remove_old_jobs")
async def remove_old_jobs(timestamp: int) -> None:
    await app.job_manager.delete_old_jobs(nb_hours=KEEP_FINISHED_HOURS)
