//! `vanban validate FILE...`: check documents against a profile and report the findings.
//!
//! Every file is read and checked even when another cannot be read; an unreadable file is
//! reported on standard error. Exit codes: 0 no error, 1 errors (or warnings with
//! `--deny warnings`, or a file that could not be read), 2 nothing could be checked (a bad
//! profile, no readable file).

use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use vanban::output::render::{self, Failure, FileReport};
use vanban::validate::{Lang, Profile, Validator};

/// Arguments of `vanban validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Documents to check (`.md`, `.txt`, `.docx`, `.doc`, `.rtf`, `.pdf`), or `-` for standard input.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output: human (source line, underline, hint), json, sarif (SARIF 2.1.0) or github
    /// (workflow commands).
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// A shipped profile (nd30, nd30-bao-cao, nd30-ke-hoach, nd30-to-trinh, nd30-cong-van,
    /// nd30-quyet-dinh, nd30-phieu-trinh, dang, dang-bao-cao, bao-cao-nam-dan-van-kheo) or the
    /// path of a profile
    /// file; chosen from each document's type and family when absent.
    #[arg(long)]
    profile: Option<String>,
    /// Language of messages: vi (Vietnamese with an English gloss) or en.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    lang: LangArg,
    /// Fail (exit 1) on warnings too.
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// Refuse inputs larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = super::DEFAULT_MAX_MB)]
    max_size: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Human,
    Json,
    Sarif,
    Github,
}

/// Language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Vietnamese, with the rule's English summary as a gloss.
    Vi,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Deny {
    /// Treat warnings as errors for the exit code.
    Warnings,
}

/// A shipped profile by id, else a profile file.
pub fn load_profile(name: &str) -> io::Result<Profile> {
    if let Some(p) = Profile::builtin(name) {
        return Ok(p.clone());
    }
    let path = Path::new(name);
    if !path.exists() {
        let ids: Vec<&str> = Profile::shipped().iter().map(|p| p.id.as_str()).collect();
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!(
                "unknown profile `{name}`: neither a shipped profile ({}) nor a file",
                ids.join(", ")
            ),
        ));
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| io::Error::new(e.kind(), format!("{name}: {e}")))?;
    Profile::from_json(&text)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{name}: {e}")))
}

/// Runs `vanban validate`.
pub fn run(args: ValidateArgs) -> io::Result<ExitCode> {
    let lang = Lang::from(args.lang);
    let max_bytes = super::megabytes(args.max_size);
    let forced = args.profile.as_deref().map(load_profile).transpose()?;
    let mut validators: HashMap<String, Validator> = HashMap::new();
    let mut reports = Vec::new();
    let mut failures = Vec::new();
    for file in &args.files {
        let name = file.display().to_string();
        let decoded = match super::read_input(file, max_bytes) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("vanban: {e}");
                failures.push(Failure {
                    file: name,
                    message: e.to_string(),
                });
                continue;
            }
        };
        let options = vanban::Options {
            format: super::format_from_extension(file),
            path: Some(name.clone()),
            encoding: None,
            max_bytes,
            ..vanban::Options::default()
        };
        let doc = vanban::parse_decoded(&decoded, &options);
        let profile = forced
            .clone()
            .unwrap_or_else(|| Profile::for_document(&doc).clone());
        let validator = validators
            .entry(profile.id.clone())
            .or_insert_with(|| Validator::new(&profile).with_lang(lang));
        let findings = validator.validate(&doc, &decoded.text);
        reports.push(FileReport {
            file: name,
            profile: profile.id.clone(),
            source: vanban::normalize(&decoded.text).text.into_owned(),
            findings,
        });
    }
    let counts = render::totals(&reports);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match args.format {
        OutputFormat::Human => {
            let color = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            for r in &reports {
                out.write_all(render::human(r, lang, color).as_bytes())?;
            }
            writeln!(
                out,
                "{}",
                render::summary(counts, reports.len(), failures.len(), lang)
            )?;
        }
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &render::json(&reports, &failures))?;
            writeln!(out)?;
        }
        OutputFormat::Sarif => {
            serde_json::to_writer_pretty(&mut out, &render::sarif(&reports, &failures, lang))?;
            writeln!(out)?;
        }
        OutputFormat::Github => {
            out.write_all(render::github(&reports).as_bytes())?;
            eprintln!(
                "{}",
                render::summary(counts, reports.len(), failures.len(), lang)
            );
        }
    }
    out.flush()?;
    let failed = counts.errors > 0
        || (args.deny == Some(Deny::Warnings) && counts.warnings > 0)
        || !failures.is_empty();
    Ok(if reports.is_empty() {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
