//! The documents the oracle tests read: `corpus/`, and the folders listed in
//! `VANBAN_ORACLE_DIRS` (`:`-separated), for a run by hand over a larger corpus.

use std::path::PathBuf;

/// (path, text) of every UTF-8 file of the oracle folders.
pub fn texts() -> Vec<(String, String)> {
    let mut dirs = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")];
    if let Ok(more) = std::env::var("VANBAN_ORACLE_DIRS") {
        dirs.extend(more.split(':').map(PathBuf::from));
    }
    let mut texts = Vec::new();
    for dir in dirs {
        for entry in std::fs::read_dir(&dir).expect("an oracle folder") {
            let path = entry.expect("a folder entry").path();
            if let Ok(text) = std::fs::read_to_string(&path) {
                texts.push((path.display().to_string(), text));
            }
        }
    }
    texts
}
