"""What waits for a staff member, gathered from every app for the workspace's start page.

Each app registers a function of the user returning its tasks; only tasks with work are shown.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Task:
    label: str
    count: int
    url: str


_providers: list[Callable] = []


def register(provider: Callable) -> None:
    if provider not in _providers:
        _providers.append(provider)


def tasks_for(user) -> list[Task]:
    return [task for provider in _providers for task in provider(user) if task.count]
