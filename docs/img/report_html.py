"""Makes docs/img/report-html.png: Report._repr_html_ of seed 003 in headless Chromium.

    apt-get install chromium fonts-noto-cjk
    python docs/img/report_html.py

The <details> below the tables are opened for the picture (in a notebook they start folded).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageOps

from govdisclosure import read_report

ROOT = Path(__file__).resolve().parents[2]
PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{font-family: "Noto Sans CJK SC", sans-serif; margin: 16px; background: #fff}}
.prompt {{color: #303f9f; font-family: monospace; margin-bottom: 6px}}
.cell {{border-left: 3px solid #42a5f5; padding-left: 10px}}
</style></head><body><div class="prompt">In [3]: report</div><div class="cell">{html}</div>
<script>document.querySelectorAll("details").forEach(d => d.open = true)</script></body></html>"""


def main() -> None:
    report = read_report(ROOT / "tests/data/seeds/003_d01d2cbab1ffe994.txt")
    with tempfile.TemporaryDirectory() as tmp:
        page, shot = Path(tmp) / "report.html", Path(tmp) / "shot.png"
        page.write_text(PAGE.format(html=report._repr_html_()), encoding="utf-8")
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--window-size=1000,2400", f"--screenshot={shot}", page.as_uri()],
            check=True, capture_output=True,
        )  # fmt: skip
        image = Image.open(shot).convert("RGB")
        ink = ImageOps.invert(image.convert("L")).point(lambda v: 255 if v > 5 else 0)
        bottom = ink.getbbox()[3]  # the last row that is not white
        image.crop((0, 0, image.width, bottom + 16)).save(
            ROOT / "docs/img/report-html.png", optimize=True
        )


if __name__ == "__main__":
    main()
