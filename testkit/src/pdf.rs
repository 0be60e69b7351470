//! Small PDF files written byte by byte, for the tests that read PDF through poppler: a page of
//! text, a page that is only an image (a scan), and the file around any objects.

/// A PDF file of `objects`, numbered from 1 (the first one the catalog), with its
/// cross-reference table; `trailer` is added to the trailer dictionary (` /Encrypt 6 0 R …`).
pub fn file(objects: &[Vec<u8>], trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for at in offsets {
        out.extend_from_slice(format!("{at:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R{trailer} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A stream object: `dictionary` (without its `/Length`) and `data`.
pub fn stream(dictionary: &str, data: &[u8]) -> Vec<u8> {
    [
        format!("<< {dictionary} /Length {} >>\nstream\n", data.len()).as_bytes(),
        data,
        b"\nendstream",
    ]
    .concat()
}

/// The catalog, the page tree and a page of 595 × 842 points (A4) whose resources are
/// `resources` and whose content is object 4: the first three objects of every PDF here.
pub fn page_objects(resources: &str) -> Vec<Vec<u8>> {
    vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {resources} \
             /Contents 4 0 R >>"
        )
        .into_bytes(),
    ]
}

/// The font of [`text`]: Helvetica in WinAnsi encoding (a byte is its Windows-1252 character).
pub const HELVETICA: &str =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

/// A one-page PDF whose `lines` are drawn in 14-point Helvetica in WinAnsi, 20 points apart, as
/// octal escapes: Vietnamese letters that Windows-1252 has (`BÁO CÁO`, `Tình hình`) come back
/// from `pdftotext` as written.
pub fn text(lines: &[&str]) -> Vec<u8> {
    let shown: Vec<String> = lines
        .iter()
        .map(|line| {
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(line);
            let escaped: String = bytes.iter().map(|&b| format!("\\{b:03o}")).collect();
            format!("({escaped}) Tj")
        })
        .collect();
    let content = format!("BT /F1 14 Tf 72 760 Td {} ET", shown.join(" 0 -20 Td "));
    let mut objects = page_objects("<< /Font << /F1 5 0 R >> >>");
    objects.push(stream("", content.as_bytes()));
    objects.push(HELVETICA.as_bytes().to_vec());
    file(&objects, "")
}

/// A one-page PDF whose lines are each drawn in the Type 1 font named with it (not embedded,
/// WinAnsi encoding), 20 points apart: a line's bytes come out of `pdftotext` as their
/// Windows-1252 characters and `pdftohtml -xml` names its font, as in a PDF printed from a
/// `.VnTime` / `.VnTimeH` document.
pub fn fonted(lines: &[(&str, &[u8])]) -> Vec<u8> {
    let mut fonts: Vec<&str> = Vec::new();
    let mut shown = Vec::new();
    for (font, bytes) in lines {
        let k = match fonts.iter().position(|f| f == font) {
            Some(k) => k,
            None => {
                fonts.push(font);
                fonts.len() - 1
            }
        };
        let escaped: String = bytes.iter().map(|&b| format!("\\{b:03o}")).collect();
        shown.push(format!("/F{} 14 Tf ({escaped}) Tj", k + 1));
    }
    let content = format!("BT 72 760 Td {} ET", shown.join(" 0 -20 Td "));
    // Objects 1–3 the page, 4 its content, 5 on its fonts.
    let resources: String = (0..fonts.len())
        .map(|k| format!("/F{} {} 0 R ", k + 1, k + 5))
        .collect();
    let mut objects = page_objects(&format!("<< /Font << {resources}>> >>"));
    objects.push(stream("", content.as_bytes()));
    for font in fonts {
        objects.push(
            format!(
                "<< /Type /Font /Subtype /Type1 /BaseFont /{font} /Encoding /WinAnsiEncoding >>"
            )
            .into_bytes(),
        );
    }
    file(&objects, "")
}

/// A one-page PDF with no text: only a grey image of `width` × `height` pixels (one byte each,
/// rows from the top) that covers the page, as a scanner makes it.
pub fn image(width: usize, height: usize, pixels: &[u8]) -> Vec<u8> {
    let mut objects = page_objects("<< /XObject << /Im1 5 0 R >> >>");
    objects.push(stream("", b"q 595 0 0 842 0 0 cm /Im1 Do Q"));
    objects.push(stream(
        &format!(
            "/Type /XObject /Subtype /Image /Width {width} /Height {height} \
             /ColorSpace /DeviceGray /BitsPerComponent 8"
        ),
        pixels,
    ));
    file(&objects, "")
}
