"""Many reports as Dask DataFrames, on one machine or a cluster (``govdisclosure[dask]``).

>>> from govdisclosure.dask import read_reports, read_tables
>>> reports = read_reports("reports/2023/**/*.txt")        # lazy: nothing parsed yet
>>> reports.groupby("year")["requests.new_received.total"].sum().compute()

Files are read with fsspec, so ``urlpath`` may be a local glob, a list of paths, or a remote
URL (``s3://bucket/2023/*.html``, with ``storage_options`` for credentials).  Each partition is
a batch of ``files_per_partition`` files; the task that owns it reads, parses and checks them
where it runs.  The columns are those of :func:`govdisclosure.write.tables.to_records` — one row per
report, ``report_id`` first (the file's path relative to the glob's fixed part, as
``govdisclosure export`` names it), counts as nullable ``Int64``, money as Arrow
``decimal128(38, 6)`` (万元, never a float), dates as Arrow ``date32``, text as strings.

:func:`read_tables` gives three frames built from the same tasks — the reports, their
violations (:func:`govdisclosure.check`), and the files that could not be parsed — so that
``dask.compute(t.reports, t.violations)`` parses every file once.

:func:`check_corpus` runs :func:`govdisclosure.check_corpus` on Dask: the partitions parse
their files on the workers, the reports (only what the corpus rules read) are shuffled by
organ, and each organ's series is judged where it lands; :func:`read_series_violations` gives
its ``series_violations`` table as a lazy frame.

Parsing is pure Python: run it on processes, not threads.  On one machine
``distributed.Client(n_workers=4, threads_per_worker=1)`` (a ``LocalCluster``), or
``.compute(scheduler="processes")``; on a cluster, connect a ``distributed.Client`` to its
scheduler (``Client("tcp://scheduler:8786")``, or one made by dask-jobqueue, dask-kubernetes,
Coiled …) with govdisclosure installed on every worker, and use the same calls: nothing here
depends on where the tasks run.  The paths must be readable from the workers (a shared file
system or an object store).
"""

from __future__ import annotations

import math
import posixpath
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from attrs import frozen

from govdisclosure.errors import ParseError
from govdisclosure.model import Report

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd
    import pandas as pd
    import pyarrow as pa
    from fsspec.core import OpenFile

__all__ = [
    "ReportTables",
    "check_corpus",
    "read_reports",
    "read_series_violations",
    "read_tables",
    "read_violations",
]

ID = "report_id"
# the files that could not be parsed: (column, kind) as tables.VIOLATION_COLUMNS
ERROR_COLUMNS: tuple[tuple[str, str], ...] = (
    (ID, "text"),
    ("code", "text"),  # the ParseError's code (docs/diagnostics.md)
    ("line", "int"),
    ("column", "int"),
    ("message", "text"),
)


@frozen
class ReportTables:
    """The three lazy frames of :func:`read_tables` (they share their parse tasks)."""

    reports: dd.DataFrame  # one row per parsed report
    violations: dd.DataFrame  # check()'s violations: the long table of tables.violations_arrow
    errors: dd.DataFrame  # one row per file that raised ParseError


def _require() -> tuple[Any, Any, Any, Any]:
    try:
        import dask
        import dask.dataframe as dd
        import pandas as pd
        import pyarrow as pa
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "govdisclosure.dask needs dask[dataframe]: pip install 'govdisclosure[dask]'"
        ) from exc
    return dask, dd, pd, pa


# --------------------------------------------------------------------------- partitions


def _pandas_type(pa_type: pa.DataType) -> Any:
    """Arrow → pandas dtypes that Dask keeps as they are (no object columns: Dask would turn
    them into strings)."""
    import pandas as pd
    import pyarrow as pa

    if pa.types.is_integer(pa_type):
        return pd.Int64Dtype()
    if pa.types.is_string(pa_type) or pa.types.is_large_string(pa_type):
        return pd.StringDtype("pyarrow")
    if pa.types.is_boolean(pa_type):
        return pd.BooleanDtype()
    return pd.ArrowDtype(pa_type)  # decimal128, date32, lists


def _frame(table: pa.Table) -> pd.DataFrame:
    return table.to_pandas(types_mapper=_pandas_type)


def _report_frame(reports: dict[str, Report]) -> pd.DataFrame:
    from govdisclosure.write.tables import records_to_arrow, to_records

    return _frame(records_to_arrow(to_records(reports)))


def _violation_frame(reports: dict[str, Report]) -> pd.DataFrame:
    from govdisclosure.write.tables import violations_arrow

    return _frame(violations_arrow(reports))


def _error_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    from govdisclosure.write.tables import records_to_arrow

    return _frame(records_to_arrow(records, ERROR_COLUMNS))


def _parse_batch(
    files: Sequence[tuple[str, OpenFile]], strict: bool
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """One partition: read, parse and check a batch of (report id, file) (runs on a worker)."""
    from govdisclosure.api import parse_report

    reports: dict[str, Report] = {}
    errors: list[dict[str, Any]] = []
    for report_id, f in files:
        with f as stream:
            data = stream.read()
        try:
            reports[report_id] = parse_report(data, strict=strict)
        except ParseError as exc:
            errors.append(
                {ID: report_id, "code": exc.code, "line": exc.line or None,
                 "column": exc.column or None, "message": exc.msg}
            )  # fmt: skip
    return _report_frame(reports), _violation_frame(reports), _error_frame(errors)


def _corpus_batch(files: Sequence[tuple[str, OpenFile]], strict: bool) -> list[Any]:
    """One partition for the corpus check: (report id, report as the corpus rules need it);
    a file that does not parse is left out (:func:`read_tables` lists them)."""
    from govdisclosure.api import parse_report
    from govdisclosure.check.corpus import slim

    out = []
    for report_id, f in files:
        with f as stream:
            data = stream.read()
        try:
            out.append((report_id, slim(parse_report(data, strict=strict))))
        except ParseError:
            continue
    return out


def _organ(entry: tuple[str, Report]) -> str:
    from govdisclosure.check.corpus import organ_of

    return organ_of(entry[1]) or ""


def _judge(group: tuple[str, list[tuple[str, Report]]], options: dict[str, Any]) -> Any:
    from govdisclosure.check.corpus import check_corpus as check_one

    return check_one(group[1], **options)


def _merged(results: Sequence[Any]) -> Any:
    from govdisclosure.check.corpus import CorpusCheck

    ordered = sorted(results, key=lambda r: r.violations[0].organ if r.violations else "")
    return CorpusCheck(
        tuple(v for r in ordered for v in r.violations),
        tuple(d for r in ordered for d in r.diagnostics),
        sum(r.reports for r in ordered),
        sum(r.organs for r in ordered),
    )


def _by_organ(
    urlpath: str | Sequence[str],
    files_per_partition: int,
    strict: bool,
    storage_options: dict[str, Any] | None,
    options: dict[str, Any],
) -> Any:
    """A Dask bag of :class:`~govdisclosure.check.corpus.CorpusCheck`, one per organ."""
    import dask.bag as db

    batches, token = _batches(urlpath, files_per_partition, storage_options)
    dask, _dd, _pd, _pa = _require()
    parts = [
        dask.delayed(_corpus_batch, pure=True)(
            batch, strict, dask_key_name=(f"govdisclosure-corpus-{token}", i)
        )
        for i, batch in enumerate(batches)
    ]
    return db.from_delayed(parts).groupby(_organ).map(_judge, options)  # type: ignore[no-untyped-call]


def check_corpus(
    urlpath: str | Sequence[str],
    *,
    files_per_partition: int = 64,
    strict: bool = False,
    storage_options: dict[str, Any] | None = None,
    **options: Any,
) -> Any:
    """:func:`govdisclosure.check_corpus` over the files of ``urlpath``, as a Dask Delayed
    (``.compute()`` gives the :class:`~govdisclosure.check.corpus.CorpusCheck`).

    ``options`` are those of :func:`govdisclosure.check_corpus` (``prose_copy``,
    ``min_numbers``).  Report ids are as in :func:`read_tables`.
    """
    dask, _dd, _pd, _pa = _require()
    bag = _by_organ(urlpath, files_per_partition, strict, storage_options, options)
    return dask.delayed(_merged)(bag)


def read_series_violations(
    urlpath: str | Sequence[str],
    *,
    files_per_partition: int = 64,
    strict: bool = False,
    storage_options: dict[str, Any] | None = None,
    **options: Any,
) -> dd.DataFrame:
    """The ``series_violations`` table of :func:`check_corpus` as a lazy Dask DataFrame
    (columns :data:`govdisclosure.write.tables.SERIES_VIOLATION_COLUMNS`)."""
    dask, frames, _pd, _pa = _require()
    bag = _by_organ(urlpath, files_per_partition, strict, storage_options, options)
    parts = [dask.delayed(_series_frame)(part) for part in bag.to_delayed()]
    return cast(
        "dd.DataFrame", frames.from_delayed(parts, meta=_series_frame([]), verify_meta=False)
    )


def _series_frame(results: Sequence[Any]) -> pd.DataFrame:
    from govdisclosure.write.tables import SERIES_VIOLATION_COLUMNS, records_to_arrow

    rows = [row for r in results for row in r.rows()]
    return _frame(records_to_arrow(rows, SERIES_VIOLATION_COLUMNS))


def _batches(
    urlpath: str | Sequence[str], files_per_partition: int, storage_options: dict[str, Any] | None
) -> tuple[list[list[tuple[str, OpenFile]]], str]:
    """The files of ``urlpath`` with their ids, ``files_per_partition`` to a batch."""
    dask, _dd, _pd, _pa = _require()
    import fsspec

    if files_per_partition < 1:
        raise ValueError("files_per_partition must be at least 1")
    files = sorted(
        fsspec.open_files(urlpath, mode="rb", **(storage_options or {})), key=lambda f: f.path
    )
    if not files:
        raise FileNotFoundError(f"no file matches {urlpath!r}")
    ids = report_ids(urlpath, [f.path for f in files], files[0].fs)
    named = list(zip(ids, files, strict=True))
    n = math.ceil(len(files) / files_per_partition)
    batches = [named[i * files_per_partition : (i + 1) * files_per_partition] for i in range(n)]
    return batches, dask.base.tokenize([f.path for f in files])


def report_ids(urlpath: str | Sequence[str], paths: Sequence[str], fs: Any) -> list[str]:
    """Each file's id: its path relative to the glob's fixed part (``reports/**/*.txt`` →
    ``2023/a.txt``), as ``govdisclosure export`` names them; for a list of paths, relative to
    their common folder."""
    from govdisclosure.inputs import fixed_part

    if isinstance(urlpath, str):
        fixed = fixed_part(urlpath.split("://", 1)[-1])
        base = str(fs._strip_protocol(fixed)).rstrip("/") + "/" if fixed else ""
        if base and all(p.startswith(base) for p in paths):
            return [p[len(base) :] for p in paths]
    parents = [posixpath.dirname(p) for p in paths]
    common = posixpath.commonpath(parents) if len(paths) > 1 else parents[0]
    base = common.rstrip("/") + "/" if common else ""
    return [p[len(base) :] if base and p.startswith(base) else p for p in paths]


# --------------------------------------------------------------------------- public


def read_tables(
    urlpath: str | Sequence[str],
    *,
    files_per_partition: int = 64,
    strict: bool = False,
    storage_options: dict[str, Any] | None = None,
) -> ReportTables:
    """Lazy frames of the reports matched by ``urlpath``, their violations and parse errors.

    ``urlpath`` is a glob or a list of paths or URLs (anything ``fsspec.open_files`` takes);
    files are taken in sorted order, ``files_per_partition`` to a partition.  ``strict`` is
    passed to :func:`govdisclosure.parse_report`.  Nothing is read until a frame is computed.
    """
    dask, dd, _pd, _pa = _require()
    batches, token = _batches(urlpath, files_per_partition, storage_options)
    token = dask.base.tokenize(token, strict)
    parts = [
        dask.delayed(_parse_batch, pure=True)(
            batch, strict, dask_key_name=(f"govdisclosure-{token}", i)
        )
        for i, batch in enumerate(batches)
    ]
    metas = (_report_frame({}), _violation_frame({}), _error_frame([]))
    frames = [
        dd.from_delayed([p[k] for p in parts], meta=meta, verify_meta=False, prefix=name)
        for k, (meta, name) in enumerate(
            zip(
                metas,
                ("govdisclosure-reports", "govdisclosure-violations", "govdisclosure-errors"),
                strict=True,
            )
        )
    ]
    return ReportTables(*frames)


def read_reports(
    urlpath: str | Sequence[str],
    *,
    files_per_partition: int = 64,
    strict: bool = False,
    storage_options: dict[str, Any] | None = None,
) -> dd.DataFrame:
    """The reports matched by ``urlpath`` as a lazy Dask DataFrame, one row per report.

    Files that do not parse are left out (:func:`read_tables` lists them).  See the module
    documentation for the columns and their types.
    """
    return read_tables(
        urlpath,
        files_per_partition=files_per_partition,
        strict=strict,
        storage_options=storage_options,
    ).reports


def read_violations(
    urlpath: str | Sequence[str],
    *,
    files_per_partition: int = 64,
    strict: bool = False,
    storage_options: dict[str, Any] | None = None,
) -> dd.DataFrame:
    """The violations of :func:`govdisclosure.check` for every report matched by ``urlpath``.

    The long table of :func:`govdisclosure.write.tables.violation_records` (one row per violation
    and field): ``report_id``, ``violation``, ``rule``, ``severity``, ``field``, ``line``,
    ``message``, ``assessable`` — the same table ``govdisclosure export`` writes.
    """
    return read_tables(
        urlpath,
        files_per_partition=files_per_partition,
        strict=strict,
        storage_options=storage_options,
    ).violations
