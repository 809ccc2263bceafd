"""Long work of the desk (PDF conversion, batch printing) as jobs a page can watch.

A request never waits for LibreOffice or for a hundred certificates: it
submits a job and answers at once with the job's id; the page polls
``/desk/jobs/{id}`` (JSON: state, done, total, messages) and shows the
progress. Work runs on one worker thread per kind of work, in order: the
machine is small and LibreOffice must not run twice on one profile.

Job ids are random (``secrets``), so one is not guessed from another; jobs
live in memory for the life of the process, which is the deployment the desk
is made for (one process per register, as the login throttle assumes).
"""

from __future__ import annotations

import queue
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Job", "JobBoard", "Worker"]

STATE_LABELS = {"queued": "в очереди", "running": "выполняется", "done": "готово", "failed": "ошибка"}


@dataclass
class Job:
    """One piece of work: what it is, how far it got, what came out."""

    id: str
    kind: str
    total: int
    state: str = "queued"
    done: int = 0
    messages: list[str] = field(default_factory=list)  # refusals and failures, for the clerk
    error: str = ""
    result: Path | None = None  # the file a finished job made (a merged PDF)
    facts: dict[str, Any] = field(default_factory=dict)  # what the page shows when it is done
    over: threading.Event = field(default_factory=threading.Event, repr=False)

    def finish(self, error: str = "") -> None:
        """Done, or failed with ``error``; wakes whoever waits for it."""
        self.state, self.error = ("failed", error) if error else ("done", "")
        self.over.set()

    def status(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "state": self.state, "label": STATE_LABELS[self.state],
                "done": self.done, "total": self.total, "messages": self.messages, "error": self.error,
                "finished": self.state in {"done", "failed"}, **self.facts}


class JobBoard:
    """The jobs of this process by id (thread-safe: workers update, requests read)."""

    def __init__(self, keep: int = 500) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self.keep = keep

    def new(self, kind: str, total: int) -> Job:
        job = Job(secrets.token_urlsafe(12), kind, total)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > self.keep:  # the oldest go first
                self._jobs.pop(next(iter(self._jobs)))
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)


class Worker:
    """One thread running submitted callables in order; ``stop`` lets the current one finish.

    A callable that raises marks its job failed with the message; the thread
    goes on with the next.
    """

    def __init__(self, name: str) -> None:
        self._queue: queue.Queue[tuple[Job, Callable[[Job], None]] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def submit(self, job: Job, work: Callable[[Job], None]) -> Job:
        self._queue.put((job, work))
        return job

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            job, work = item
            job.state = "running"
            try:
                work(job)
            except Exception as exc:  # shown on the page; the worker lives on
                job.finish(str(exc) or type(exc).__name__)
            else:
                job.finish()

    def stop(self, timeout: float = 60) -> None:
        self._queue.put(None)
        self._thread.join(timeout)
