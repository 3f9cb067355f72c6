"""Build the reader fixtures in tests/data/fixtures/ from the seeds and their golden values.

Run ``python tests/fixturegen.py`` to write them; ``test_fixtures.py`` checks that the files on
disk are exactly what this module builds, and that each parses to the expected numbers.

The fixtures imitate what users get: government web pages (navigation, scripts, a metadata
table, Word-export markup with words split across spans, GBK/Big5 charsets, a second
``<meta>`` in the body, table 三 with its real row and column spans), crawler dumps (page
chrome, a ``key: value`` header and ``==== 正文 ====``), damaged encodings (UTF-8 read as GBK,
once or twice; Big5, GB18030, UTF-16, a BOM; literal byte escapes; zero-width characters) and
structured JSON.  The numbers in every fixture come from the seed's hand-read golden file, and
so does the expectation: the parser is never asked what to expect.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import opencc
from support import DATA, golden, seed_text

from govdisclosure import Template
from govdisclosure.template import spec
from govdisclosure.write.html_layout import (
    HtmlCell,
    appeal_rows,
    proactive_rows,
    request_rows,
    show,
)

FIXTURES = DATA / "fixtures"
S000 = "000_cba402df4409a5e2"
S001 = "001_0494dfef68de25df"
S003 = "003_d01d2cbab1ffe994"
S004 = "004_993b10d7eafd07e2"

_S2T = opencc.OpenCC("s2t")

# ---------------------------------------------------------------------- the seed's prose


_TABLE_LINE = re.compile(r"[|\t]")
_HEADING = re.compile(r"^\s*(?:#+\s*)?(?:[一二三四五六][、.]|[(（][一二三四五六七八九十][)）])")


def seed_items(name: str) -> list[tuple[str, Any]]:
    """The seed as ("meta", rows) / ("heading", text) / ("p", text) / ("t2"|"t3"|"t4", None)."""
    items: list[tuple[str, Any]] = []
    mode: str | None = None
    meta: list[list[str]] = []
    seen_heading = False
    for raw in seed_text(name).split("\n"):
        line = raw.strip()
        if not line:
            continue
        if _TABLE_LINE.search(raw):
            if not seen_heading:
                meta.append([c.strip() for c in line.strip("|").split("|")])
                continue
            kind = mode or "t2"
            if "勾稽" in line:
                kind = "t3"
            elif mode in ("t3", None) and re.match(r"^行政[复復][议議]", line):
                kind = "t4"
            if kind != mode:
                items.append((kind, None))
                mode = kind
            continue
        mode = None
        plain = re.sub(r"^#+\s*", "", line)
        if _HEADING.match(line):
            if not seen_heading and meta:
                items.append(("meta", meta))
            seen_heading = True
            items.append(("heading", plain))
        else:
            items.append(("p", plain))
    return items


# ---------------------------------------------------------------------- cells


def _numbers(name: str) -> dict[str, Any]:
    """Flat key → the golden value of every number cell."""
    from support import expected_numbers

    return expected_numbers(golden(name))


class Cells:
    """Markup of one table cell: plain HTML or Word export."""

    def __init__(self, word: bool, script: str) -> None:
        self.word = word
        self.script = script

    def label(self, text: str) -> str:
        return _S2T.convert(text) if self.script == "traditional" else text

    def td(self, text: str, *, rowspan: int = 1, colspan: int = 1, label: bool = True) -> str:
        attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
            f' colspan="{colspan}"' if colspan > 1 else ""
        )
        shown = self.label(text) if label else text
        if not self.word:
            return f"<td{attrs}>{html.escape(shown)}</td>"
        if not shown:
            inner = "<span lang=EN-US style='font-size:10.5pt'><o:p>&nbsp;</o:p></span>"
        elif label and len(shown) >= 2:
            cut = len(shown) // 2  # one word split across two spans: 「自然</span><span>人」
            inner = (
                f"<span style='font-size:10.5pt;font-family:宋体'>{html.escape(shown[:cut])}</span>"
                f"<span style='font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体'>"
                f"<font face=宋体>{html.escape(shown[cut:])}</font><o:p></o:p></span>"
            )
        else:
            inner = (
                f"<span lang=EN-US style='font-size:10.5pt;font-family:宋体'>"
                f"{html.escape(shown)}<o:p></o:p></span>"
            )
        return (
            f"<td{attrs} width=64 valign=center style='border:solid windowtext 1.0pt;"
            f"padding:0cm 5.4pt 0cm 5.4pt'>\n  <p class=MsoNormal align=center "
            f"style='text-align:center'>{inner}</p>\n  </td>"
        )

    def row(self, cells: Sequence[str]) -> str:
        if self.word:
            return "<tr style='height:20.0pt'>\n  " + "\n  ".join(cells) + "\n </tr>"
        return "<tr>\n  " + "".join(cells) + "\n</tr>"

    def table(self, rows: Sequence[str]) -> str:
        if self.word:
            head = (
                "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 "
                "style='border-collapse:collapse;border:none'>\n"
            )
        else:
            head = '<table border="1" cellspacing="0" style="width:100%">\n<tbody>\n'
        tail = "</table>" if self.word else "</tbody>\n</table>"
        return head + "\n".join(rows) + "\n" + tail


def _table(rows: list[list[HtmlCell]], name: str, cells: Cells, blanks: frozenset[str]) -> str:
    """A table of the template's layout with the golden values (blank where asked)."""
    values = _numbers(name)
    out = []
    for row in rows:
        tds = []
        for c in row:
            if c.key is None:
                tds.append(cells.td(c.text, rowspan=c.rowspan, colspan=c.colspan))
            else:
                value = None if c.key in blanks else values[c.key]
                text = show(value, c.kind, c.unit)
                tds.append(cells.td(text, rowspan=c.rowspan, colspan=c.colspan, label=False))
        out.append(cells.row(tds))
    return cells.table(out)


def table2(name: str, cells: Cells, blanks: frozenset[str]) -> str:
    return _table(proactive_rows(Template(golden(name)["template"])), name, cells, blanks)


def table3(name: str, cells: Cells, blanks: frozenset[str]) -> str:
    """Table 三 with the template's real spans (template-spec §4.1, §4.2)."""
    return _table(request_rows(Template(golden(name)["template"])), name, cells, blanks)


def table4(name: str, cells: Cells, blanks: frozenset[str]) -> str:
    return _table(appeal_rows(), name, cells, blanks)


# ---------------------------------------------------------------------- pages


def _wrap(text: str, width: int = 38) -> str:
    """Hard line breaks every ``width`` characters, only between two CJK characters."""
    out: list[str] = []
    run = 0
    for i, ch in enumerate(text):
        out.append(ch)
        run += 1
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if run >= width and "\u4e00" <= ch <= "\u9fff" and "\u4e00" <= nxt <= "\u9fff":
            out.append("\n")
            run = 0
    return "".join(out)


def _paragraph(text: str, word: bool, heading: bool) -> str:
    body = html.escape(text)
    if not word:
        return f"<h3>{body}</h3>" if heading else f"<p>{body}</p>"
    body = _wrap(body)
    if heading:
        return (
            "<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><b>"
            f"<span style='font-size:16.0pt;font-family:黑体'>{body}<o:p></o:p></span></b></p>"
        )
    cut = len(body) // 3
    while cut and body[cut - 1] in "&;#0123456789abcdefghijklmnopqrstuvwxyz":
        cut -= 1  # never inside an entity
    return (
        "<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:"
        "exactly'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>"
        f"{body[:cut]}</span><span lang=EN-US style='font-size:16.0pt;font-family:仿宋_GB2312'>"
        f"{body[cut:]}<o:p></o:p></span></p>"
    )


def _meta_table(rows: list[list[str]], word: bool) -> str:
    out = ['<table class="xxgk_table" width="100%" cellspacing="0">']
    for r in rows:
        cells = "".join(f"<td>{html.escape(c)}</td>" for c in r)
        out.append(f"<tr>{cells}</tr>")
    out.append("</table>")
    return "\n".join(out)


NAV = """<div class="top"><a href="/">首页</a> | <a href="/wza">无障碍</a>
 | <a href="/old">长者模式</a></div>
<div class="nav">
<ul>
<li><a href="/">首页</a></li>
<li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zwfw/">政务服务</a></li>
<li><a href="/xxgknb/">政府信息公开年报</a></li>
<li><a href="/hdjl/">互动交流</a></li>
</ul>
</div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt;
<a href="/xxgknb/">政府信息公开年报</a></div>"""

FOOT = """<div class="fj">附件下载：<a href="/u/cms/report.pdf">{title}.pdf</a></div>
<div class="share">分享到：<a class="wx" href="#">微信</a><a class="wb" href="#">微博</a></div>
<div class="tools">【<a href="javascript:window.print()">打印本页</a>】
【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="foot">
<p>版权所有：{organ}　主办：{organ}办公室</p>
<p>ICP备12345678号-1　网站标识码：3201000001</p>
</div>
<script type="text/javascript">
var _hmt = _hmt || []; document.write("<p>一、总体情况 | 9 | 9</p>");
</script>"""


def html_page(
    name: str,
    *,
    charset: str,
    word: bool,
    blanks: frozenset[str] = frozenset(),
    body_charset: str | None = None,
    stop_after: str | None = None,
) -> str:
    g = golden(name)
    script = g["script"]
    cells = Cells(word, script)
    title = g["title"] or f"{g['organ'] or '某市'}{g['year']}年政府信息公开工作年度报告"
    organ = g["organ"] or "某市人民政府"
    head = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{html.escape(title)}_{html.escape(organ)}</title>
<meta name="ArticleTitle" content="{html.escape(title)}" />
<meta name="PubDate" content="{g["year"] + 1}-01-22 10:00" />
<meta name="ContentSource" content="{html.escape(organ)}" />
<link rel="stylesheet" type="text/css" href="/css/style.css" />
<style type="text/css">.nav li{{float:left}} .crumb{{color:#333}}</style>
<script type="text/javascript" src="/js/jquery.min.js"></script>
<script type="text/javascript">
  var title = "三、收到和处理政府信息公开申请情况"; // not part of the report
</script>
</head>
<body>
"""
    parts = [head, NAV]
    parts.append(
        '<div class="info">发布时间：'
        f'{g["year"] + 1}-01-22　来源：{html.escape(organ)}　浏览次数：<span id="hits">1024</span>'
        '　【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>'
    )
    content: list[str] = []
    if word:
        content.append(
            f'<meta http-equiv=Content-Type content="text/html; charset={body_charset or charset}">'
            '\n<meta name=Generator content="Microsoft Word 15 (filtered)">\n'
            "<style>\n<!--\n p.MsoNormal {margin:0cm; font-size:10.5pt;}\n-->\n</style>\n"
            "<div class=WordSection1 style='layout-grid:15.6pt'>"
        )
    tables = {"t2": table2, "t3": table3, "t4": table4}
    for kind, value in seed_items(name):
        if kind == "meta":
            parts.append(_meta_table(value, word))
        elif kind in tables:
            content.append(tables[kind](name, cells, blanks))
            if kind == stop_after:
                break
        else:
            content.append(_paragraph(value, word, kind == "heading"))
    if word:
        content.append("</div>")
    parts.append('<div class="article" id="zoom">\n<table width="100%"><tr><td>')
    parts.append("\n".join(content))
    parts.append("</td></tr></table>\n</div>")
    parts.append(FOOT.format(title=html.escape(title), organ=html.escape(organ)))
    parts.append("</body>\n</html>\n")
    return "\n".join(parts)


NEWS_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>我市召开政务公开工作推进会</title></head>
<body>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xw/">新闻动态</a></div>
<h1>我市召开政务公开工作推进会</h1>
<p>11月22日，我市召开政务公开工作推进会，总结今年以来全市政务公开工作，部署下一阶段重点任务。</p>
<p>会议强调，要坚持以公开为常态、不公开为例外，持续提升政务公开质效。</p>
<table><tr><td>参会单位</td><td>人数</td></tr><tr><td>市直部门</td><td>45</td></tr></table>
</body></html>
"""


# ---------------------------------------------------------------------- crawler dumps


def crawler_header_dump(name: str) -> str:
    g = golden(name)
    header = [
        "url: http://www.hda.gov.cn/col/col1234/art/2025/art_5678.html",
        f"title: {g['organ']}{g['year']}年政府信息公开工作年度报告",
        "source: 淮安经济技术开发区管理委员会",
        "crawled_at: 2025-02-01T10:22:03+08:00",
        "==== 正文 ====",
    ]
    tail = [
        "附件下载：",
        f"{g['organ']}{g['year']}年政府信息公开工作年度报告.pdf",
        "==== 附件 ====",
        "report.pdf (213 KB)",
    ]
    return "\n".join(header) + "\n" + seed_text(name).rstrip("\n") + "\n" + "\n".join(tail) + "\n"


def crawler_chrome_dump(name: str) -> str:
    g = golden(name)
    head = (
        "当前位置： 首页 > 政务公开 > 政府信息公开年报 > 正文 微信 微博 QQ空间 "
        "【字体：大 中 小】 【打印】 【关闭】 相关链接： -->"
    )
    tail = [
        "附件下载",
        f"{g['title']}.pdf",
        "【打印本页】 【关闭窗口】",
        "版权所有：安宁市人民政府  主办：安宁市人民政府办公室  滇ICP备05001234号",
    ]
    return head + "\n" + seed_text(name).rstrip("\n") + "\n" + "\n".join(tail) + "\n"


def crawler_traditional_dump(name: str) -> str:
    head = [
        "您現在的位置：首頁 > 政務公開 > 政府信息公開年報",
        "發布時間：2024-01-20　瀏覽次數：356",
        "分享到：微信 微博 QQ空間",
    ]
    tail = [
        "上一篇：撫遠市2022年政府信息公開工作年度報告",
        "下一篇：撫遠市人民政府關于調整部分行政許可事項的公告",
        "附件下載：撫遠市2023年政府信息公開工作年度報告.doc",
        "版權所有：撫遠市人民政府辦公室",
    ]
    return "\n".join(head) + "\n" + seed_text(name).rstrip("\n") + "\n" + "\n".join(tail) + "\n"


def crawler_markdown_dump(name: str) -> str:
    head = [
        "[跳转到主要内容](#main)",
        "当前位置：[首页](/) > [政务公开](/zwgk/) > [年度报告](/nb/)",
        "",
        "分享到： [微信](#) [微博](#) [QQ空间](#)",
    ]
    tail = ["", "附件下载：[2023年报.pdf](/files/2023.pdf)", "", "扫一扫在手机打开当前页"]
    return "\n".join(head) + "\n" + seed_text(name).rstrip("\n") + "\n" + "\n".join(tail) + "\n"


# ---------------------------------------------------------------------- encodings


def cp936_misread(data: bytes) -> str:
    """Decode bytes as code page 936 would: 0x80 is '€', a bad pair loses its first byte."""
    out: list[str] = []
    i = 0
    while i < len(data):
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
            continue
        if b == 0x80:
            out.append("€")
            i += 1
            continue
        pair = data[i : i + 2]
        if len(pair) == 2 and b != 0xFF:
            for codec in ("gbk", "gb18030"):
                try:
                    out.append(pair.decode(codec))
                    break
                except UnicodeDecodeError:
                    continue
            else:
                out.append("?")
                i += 1
                continue
            i += 2
            continue
        out.append("?")
        i += 1
    return "".join(out)


def escaped_lines(text: str, pattern: str) -> str:
    """Lines matching ``pattern`` written as a crawler does with ``str(line.encode())``."""
    out = []
    for line in text.split("\n"):
        if re.search(pattern, line):
            line = "".join(
                ch if ch.isascii() else "".join(f"\\x{b:02x}" for b in ch.encode()) for ch in line
            )
        out.append(line)
    return "\n".join(out)


def zero_width(text: str) -> str:
    """Zero-width characters inside labels, numbers and headings."""
    text = text.replace("一、本年新收", "一、本年\u200b新收")
    text = text.replace("| 72 |", "| 7\u200b2 |")
    text = text.replace("（七）总计", "（七）\u200d总\u200c计").replace(
        "(七)总计", "(七)\u2060总计"
    )
    text = text.replace("六、其他需要报告的事项", "六、其他\ufeff需要报告的事项")
    return text.replace("行政许可", "行政\u00ad许可")


# ---------------------------------------------------------------------- JSON


def json_sections(name: str) -> str:
    g = golden(name)
    lines = seed_text(name).split("\n")
    meta = [ln for ln in lines if "|" in ln and ("索 引 号" in ln or "文 号" in ln)]
    body = [ln for ln in lines if ln not in meta and not ln.startswith("时效说明")]
    sections: list[dict[str, Any]] = []
    preamble: list[str] = []
    for ln in body:
        if re.match(r"^[一二三四五六]、", ln) and "|" not in ln:
            sections.append({"heading": ln, "text": []})
        elif sections:
            sections[-1]["text"].append(ln)
        else:
            preamble.append(ln)
    doc = {
        "title": None,
        "metadata": {k: v for k, v in g.get("metadata", [])},
        "preamble": "\n".join(preamble),
        "sections": [{"heading": s["heading"], "text": "\n".join(s["text"])} for s in sections],
    }
    doc.pop("title")
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def json_model_keys(name: str) -> str:
    """Sections keyed by the model's names, tables as arrays of cells."""
    lines = seed_text(name).split("\n")
    keys = ["overview", "proactive", "requests", "appeals", "problems", "other_matters"]
    out: dict[str, Any] = {}
    title = lines[0]
    current: str | None = None
    for ln in lines[1:]:
        m = re.match(r"^(?:[一二三四五六]、|\(六\))(.*)$", ln)
        if m and "|" not in ln:
            numeral = "一二三四五六".index(ln[1] if ln.startswith("(") else ln[0])
            current = keys[numeral]
            out[current] = {"text": [], "tables": [[]]}
            continue
        if current is None:
            continue
        if "|" in ln:
            out[current]["tables"][0].append([c.strip() for c in ln.rstrip().split("|")])
        else:
            out[current]["text"].append(ln)
    doc = {"title": title, "source_url": "http://www.anning.gov.cn/x.html", "sections": out}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


# ---------------------------------------------------------------------- the fixture set

# name → (input class, builder of the file's bytes, seed, how to read, expectation)
Fixture = dict[str, Any]


def _fixture(
    file: str,
    klass: str,
    build: Callable[[], bytes],
    seed: str | None,
    *,
    read: str = "path",
    blanks: Sequence[str] = (),
    error: str | None = None,
    note: str,
) -> Fixture:
    return {
        "file": file,
        "class": klass,
        "seed": seed,
        "read": read,
        "blanks": sorted(blanks),
        "error": error,
        "note": note,
        "_build": build,
    }


BLANKS_003 = (
    "requests.new_received.research",  # inside the row
    "requests.carried_over.natural_person",  # left edge of the values
    "requests.outcomes.withheld.state_secret.total",  # right edge of the values
    "proactive.rules.repealed",
    "proactive.coercion.decisions",
    "appeals.litigation_direct.pending",
)
TOTAL_COLUMN_001 = tuple(
    f"requests.{r.key}.total" for r in spec(Template.V2019).request_rows if r.group is not None
)


def fixtures() -> list[Fixture]:
    def utf8(s: Callable[[], str]) -> Callable[[], bytes]:
        return lambda: s().encode("utf-8")

    return [
        # -------------------------------------------------------------- 1. HTML
        _fixture(
            "html/003-word-gbk.html", "html",
            lambda: html_page(S003, charset="gb2312", word=True).encode("gbk", "xmlcharrefreplace"),
            S003,
            note="gov page in GB2312, Word-export markup (spans, <font>, <o:p>), words split "
            "across spans, hard-wrapped source, nested layout table, nav/script/metadata "
            "table, a second <meta> in the body, table 三 with rowspan 22/8/3/5/3",
        ),
        _fixture(
            "html/001-v2019-utf8.html", "html",
            utf8(lambda: html_page(S001, charset="utf-8", word=False)),
            S001,
            note="V2019 page in UTF-8, plain table markup, rowspan 20 and （六） as colspan 2",
        ),
        _fixture(
            "html/000-big5.html", "html",
            lambda: html_page(S000, charset="big5", word=True).encode("big5", "xmlcharrefreplace"),
            S000,
            note="Traditional-script page in Big5 (characters outside Big5 as &#NNNNN;)",
        ),
        _fixture(
            "html/003-blank-cells.html", "html",
            lambda: html_page(S003, charset="gbk", word=True, blanks=frozenset(BLANKS_003)).encode(
                "gbk", "xmlcharrefreplace"
            ),
            S003, blanks=BLANKS_003,
            note="blank cells (<o:p>&nbsp;</o:p>) inside a row, at the left and right edge of "
            "the values, in tables 二 and 四: None with a cell-blank diagnostic, never 0",
        ),
        _fixture(
            "html/001-total-column-blank.html", "html",
            utf8(lambda: html_page(S001, charset="utf-8", word=True,
                                   blanks=frozenset(TOTAL_COLUMN_001))),
            S001, blanks=TOTAL_COLUMN_001,
            note="the 总计 cells of all 办理结果 rows blank (a real V2019 habit): nothing shifts",
        ),
        _fixture(
            "html/004-declared-gbk-is-utf8.html", "html",
            utf8(lambda: html_page(S004, charset="gbk", word=True, body_charset="utf-8")),
            S004, read="str",
            note="declares GBK but is UTF-8 (read from bytes and from str)",
        ),
        _fixture(
            "html/003-head-utf8-body-gb2312.html", "html",
            lambda: html_page(S003, charset="utf-8", word=True, body_charset="gb2312").encode(
                "gbk", "xmlcharrefreplace"
            ),
            S003,
            note="<head> declares UTF-8, the Word part's second <meta> GB2312; the bytes are GBK",
        ),
        _fixture(
            "html/001-utf8-read-as-gbk.html", "html",
            lambda: cp936_misread(html_page(S001, charset="utf-8", word=False).encode()).encode(),
            S001,
            note="the UTF-8 page decoded as GBK and saved again as UTF-8 (mojibake of a page)",
        ),
        _fixture(
            "html/news-page.html", "html", utf8(lambda: NEWS_PAGE), None, error="not-a-report",
            note="a government news page, not a report",
        ),
        _fixture(
            "html/003-fragment.html", "html",
            utf8(lambda: html_page(S003, charset="utf-8", word=False, stop_after="t3")),
            S003, error="truncated",
            note="the page is cut after table 三: table 四 and sections 五/六 are missing",
        ),
        # -------------------------------------------------------------- 3. crawler chrome
        _fixture(
            "crawler/003-header-marker.txt", "crawler", utf8(lambda: crawler_header_dump(S003)),
            S003,
            note="key: value header, ==== 正文 ====, 附件下载 and an end marker after the report",
        ),
        _fixture(
            "crawler/001-page-chrome.txt", "crawler", utf8(lambda: crawler_chrome_dump(S001)),
            S001,
            note="one line of breadcrumb/share/相关链接 --> chrome before, 附件下载/footer after",
        ),
        _fixture(
            "crawler/000-traditional-chrome.txt", "crawler",
            utf8(lambda: crawler_traditional_dump(S000)), S000,
            note="Traditional-script chrome: 您現在的位置, 分享到, 上一篇/下一篇, 附件下載",
        ),
        _fixture(
            "crawler/004-markdown-chrome.md", "crawler",
            utf8(lambda: crawler_markdown_dump(S004)), S004,
            note="Markdown dump with link breadcrumbs before and 附件下载 after",
        ),
        # -------------------------------------------------------------- 4. encodings
        _fixture(
            "encoding/003-utf8-read-as-gbk.txt", "encoding",
            utf8(lambda: cp936_misread(seed_text(S003).encode())), S003,
            note="UTF-8 decoded as GBK and saved: 涓€銆佹€讳綋鎯呭喌 for 一、总体情况",
        ),
        _fixture(
            "encoding/000-utf8-read-as-gbk.txt", "encoding",
            utf8(lambda: cp936_misread(seed_text(S000).encode())), S000,
            note="the same damage on a Traditional-script report",
        ),
        _fixture(
            "encoding/003-utf8-read-as-gbk-twice.txt", "encoding",
            utf8(lambda: cp936_misread(cp936_misread(seed_text(S003).encode()).encode())), S003,
            note="UTF-8 read as GBK twice (double mojibake)",
        ),
        _fixture(
            "encoding/004-bom.md", "encoding",
            lambda: b"\xef\xbb\xbf" + seed_text(S004).encode(), S004,
            note="UTF-8 with a byte-order mark",
        ),
        _fixture(
            "encoding/000-big5.txt", "encoding", lambda: seed_text(S000).encode("big5"), S000,
            note="Big5 file (detected by charset-normalizer)",
        ),
        _fixture(
            "encoding/003-gb18030.txt", "encoding", lambda: seed_text(S003).encode("gb18030"),
            S003, note="GB18030 file (detected by charset-normalizer)",
        ),
        _fixture(
            "encoding/004-utf16.md", "encoding", lambda: seed_text(S004).encode("utf-16"), S004,
            note="UTF-16 with a byte-order mark",
        ),
        _fixture(
            "encoding/003-escaped-lines.txt", "encoding",
            utf8(lambda: escaped_lines(seed_text(S003), r"^(?:[一二三四]、|\(|[1-8]\.)")), S003,
            note="table 三 rows and headings written as literal \\xNN escapes",
        ),
        _fixture(
            "encoding/001-bytes-literal.txt", "encoding",
            utf8(lambda: repr(seed_text(S001).encode()) + "\n"), S001,
            note="the whole report as one Python bytes literal b'...\\n...'",
        ),
        _fixture(
            "encoding/003-zero-width.txt", "encoding", utf8(lambda: zero_width(seed_text(S003))),
            S003, note="zero-width spaces/joiners, a BOM, a soft hyphen in labels and numbers",
        ),
        # -------------------------------------------------------------- 5. JSON
        _fixture(
            "json/003-sections.json", "json", utf8(lambda: json_sections(S003)), S003,
            note="sections as a list of {heading, text}; metadata object; tables as text",
        ),
        _fixture(
            "json/001-model-keys.json", "json", utf8(lambda: json_model_keys(S001)), S001,
            note="sections keyed by the model's names, tables as arrays of cells",
        ),
        _fixture(
            "json/not-a-report.json", "json",
            utf8(lambda: json.dumps({"title": "关于开展政务公开工作的通知",
                                     "text": "各单位：\n现将有关事项通知如下。"},
                                    ensure_ascii=False)),
            None, error="not-a-report", note="JSON of the accepted shape that is not a report",
        ),
    ]  # fmt: skip


def manifest() -> list[dict[str, Any]]:
    return [{k: v for k, v in f.items() if not k.startswith("_")} for f in fixtures()]


def built() -> Iterator[tuple[Path, bytes]]:
    for f in fixtures():
        yield FIXTURES / f["file"], f["_build"]()
    text = json.dumps(manifest(), ensure_ascii=False, indent=1) + "\n"
    yield FIXTURES / "readers.json", text.encode()


def main() -> None:
    for path, data in built():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{len(data):>8}  {path.relative_to(DATA)}")


if __name__ == "__main__":
    main()
