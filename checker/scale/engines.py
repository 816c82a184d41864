"""Where per-article work runs: in this process, in a pool of local processes, or on a Dask cluster.

An engine maps a function over batches of work, in order, with one shared argument
sent to each worker once (the rating scales, or the matcher). The functions are the
same whichever engine runs them, so the engines give the same result.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

from checker.errors import ConfigError
from checker.settings import EngineName

T = TypeVar("T")
S = TypeVar("S")
R = TypeVar("R")

# Batches handed out at a time per worker: enough to keep workers busy, few enough that the
# batches waiting (article records, read from the cache in this process) stay small.
WINDOW_PER_WORKER = 4
# Below this many batches a process pool costs more to start than it saves.
MIN_POOL_BATCHES = 4


class Engine(Protocol):
    """Runs `func(batch, shared)` over batches and yields the results in the batches' order."""

    batch_size: int

    def map(self, func: Callable[[T, S], R], batches: Sequence[T], shared: S) -> Iterator[R]: ...

    def close(self) -> None: ...


class LocalEngine:
    """This machine: batches run in this process, or in a pool of `workers` processes."""

    batch_size = 32

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1

    def map(self, func: Callable[[T, S], R], batches: Sequence[T], shared: S) -> Iterator[R]:
        if self.workers <= 1 or len(batches) < MIN_POOL_BATCHES:
            for batch in batches:
                yield func(batch, shared)
            return
        # fork shares the parent's loaded modules; elsewhere the pool's start method re-imports them
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        context = multiprocessing.get_context(method)
        with context.Pool(min(self.workers, len(batches)), initializer=_set_shared, initargs=(func, shared)) as pool:
            for window in _windows(batches, self.workers * WINDOW_PER_WORKER):
                yield from pool.imap(_run_shared, window)

    def close(self) -> None:
        pass


class DaskEngine:
    """A Dask distributed cluster: batches run on its workers, the shared argument sent to each once."""

    batch_size = 256

    def __init__(self, scheduler: str) -> None:
        try:
            from dask.distributed import Client
        except ImportError as exc:
            raise ConfigError("--engine dask needs Dask: pip install 'claimcheck[dask]'") from exc
        try:
            # dask is untyped: hold its client as Any rather than silence each call
            connect: Any = Client
            self._client: Any = connect(scheduler, timeout="30s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise ConfigError(f"--scheduler {scheduler}: cannot reach a Dask scheduler there ({exc}); "
                              "check the address, e.g. tcp://10.0.0.5:8786") from exc

    def map(self, func: Callable[[T, S], R], batches: Sequence[T], shared: S) -> Iterator[R]:
        common = self._client.scatter(shared, broadcast=True)
        workers = max(len(self._client.scheduler_info().get("workers", {})), 1)
        for window in _windows(batches, workers * WINDOW_PER_WORKER):
            for future in self._client.map(func, window, shared=common, pure=False):
                yield future.result()
                future.release()

    def close(self) -> None:
        self._client.close()


def make_engine(name: EngineName | str, workers: int | None = None, scheduler: str | None = None) -> Engine:
    """The engine of that name; Dask needs the scheduler's address."""
    if EngineName(name) is EngineName.DASK:
        if not scheduler:
            raise ConfigError("--engine dask needs --scheduler ADDRESS, e.g. tcp://10.0.0.5:8786")
        return DaskEngine(scheduler)
    return LocalEngine(workers)


def _windows(batches: Sequence[T], size: int) -> Iterator[list[T]]:
    """The batches a window at a time, each read (in this thread) only when its window is due."""
    for start in range(0, len(batches), size):
        yield [batches[i] for i in range(start, min(start + size, len(batches)))]


def batched(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """`items` in consecutive batches of at most `size`."""
    return [items[i:i + size] for i in range(0, len(items), size)]


_shared: tuple[Callable[[Any, Any], Any], Any] | None = None


def _set_shared(func: Callable[[Any, Any], Any], shared: Any) -> None:
    global _shared
    _shared = (func, shared)


def _run_shared(batch: Any) -> Any:
    assert _shared is not None, "the pool initialiser sets the function"
    func, shared = _shared
    return func(batch, shared)
