//! The committed JSON Schema matches the model, and every corpus output validates against it.
//! `UPDATE_SCHEMA=1 cargo test --test schema` rewrites `schemas/document.schema.json`.

mod common;

use std::path::Path;

fn schema_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/document.schema.json")
}

#[test]
fn committed_schema_is_current() {
    let generated =
        serde_json::to_string_pretty(&vanban::json_schema()).expect("schema serializes") + "\n";
    common::assert_generated_is_current(
        "schemas/document.schema.json",
        &generated,
        "UPDATE_SCHEMA",
        "schema",
    );
}

#[test]
fn corpus_outputs_validate_against_the_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path()).expect("schema file"))
            .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    for path in common::corpus_files() {
        let (_, doc) = common::parse_file(&path);
        let json = serde_json::to_value(&doc).expect("document serializes");
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}
