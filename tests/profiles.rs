//! Profiles: the committed `schemas/profile.schema.json` matches the Rust type, every shipped
//! profile validates against it, the automatic choice follows type and family, and a malformed
//! profile gets an error naming its field.
//! `UPDATE_SCHEMA=1 cargo test --test profiles` rewrites the schema.

mod common;

use std::path::{Path, PathBuf};

use vanban::validate::Profile;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

#[test]
fn committed_profile_schema_is_current() {
    let generated =
        serde_json::to_string_pretty(&Profile::json_schema()).expect("schema serializes") + "\n";
    common::assert_generated_is_current(
        "schemas/profile.schema.json",
        &generated,
        "UPDATE_SCHEMA",
        "profiles",
    );
}

#[test]
fn shipped_profiles_validate_against_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/profile.schema.json")).expect("schema file"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("schemas/profiles"))
        .expect("profiles folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        Profile::shipped().len(),
        "every file of schemas/profiles/ is embedded"
    );
    for path in files {
        let text = std::fs::read_to_string(&path).expect("profile file");
        let json: serde_json::Value = serde_json::from_str(&text).expect("profile is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        let p = Profile::from_json(&text).expect("profile loads");
        assert_eq!(
            path.file_stem().and_then(|s| s.to_str()),
            Some(p.id.as_str()),
            "a profile file is named after its id"
        );
    }
}

#[test]
fn profiles_are_chosen_by_type_family_and_subject() {
    let chosen = |name: &str| {
        let (_, doc) = common::parse_file(&root().join("corpus").join(name));
        Profile::for_document(&doc).id.clone()
    };
    assert_eq!(
        chosen("000_9ebb4c68ea5cda49.txt"),
        "bao-cao-nam-dan-van-kheo"
    );
    assert_eq!(chosen("bao-cao-plain.txt"), "nd30-bao-cao");
    assert_eq!(chosen("ke-hoach-ubnd-huyen.md"), "nd30-ke-hoach");
    assert_eq!(chosen("to-trinh-so-tai-chinh.md"), "nd30-to-trinh");
    assert_eq!(chosen("cong-van-khan.txt"), "nd30-cong-van");
    assert_eq!(chosen("quyet-dinh-ubnd-tinh.txt"), "nd30-quyet-dinh");
    assert_eq!(chosen("dang-bao-cao-dang-uy.txt"), "dang-bao-cao");
    assert_eq!(chosen("thong-bao-ket-luan.txt"), "nd30");
    assert_eq!(chosen("nghi-quyet-hdnd.txt"), "nd30");
    // An internal slip, not a type of the decree: its own profile asks only for the header.
    let slip = vanban::parse(
        "VĂN PHÒNG UBND TỈNH\nSố:   /PTr-NC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nPHIẾU TRÌNH\nKính gửi: Lãnh đạo UBND tỉnh.\n",
    );
    let profile = Profile::for_document(&slip);
    assert_eq!(profile.id, "nd30-phieu-trinh");
    assert!(!profile.requires(vanban::validate::Part::Recipients));
}

#[test]
fn malformed_profiles_name_the_field() {
    let cases = [
        (
            r#"{"id": "x", "title": "X", "require": ["national_titel"]}"#,
            "require[0]",
        ),
        (
            r#"{"id": "x", "title": "X", "sections": [{"name": "A", "level": -1}]}"#,
            "sections[0].level",
        ),
        (
            r#"{"id": "x", "title": "X", "severity": {"BOD001": "fatal"}}"#,
            "severity.BOD001",
        ),
        (
            r#"{"id": "x", "title": "X", "severity": {"no-such-rule": "off"}}"#,
            "severity.no-such-rule",
        ),
        (r#"{"id": "x"}"#, "."),
    ];
    for (text, path) in cases {
        let e = Profile::from_json(text).expect_err(text);
        assert_eq!(e.path, path, "{text}: {e}");
        assert!(e.to_string().contains("invalid profile"), "{e}");
    }
}
