"""Adversarial inputs of about 1 MB are parsed or refused quickly (no super-linear blow-up).

    python benchmarks/adversarial.py

Prints, for each input, its size, the outcome and the wall time; exits 1 when one takes more
than --limit seconds (default 1.0).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from govdisclosure import ParseError, check, locate, parse_report

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "tests/data/seeds/003_d01d2cbab1ffe994.txt").read_text(encoding="utf-8")
MB = 1_000_000


def cases() -> dict[str, str]:
    return {
        "one huge line": "甲" * (MB // 3),
        "1e5 separators": "|" * 100_000 + "\n",
        "1e5 cells with numbers": "0 | " * 100_000 + "\n",
        "repeated headings": "一、总体情况\n" * (MB // 19),
        "repeated headings (11k lines)": "二、主动公开政府信息情况\n" * 11_000,
        "repeated sub-headings": "(一)主动公开情况\n" * (MB // 24),
        "mojibake markers": "?。ㄒ唬┲" * (MB // 22),
        "table rows (11k lines)": "规章 | 0 | 0 | 0 |\n" * 11_000,
        "glued digit runs": ("一、本年新收政府信息公开申请数量" + "1" * 40 + "\n") * 2_000,
        "long prose (11k lines)": ("本机关认真贯彻落实条例要求" * 7 + "\n") * 11_000,
        "seed repeated to 1 MB": SEED * (MB // len(SEED.encode())),
        "seed with 1 MB of prose": SEED.replace(
            "六、其他需要报告的事项", "一" * (MB // 3) + "\n六、其他需要报告的事项"
        ),
        "deep parentheses": "(" * (MB // 2) + "\n",
        # issue 11: a 20,000-digit run in section 一's prose (the claim patterns of check
        # were quadratic on it: 13 s)
        "20,000 digits in prose": SEED.replace(
            "一、总体情况\n", "一、总体情况\n收到申请" + "7" * 20_000 + "件\n", 1
        ),
        # huge spans on 3,000 rows and 20,000 paragraphs (moved here from a timed test)
        "HTML with huge spans": "<html><body><table>"
        + "".join(f"<tr><td colspan=64>{i}</td><td rowspan=9999>x</td></tr>" for i in range(3000))
        + "</table>"
        + "<p>一</p>" * 20000
        + "</body></html>",
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=float, default=1.0)
    args = ap.parse_args()
    parse_report(SEED)  # build the parser first: cold start is measured elsewhere
    worst = 0.0
    for name, text in cases().items():
        start = time.perf_counter()
        try:
            report = parse_report(text)
            check(report)
            locate(report)
            result = "parsed, checked and located"
        except ParseError as exc:
            result = f"refused ({exc.code})"
        elapsed = time.perf_counter() - start
        worst = max(worst, elapsed)
        size = len(text.encode("utf-8")) / MB
        print(f"{name:32} {size:5.2f} MB  {elapsed:6.3f} s  {result}")
    print(f"worst: {worst:.3f} s (limit {args.limit} s)")
    return 0 if worst <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
