//! The validator through its public API: complete documents without findings, positions and
//! paths, profiles, messages, what issue 3 says the validator must show, snapshots of the human
//! and JSON renderings, and `docs/rules.md` generated from the registry. Each rule on its own,
//! line by line, is in `tests/rules.rs`.
//! `UPDATE_DOCS=1 cargo test --test validate` rewrites `docs/rules.md`.

mod common;

use std::path::Path;

use vanban::output::render::{self, FileReport};
use vanban::validate::{Finding, Lang, Profile, RULES, Severity, Validator};

/// A complete state report that no rule objects to.
const REPORT: &str = "\
UBND TỈNH HẬU GIANG
SỞ Y TẾ
Số: 12/BC-SYT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hậu Giang, ngày 18 tháng 01 năm 2024

BÁO CÁO
Kết quả công tác năm 2023

Thực hiện Kế hoạch số 52/KH-UBND ngày 14/3/2023 của Ủy ban nhân dân tỉnh, Sở Y tế báo cáo như sau:

I. KẾT QUẢ
Đã hoàn thành các chỉ tiêu.

II. NHIỆM VỤ NĂM 2024
Tiếp tục thực hiện.

Trên đây là báo cáo của Sở Y tế./.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT, NVY.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Nguyễn Văn A
";

/// A complete Party report.
const PARTY: &str = "\
ĐẢNG BỘ TỈNH NINH THUẬN
ĐẢNG ỦY SỞ NÔNG NGHIỆP
*
Số 45-BC/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Ninh Thuận, ngày 05 tháng 7 năm 2023

BÁO CÁO
về kết quả lãnh đạo 6 tháng đầu năm 2023

I- TÌNH HÌNH CHUNG
Ổn định.

II- PHƯƠNG HƯỚNG
Tiếp tục.

Nơi nhận:
- Ban Thường vụ Đảng ủy Khối;
- Lưu Văn phòng Đảng ủy.

T/M ĐẢNG ỦY
BÍ THƯ

Phạm Hữu Nghĩa
";

/// A complete công văn.
const CONG_VAN: &str = "\
UBND TỈNH TÂY NINH
SỞ NỘI VỤ
Số: 456/SNV-TCBC
V/v góp ý dự thảo Quyết định
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tây Ninh, ngày 22 tháng 8 năm 2022

Kính gửi: Sở Tư pháp.

Sở Nội vụ đề nghị Sở Tư pháp góp ý dự thảo./.

Nơi nhận:
- Như trên;
- Lưu: VT, TCBC.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Trịnh Thị Mỹ Dung
";

/// A complete decision.
const DECISION: &str = "\
ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 1234/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Trị, ngày 14 tháng 11 năm 2023

QUYẾT ĐỊNH
Về việc phê duyệt danh mục vị trí việc làm

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ

Căn cứ Luật Viên chức ngày 15 tháng 11 năm 2010;
Theo đề nghị của Giám đốc Sở Nội vụ.

QUYẾT ĐỊNH:

Điều 1. Phê duyệt danh mục
Phê duyệt danh mục vị trí việc làm kèm theo Quyết định này.

Điều 2. Hiệu lực thi hành
Quyết định này có hiệu lực kể từ ngày ký./.

Nơi nhận:
- Như Điều 2;
- Lưu: VT, NC.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Hoàng Nam Phương
";

/// A complete tờ trình.
const SUBMISSION: &str = "\
UBND TỈNH BẮC GIANG
SỞ TÀI CHÍNH
Số: 88/TTr-STC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bắc Giang, ngày 12 tháng 4 năm 2021

TỜ TRÌNH
Về việc bổ sung dự toán kinh phí

Kính gửi: Ủy ban nhân dân tỉnh Bắc Giang.

I. SỰ CẦN THIẾT
Kinh phí đã hết.

II. KIẾN NGHỊ
Bổ sung 5 tỷ đồng.

Nơi nhận:
- Như trên;
- Lưu: VT, QLNS.

GIÁM ĐỐC

Đỗ Minh Khang
";

/// The five parts of the “Năm dân vận khéo” report, for its profile.
const DAN_VAN: &str = "\
UBND TỈNH ĐỒNG THÁP
SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
Số: 15/BC-SLĐTBXH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đồng Tháp, ngày 20 tháng 11 năm 2020

BÁO CÁO
thực hiện “Năm dân vận khéo” 2020

I. ĐẶC ĐIỂM TÌNH HÌNH CƠ QUAN, ĐƠN VỊ
Sở là cơ quan chuyên môn.

II. CÔNG TÁC LÃNH, CHỈ ĐẠO ĐẢNG, CHÍNH QUYỀN
Đã ban hành kế hoạch.

III. KẾT QUẢ THỰC HIỆN
Đạt kết quả tốt.

IV. ĐÁNH GIÁ CHUNG
Nhìn chung tốt.

V. PHƯƠNG HƯỚNG, NHIỆM VỤ
Tiếp tục thực hiện.

Nơi nhận:
- Sở Nội vụ;
- Lưu: VT, TC.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Phạm Việt Công
";

fn profile(id: &str) -> Profile {
    Profile::builtin(id)
        .unwrap_or_else(|| panic!("no shipped profile {id}"))
        .clone()
}

fn findings(profile_id: &str, text: &str, lang: Lang) -> Vec<Finding> {
    let doc = vanban::parse(text);
    Validator::new(&profile(profile_id))
        .with_lang(lang)
        .validate(&doc, text)
}

/// `base` with every `(from, to)` replaced; each `from` must occur.
fn edit(base: &str, edits: &[(&str, &str)]) -> String {
    let mut out = base.to_owned();
    for (from, to) in edits {
        assert!(out.contains(from), "the edit {from:?} does not apply");
        out = out.replacen(from, to, 1);
    }
    out
}

#[test]
fn complete_documents_have_no_finding() {
    for (profile_id, text) in [
        ("nd30-bao-cao", REPORT),
        ("dang-bao-cao", PARTY),
        ("nd30-cong-van", CONG_VAN),
        ("nd30-quyet-dinh", DECISION),
        ("nd30-to-trinh", SUBMISSION),
        ("bao-cao-nam-dan-van-kheo", DAN_VAN),
    ] {
        let found = findings(profile_id, text, Lang::En);
        assert!(
            found.is_empty(),
            "{profile_id}: {:#?}",
            found
                .iter()
                .map(|f| (&f.code, f.line, &f.message))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn findings_carry_positions_and_paths() {
    let text = edit(REPORT, &[("Số: 12/BC-SYT", "Số: 12/KH-SYT")]);
    let f = findings("nd30-bao-cao", &text, Lang::En)
        .into_iter()
        .find(|f| f.code == "HDR007")
        .expect("HDR007");
    assert_eq!(
        (f.line, f.column, f.end_line, f.end_column),
        (3, 8, 3, 10),
        "the type code `KH` is underlined"
    );
    assert_eq!(f.path, "/header/reference");
    assert_eq!(f.name, "type-code-mismatch");
    assert_eq!(f.severity, Severity::Error);
    let (s, e) = f.span.expect("an exact span");
    assert_eq!(&text[s..e], "KH");
    let missing = findings(
        "nd30-bao-cao",
        &edit(REPORT, &[("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", "")]),
        Lang::En,
    );
    let f = missing.iter().find(|f| f.code == "HDR001").expect("HDR001");
    assert_eq!(f.span, None, "a missing part has no span, only a place");
    assert_eq!(f.path, "/header/national_title");
}

#[test]
fn profiles_override_and_turn_off_severities() {
    let text = edit(
        SUBMISSION,
        &[("Kính gửi: Ủy ban nhân dân tỉnh Bắc Giang.\n", "")],
    );
    let sev = |id: &str| {
        findings(id, &text, Lang::En)
            .into_iter()
            .find(|f| f.code == "RCP003")
            .map(|f| f.severity)
    };
    assert_eq!(sev("nd30-to-trinh"), Some(Severity::Warning));
    assert_eq!(
        sev("nd30-bao-cao"),
        None,
        "not required by a report profile"
    );
    let strict = Profile::from_json(
        r#"{"id":"s","title":"S","require":["addressees"],"severity":{"RCP003":"error","unfilled-placeholder":"off"}}"#,
    )
    .expect("profile loads");
    let doc = vanban::parse(&text);
    let v = Validator::new(&strict);
    let f = v.validate(&doc, &text);
    assert_eq!(
        f.iter().find(|f| f.code == "RCP003").map(|f| f.severity),
        Some(Severity::Error)
    );
    assert!(!v.is_valid(&doc, &text));
}

#[test]
fn messages_are_vietnamese_with_a_gloss_or_english() {
    let text = edit(REPORT, &[("II. NHIỆM VỤ", "IV. NHIỆM VỤ")]);
    let vi = findings("nd30-bao-cao", &text, Lang::Vi);
    let en = findings("nd30-bao-cao", &text, Lang::En);
    assert_eq!(
        vi[0].message,
        "Đề mục IV đứng ở chỗ của II: thiếu II (numbering gap)"
    );
    assert_eq!(
        en[0].message,
        "Heading IV stands where II was expected: II is missing"
    );
    assert!(vi[0].hint.starts_with("Đánh số lại"), "{}", vi[0].hint);
    assert!(en[0].hint.starts_with("Renumber"), "{}", en[0].hint);
}

#[test]
fn check_fills_the_documents_findings() {
    let text = edit(REPORT, &[("II. NHIỆM VỤ", "IV. NHIỆM VỤ")]);
    let doc = vanban::check(&text, &vanban::Options::default());
    assert!(doc.findings.iter().any(|f| f.code == "BOD001"));
    assert!(
        vanban::parse(&text).findings.is_empty(),
        "parse leaves findings empty"
    );
    let json = serde_json::to_value(&doc).expect("serializes");
    assert_eq!(json["findings"][0]["code"], "BOD001");
}

#[test]
fn the_validator_never_panics_on_odd_input() {
    let odd = [
        "",
        "\n\n\n",
        "...",
        "Số:",
        "ngày 99 tháng 99 năm 99999",
        "I.\nII.\nII.\nI.\nV-\n1)\na)\nĐiều 9.\nĐiều 1.",
        "Nơi nhận:\n",
        "KT.\n",
        "PHỤ LỤC\n\t…\t..\t.",
        "\u{feff}Số: 1/BC-X\r\nHà Nội, ngày 31 tháng 2 năm 2021\r\n",
        "Quyết định số 12/QĐ-UBND ngày 31/02/2021 và Luật số 1/2020/QH14",
    ];
    for text in odd {
        for p in Profile::shipped() {
            let doc = vanban::parse(text);
            let v = Validator::new(p);
            let found = v.validate(&doc, text);
            for f in &found {
                assert!(f.line >= 1 && f.column >= 1, "{text:?}: {f:?}");
            }
            let report = FileReport {
                file: "odd.txt".into(),
                profile: p.id.clone(),
                source: vanban::normalize(text).text.into_owned(),
                findings: found,
            };
            let _ = render::human(&report, Lang::Vi, false);
            let _ = render::sarif(std::slice::from_ref(&report), &[], Lang::En);
        }
        // The wrong text for the document: positions are clamped, not a panic.
        let doc = vanban::parse(REPORT);
        let _ = Validator::new(Profile::builtin("nd30").expect("nd30")).validate(&doc, text);
    }
}

// ---------------------------------------------------------------------------------------------
// What issue 3 says the validator must show.

fn seed_text() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/000_9ebb4c68ea5cda49.txt"),
    )
    .expect("the seed")
}

fn seed_findings(profile_id: &str, text: &str) -> Vec<Finding> {
    let doc = vanban::parse_with(
        text,
        &vanban::Options {
            format: None,
            path: Some("000_9ebb4c68ea5cda49.txt".into()),
            ..vanban::Options::default()
        },
    );
    Validator::new(&profile(profile_id))
        .with_lang(Lang::En)
        .validate(&doc, text)
}

#[test]
fn seed_under_both_report_profiles() {
    let text = seed_text();
    for profile_id in ["bao-cao-nam-dan-van-kheo", "nd30-bao-cao"] {
        let f = seed_findings(profile_id, &text);
        let at = |code: &str| -> Vec<usize> {
            f.iter()
                .filter(|x| x.code == code)
                .map(|x| x.line)
                .collect()
        };
        assert_eq!(at("HDR001"), [3], "{profile_id}: national title");
        assert_eq!(at("HDR002"), [3], "{profile_id}: motto");
        assert_eq!(at("HDR004"), [3], "{profile_id}: issuer");
        assert_eq!(at("HDR006"), [3], "{profile_id}: unnumbered draft");
        assert_eq!(at("HDR011"), [5], "{profile_id}: blank day");
        assert_eq!(
            at("PLH001"),
            [126, 127, 132, 138, 139, 140, 151],
            "{profile_id}: blanks in the appendix tables, by line"
        );
        assert!(
            f.iter()
                .filter(|x| x.code == "PLH001")
                .all(|x| x.path.starts_with("/appendices/0/tables/")),
            "{profile_id}: the blanks belong to the appendix tables"
        );
        let sections: Vec<_> = f
            .iter()
            .filter(|x| x.code.starts_with("BOD") || x.code.starts_with("TTL"))
            .map(|x| (&x.code, x.line, &x.message))
            .collect();
        assert!(
            sections.is_empty(),
            "{profile_id}: no finding about sections I–V: {sections:#?}"
        );
        assert_eq!(
            f.iter().filter(|x| x.severity == Severity::Error).count(),
            3,
            "{profile_id}: the errors are the three missing header parts"
        );
    }
}

#[test]
fn seed_without_section_iv_names_the_missing_section_where_it_was_expected() {
    let text = seed_text();
    let start = text
        .find("#### **IV. ĐÁNH GIÁ CHUNG**")
        .expect("section IV");
    let end = text.find("## V. PHƯƠNG HƯỚNG").expect("section V");
    let cut = format!("{}{}", &text[..start], &text[end..]);
    let v_line = cut[..cut.find("## V. PHƯƠNG HƯỚNG").unwrap_or(0)]
        .matches('\n')
        .count()
        + 1;
    let f = seed_findings("bao-cao-nam-dan-van-kheo", &cut);
    let missing: Vec<_> = f.iter().filter(|x| x.code == "BOD007").collect();
    assert_eq!(missing.len(), 1, "{missing:#?}");
    assert_eq!(missing[0].line, v_line, "expected where V now stands");
    assert_eq!(
        missing[0].message,
        format!(
            "Required section `IV. Đánh giá chung` is missing; expected after `III. KẾT QUẢ THỰC HIỆN`, before line {v_line}"
        )
    );
    let gap: Vec<_> = f.iter().filter(|x| x.code == "BOD001").collect();
    assert_eq!(gap.len(), 1);
    assert_eq!(
        (gap[0].line, gap[0].message.as_str()),
        (
            v_line,
            "Heading V stands where IV was expected: IV is missing"
        )
    );
}

#[test]
fn a_report_numbered_i_ii_iv_reports_the_gap_at_iv() {
    let text = edit(
        REPORT,
        &[(
            "II. NHIỆM VỤ NĂM 2024\nTiếp tục thực hiện.",
            "II. HẠN CHẾ\nCòn chậm.\n\nIV. NHIỆM VỤ NĂM 2024\nTiếp tục thực hiện.",
        )],
    );
    let f = findings("nd30-bao-cao", &text, Lang::En);
    let gaps: Vec<_> = f.iter().filter(|x| x.code == "BOD001").collect();
    assert_eq!(gaps.len(), 1, "{f:#?}");
    assert_eq!(
        (gaps[0].line, gaps[0].column, gaps[0].end_column),
        (19, 1, 3)
    );
    assert_eq!(gaps[0].path, "/sections/2");
    assert!(gaps[0].message.contains("III"), "{}", gaps[0].message);
}

#[test]
fn a_plan_citing_a_later_circular_is_reported() {
    let text = "\
UBND HUYỆN TÂN LẬP
PHÒNG NỘI VỤ
Số: 07/KH-PNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tân Lập, ngày 05 tháng 3 năm 2021

KẾ HOẠCH
Tập huấn công tác văn thư năm 2021

Thực hiện Thông tư số 02/2021/TT-BNV ngày 18/7/2021 của Bộ Nội vụ, Phòng Nội vụ xây dựng kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao kỹ năng.

II. NỘI DUNG
Tập huấn.

III. TỔ CHỨC THỰC HIỆN
Các cơ quan thực hiện.

Nơi nhận:
- UBND huyện;
- Lưu: VT, NV.

TRƯỞNG PHÒNG

Lê Văn B
";
    let doc = vanban::parse(text);
    let profile = Profile::for_document(&doc);
    assert_eq!(profile.id, "nd30-ke-hoach");
    let f = Validator::new(profile)
        .with_lang(Lang::En)
        .validate(&doc, text);
    let late: Vec<_> = f.iter().filter(|x| x.code == "CIT001").collect();
    assert_eq!(late.len(), 1, "{f:#?}");
    assert_eq!(late[0].line, 11);
    assert_eq!(
        late[0].message,
        "Thông tư số 02/2021/TT-BNV of 18/07/2021 is dated after this document (05/03/2021)"
    );
    assert_eq!(f.len(), 1, "nothing else: {f:#?}");
}

#[test]
fn well_formed_corpus_documents_have_no_error() {
    for path in common::corpus_files() {
        let (text, doc) = common::parse_file(&path);
        let v = Validator::new(Profile::for_document(&doc));
        let errors: Vec<_> = v
            .validate(&doc, &text)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| (f.code, f.line, f.message))
            .collect();
        let seed = path.ends_with("000_9ebb4c68ea5cda49.txt");
        if seed {
            assert_eq!(
                errors.len(),
                3,
                "the seed lost its header parts: {errors:#?}"
            );
        } else {
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Renderings.

fn report_of(name: &str, profile_id: &str, text: &str, lang: Lang) -> FileReport {
    FileReport {
        file: name.into(),
        profile: profile_id.into(),
        source: vanban::normalize(text).text.into_owned(),
        findings: findings(profile_id, text, lang),
    }
}

#[test]
fn human_rendering_snapshots() {
    let gap = report_of(
        "bao-cao.txt",
        "nd30-bao-cao",
        &edit(
            REPORT,
            &[
                ("Số: 12/BC-SYT", "Số: 12/KH-SYT"),
                ("II. NHIỆM VỤ", "IV. NHIỆM VỤ"),
            ],
        ),
        Lang::Vi,
    );
    insta::assert_snapshot!("human_vi", render::human(&gap, Lang::Vi, false));
    let en = report_of(
        "bao-cao.txt",
        "nd30-bao-cao",
        &edit(
            REPORT,
            &[
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", ""),
                (
                    "Đã hoàn thành các chỉ tiêu.",
                    "Đã tiêm chủng cho ... trẻ, đạt …% kế hoạch.",
                ),
            ],
        ),
        Lang::En,
    );
    insta::assert_snapshot!("human_en", render::human(&en, Lang::En, false));
    let counts = render::totals(std::slice::from_ref(&gap));
    assert_eq!(
        render::summary(counts, 1, 0, Lang::Vi),
        "2 lỗi, 0 cảnh báo trong 1 tệp"
    );
    assert_eq!(
        render::summary(counts, 1, 0, Lang::En),
        "2 errors, 0 warnings in 1 file"
    );
}

#[test]
fn json_rendering_snapshot() {
    let r = report_of(
        "ke-hoach.txt",
        "nd30-bao-cao",
        &edit(
            REPORT,
            &[
                ("ngày 14/3/2023", "ngày 31/02/2023"),
                ("KT. GIÁM ĐỐC", "K/T GIÁM ĐỐC"),
            ],
        ),
        Lang::En,
    );
    insta::assert_json_snapshot!("json_en", render::json(&[r], &[]));
}

#[test]
fn sarif_has_the_required_fields() {
    let r = report_of(
        "dir with space/bao-cao.txt",
        "nd30-bao-cao",
        &edit(REPORT, &[("II. NHIỆM VỤ", "IV. NHIỆM VỤ")]),
        Lang::En,
    );
    let s = render::sarif(&[r], &[], Lang::En);
    assert_eq!(s["version"], "2.1.0");
    assert!(
        s["$schema"]
            .as_str()
            .is_some_and(|u| u.ends_with("sarif-schema-2.1.0.json"))
    );
    let runs = s["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1, "one run");
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "vanban");
    let rules = driver["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), RULES.len());
    for (i, rule) in rules.iter().enumerate() {
        assert_eq!(rule["id"], RULES[i].code);
        assert!(rule["shortDescription"]["text"].is_string());
        assert!(rule["help"]["text"].is_string());
    }
    let results = runs[0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 1);
    let res = &results[0];
    assert_eq!(res["ruleId"], "BOD001");
    assert_eq!(res["level"], "error");
    assert_eq!(
        rules[res["ruleIndex"].as_u64().unwrap_or(999) as usize]["id"],
        "BOD001"
    );
    let loc = &res["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "dir%20with%20space/bao-cao.txt"
    );
    assert_eq!(loc["region"]["startLine"], 16);
    assert_eq!(loc["region"]["startColumn"], 1);
    assert!(res["message"]["text"].is_string());
}

#[test]
fn github_commands_escape_their_properties() {
    let r = report_of(
        "a,b.txt",
        "nd30-bao-cao",
        &edit(REPORT, &[("II. NHIỆM VỤ", "IV. NHIỆM VỤ")]),
        Lang::En,
    );
    let out = render::github(&[r]);
    assert!(
        out.starts_with("::error file=a%2Cb.txt,line=16,col=1,endLine=16,endColumn=3,title=BOD001 numbering-gap::"),
        "{out}"
    );
}

#[test]
fn rules_doc_is_current() {
    let generated = vanban::validate::registry::markdown();
    common::assert_generated_is_current("docs/rules.md", &generated, "UPDATE_DOCS", "validate");
    for r in RULES {
        assert!(
            !r.example.is_empty() && !r.reference.is_empty(),
            "{} has docs",
            r.code
        );
    }
}
