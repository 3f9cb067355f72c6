"""What the commands take: files, folders, globs, ``-`` (standard input) and fsspec URLs.

Each argument becomes one or more :class:`Input`, each with a report id:

- a file: the path as given;
- a folder: every report file below it (``.txt .md .markdown .html .htm .json .pdf .docx
  .doc``; the form is told by the bytes), the id being the path *relative to the folder*
  (``sub/a.txt``); the folder's other files are *skipped as unsupported* and listed
  (:func:`expand_all`);
- a glob (``reports/**/*.html``): the files it matches, ids relative to the glob's fixed part
  (``reports/``);
- ``-``: standard input, id ``<stdin>``;
- a URL (``s3://bucket/2023/*.html``, ``https://…/report.html``): read with fsspec (the
  ``remote`` extra, plus the file system's own package, e.g. s3fs), ids relative to the URL's
  fixed part as for a glob.

An argument that names nothing raises :class:`InputError`.
"""

from __future__ import annotations

import glob
import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from attrs import frozen

from govdisclosure.reportfiles import REPORT_SUFFIXES, find_reports, unsupported_files

__all__ = ["STDIN", "Input", "InputError", "expand", "expand_all", "fixed_part", "read_bytes"]

STDIN = "<stdin>"
_MAGIC = re.compile(r"[*?\[]")
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


class InputError(ValueError):
    """An argument names no file, folder, glob match or URL."""


@frozen
class Input:
    """One report to read: its id and where its bytes are (a local path, a URL or stdin)."""

    report_id: str
    path: str | None = None  # a local file
    url: str | None = None  # an fsspec URL
    stdin: bool = False
    data: bytes | None = None  # bytes already in hand (the bundled sample)


def fixed_part(pattern: str) -> str:
    """The part of a glob before its first wildcard, up to the last separator."""
    m = _MAGIC.search(pattern)
    head = pattern[: m.start()] if m else pattern
    return head[: head.rfind("/") + 1] if "/" in head else ""


def _relative(name: str, base: str) -> str:
    return name[len(base) :] if base and name.startswith(base) else name


def _is_report(name: str) -> bool:
    return name.lower().endswith(REPORT_SUFFIXES)


def _urls(arg: str) -> Iterator[Input]:
    try:
        import fsspec
    except ImportError as exc:  # pragma: no cover - fsspec comes with the dev extras
        raise InputError(
            f"{arg}: reading URLs needs fsspec: pip install 'govdisclosure[remote]'"
        ) from exc
    try:
        files = fsspec.open_files(arg)
    except (ImportError, ValueError) as exc:
        raise InputError(f"{arg}: {exc}") from None
    fixed = fixed_part(arg)
    found = False
    for f in files:
        path = str(f.path)
        base = str(f.fs._strip_protocol(fixed)).rstrip("/") + "/" if fixed else ""
        found = True
        yield Input(_relative(path, base) or path, url=str(f.fs.unstrip_protocol(path)))
    if not found:
        raise InputError(f"{arg}: no file matches")


def expand(args: Sequence[str]) -> list[Input]:
    """The reports the arguments name, in order (a folder's and a glob's files sorted)."""
    return expand_all(args)[0]


def expand_all(args: Sequence[str]) -> tuple[list[Input], list[str]]:
    """The reports the arguments name, and the ids of the files in named folders that are
    skipped as unsupported (not a report file suffix)."""
    out: list[Input] = []
    skipped: list[str] = []
    for arg in args:
        if arg == "-":
            out.append(Input(STDIN, stdin=True))
        elif _URL.match(arg) and not arg.startswith("file://"):
            out.extend(_urls(arg))
        elif os.path.isdir(arg):
            folder = Path(arg)
            out.extend(
                Input(p.relative_to(folder).as_posix(), path=str(p)) for p in find_reports(folder)
            )
            skipped.extend(p.relative_to(folder).as_posix() for p in unsupported_files(folder))
        elif os.path.isfile(arg):
            out.append(Input(arg, path=arg))
        elif _MAGIC.search(arg):
            base = fixed_part(arg)
            matches = sorted(
                m for m in glob.glob(arg, recursive=True) if os.path.isfile(m) and _is_report(m)
            )
            if not matches:
                raise InputError(f"{arg}: no report file matches")
            out.extend(Input(_relative(m, base), path=m) for m in matches)
        else:
            raise InputError(f"{arg}: no such file, folder or glob match")
    return out, skipped


def read_bytes(item: Input) -> bytes:
    """The input's bytes (``OSError`` when it cannot be read)."""
    if item.data is not None:
        return item.data
    if item.stdin:
        return sys.stdin.buffer.read()
    if item.url is not None:
        import fsspec

        with fsspec.open(item.url, "rb") as f:
            data: bytes = f.read()
            return data
    assert item.path is not None
    return Path(item.path).read_bytes()
