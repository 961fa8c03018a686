"""The task queue in tests: deferred jobs wait in memory until the test runs them, in its own
thread and transaction, as a worker would run them after the request."""

from procrastinate.contrib.django import app
from procrastinate.testing import InMemoryConnector


class Queue:
    def __init__(self, connector: InMemoryConnector):
        self.connector = connector

    def waiting(self, task_name: str | None = None) -> list[dict]:
        """The arguments of the jobs still to run (of one task, by its name's last part)."""
        return [
            job["args"]
            for job in self.connector.jobs.values()
            if job["status"] == "todo"
            and (task_name is None or job["task_name"].rsplit(".", 1)[-1] == task_name)
        ]

    def run(self) -> int:
        """Run every waiting job, in the order deferred; how many ran."""
        ran = 0
        for job in list(self.connector.jobs.values()):
            if job["status"] == "todo":
                job["status"] = "succeeded"
                app.tasks[job["task_name"]](**job["args"])
                ran += 1
        return ran
