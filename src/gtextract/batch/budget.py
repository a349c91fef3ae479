"""A time budget for one article: a hung or pathological article must not hold a worker.

``with time_budget(seconds): ...`` raises :class:`TimeExpired` inside the
block once ``seconds`` have passed. In a process's main thread (the local
process pool, an in-process run) a ``SIGALRM`` timer interrupts the work; in
any other thread (Dask runs tasks in worker threads) a timer thread raises
the exception asynchronously in the working thread. Either way it arrives
between two Python bytecodes, so a long call into C (one matrix product) ends
first; gtextract's rule components are Python, so a slow article is stopped
within moments of its budget.

:class:`TimeExpired` derives from ``BaseException``, like ``KeyboardInterrupt``:
the ``except Exception`` handlers that keep one bad article from failing a
batch must not swallow it.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["TimeExpired", "time_budget"]


class TimeExpired(BaseException):  # noqa: N818 -- an interrupt, like KeyboardInterrupt
    """The time budget of the surrounding :func:`time_budget` block ran out."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeExpired` in the block after ``seconds`` (None or 0: no budget)."""
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _async_timer(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeExpired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _async_timer(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    finished = False

    def expire() -> None:
        with lock:
            if not finished:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(target), ctypes.py_object(TimeExpired)
                )

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            finished = True
        timer.cancel()
