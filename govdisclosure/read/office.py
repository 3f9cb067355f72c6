"""The files agencies attach: PDF, Word .docx and .doc — told by their bytes, not their name.

* :func:`sniff` — ``%PDF-`` (within the first KiB, as readers allow), a ZIP holding
  ``word/document.xml`` (DOCX), an OLE2 compound file holding a ``WordDocument`` stream (DOC);
* :func:`read_office` — the form's reader (:mod:`.pdf`, :mod:`.docx`) → lines, the text read
  out (what a diagnostic quotes) and, for a PDF, each line's page and line on the page.

The readers' libraries are the ``office`` extra (``pip install 'govdisclosure[office]'``); when
one is missing the error names the extra.  A .doc file is converted to .docx by LibreOffice
(``soffice --headless --convert-to docx``) when it is installed; otherwise it is refused as
``doc-needs-converter`` with the command that converts it.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from attrs import frozen

from govdisclosure.errors import ParseError
from govdisclosure.model import Diagnostic

__all__ = ["OfficeReading", "read_office", "sniff"]

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_STREAM = "WordDocument".encode("utf-16-le")
EXTRA = "office"
_NEEDS = {"pdf": ("pdfplumber", "pdfplumber"), "docx": ("docx", "python-docx")}
DOC_COMMAND = "soffice --headless --convert-to docx --outdir OUTDIR FILE.doc"
CONVERT_TIMEOUT = 120  # seconds for LibreOffice to convert one .doc


def sniff(data: bytes) -> str | None:
    """ "pdf", "docx" or "doc" when the bytes are one of those files, else None."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        # the entry names stand in the local headers and the central directory, in clear; an
        # Office package starts with [Content_Types].xml (a cut one is read as damaged)
        word = b"word/document.xml" in data or data[30:49] == b"[Content_Types].xml"
        return "docx" if word and b"xl/workbook" not in data and b"ppt/pres" not in data else None
    if data.startswith(_OLE) and _WORD_STREAM in data:
        return "doc"
    return None


@frozen
class OfficeReading:
    """What an office file gave: its lines, and where each stands."""

    lines: tuple[str, ...]
    places: tuple[tuple[int, int], ...]  # per line: (page, line on the page); () for Word
    form: str
    diagnostics: tuple[Diagnostic, ...] = ()


def _need(form: str) -> None:
    module, package = _NEEDS[form]
    if importlib.util.find_spec(module) is None:
        raise ParseError(
            f"reading {form.upper()} files needs {package}, which is not installed",
            expected=f"pip install 'govdisclosure[{EXTRA}]'",
            code="missing-extra",
        )


def _broken(form: str, exc: Exception) -> ParseError:
    return ParseError(
        f"the {form.upper()} file cannot be read: {type(exc).__name__}: {exc}"[:300],
        expected=f"a whole, undamaged {form.upper()} file",
        code="damaged-file",
    )


def read_office(data: bytes, form: str) -> OfficeReading:
    """Read a file :func:`sniff` named; a :class:`ParseError` when it cannot be read."""
    if form == "doc":
        converted, diag = _doc_to_docx(data)
        reading = read_office(converted, "docx")
        return OfficeReading(reading.lines, (), "doc", (diag, *reading.diagnostics))
    _need(form)
    if form == "docx":
        from govdisclosure.read.docx import docx_lines

        try:
            lines = docx_lines(data)
        except Exception as exc:  # a damaged zip: BadZipFile, KeyError, lxml's XMLSyntaxError …
            raise _broken(form, exc) from None
        return OfficeReading(tuple(lines), (), "docx")
    from govdisclosure.read.pdf import pdf_lines

    try:
        pdf = pdf_lines(data)
    except Exception as exc:  # pdfminer raises many kinds on a damaged file
        raise _broken(form, exc) from None
    if not pdf.chars:
        raise ParseError(
            f"the PDF has {pdf.pages} page(s) but no text layer: it is a scan (images of "
            "pages); OCR it first (e.g. ocrmypdf --language chi_sim in.pdf out.pdf)",
            expected="a PDF with a text layer",
            code="no-text-layer",
        )
    diags: list[Diagnostic] = []
    if pdf.dropped:
        shown = "、".join(t[:20] for t in pdf.dropped[:4])
        diags.append(
            Diagnostic("page-furniture-dropped", f"page headers and footers dropped: {shown}")
        )
    if pdf.joined:
        diags.append(
            Diagnostic(
                "page-row-joined",
                f"{pdf.joined} table row(s) cut by a page break joined with their other half",
            )
        )
    if pdf.rejoined:
        diags.append(
            Diagnostic(
                "cell-lines-joined",
                f"{pdf.rejoined} wrapped line(s) of a table printed without rules put back "
                "into their cells",
            )
        )
    return OfficeReading(pdf.lines, pdf.places, "pdf", tuple(diags))


def _doc_to_docx(data: bytes) -> tuple[bytes, Diagnostic]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ParseError(
            "a Word 97-2003 (.doc) file is read through LibreOffice, which is not installed: "
            "install it (apt-get install libreoffice-writer-nogui) or convert the file "
            f"yourself with: {DOC_COMMAND}",
            expected="a .docx, .pdf, .html or text file",
            code="doc-needs-converter",
        )
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "report.doc"
        src.write_bytes(data)
        profile = Path(tmp) / "profile"
        try:
            subprocess.run(
                [soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}",
                 "--convert-to", "docx", "--outdir", tmp, str(src)],
                check=True, capture_output=True, timeout=CONVERT_TIMEOUT,
                env={**os.environ, "HOME": tmp},
            )  # fmt: skip
            out = (Path(tmp) / "report.docx").read_bytes()
        except (subprocess.SubprocessError, OSError) as exc:
            raise _broken("doc", exc) from None
    return out, Diagnostic("doc-converted", "the .doc file was converted to .docx by LibreOffice")
