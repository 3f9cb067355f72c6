"""Build the office fixtures in tests/data/fixtures/office/ (issue 13): DOCX, PDF and DOC.

Run from the repository root: ``python tests/officegen.py``.  Needs python-docx (the ``dev``
extra) and, for the PDF and DOC files, LibreOffice, Noto CJK fonts and poppler from Debian::

    apt-get update && apt-get install -y libreoffice-writer-nogui fonts-noto-cjk poppler-utils

The generated files are committed, so the tests (and CI) need none of these tools.

* DOCX — written with python-docx from the seed's prose and the golden values, tables 二, 三 and
  四 with the template's real merged cells (``gridSpan``/``vMerge``, the layout of
  ``write/html_layout.py``), a page header and a page-number footer;
* PDF — LibreOffice's export of those DOCX files (ruled tables, as Word and WPS export them);
  one with table 三 pushed down so that it is split over two pages with the footer between its
  parts; one whose tables have no rules; and a scan (an image-only PDF, the no-text-layer error)
  made from a page rendered by ``pdftoppm``;
* DOC — LibreOffice's Word 97–2003 export of a DOCX.

The numbers come from the seed's hand-read golden file (``fixturegen._table``'s source), and so
does every expectation (tests/data/fixtures/office.json): the parser is never asked.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tempfile
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from fixturegen import _S2T, S000, S001, S003, S004, _numbers, seed_items
from support import SEED_NAMES, golden

from govdisclosure import Template
from govdisclosure.write.html_layout import (
    HtmlCell,
    appeal_rows,
    proactive_rows,
    request_rows,
    show,
)

OFFICE = Path(__file__).parent / "data" / "fixtures" / "office"
MANIFEST = OFFICE.parent / "office.json"
FONT = "Noto Serif CJK SC"
BLANKS = (
    "requests.new_received.research",
    "requests.carried_over.natural_person",
    "proactive.rules.repealed",
    "appeals.litigation_direct.pending",
)


def _layout(kind: str, version: Template) -> list[list[HtmlCell]]:
    if kind == "t2":
        return proactive_rows(version)
    if kind == "t3":
        return request_rows(version)
    return appeal_rows()


def _placed(rows: list[list[HtmlCell]]) -> tuple[list[tuple[int, int, HtmlCell]], int]:
    """Each cell with its (row, column) on the grid, and the grid's width."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return out, max(c for _r, c in taken) + 1


def _borders(table: Any, ruled: bool) -> None:
    if ruled:
        table.style = "Table Grid"
        return
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _items(name: str) -> list[tuple[str, Any]]:
    """The seed's items, the metadata table first; the three tables named by their order
    (seed 002's table 三 note is mojibake, which ``seed_items`` cannot tell)."""
    items = seed_items(name)
    out = [it for it in items if it[0] == "meta"] + [it for it in items if it[0] != "meta"]
    order = iter(("t2", "t3", "t4"))
    return [(next(order), v) if k in ("t2", "t3", "t4") else (k, v) for k, v in out]


def _grid_table(
    doc: Any, rows: list[list[HtmlCell]], values: dict[str, Any], ruled: bool, script: str
) -> None:
    placed, width = _placed(rows)
    table = doc.add_table(rows=len(rows), cols=width)
    _borders(table, ruled)
    for r, c, cell in placed:
        target = table.cell(r, c)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
        if cell.key is None:
            text = _S2T.convert(cell.text) if script == "traditional" else cell.text
        else:
            text = show(values.get(cell.key), cell.kind, cell.unit)
        target.text = text
        for p in target.paragraphs:
            for run in p.runs:
                run.font.size = Pt(9)


def _plain_table(doc: Any, rows: Sequence[Sequence[str]]) -> None:
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def _page_number(paragraph: Any) -> None:
    """「第 N 页」 with N a PAGE field, as Word's footer gallery writes it."""
    paragraph.add_run("第 ")
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.text = text
        run._r.append(el)
    paragraph.add_run(" 页")


def docx_bytes(
    name: str,
    *,
    blanks: Sequence[str] = (),
    ruled: bool = True,
    push_table3: int = 0,
) -> bytes:
    """The seed as a Word document; ``push_table3`` empty lines before table 三."""
    g = golden(name)
    version = Template(g["template"])
    values = _numbers(name)
    for key in blanks:
        values[key] = None
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(11)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    section = doc.sections[0]
    section.header.paragraphs[0].text = f"{g['organ'] or '某市人民政府'}政府信息公开"
    _page_number(section.footer.paragraphs[0])
    for kind, value in _items(name):
        if kind == "meta":
            _plain_table(doc, value)
        elif kind in ("t2", "t3", "t4"):
            if kind == "t3" and push_table3:
                p = doc.add_paragraph()
                for _ in range(push_table3):
                    p.add_run().add_break(WD_BREAK.LINE)
            _grid_table(doc, _layout(kind, version), values, ruled, g["script"])
        else:
            p = doc.add_paragraph(value)
            if kind == "heading":
                for run in p.runs:
                    run.bold = True
    core = doc.core_properties
    core.author = "govdisclosure fixtures"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------- LibreOffice


def convert(data: bytes, suffix: str, target: str) -> bytes:
    """``soffice --headless --convert-to TARGET`` on the bytes of a ``suffix`` file."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("LibreOffice is needed: apt-get install -y libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"in{suffix}"
        src.write_bytes(data)
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
             "--convert-to", target, "--outdir", tmp, str(src)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        return (Path(tmp) / f"in.{target.split(':')[0]}").read_bytes()


def scanned_pdf(pdf: bytes, pages: int = 2) -> bytes:
    """An image-only PDF of the first pages (what a scanner gives): no text layer at all."""
    images = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-gray", "-r", "60", "-l", str(pages), str(src), f"{tmp}/p"],
            check=True, timeout=120,
        )  # fmt: skip
        for path in sorted(Path(tmp).glob("p*.pgm")):
            images.append(_pgm(path.read_bytes()))
    return _image_pdf(images)


def _pgm(data: bytes) -> tuple[int, int, bytes]:
    """A binary PGM (P5) → width, height, 8-bit pixels."""
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:
        while data[pos : pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    assert fields[0] == b"P5" and fields[3] == b"255"
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[pos + 1 : pos + 1 + width * height]


def _image_pdf(images: list[tuple[int, int, bytes]]) -> bytes:
    """A PDF with one grey image per A4 page, written by hand (no text objects)."""
    objs: list[bytes] = []
    kids = []
    for i, (w, h, pixels) in enumerate(images):
        page, content, image = 3 + 3 * i, 4 + 3 * i, 5 + 3 * i
        kids.append(f"{page} 0 R")
        stream = f"q 595 0 0 842 0 0 cm /Im{i} Do Q".encode()
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R "
            f"/Resources << /XObject << /Im{i} {image} 0 R >> >> >>".encode()
        )
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        packed = zlib.compress(pixels, 9)
        objs.append(
            f"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray "
            f"/BitsPerComponent 8 /Filter /FlateDecode /Length {len(packed)} >>\nstream\n".encode()
            + packed
            + b"\nendstream"
        )
    head = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(images)} >>".encode(),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(head + objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref)
    )
    return out.getvalue()


# ---------------------------------------------------------------------- the set


def fixtures() -> list[dict[str, Any]]:
    """file, form, seed, blanks, error, note — the expectation of each office fixture."""
    out: list[dict[str, Any]] = []

    def add(file: str, form: str, seed: str | None, note: str, **kw: Any) -> None:
        out.append(
            {"file": file, "form": form, "seed": seed, "blanks": sorted(kw.get("blanks", ())),
             "error": kw.get("error"), "note": note}
        )  # fmt: skip

    for name in SEED_NAMES:
        short = name[:3]
        add(f"{short}.docx", "docx", name, "the seed as Word: merged cells (gridSpan/vMerge)")
        add(f"{short}.pdf", "pdf", name, "LibreOffice's PDF of the DOCX: ruled tables, header, "
            "page-number footer; tables continued across pages")  # fmt: skip
    add("003-blank-cells.docx", "docx", S003, "blank cells in tables 二, 三, 四", blanks=BLANKS)
    add("003-blank-cells.pdf", "pdf", S003, "the same blank cells in the PDF", blanks=BLANKS)
    add("001-split-table3.pdf", "pdf", S001, "table 三 starts low on a page: split over two "
        "pages, the page footer and header between its parts")  # fmt: skip
    add("004-unruled.pdf", "pdf", S004, "tables without ruling lines (no borders)")
    add("000-unruled.docx", "docx", S000, "Traditional script, tables without borders")
    add("003.doc", "doc", S003, "Word 97-2003 (.doc) saved by LibreOffice from the DOCX; "
        "read through LibreOffice when installed, else the doc-needs-converter error")  # fmt: skip
    add("003-scan.pdf", "pdf", None, "image-only PDF (a scan)", error="no-text-layer")
    return out


def built() -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for name in SEED_NAMES:
        short = name[:3]
        files[f"{short}.docx"] = docx_bytes(name)
        files[f"{short}.pdf"] = convert(files[f"{short}.docx"], ".docx", "pdf")
    files["003-blank-cells.docx"] = docx_bytes(S003, blanks=BLANKS)
    files["003-blank-cells.pdf"] = convert(files["003-blank-cells.docx"], ".docx", "pdf")
    files["001-split-table3.pdf"] = convert(docx_bytes(S001, push_table3=30), ".docx", "pdf")
    files["004-unruled.pdf"] = convert(docx_bytes(S004, ruled=False), ".docx", "pdf")
    files["000-unruled.docx"] = docx_bytes(S000, ruled=False)
    files["003.doc"] = convert(files["003.docx"], ".docx", "doc:MS Word 97")
    files["003-scan.pdf"] = scanned_pdf(files["003.pdf"])
    return files


def main() -> None:
    OFFICE.mkdir(parents=True, exist_ok=True)
    for name, data in built().items():
        (OFFICE / name).write_bytes(data)
        print(f"{len(data):>8}  office/{name}")
    MANIFEST.write_text(json.dumps(fixtures(), ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
