"""Crawler dumps: the page chrome around the report, a crawler's header, its body marker.

What is removed, always with a ``chrome-dropped`` diagnostic that names the lines and quotes
what they began with:

* a crawler header: ``key: value`` lines at the top, ended by a marker line such as
  ``==== 正文 ====`` (with no marker, two or more ``key: value`` lines with ASCII keys at the
  very top); the pairs go to ``Report.metadata``;
* page chrome *before* the report — lines of a breadcrumb 「当前位置：首页 > …」, share bars
  「微信 微博 QQ空间」, 「字号：大 中 小」「打印本页」「关闭窗口」, 「相关链接」, stray ``-->`` —
  only before the first section heading, so the report's own text is never touched;
* page chrome *after* the report: from the first line after the heading of section 六 (or
  after the last table row when there is none) that starts a page footer — 「附件下载」,
  「附件：」, 「上一篇」, 「版权所有」, 「ICP备」, 「网站标识码」, 「扫一扫」, an end marker
  ``==== … ====`` — to the end of the text.
"""

from __future__ import annotations

import re

from govdisclosure import template as T
from govdisclosure.model import Diagnostic
from govdisclosure.read.fold import match_text
from govdisclosure.read.lines import Lines
from govdisclosure.template import lexicon as L

__all__ = ["strip_chrome"]

_MARKER = re.compile(
    r"^\s*(?:[=＝\-—#*~]{3,}\s*(?:正文|正\s*文|内容|content|body|text)\s*[=＝\-—#*~]{3,}"
    r"|【\s*正文\s*】|\[\s*正文\s*\])\s*$",
    re.IGNORECASE,
)
_END_MARKER = re.compile(r"^\s*[=＝\-—#*~]{3,}\s*\S.{0,20}?\s*[=＝\-—#*~]{3,}\s*$")
_KEY_VALUE = re.compile(r"^\s*([^:：|\t]{1,30}?)\s*[:：]\s*(.*?)\s*$")
_ASCII_KEY = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_. -]{0,30}?)\s*:\s+(\S.*?)\s*$")

_HEAD_CHROME = re.compile(
    r"^(?:当前位置|您的位置|您现在的位置|您当前的位置|您所在的位置|所在位置|当前所在位置)\s*[:：]?"
    r"|首页\s*(?:[>＞»›/]|&gt;)"
    r"|(?:分享到|分享至)\s*[:：]?"
    r"|(?:微信|微博|QQ空间|qq空间|QQ好友|新浪微博|腾讯微博|人人网).*(?:微信|微博|QQ空间|qq空间|QQ好友)"
    r"|字号\s*[:：]?\s*[【\[(（]?\s*大\s*[】\])）]?\s*[【\[(（]?\s*中"
    r"|【?\s*(?:打印本页|打印|关闭窗口|关闭本页|收藏本页|加入收藏|设为首页)\s*】?\s*(?:【|$)"
    r"|^\s*(?:相关链接|友情链接|网站导航|无障碍浏览|长者模式)\s*[:：]?"
    r"|-->|<!--"
    r"|(?:浏览次数|访问量|阅读次数|点击数|点击量|浏览量)\s*[:：]"
    r"|扫一扫|手机扫描|在手机打开"
)
_HEAD_SOFT = re.compile(
    r"^(?:首页|上一页|下一页|返回顶部|登录|注册|English|繁体|简体|繁體|简体版)$"
)

_TAIL_START = re.compile(
    r"^\s*【?\s*(?:附件下载|附件\s*[:：]?\s*$|相关附件|附件列表|下载附件"
    r"|上一篇|下一篇|上一条|下一条|相关链接|相关文章|相关新闻|友情链接"
    r"|打印本页|关闭窗口|【\s*打印\s*】|【\s*关闭\s*】"
    r"|版权所有|主办单位|承办单位|主办\s*[:：]|承办\s*[:：]|网站标识码|网站地图|联系我们|ICP备|.{0,20}ICP备"
    r"|扫一扫|分享到|-->)"
)
_SIX = re.compile(r"^(?:#+\s*)?(?:六[、.,]|\(六\))\s*" + re.escape(T.HEADINGS[-1].label[:6]))
_HEADING_ONE = re.compile(
    r"^(?:#+\s*)?" + T.HEADINGS[0].numeral + f"[{re.escape(L.NUMBERING_MARKS)}]"
)


def _match(lines: Lines) -> list[str]:
    joined = match_text("\n".join(lines.text)).split("\n")
    if len(joined) == len(lines):
        return joined
    return [match_text(t) for t in lines.text]


def _quote(texts: list[str]) -> str:
    shown = " / ".join(t.strip()[:24] for t in texts[:3] if t.strip())
    return shown + (" / …" if len(texts) > 3 else "")


def _header(lines: Lines) -> tuple[int, list[tuple[str, str]]] | None:
    """(number of header lines including the marker, key-value pairs) or None."""
    for i, text in enumerate(lines.text[:60]):
        if _MARKER.match(text):
            pairs = []
            for t in lines.text[:i]:
                m = _KEY_VALUE.match(t)
                if m and m.group(2):
                    pairs.append((m.group(1).strip(), m.group(2)))
            return i + 1, pairs
    pairs = []
    n = 0
    for text in lines.text[:40]:
        if not text.strip() and not pairs:
            n += 1
            continue
        m = _ASCII_KEY.match(text)
        if m is None:
            break
        pairs.append((m.group(1).strip(), m.group(2)))
        n += 1
    if len(pairs) >= 2:
        return n, pairs
    return None


def strip_chrome(lines: Lines) -> tuple[Lines, list[Diagnostic], list[tuple[str, str]]]:
    """Remove crawler headers and page chrome; return the lines, diagnostics and metadata."""
    diags: list[Diagnostic] = []
    metadata: list[tuple[str, str]] = []
    header = _header(lines)
    if header is not None:
        n, metadata = header
        dropped = lines.text[:n]
        diags.append(
            Diagnostic(
                "chrome-dropped",
                f"crawler header dropped ({n} line(s): {_quote(dropped)})"
                + (
                    f"; its fields {', '.join(k for k, _v in metadata)} kept in Report.metadata"
                    if metadata
                    else ""
                ),
                lines.origin[0],
            )
        )
        lines = Lines(lines.text[n:], lines.origin[n:])
    match = _match(lines)
    # the end marker of a crawler dump and the page chrome after the report
    six = next((i for i, m in enumerate(match) if _SIX.match(m.strip())), None)
    last_row = max((i for i, m in enumerate(match) if "|" in m or "\t" in m), default=None)
    tail_from = six if six is not None else last_row
    if tail_from is not None:
        for i in range(tail_from + 1, len(match)):
            m = match[i].strip()
            if _TAIL_START.match(m) or (header is not None and _END_MARKER.match(m)):
                dropped = lines.text[i:]
                diags.append(
                    Diagnostic(
                        "chrome-dropped",
                        f"page chrome after the report dropped ({len(dropped)} line(s): "
                        f"{_quote(dropped)})",
                        lines.origin[i],
                    )
                )
                lines = Lines(lines.text[:i], lines.origin[:i])
                match = match[:i]
                break
    # page chrome before the report: only above the first section heading
    first = next((i for i, m in enumerate(match) if _HEADING_ONE.match(m.strip())), len(match))
    keep = Lines()
    dropped_head: list[tuple[int, str]] = []
    for i, (text, origin) in enumerate(lines):
        m = match[i].strip()
        if i < first and m and "|" not in m and (_HEAD_CHROME.search(m) or _HEAD_SOFT.match(m)):
            dropped_head.append((origin, text))
            continue
        keep.add(text, origin)
    if dropped_head:
        diags.append(
            Diagnostic(
                "chrome-dropped",
                f"page chrome before the report dropped ({len(dropped_head)} line(s): "
                f"{_quote([t for _o, t in dropped_head])})",
                dropped_head[0][0],
            )
        )
    return keep, diags, metadata
