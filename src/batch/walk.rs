//! Which files a batch converts, in which order, and where each one's output goes.
//!
//! Inputs are files and folders. Folders are walked recursively in sorted order (each folder's
//! entries by name), so the files come out sorted by path without ever being collected: the walk
//! streams, whatever the size of the archive. Symbolic links to files are followed, links to
//! folders are not (no cycles).
//!
//! Patterns follow `.gitignore` habits: a pattern without `/` matches a file or folder name at
//! any depth (`*.txt`, `drafts`), a pattern with `/` matches the path relative to the input
//! folder (`2023/*.md`, `json/**`), `*` never crosses a `/` but `**` does, and case is ignored
//! (Windows archives mix `.TXT` and `.txt`). Include patterns (`--glob`) select files inside
//! folders; exclude patterns (`--exclude`) drop files and whole folders. A file named as an input
//! is always taken.
//!
//! The output of a file is `OUT/<input name>/<path inside the input>.json` (`archive/2023/a.txt`
//! → `OUT/archive/2023/a.txt.json`), or `OUT/<file name>.json` for a file named as an input: the
//! tree is mirrored as `cp -r INPUT... OUT` would, and `.json` is appended rather than swapped
//! for the extension so that `a.txt` and `a.md` never share an output.

use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};

use super::{BatchError, Entry, FileError};

/// Include and exclude patterns, compiled.
#[derive(Debug, Clone)]
pub struct Filter {
    include_name: GlobSet,
    include_path: GlobSet,
    exclude_name: GlobSet,
    exclude_path: GlobSet,
    /// `dir` for every exclude pattern `dir/**`: the folder itself is skipped.
    exclude_dir: GlobSet,
}

impl Filter {
    /// Compiles the patterns; an invalid one is an error naming it.
    pub fn new(include: &[String], exclude: &[String]) -> Result<Filter, BatchError> {
        let (include_name, include_path, _) = compile(include)?;
        let (exclude_name, exclude_path, exclude_dir) = compile(exclude)?;
        Ok(Filter {
            include_name,
            include_path,
            exclude_name,
            exclude_path,
            exclude_dir,
        })
    }

    /// True when a file at `rel` (relative to its input folder) is to be converted.
    pub fn wants_file(&self, rel: &Path) -> bool {
        let name = rel.file_name().map(Path::new).unwrap_or(rel);
        let included = self.include_name.is_match(name) || self.include_path.is_match(rel);
        included && !self.exclude_name.is_match(name) && !self.exclude_path.is_match(rel)
    }

    /// True when the folder at `rel` (relative to its input folder) is skipped with all it holds.
    pub fn skips_dir(&self, rel: &Path) -> bool {
        let name = rel.file_name().map(Path::new).unwrap_or(rel);
        self.exclude_name.is_match(name)
            || self.exclude_path.is_match(rel)
            || self.exclude_dir.is_match(rel)
    }

    /// True when `rel` or one of its ancestors is a skipped folder.
    fn skips_dir_or_ancestor(&self, rel: &Path) -> bool {
        rel.ancestors()
            .filter(|a| !a.as_os_str().is_empty())
            .any(|a| self.skips_dir(a))
    }
}

fn compile(patterns: &[String]) -> Result<(GlobSet, GlobSet, GlobSet), BatchError> {
    let mut names = GlobSetBuilder::new();
    let mut paths = GlobSetBuilder::new();
    let mut dirs = GlobSetBuilder::new();
    let glob = |p: &str| -> Result<Glob, BatchError> {
        GlobBuilder::new(p)
            .literal_separator(true)
            .case_insensitive(true)
            .build()
            .map_err(|e| BatchError::Glob {
                pattern: p.to_owned(),
                message: e.kind().to_string(),
            })
    };
    for p in patterns {
        let p = p.strip_prefix("./").unwrap_or(p);
        if p.contains('/') {
            let p = p.trim_start_matches('/');
            paths.add(glob(p)?);
            if let Some(dir) = p.strip_suffix("/**") {
                dirs.add(glob(dir)?);
            }
        } else {
            names.add(glob(p)?);
        }
    }
    let build = |b: GlobSetBuilder| {
        b.build().map_err(|e| BatchError::Glob {
            pattern: patterns.join(" "),
            message: e.to_string(),
        })
    };
    Ok((build(names)?, build(paths)?, build(dirs)?))
}

/// One input as given on the command line.
#[derive(Debug, Clone)]
struct Root {
    /// The path as given.
    path: PathBuf,
    /// Its canonical form, for nesting checks.
    canonical: PathBuf,
    /// First component of its outputs' paths under `--out`.
    name: OsString,
    is_dir: bool,
}

/// The inputs of a batch, checked, and the filter to apply inside folders.
#[derive(Debug, Clone)]
pub struct Plan {
    roots: Vec<Root>,
    filter: Filter,
}

impl Plan {
    /// Checks the inputs and, when outputs go to a folder, that folder.
    ///
    /// Refused (the run cannot proceed): a missing input, an input that is neither a file nor a
    /// folder, two inputs whose outputs would share a name, `out` inside an input folder (unless
    /// an exclude pattern skips it) and an input inside `out`. An input inside another input
    /// folder is dropped: the walk of the outer folder finds it.
    pub fn new(
        inputs: &[PathBuf],
        include: &[String],
        exclude: &[String],
        out: Option<&Path>,
    ) -> Result<Plan, BatchError> {
        let filter = Filter::new(include, exclude)?;
        if inputs.is_empty() {
            return Err(BatchError::Usage(
                "no input: name files or folders to convert".to_owned(),
            ));
        }
        let mut roots = Vec::with_capacity(inputs.len());
        for path in inputs {
            let meta = std::fs::metadata(path).map_err(|e| BatchError::Input {
                path: path.clone(),
                message: e.to_string(),
            })?;
            if !meta.is_dir() && !meta.is_file() {
                return Err(BatchError::Input {
                    path: path.clone(),
                    message: "neither a file nor a folder".to_owned(),
                });
            }
            let canonical = std::fs::canonicalize(path).map_err(|e| BatchError::Input {
                path: path.clone(),
                message: e.to_string(),
            })?;
            let name = canonical
                .file_name()
                .map(|n| n.to_os_string())
                .unwrap_or_else(|| OsString::from("root"));
            roots.push(Root {
                path: path.clone(),
                canonical,
                name,
                is_dir: meta.is_dir(),
            });
        }
        // Sorted by path, so that walking the roots one after the other yields sorted paths.
        roots.sort_by(|a, b| a.path.cmp(&b.path));
        // Drop an input that another input folder holds, and the later of two equal inputs.
        let covered: Vec<bool> = (0..roots.len())
            .map(|i| {
                let r = &roots[i];
                roots.iter().enumerate().any(|(j, o)| {
                    j != i
                        && (o.is_dir && r.canonical.starts_with(&o.canonical)
                            || o.canonical == r.canonical)
                        && (o.canonical != r.canonical || j < i)
                })
            })
            .collect();
        let mut covered = covered.into_iter();
        roots.retain(|_| !covered.next().unwrap_or(false));
        if let Some(out) = out {
            check_out(&roots, &filter, out)?;
            let mut names: Vec<(&OsString, &Path)> =
                roots.iter().map(|r| (&r.name, r.path.as_path())).collect();
            names.sort();
            for pair in names.windows(2) {
                if pair[0].0 == pair[1].0 {
                    return Err(BatchError::NameClash {
                        first: pair[0].1.to_path_buf(),
                        second: pair[1].1.to_path_buf(),
                        name: PathBuf::from(pair[0].0),
                    });
                }
            }
        }
        Ok(Plan { roots, filter })
    }

    /// The files to convert, sorted by path, as a stream.
    pub fn entries(&self) -> impl Iterator<Item = Entry> + Send + '_ {
        self.roots
            .iter()
            .flat_map(move |root| walk_root(root, &self.filter))
    }

    /// Number of files the walk yields (a second walk, for progress bars).
    pub fn count(&self) -> u64 {
        self.entries().filter(|e| e.error.is_none()).count() as u64
    }
}

fn walk_root<'a>(
    root: &'a Root,
    filter: &'a Filter,
) -> Box<dyn Iterator<Item = Entry> + Send + 'a> {
    if !root.is_dir {
        return Box::new(std::iter::once(Entry {
            path: root.path.clone(),
            key: Some(PathBuf::from(&root.name)),
            error: None,
        }));
    }
    let mut walk = walkdir::WalkDir::new(&root.path)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    Box::new(std::iter::from_fn(move || {
        loop {
            let entry = match walk.next()? {
                Ok(entry) => entry,
                Err(e) => {
                    let path = e.path().unwrap_or(&root.path).to_path_buf();
                    let message = match e.io_error() {
                        Some(io) => format!("cannot read: {io}"),
                        None => e.to_string(),
                    };
                    return Some(Entry {
                        key: key_of(root, &path),
                        path,
                        error: Some(FileError::new("io", message)),
                    });
                }
            };
            if entry.depth() == 0 {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(&root.path) else {
                continue;
            };
            let file_type = entry.file_type();
            if file_type.is_dir() {
                if filter.skips_dir(rel) {
                    walk.skip_current_dir();
                }
                continue;
            }
            let is_file = file_type.is_file()
                || file_type.is_symlink()
                    && std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file());
            if !is_file || !filter.wants_file(rel) {
                continue;
            }
            let path = entry.into_path();
            return Some(Entry {
                key: key_of(root, &path),
                path,
                error: None,
            });
        }
    }))
}

/// `<root name>/<path inside the root>`, made of plain names only.
fn key_of(root: &Root, path: &Path) -> Option<PathBuf> {
    let rel = path.strip_prefix(&root.path).ok()?;
    let mut key = PathBuf::from(&root.name);
    for c in rel.components() {
        match c {
            Component::Normal(n) => key.push(n),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(key)
}

/// Refuses an output folder inside an input folder (unless excluded) or around an input.
fn check_out(roots: &[Root], filter: &Filter, out: &Path) -> Result<(), BatchError> {
    let out_abs = resolve(out).map_err(|e| BatchError::Io {
        path: Some(out.to_path_buf()),
        source: e,
    })?;
    for root in roots {
        if root.is_dir {
            if let Ok(rel) = out_abs.strip_prefix(&root.canonical) {
                if rel.as_os_str().is_empty() || !filter.skips_dir_or_ancestor(rel) {
                    return Err(BatchError::OutInsideInput {
                        out: out.to_path_buf(),
                        input: root.path.clone(),
                        rel: rel.to_path_buf(),
                    });
                }
            }
        }
        if root.canonical.starts_with(&out_abs) {
            return Err(BatchError::InputInsideOut {
                input: root.path.clone(),
                out: out.to_path_buf(),
            });
        }
    }
    Ok(())
}

/// The absolute, canonical form of a path that may not exist yet: its longest existing ancestor
/// canonicalized, the rest appended (with `..` resolved by name).
fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    let mut missing = Vec::new();
    let mut existing = abs.as_path();
    loop {
        if let Ok(c) = std::fs::canonicalize(existing) {
            let mut out = c;
            for part in missing.iter().rev() {
                match part {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::Normal(n) => out.push(n),
                    _ => {}
                }
            }
            return Ok(out);
        }
        let Some(parent) = existing.parent() else {
            return Ok(abs);
        };
        if let Some(last) = existing.components().next_back() {
            missing.push(last);
        }
        existing = parent;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(include: &[&str], exclude: &[&str]) -> Filter {
        let s = |v: &[&str]| v.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>();
        Filter::new(&s(include), &s(exclude)).expect("patterns compile")
    }

    #[test]
    fn names_match_at_any_depth_paths_from_the_root() {
        let f = filter(&["*.txt", "*.md"], &["draft-*", "2023/*.md"]);
        assert!(f.wants_file(Path::new("a/b/c.TXT")), "case is ignored");
        assert!(!f.wants_file(Path::new("a/b/c.json")));
        assert!(
            !f.wants_file(Path::new("a/draft-1.txt")),
            "name pattern at depth"
        );
        assert!(!f.wants_file(Path::new("2023/x.md")));
        assert!(f.wants_file(Path::new("2024/x.md")));
        assert!(
            f.wants_file(Path::new("2023/sub/x.md")),
            "* does not cross /"
        );
    }

    #[test]
    fn folders_are_skipped_by_name_path_or_double_star() {
        let f = filter(&["*.txt"], &["json/**", "tmp", "a/old"]);
        assert!(f.skips_dir(Path::new("json")));
        assert!(f.skips_dir(Path::new("x/tmp")));
        assert!(f.skips_dir(Path::new("a/old")));
        assert!(!f.skips_dir(Path::new("b/old")));
        assert!(f.skips_dir_or_ancestor(Path::new("json/deeper")));
    }

    #[test]
    fn a_bad_pattern_is_named() {
        let err = Filter::new(&["[".to_owned()], &[]).expect_err("unclosed class");
        assert!(err.to_string().contains("'['"), "{err}");
    }
}
