"""Every diagnostic code the parser emits, with its meaning and an example (data, written once).

``docs/diagnostics.md`` is generated from this table, and a test fails when the package emits
a code that is not listed here.  ``ParseError.code`` values are listed in ``ERROR_CODES``.
"""

from __future__ import annotations

from attrs import frozen

__all__ = ["DIAGNOSTIC_CODES", "ERROR_CODES", "MEANING_ZH", "DiagnosticCode"]


@frozen
class DiagnosticCode:
    code: str
    kind: str  # "repair": the text was changed; "inference": a decision the text did not state;
    # "gap": a value is None and why; "corpus": a report set aside by the corpus check
    meaning: str
    example: str

    @property
    def zh(self) -> str:
        """What the code means, in Chinese."""
        return MEANING_ZH.get(self.code, "")


_CODES = (
    DiagnosticCode(
        "encoding", "repair", "The input was not UTF-8; the encoding used is named.",
        "input is not UTF-8; decoded as GB18030",
    ),
    DiagnosticCode(
        "mojibake-repaired", "repair",
        "GBK text decoded one byte out of step was re-encoded and decoded in step; characters "
        "that cannot be recovered are left as U+FFFD and counted.",
        "'?。ㄒ唬┲鲃庸_政府信息情況' → '（一）主動公開政府信息情況'",
    ),
    DiagnosticCode(
        "mojibake-utf8", "repair",
        "UTF-8 text had been decoded as GBK (code page 936) and saved again; it was encoded back "
        "and decoded as UTF-8, the whole document at once (twice if it had been damaged twice). "
        "A character whose last byte the GBK decoder lost is U+FFFD, named with its line.",
        "'涓€銆佹€讳綋鎯呭喌' → '一、总体情况'",
    ),
    DiagnosticCode(
        "line-breaks-inferred", "inference",
        "The text's line breaks did not follow the template (a report on one line, labels "
        "wrapped, cells on lines of their own): lines were started at the template's anchors "
        "(headings, 第二十条 titles, headers, row labels, table 四's values) and wrapped labels "
        "joined.",
        "line breaks read from the template's anchors: 57 line(s) started at a heading, title, "
        "header or row label inside a line, 0 wrapped label(s) joined (+57 lines)",
    ),
    DiagnosticCode(
        "escapes-decoded", "repair",
        "Literal byte escapes in the text (\\xNN, \\uNNNN, or a whole Python b'...' literal) "
        "were decoded.",
        "literal byte escapes (\\xNN, \\uNNNN) decoded on 12 line(s)",
    ),
    DiagnosticCode(
        "invisible-removed", "repair",
        "Zero-width spaces and joiners, soft hyphens, direction marks or a byte-order mark "
        "inside the text were removed.",
        "3 invisible character(s) (zero-width space, …) removed",
    ),
    DiagnosticCode(
        "chrome-dropped", "repair",
        "Lines that are not the report were dropped: a crawler header (its fields go to "
        "Report.metadata), page chrome before or after the report (breadcrumb, share bar, "
        "附件下载, footer), or HTML lines made of link text only (menus).",
        "page chrome before the report dropped (1 line(s): 当前位置： 首页 > 政务公开 …)",
    ),
    DiagnosticCode(
        "surrogate-replaced", "repair",
        "The text held lone surrogate code points (a Python str can, no encoding can): each "
        "was replaced with U+FFFD.",
        "2 lone surrogate code point(s) (first: U+DC80) replaced with U+FFFD",
    ),
    DiagnosticCode(
        "span-clamped", "repair",
        "An HTML table cell's rowspan or colspan was beyond any real table and was clamped.",
        "table cell colspan=5000 clamped to 64",
    ),
    DiagnosticCode(
        "page-furniture-dropped", "repair",
        "PDF: lines in the top or bottom tenth of a page that repeat on other pages (digits "
        "aside) or are page numbers were dropped as page headers and footers.",
        "page headers and footers dropped: 某市人民政府政府信息公开、第 1 页",
    ),
    DiagnosticCode(
        "page-row-joined", "repair",
        "PDF: a table row cut by a page break (its label's last characters at the top of the "
        "next page, no value of their own) was joined with its first half.",
        "1 table row(s) cut by a page break joined with their other half",
    ),
    DiagnosticCode(
        "cell-lines-joined", "repair",
        "PDF: in a table printed without rules, the wrapped lines of a cell's label (printed "
        "alone or beside the next row's values) were put back into their cell, found by its "
        "column.",
        "26 wrapped line(s) of a table printed without rules put back into their cells",
    ),
    DiagnosticCode(
        "doc-converted", "repair",
        "A Word 97-2003 .doc file was converted to .docx by LibreOffice and read as that.",
        "the .doc file was converted to .docx by LibreOffice",
    ),
    DiagnosticCode(
        "column-spacer", "repair",
        "A grid column of an HTML table was blank in every row, header included (a spacer "
        "column, or a colspan that does not match the header): it was dropped as layout, so "
        "that every cell stands under its header.  A blank cell in a filled column stays blank.  "
        "The same in text tables (pipe, Markdown, tabs): a column blank in every row of table 三 "
        "or of a block of table 二, inside the values, that makes the rows one cell too wide.",
        "1 grid column(s) of a table blank in every row dropped (column 4 of 6)",
    ),
    DiagnosticCode(
        "json-field-ignored", "inference",
        "A structured JSON input had fields outside the documented schema; they were ignored.",
        "JSON fields not in the schema were ignored: author, url",
    ),
    DiagnosticCode(
        "page-footer", "repair",
        "A line that is only a page number (「- 4 -」, 「第3页 共9页」) was removed.",
        "page number '- 4 -' removed",
    ),
    DiagnosticCode(
        "heading-missing", "inference",
        "A section heading is absent; the section is inferred from its table.",
        "no heading 三、收到和处理政府信息公开申请情况; the section is inferred from its table",
    ),
    DiagnosticCode(
        "heading-form", "inference",
        "A section heading is written as a sub-heading, e.g. 「(六)其他需要报告的事项」.",
        "'(六)其他需要报告的事项' taken as 六、其他需要报告的事项",
    ),
    DiagnosticCode(
        "heading-misnumbered", "inference",
        "A heading's numeral does not match the section its words name; the words win.",
        "heading '三、政府信息公开行政复议、行政诉讼情况' is numbered 三 but names section 四",
    ),
    DiagnosticCode(
        "heading-unmarked", "inference",
        "A line with no numbering that is exactly a section title (「总体情况」) starts that "
        "section.",
        "line '总体情况' has no numbering but is the heading 一、总体情况",
    ),
    DiagnosticCode(
        "heading-inexact", "inference",
        "A numbered heading whose words differ from the template's (OCR errors) is taken by its "
        "numeral, its words being close enough.",
        "heading '五、存在的主要问遁及改进情况' taken as 五、存在的主要问题及改进情况",
    ),
    DiagnosticCode(
        "section-extra", "inference",
        "A 「N、…」 heading continues the report's own section numbering but names no section of "
        "the template (「二、工作机制保障」 in a report numbered its own way): its text is kept "
        "in the section it stands in, as a sub-section.",
        "heading '二、工作机制保障' continues the report's own numbering but names no section of "
        "the template; its text is kept as a sub-section of 一、总体情况",
    ),
    DiagnosticCode(
        "section-merged", "inference",
        "One heading names two sections (「五、存在的主要问题、改进情况及其他需要报告的事项」): "
        "the text under it is kept in the first; the second is empty, not missing.",
        "heading '五、存在的主要问题、改进情况及其他需要报告的事项' names section "
        "五、存在的主要问题及改进情况 and 六、其他需要报告的事项 together: "
        "their text is kept in 五, the other is left empty",
    ),
    DiagnosticCode(
        "heading-order", "inference", "Section headings appear out of the template's order.",
        "section headings are out of the template's order: overview, requests, proactive, …",
    ),
    DiagnosticCode(
        "heading-repeated", "inference",
        "A section heading appears twice; the second one's content joins the first.",
        "heading 五、存在的主要问题及改进情况 appears again",
    ),
    DiagnosticCode(
        "template-inferred", "inference",
        "Table 二's columns do not say which template the report follows; the year decides.",
        "V2021 taken from the year",
    ),
    DiagnosticCode(
        "template-mixed", "inference",
        "Table 三 has the rows of the other template than table 二.",
        "table 三 has the rows of the V2021 template while table 二 follows V2019",
    ),
    DiagnosticCode(
        "block-unknown", "inference",
        "A 第二十条第（N）项 block the template version does not have; its rows become extra rows.",
        "block 第二十条第(九)项 is not in the V2021 template",
    ),
    DiagnosticCode(
        "row-extra", "inference",
        "A table row that matches no template row; kept in extra_rows (table 二) or named here.",
        "table 二 row '政府集中采购' is not in the V2021 template; kept in extra_rows",
    ),
    DiagnosticCode(
        "row-by-position", "inference",
        "A table 三 row whose label does not name a template row (garbled, missing) is bound by "
        "its place among its neighbours.",
        "table 三 row '?。ǘ' taken as '（二）部分公开…' by its place in the table",
    ),
    DiagnosticCode(
        "row-missing", "gap", "A template row of table 三 is absent; its cells are None.",
        "table 三 has no row '2.重复申请'; its 7 cells are None",
    ),
    DiagnosticCode(
        "row-unplaced", "gap",
        "A row's values cannot be put into columns without guessing (too few or too many "
        "cells); the values are named and the fields stay None.",
        "row '一、本年新收政府信息公开申请数量 | 3 | 3': 2 value(s) for 7 columns …",
    ),
    DiagnosticCode(
        "row-joined", "repair",
        "Values printed on lines of their own (PDF text) are joined to the row above them.",
        "values on line of their own joined to the row above (7 of 7)",
    ),
    DiagnosticCode(
        "cells-glued", "repair",
        "A table line has no cell separators (crawler dump, PDF text); its label and digit runs "
        "are read as cells.",
        "line '一、本年新收政府信息公开申请数量12300000123' has no cell separators; read as "
        "1 row(s)",
    ),
    DiagnosticCode(
        "cells-split", "repair",
        "A run of glued digits is cut into cells in the one way the template's arithmetic allows "
        "(row total, table 四 group totals, then the column rules of table 三).",
        "digits '12300000123' split into 7 cells [123, 0, 0, 0, 0, 0, 123]",
    ),
    DiagnosticCode(
        "cells-ambiguous", "gap",
        "A run of glued digits can be cut in several ways that satisfy the arithmetic, or in "
        "none; the candidates are listed and the cells are None.",
        "digits '1245': 3 splits satisfy the arithmetic ([1, 2, 45], [1, 24, 5], [12, 4, 5])",
    ),
    DiagnosticCode(
        "row-outside-tables", "inference",
        "A row of numbers stands outside tables 二/三/四 (in the front matter or a prose "
        "section); it stays in that section's text and its numbers are named here.",
        "row '网站 | 663 | 214' in overview is not part of tables 二/三/四",
    ),
    DiagnosticCode(
        "header-shape", "inference",
        "Table 四's header does not name its 15 columns as the template does (12 labels above "
        "15 values, or labels shredded over several rows): its row of 15 values was read in "
        "the template's order.",
        "table 四's header names 12 of its 15 columns (2 header row(s)); its 15 values were "
        "read in the template's order",
    ),
    DiagnosticCode(
        "table-split", "inference", "Table 四's 15 numbers stand on several rows; read in order.",
        "table 四's 15 numbers stand on 3 rows; read in order",
    ),
    DiagnosticCode(
        "cell-blank", "gap", "A number cell is empty; the field is None, not 0.",
        "requests.new_received.total is blank; taken as None (not 0)",
    ),
    DiagnosticCode(
        "cell-placeholder", "gap",
        "A number cell holds 「/」「-」「—」「无」「不适用」 or text that stands for no number "
        "(「暂无」「–」「*」「〇」); the field is None.",
        "proactive.fees.amount holds '/'; taken as None (not 0)",
    ),
    DiagnosticCode(
        "cell-not-number", "gap", "A number cell holds text; the field is None.",
        "appeals.reconsideration.total holds '见附件', not a number; taken as None",
    ),
    DiagnosticCode(
        "cell-fraction", "gap", "A count cell holds a fraction; the field is None.",
        "requests.carried_over.total holds '1.5', not a whole number; taken as None",
    ),
    DiagnosticCode(
        "cell-inexact", "repair",
        "A number cell was read, but it does not print the plain ASCII digits of its value: a "
        "whole number written with a fraction (「70.0」), a unit on a count (「70件」), or "
        "digits of another script (Arabic-Indic 「٧٠」; full-width 「７０」 are the CJK form of "
        "the digits and are exact).  ``strict=True`` refuses it.",
        "requests.new_received.total holds '70件' (a unit on a count); read as 70",
    ),
    DiagnosticCode(
        "cell-implausible", "gap",
        "A number cell holds a count over 10^12 or an amount over 10^15 万元, beyond any "
        "report (digits run together, damage); the field is None.",
        "requests.new_received.total holds '7777777777777777777777777', beyond any report "
        "(more than 1e+12); taken as None",
    ),
    DiagnosticCode(
        "cell-signed", "inference", "A count cell holds a signed value (「+3」); read as a count.",
        "proactive.rules.issued holds a signed value '+3' in a count column",
    ),
    DiagnosticCode(
        "unit-converted", "repair", "A money cell in 元 was converted to 万元.",
        "proactive.procurement.amount = '251000元' in 元, converted to 25.1 万元",
    ),
    DiagnosticCode(
        "unit-unknown", "gap",
        "A money cell has no unit in the cell or its header (V2019 采购总金额); it is not guessed.",
        "proactive.procurement.amount = '160.5964' has no unit …; taken as None",
    ),
    DiagnosticCode(
        "part-missing", "gap",
        "A part was not found (see Report.missing): a prose section (一, 五, 六) of a report "
        "numbered its own way, or a table when other parts of the template follow its place "
        "(with partial=True, any table).",
        "table 四 (行政复议、行政诉讼) has no row of numbers",
    ),
    DiagnosticCode(
        "corpus-year-duplicate", "corpus",
        "check_corpus: two reports of one organ for one year; the first given is compared "
        "across years, the other is named here and left out of the cross-year rules.",
        "安宁市人民政府 2023: a.txt and b.txt; b.txt left out of the series",
    ),
    DiagnosticCode(
        "corpus-year-missing", "corpus",
        "check_corpus: a report whose year is not known cannot be placed in its organ's series.",
        "c.txt (安宁市人民政府): no year",
    ),
    DiagnosticCode(
        "corpus-organ-missing", "corpus",
        "check_corpus: a report with neither an organ name nor a credit code cannot be "
        "grouped with its organ's other reports.",
        "d.txt: no organ_key and no credit_code",
    ),
)  # fmt: skip

DIAGNOSTIC_CODES: dict[str, DiagnosticCode] = {c.code: c for c in _CODES}

# What each code means, in Chinese (the diagnostics table and the notebook views show it
# beside the English message; a test checks that every code has one).
MEANING_ZH: dict[str, str] = {
    "corpus-year-duplicate": (
        "同一机关同一年度有两份报告；跨年度比对只用先给出的一份，另一份在此列出。"
    ),
    "corpus-year-missing": "报告年度不明，无法排入该机关的年度序列。",
    "corpus-organ-missing": (
        "报告既无机关名称也无统一社会信用代码，无法与同一机关的其他报告归组。"
    ),
    "surrogate-replaced": "文本中有孤立的代理码位（不是任何字符，无法编码），已替换为 U+FFFD。",
    "cell-inexact": (
        "数字单元格已读取，但写法不是其数值的普通数字（如「70.0」「70件」或其他文字的数字）；"
        "严格模式拒绝。"
    ),
    "cell-implausible": (
        "数字单元格的件数超过10^12或金额超过10^15万元，超出任何报告的范围（数字粘连或损坏），"
        "取为空值。"
    ),
    "encoding": "输入不是 UTF-8 编码，已按所示编码解码",
    "mojibake-repaired": "GBK 文本错位解码造成的乱码已修复，无法恢复的字符记为 U+FFFD",
    "mojibake-utf8": "UTF-8 文本被当作 GBK 解码后再保存，已整体还原",
    "escapes-decoded": "文中的 \\xNN 转义序列已解码",
    "invisible-removed": "已删除零宽字符等不可见字符",
    "chrome-dropped": "已去除报告前后的网页导航、分享栏等页面内容",
    "header-shape": "表四表头与模板的列不一致（如表头只有 12 列），15 个数值已按模板顺序读取",
    "span-clamped": "HTML 表格的合并单元格跨度超出表格，已截断",
    "page-furniture-dropped": "已去除 PDF 每页的页眉、页脚和页码",
    "page-row-joined": "被分页截断的表格行已与下一页的部分拼接",
    "cell-lines-joined": "无框线表格中单元格折行的文字已按所在列放回原单元格",
    "doc-converted": "Word 97-2003（.doc）文件已由 LibreOffice 转换为 .docx 后读取",
    "column-spacer": "表格中每一行都为空的网格列（占位列）已删除，各单元格按表头对齐",
    "json-field-ignored": "JSON 输入中有未知字段，已忽略",
    "page-footer": "已去除页脚",
    "line-breaks-inferred": "原文换行与模板不符，已按模板的标题、表头、行标签等位置重新分行",
    "heading-missing": "缺少章节标题，根据其表格推断该章节",
    "heading-form": "章节标题格式不规范，已按模板识别",
    "heading-misnumbered": "章节标题编号有误，已按内容识别",
    "heading-unmarked": "章节标题没有编号，已按文字识别",
    "heading-inexact": "章节标题文字与模板不完全一致，已按近似文字识别",
    "section-extra": "报告自行编号的章节不在模板中，其内容作为所在章节的小节保留",
    "section-merged": "一个标题同时包含两个章节，内容保留在前一章节，后一章节为空",
    "heading-order": "章节顺序与模板不一致",
    "heading-repeated": "章节标题重复出现",
    "template-inferred": "模板版本由表格形状推断",
    "template-mixed": "报告混用了两个版本模板的行或列",
    "block-unknown": "表二中有模板未列的项目块",
    "row-extra": "表中有模板未列的行，原样保留",
    "row-by-position": "行标签无法识别，按位置和形状确定所属行",
    "row-missing": "模板中的行在报告中缺失，其数值为空",
    "row-unplaced": "有一行数字无法确定所属行，未采用",
    "row-joined": "跨行断开的一行已拼接",
    "cells-glued": "粘连在一起的数字已按合计关系拆分",
    "cells-split": "被拆开的单元格已合并",
    "cells-ambiguous": "粘连数字有多种拆分方式，无法确定，数值为空",
    "row-outside-tables": "表格之外的表格行，按内容归入相应表格",
    "table-split": "一个表格被分成几段，已合并",
    "cell-blank": "单元格为空，数值记为空（不是 0）",
    "cell-placeholder": "单元格为占位符（如「/」「无」「暂无」「–」），数值记为空（不是 0）",
    "cell-not-number": "单元格不是数字，数值记为空",
    "cell-fraction": "计数单元格中有小数，数值记为空",
    "cell-signed": "计数列中出现带符号的数值",
    "unit-converted": "金额单位为元，已换算为万元",
    "unit-unknown": "金额没有单位，不作猜测，数值记为空",
    "part-missing": "未找到报告的某一部分（章节，或其后仍有模板内容的表格），已列入 Report.missing",
}

ERROR_CODES: dict[str, str] = {
    "empty": "the input is empty",
    "not-text": "the input is binary or in no encoding a report uses",
    "not-a-report": "no section headings and no tables of the template",
    "syntax": "the text does not have the shape of a report (grammar)",
    "too-large": "far more lines or cells than one report has: refused early",
    "pre-2019": "a report in the layout used before 2019: the template does not apply",
    "truncated": "the text ends inside table 三, or before a table with nothing of the "
    "template after it: the report is cut off",
    "missing-table": "none of tables 二, 三 and 四 was found",
    "missing-section": "section 一, 五 or 六 was not found (named with a missing table only: "
    "a section alone is listed in Report.missing)",
    "no-text-layer": "a PDF without a text layer (a scan): OCR it first",
    "missing-extra": "a PDF or Word file, and the office extra is not installed: "
    "pip install 'govdisclosure[office]'",
    "doc-needs-converter": "a .doc file, and LibreOffice (which converts it) is not installed; "
    "the message gives the command",
    "damaged-file": "a PDF or Word file that cannot be read (cut off, corrupted)",
}
