#!/usr/bin/env python3
"""Writes tests/docx/decision.docx, the DOCX fixture of tests/docx.rs (our own text).

    python3 tests/docx/generate.py

A minimal Word 2007+ package, as Word lays a decision out:
- the header as a borderless two-column table (issuer | national title and motto; number |
  place and date), the motto's font given only by the paragraph style (styles.xml);
- automatic numbering (numbering.xml): `Điều %1.`, then `%2.`, then `%3)` in lower-case letters,
  so the numbers exist only in the numbering definitions;
- a footnote (footnotes.xml) on a legal basis and an endnote (endnotes.xml) on the proposal;
- a clause typed in TCVN3 in a `.VnTime` run (the encoder is tests/legacy/generate.py's);
- a change still tracked in Điều 1 (a deletion and an insertion, `w:del` and `w:ins`) and a
  comment's reference there;
- the recipients and the signature as a second two-column table;
- page headers and a footer (header1.xml, header2.xml, footer1.xml, named by the section's
  `w:sectPr` through word/_rels/document.xml.rels): a form code with the page number as a
  complex field, the same header again for even pages, a draft note and a simple PAGE field.
The archive's entries have a fixed date, so the file is the same on every run.
"""
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "legacy"))
from generate import tcvn3  # noqa: E402

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run(text, font=None, footnote=None, endnote=None):
    props = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    note = f'<w:r><w:footnoteReference w:id="{footnote}"/></w:r>' if footnote else ""
    note += f'<w:r><w:endnoteReference w:id="{endnote}"/></w:r>' if endnote else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>{note}'


def para(*runs, style=None, num=None):
    props = ""
    if style or num:
        numpr = f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else ""
        pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
        props = f"<w:pPr>{pstyle}{numpr}</w:pPr>"
    return f"<w:p>{props}{''.join(runs)}</w:p>"


def table(rows):
    cells = lambda row: "".join(f"<w:tc>{''.join(p for p in cell)}</w:tc>" for cell in row)
    return ("<w:tbl><w:tblPr><w:tblBorders><w:top w:val=\"nil\"/></w:tblBorders></w:tblPr>"
            + "".join(f"<w:tr>{cells(row)}</w:tr>" for row in rows) + "</w:tbl>")


def t(text, **kw):
    return para(run(text), **kw)


BODY = "".join([
    table([
        [[t("ỦY BAN NHÂN DÂN"), t("XÃ BÌNH AN")],
         [t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), t("Độc lập - Tự do - Hạnh phúc", style="Motto")]],
        [[t("Số: 15/QĐ-UBND")], [t("Bình An, ngày 12 tháng 6 năm 2024")]],
    ]),
    t(""),
    t("QUYẾT ĐỊNH"),
    t("Về việc thành lập Tổ công tác chuyển đổi số"),
    t("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÌNH AN"),
    para(run("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", footnote=1), run(";")),
    para(run("Theo đề nghị của Văn phòng Ủy ban nhân dân xã", endnote=1), run(".")),
    t("QUYẾT ĐỊNH:"),
    # A change still tracked: `cấp xã` deleted, `của xã` inserted; and a comment on it (its
    # text would be in comments.xml, which the reader does not need).
    para(run("Thành lập Tổ công tác chuyển đổi số"),
         '<w:r><w:commentReference w:id="0"/></w:r>',
         '<w:del w:id="90" w:author="Văn thư"><w:r><w:delText xml:space="preserve"> cấp xã</w:delText></w:r></w:del>',
         '<w:ins w:id="91" w:author="Văn thư">' + run(" của xã") + '</w:ins>',
         run("."), num=(1, 0)),
    t("Tổ công tác có nhiệm vụ:", num=(1, 0)),
    t("Xây dựng kế hoạch chuyển đổi số hằng năm;", num=(1, 1)),
    t("Theo dõi, đôn đốc các thôn:", num=(1, 1)),
    t("lập danh sách hộ gia đình;", num=(1, 2)),
    t("báo cáo kết quả hằng tháng.", num=(1, 2)),
    para(run(tcvn3("Văn phòng xã theo dõi việc thực hiện.").decode("cp1252"), font=".VnTime"), num=(1, 1)),
    t("Quyết định này có hiệu lực kể từ ngày ký.", num=(1, 0)),
    table([
        [[t("Nơi nhận:"), t("- Như Điều 3;"), t("- Lưu: VT.")],
         [t("TM. ỦY BAN NHÂN DÂN"), t("CHỦ TỊCH"), t("Trần Văn An")]],
    ]),
])

R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

SECTION = ('<w:sectPr><w:headerReference w:type="even" r:id="rId11"/>'
           '<w:headerReference w:type="default" r:id="rId10"/>'
           '<w:footerReference w:type="default" r:id="rId12"/>'
           '<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>')

DOCUMENT = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W} {R}><w:body>{BODY}{SECTION}</w:body></w:document>'

# The form code and "page N" as Word writes a PAGE field: its cached result is one page's number.
PAGE_FIELD = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
              '<w:r><w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
HEADER = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W}>'
          f'<w:p>{run("Mẫu số 01/QĐ")}{run(" - Trang ")}{PAGE_FIELD}</w:p></w:hdr>')
FOOTER = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W}>'
          f'{t("Bản dự thảo lần 2")}<w:p><w:fldSimple w:instr=" PAGE ">{run("1")}</w:fldSimple></w:p></w:ftr>')

RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId10" Type="{RELATIONSHIP}/header" Target="header1.xml"/><Relationship Id="rId11" Type="{RELATIONSHIP}/header" Target="header2.xml"/><Relationship Id="rId12" Type="{RELATIONSHIP}/footer" Target="/word/footer1.xml"/></Relationships>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:styleId="Motto"><w:name w:val="Motto"/><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr></w:style>
</w:styles>"""


def lvl(ilvl, fmt, text):
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:suff w:val="space"/></w:lvl>')


NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}><w:abstractNum w:abstractNumId="0">{lvl(0, "decimal", "Điều %1.")}{lvl(1, "decimal", "%2.")}{lvl(2, "lowerLetter", "%3)")}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"""

FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>{run(" Luật số 77/2015/QH13.")}</w:p></w:footnote></w:footnotes>"""

ENDNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:endnotes {W}><w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>
<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r>{run(" Tờ trình số 8/TTr-VP ngày 10 tháng 6 năm 2024.")}</w:p></w:endnote></w:endnotes>"""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""


def main():
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/document.xml", DOCUMENT),
        ("word/styles.xml", STYLES),
        ("word/numbering.xml", NUMBERING),
        ("word/footnotes.xml", FOOTNOTES),
        ("word/endnotes.xml", ENDNOTES),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/header1.xml", HEADER),
        ("word/header2.xml", HEADER),
        ("word/footer1.xml", FOOTER),
    ]
    with zipfile.ZipFile(HERE / "decision.docx", "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(2024, 6, 12, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    main()
