"""Run a pipeline over many records, in this process or in worker processes.

On Linux, the parent loads the model, lexicons and gazetteer once and forks its workers, which share
its memory pages until they write to them: no worker spends seconds loading its
own copy. Elsewhere (macOS, Windows) workers are spawned and each loads the
model. Workers take small chunks of records, so both cores stay busy to the
end; results come back in input order, with a bounded number of chunks in
flight so memory stays flat on long inputs.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from vigie.model import Article
from vigie.pipeline import Pipeline
from vigie.readers.records import RawRecord, RecordError

Outcome = Article | RecordError
_worker_pipeline: Pipeline | None = None


def _init_worker(stages: tuple[str, ...], model: str, batch_size: int, record_timeout: float | None) -> None:
    """A spawned worker: load the pipeline in this process."""
    global _worker_pipeline
    _die_with_parent()
    _worker_pipeline = Pipeline(stages=stages, model=model, batch_size=batch_size, record_timeout=record_timeout)
    _worker_pipeline.warm_up()


def _adopt_pipeline(pipeline: Pipeline) -> None:
    """A forked worker: the parent's loaded pipeline is already in this process's memory."""
    global _worker_pipeline
    _die_with_parent()
    _worker_pipeline = pipeline


def _die_with_parent() -> None:
    """A worker (≈600 MB) must not outlive its parent, even one killed with SIGKILL: the kernel is asked to
    kill it (Linux), and a watchdog thread exits when the parent is gone (elsewhere)."""
    parent = os.getppid()
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="vigie-parent-watchdog", daemon=True).start()


def _process_chunk(chunk: list[RawRecord | RecordError]) -> list[Outcome]:
    assert _worker_pipeline is not None, "worker used before its initializer ran"
    return list(_worker_pipeline.process(chunk))


def _chunks(records: Iterable[RawRecord | RecordError], size: int) -> Iterator[list[RawRecord | RecordError]]:
    iterator = iter(records)
    while chunk := list(islice(iterator, size)):
        yield chunk


def run_pipeline(
    records: Iterable[RawRecord | RecordError],
    pipeline: Pipeline | None = None,
    workers: int = 1,
    chunk_size: int = 8,
) -> Iterator[Outcome]:
    """Articles (or errors) for ``records``, in order, using ``workers`` processes."""
    pipeline = pipeline or Pipeline()
    if workers <= 1:
        yield from pipeline.process(records)
        return
    executor: ProcessPoolExecutor
    if sys.platform.startswith("linux"):  # macOS forbids forking after its system libraries started threads
        pipeline.prime()  # before the fork, so every worker inherits the loaded model, lexicons and gazetteer
        # the fork happens at the first submit, from this thread, before the executor starts its own thread
        executor = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                       initializer=_adopt_pipeline, initargs=(pipeline,))
    else:
        executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(pipeline.stages, pipeline.model, pipeline.batch_size, pipeline.record_timeout),
        )
    with executor:
        pending: deque[Future[list[Outcome]]] = deque()
        for chunk in _chunks(records, chunk_size):
            pending.append(executor.submit(_process_chunk, chunk))
            if len(pending) >= 4 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
