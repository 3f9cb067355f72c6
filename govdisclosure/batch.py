"""Parsing many reports on one machine: a process pool, results in input order.

>>> from govdisclosure import parse_many
>>> for item in parse_many(paths, workers=2):
...     if item.report is not None:
...         use(item.report)
...     else:
...         print(item.source, item.error)

Each worker process builds the parser once (on start) and parses chunks of inputs; paths are
read by the worker, so only file names and finished reports cross process boundaries.  At most
a few chunks per worker are in flight, so memory stays flat however long the input is.
"""

from __future__ import annotations

import collections
import concurrent.futures
import os
import signal
import traceback
from collections.abc import Callable, Iterable, Iterator, Sized
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Literal

import attrs
from attrs import frozen

from govdisclosure.api import parse_report
from govdisclosure.bind.identity import source_sha256
from govdisclosure.errors import ParseError
from govdisclosure.model import Report
from govdisclosure.reportfiles import INTERNAL, WORKER_DIED, decoded

__all__ = ["Parsed", "default_workers", "parse_many"]

Source = str | bytes | os.PathLike[str]
OnError = Literal["collect", "raise", "skip"]
Progress = Callable[[int, int | None], None]

# a str longer than this, or with a line break, is the text of a report, not a path
_MAX_PATH = 4096


@frozen(eq=False)
class Parsed:
    """The outcome for one input of :func:`parse_many`.

    ``source`` is the path as given, or ``<text N>`` for the N-th input (0-based) when it was
    a text or bytes; exactly one of ``report`` and ``error`` is set.  ``error`` is the
    :class:`ParseError`, or the ``OSError`` met reading the file.
    """

    index: int
    source: str
    report: Report | None = None
    error: ParseError | OSError | None = None

    @property
    def ok(self) -> bool:
        return self.report is not None


# an input as sent to a worker: (index, path or None, text/bytes or None)
_Item = tuple[int, str | None, str | bytes | None]
_Outcome = tuple[int, Report | None, ParseError | OSError | None]


def _item(index: int, source: Source) -> _Item:
    if isinstance(source, bytes | bytearray | memoryview):
        return index, None, bytes(source)
    if isinstance(source, str):
        if "\n" in source or "\r" in source or len(source) > _MAX_PATH:
            return index, None, source
        return index, source, None
    return index, os.fspath(source), None


def _name(item: _Item) -> str:
    index, path, _text = item
    return path if path is not None else f"<text {index}>"


@frozen
class _Options:
    """How every input is parsed (sent to the workers once per chunk)."""

    strict: bool = False
    partial: bool = False
    encoding: str | None = None
    collect_bugs: bool = True


def _parse_one(item: _Item, options: _Options) -> _Outcome:
    index, path, text = item
    try:
        if path is not None:
            data: str | bytes = Path(path).read_bytes()
        else:
            assert text is not None
            data = text
        if options.encoding is not None and isinstance(data, bytes):
            data = decoded(data, options.encoding)
        report = parse_report(data, strict=options.strict, partial=options.partial)
        if isinstance(data, str) and path is not None:  # the hash is of the file's bytes
            report = attrs.evolve(report, source_sha256=source_sha256(Path(path).read_bytes()))
    except (ParseError, OSError) as exc:
        return index, None, exc
    except Exception as exc:
        if options.collect_bugs:  # the traceback goes with it, to be reported
            trace = "".join(traceback.format_exception(exc))
            return index, None, ParseError(f"{type(exc).__name__}: {exc}\n{trace}", code=INTERNAL)
        exc.add_note(f"while parsing {_name(item)}")  # a bug: say which input met it
        raise
    return index, report, None


def _parse_chunk(items: list[_Item], options: _Options) -> list[_Outcome]:
    return [_parse_one(item, options) for item in items]


def _warm_up() -> None:
    """Worker initializer: build the parser and the caches once, before the first chunk.

    A worker ignores SIGINT: Ctrl-C in a terminal reaches the whole process group, and it is
    the parent's to handle (it stops handing out work and keeps what was parsed).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from govdisclosure.parse.grammar import document_parser
    from govdisclosure.read.fold import match_text

    document_parser()
    match_text("繁體")


def _chunks(items: Iterable[_Item], size: int) -> Iterator[list[_Item]]:
    chunk: list[_Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def default_workers() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def parse_many(
    paths_or_texts: Iterable[Source],
    *,
    workers: int | None = None,
    on_error: OnError = "collect",
    progress: Progress | bool | None = None,
    strict: bool = False,
    partial: bool = False,
    chunksize: int = 8,
    encoding: str | None = None,
    collect_bugs: bool = True,
) -> Iterator[Parsed]:
    """Parse many reports with a pool of processes; yield a :class:`Parsed` per input, in order.

    ``paths_or_texts`` holds paths (``str`` or ``os.PathLike``; the worker reads the file as
    :func:`read_report` does), texts or bytes.  A ``str`` with a line break is a text, one
    without is a path.  ``workers`` defaults to the CPUs available; ``workers=1`` parses in
    this process, without a pool.

    ``on_error``: ``"collect"`` yields failed inputs too, with their ``error`` set;
    ``"skip"`` leaves them out; ``"raise"`` raises the first :class:`ParseError` (or
    ``OSError``) once every input before it has been yielded.

    ``progress=True`` shows a tqdm progress bar (``tqdm.auto``: a widget in Jupyter, text in a
    terminal; needs ``pip install 'govdisclosure[notebook]'``); a callable ``progress(done,
    total)`` is called in this process after each input instead (``total`` is None when the
    input has no length).  ``strict`` and ``partial`` are passed to :func:`parse_report`;
    ``encoding`` decodes every input's bytes with that codec instead of detecting it.
    Any other exception met parsing an input is a bug: by default (``collect_bugs=True``) it
    becomes that input's :class:`ParseError` with code ``internal-error`` and the traceback in
    its message, and the batch goes on; ``collect_bugs=False`` raises it instead, with a note
    naming the input.

    A worker process that dies (killed by the OOM killer, a crash in a C extension) is
    replaced; the inputs it may have been parsing are parsed again once, each alone in a
    fresh worker, and one that kills that worker too fails with code ``worker-died``.

    Inputs go to the workers ``chunksize`` at a time, and at most
    ``4 × workers`` chunks are in flight, so a generator of millions of paths is fine.
    """
    if on_error not in ("collect", "raise", "skip"):
        raise ValueError(f"on_error must be 'collect', 'raise' or 'skip', not {on_error!r}")
    if chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    n_workers = default_workers() if workers is None else workers
    if n_workers < 1:
        raise ValueError("workers must be at least 1")
    total = len(paths_or_texts) if isinstance(paths_or_texts, Sized) else None
    if total is not None:  # no more processes than there are chunks to give them
        n_workers = max(1, min(n_workers, -(-total // chunksize)))
    options = _Options(strict, partial, encoding, collect_bugs)
    items = (_item(i, s) for i, s in enumerate(paths_or_texts))
    outcomes: Iterator[tuple[_Item, _Outcome]]
    if n_workers == 1:
        outcomes = ((item, _parse_one(item, options)) for item in items)
    else:
        outcomes = _pooled(items, n_workers, chunksize, options)
    if progress is True:
        return _with_bar(_report(outcomes, on_error, None, total), total)
    return _report(outcomes, on_error, progress or None, total)


def _with_bar(results: Iterator[Parsed], total: int | None) -> Iterator[Parsed]:
    try:
        from tqdm.auto import tqdm
    except ImportError as exc:
        raise ImportError(
            "progress=True needs tqdm: pip install 'govdisclosure[notebook]'"
        ) from exc
    with tqdm(total=total, unit="report", desc="parsing") as bar:
        for parsed in results:
            bar.update(1)
            yield parsed


def _report(
    outcomes: Iterator[tuple[_Item, _Outcome]],
    on_error: OnError,
    progress: Progress | None,
    total: int | None,
) -> Iterator[Parsed]:
    done = 0
    try:
        for item, (index, report, error) in outcomes:
            done += 1
            if progress is not None:
                progress(done, total)
            if error is not None:
                if on_error == "raise":
                    raise error
                if on_error == "skip":
                    continue
            yield Parsed(index, _name(item), report, error)
    finally:
        # shut the pool down here and now, not whenever (and in whichever thread) the
        # garbage collector gets to it
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()


def _pooled(
    items: Iterator[_Item], workers: int, chunksize: int, options: _Options
) -> Iterator[tuple[_Item, _Outcome]]:
    window = 4 * workers
    pending: collections.deque[tuple[list[_Item], concurrent.futures.Future[list[_Outcome]]]]
    pending = collections.deque()
    chunks = _chunks(items, chunksize)
    pool = _pool(workers)
    try:
        while True:
            for chunk in chunks:
                pending.append((chunk, _submit(pool, chunk, options)))
                if len(pending) >= window:
                    break
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                # a worker died: every chunk not finished may hold the input that killed it
                pool.shutdown(wait=True, cancel_futures=True)
                broken = [(chunk, future), *pending]
                pending.clear()
                yield from _after_a_death(broken, options)
                pool = _pool(workers)
                continue
            yield from zip(chunk, outcomes, strict=True)
    finally:
        # the consumer stopped early or an error is on its way: drop what is queued
        for _chunk, queued in pending:
            queued.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(
    pool: concurrent.futures.ProcessPoolExecutor, chunk: list[_Item], options: _Options
) -> concurrent.futures.Future[list[_Outcome]]:
    """The chunk handed to the pool; a pool already broken gives a future that says so (the
    chunk is then parsed again with the others in flight)."""
    try:
        return pool.submit(_parse_chunk, chunk, options)
    except BrokenProcessPool as exc:
        refused: concurrent.futures.Future[list[_Outcome]] = concurrent.futures.Future()
        refused.set_exception(exc)
        return refused


def _pool(workers: int) -> concurrent.futures.ProcessPoolExecutor:
    return concurrent.futures.ProcessPoolExecutor(workers, initializer=_warm_up)


def _after_a_death(
    broken: list[tuple[list[_Item], concurrent.futures.Future[list[_Outcome]]]],
    options: _Options,
) -> Iterator[tuple[_Item, _Outcome]]:
    """The chunks in flight when a worker died, in order: a finished chunk's outcomes as they
    are, every other input parsed again alone in a one-worker pool; an input that kills that
    worker too fails with ``worker-died`` (and the worker is replaced for the next one)."""
    alone: concurrent.futures.ProcessPoolExecutor | None = None
    try:
        for chunk, future in broken:
            if future.done() and not future.cancelled() and future.exception() is None:
                yield from zip(chunk, future.result(), strict=True)
                continue
            for item in chunk:
                alone = alone or _pool(1)
                try:
                    outcome = alone.submit(_parse_chunk, [item], options).result()[0]
                except BrokenProcessPool:
                    alone.shutdown(wait=True)
                    alone = None
                    outcome = item[0], None, _died(item)
                yield item, outcome
    finally:
        if alone is not None:
            alone.shutdown(wait=True, cancel_futures=True)


def _died(item: _Item) -> ParseError:
    return ParseError(
        f"the worker process died twice parsing {_name(item)}, the second time with it alone",
        code=WORKER_DIED,
    )
