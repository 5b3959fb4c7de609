"""How integration tests share one local stack when pytest runs them in several processes.

`make test` runs the tests in two pytest-xdist workers: most integration tests spend their time
waiting (on Kafka's group rebalances, on a worker's start, on a refresh), so two at a time cut
the wall time by about a third on a two-core machine (README, "make test"). They share the
stack safely because each makes topics, consumer groups and indices of its own. A few cannot
share it: they take a service of the shared stack down (an outage test), start a second stack,
or assert how long something took, which a neighbour's load would distort. Those are marked
`exclusive` and run alone.

`StackLock` is a readers-writer lock on files beside the stack's state, so it holds across the
processes of one run (and across two runs on the same stack): every integration test holds it
shared, an exclusive test holds it alone. A second file is a turnstile that gives the exclusive
test precedence: once it waits, no new shared holder enters, so it cannot starve while the
other worker goes from test to test.

`once_per_run` lets one process of a run do what the whole run needs done once (dropping the
topics earlier runs left), which in a plain run is simply every time.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

# pytest-xdist sets this in every worker of one run to the same value.
RUN_ID_VARIABLE = "PYTEST_XDIST_TESTRUNUID"


class StackLock:
    """A readers-writer lock between the test processes that use the stack at `directory`."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.main = directory / "tests.lock"
        self.turnstile = directory / "tests.turnstile.lock"

    def shared(self) -> AbstractContextManager[None]:
        """Held by every integration test: many at a time, never beside an exclusive one."""
        return self._hold(fcntl.LOCK_SH)

    def exclusive(self) -> AbstractContextManager[None]:
        """Held by a test that must have the stack to itself."""
        return self._hold(fcntl.LOCK_EX)

    @contextmanager
    def _hold(self, mode: int) -> Iterator[None]:
        """Pass the turnstile, then take the main lock in `mode`. An exclusive holder keeps the
        turnstile while it waits, so no new shared holder enters before it."""
        with self.turnstile.open("a") as gate, self.main.open("a") as lock:
            fcntl.flock(gate, fcntl.LOCK_EX)
            try:
                fcntl.flock(lock, mode)
            finally:
                fcntl.flock(gate, fcntl.LOCK_UN)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def once_per_run(lock: StackLock, task: str, action: Callable[[], None]) -> bool:
    """Run `action` unless another process of this pytest-xdist run already did (True: it ran).

    Outside xdist every session runs it. The record of the run that did it is a file beside the
    lock, written while the lock is held alone."""
    run_id = os.environ.get(RUN_ID_VARIABLE)
    record = lock.main.with_name(f"tests.{task}.run")
    with lock.exclusive():
        if run_id is not None and record.exists() and record.read_text() == run_id:
            return False
        action()
        record.write_text(run_id or "")
        return True
