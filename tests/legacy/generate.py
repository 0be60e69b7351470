#!/usr/bin/env python3
"""Writes the legacy-encoding fixtures of tests/legacy.rs from source.txt (Unicode, our own text).

    python3 tests/legacy/generate.py

- tcvn3.txt: TCVN3 bytes, as a plain-text export of a `.VnTime` document: capitals with toned
  vowels are written as capital ASCII letters with the small legacy letters (the `H` font drew
  them as capitals), which the reader restores from the shape of the line;
- vni.txt: VNI bytes (a vowel byte plus a mark byte; capitals have their own mark bytes);
- mixed.txt: the TCVN3 lines, then the VNI lines, then the UTF-8 lines, in one file;
- tcvn3.rtf: an RTF with a `.VnTimeH` heading, `.VnTime` text, a VNI-Times paragraph, a Unicode
  `\\u` paragraph and a two-column table row.
The encoders below are the inverse of the decoder's tables (src/text/legacy/tables.rs).
"""
import unicodedata
from pathlib import Path

HERE = Path(__file__).parent

TCVN3_SMALL = dict(zip(
    "ăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
    [0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE,
     0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB,
     0xCC, 0xCE, 0xCF, 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE,
     0xDF, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE,
     0xEF, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE]))
TCVN3_CAPITAL = dict(zip("ĂÂÊÔƠƯĐ", range(0xA1, 0xA8)))


def tcvn3(text, capitals_font=False):
    """TCVN3 bytes; a capital toned vowel becomes its small slot (an `H` font draws it)."""
    out = bytearray()
    for c in text:
        if c in TCVN3_CAPITAL and not capitals_font:
            out.append(TCVN3_CAPITAL[c])
        elif c.lower() in TCVN3_SMALL:
            out.append(TCVN3_SMALL[c.lower()])
        elif c.isupper() and capitals_font:
            out += c.lower().encode("ascii")
        else:
            out += c.encode("cp1252")
    return bytes(out)


VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
VNI_CIRC = {None: "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
VNI_BREVE = {None: "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
VNI_WHOLE = {"ơ": "ô", "ư": "ö", "đ": "ñ", "ị": "ò", "ỉ": "æ", "ĩ": "ó"}


def vni(text):
    out = []
    for c in text:
        small = c.lower()
        upper = c != small
        if small in VNI_WHOLE:
            s = VNI_WHOLE[small]
            out.append(s.upper() if upper else s)
            continue
        parts = unicodedata.normalize("NFD", small)
        base, marks = parts[0], parts[1:]
        if not marks or base not in "aeiouy":
            out.append(c)
            continue
        horn = "\u031b" in marks
        tone = next((m for m in marks if m in VNI_TONE), None)
        if horn:
            s = VNI_WHOLE["ơ" if base == "o" else "ư"] + (VNI_TONE[tone] if tone else "")
        elif "\u0302" in marks:
            s = base + VNI_CIRC[tone]
        elif "\u0306" in marks:
            s = base + VNI_BREVE[tone]
        else:
            s = base + VNI_TONE[tone]
        out.append(s.upper() if upper else s)
    return "".join(out).encode("cp1252")


def rtf_bytes(data):
    return "".join(chr(b) if 0x20 <= b < 0x80 and chr(b) not in "\\{}" else f"\\'{b:02x}" for b in data)


def main():
    lines = (HERE / "source.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    (HERE / "tcvn3.txt").write_bytes(b"".join(tcvn3(l) for l in lines))
    (HERE / "vni.txt").write_bytes(b"".join(vni(l) for l in lines))
    third = len(lines) // 3
    mixed = (b"".join(tcvn3(l) for l in lines[:third])
             + b"".join(vni(l) for l in lines[third:2 * third])
             + "".join(lines[2 * third:]).encode("utf-8"))
    (HERE / "mixed.txt").write_bytes(mixed)
    rtf = [
        r"{\rtf1\ansi\ansicpg1252\deff0",
        r"{\fonttbl{\f0\froman\fcharset0 Times New Roman;}{\f1\fnil\fcharset0 .VnTime;}"
        r"{\f2\fnil\fcharset0 .VnTimeH;}{\f3\fnil\fcharset0 VNI-Times;}}",
        r"{\*\generator vanban tests/legacy/generate.py;}",
        r"\trowd\cellx4500\cellx9000\pard\intbl\f2 " + rtf_bytes(tcvn3("ủy ban nhân dân xã bình minh", True))
        + r"\cell " + rtf_bytes(tcvn3("cộng hòa xã hội chủ nghĩa việt nam", True)) + r"\cell\row",
        r"\pard\f1 " + rtf_bytes(tcvn3("Độc lập - Tự do - Hạnh phúc")) + r"\par",
        r"\f3 " + rtf_bytes(vni("Về việc tiếp nhận hồ sơ đăng ký kinh doanh")) + r"\par",
        r"\f0 " + "".join(c if ord(c) < 0x80 else f"\\u{ord(c)}?" for c in "Người dân nộp hồ sơ được hướng dẫn.") + r"\par",
        "}",
    ]
    (HERE / "tcvn3.rtf").write_bytes("\n".join(rtf).encode("ascii"))


if __name__ == "__main__":
    main()
