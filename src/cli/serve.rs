//! `vanban serve`: the checking page for clerks and its JSON API, on 127.0.0.1 by default.
//!
//! Routes:
//! - `GET /`: the page; `GET /assets/{name}`: its CSS, JavaScript and font, all embedded in the
//!   binary from `web/` (nothing is fetched from the internet, nothing read from disk);
//! - `POST /api/check`: one document, as a multipart form (`file` or `text`, and optionally
//!   `profile`, `lang`, `format`) or as the raw request body (options in the query string,
//!   `?name=` for the file name); answers the document's tree with its findings, the normalized
//!   text they point into and the summary line (`format=json`, the default), or the findings as
//!   SARIF 2.1.0 (`format=sarif`);
//! - `GET /api/profiles`: the shipped profiles; `GET /api/schema`: the JSON Schema of the tree.
//!
//! Safe by construction: a document lives in memory for one request and is never written
//! anywhere; the upload is refused past `--max-size` while it is read (413); every request has a
//! deadline (`--timeout`), and a connection that sends its headers slowly is closed; the uploaded
//! file's name is only shown and its extension read, no path from a request reaches the file
//! system (a profile is a shipped one, never a file); every answer carries a
//! Content-Security-Policy that allows no inline script and no other origin, and the page puts
//! document text in the DOM as text only. Errors are JSON, `{"error": {"status", "kind",
//! "message"}}`, with the command line's messages. Memory is bounded: at most `UPLOADS`
//! requests hold a body at once, and `--jobs` documents are checked at once.

use std::io::{self, Write};
use std::net::SocketAddr;
use std::path::Path;
use std::pin::Pin;
use std::process::ExitCode;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, HttpBody};
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Query, Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use clap::Args;
use serde::{Deserialize, Serialize};
use tokio::sync::Semaphore;
use tokio::time::{Instant, timeout_at};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use vanban::output::render::{self, FileReport};
use vanban::validate::{Counts, Lang, Profile, Validator};

/// Arguments of `vanban serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on. The default answers this computer only;
    /// `--bind 0.0.0.0:8030` shares the page with the office network (anyone who reaches the
    /// port can use it).
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8030")]
    bind: SocketAddr,
    /// Refuse uploads larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = 10)]
    max_size: u64,
    /// Seconds a request may take, upload and check included, before it gets an error answer.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    timeout: u64,
    /// Documents checked at once (default: the number of processor cores); other requests wait.
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
}

/// Requests that may hold an uploaded body in memory at once: with the 10 MB default, the
/// uploads and their documents stay within a few hundred megabytes whatever the clients do.
const UPLOADS: usize = 16;
/// Open connections at once; the next one waits in the listen queue.
const CONNECTIONS: usize = 1024;
/// Room for the multipart envelope (boundaries, part headers, the small fields) over the limit
/// on the file itself.
const ENVELOPE: u64 = 64 * 1024;
/// A body declared larger than this many times the limit is refused without being read; a
/// smaller one is read to its end (and thrown away) so that the browser receives the 413
/// answer instead of a reset connection.
const DRAIN_FACTOR: u64 = 8;
/// Time a client has to send a request's headers (or `--timeout`, when shorter).
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Runs `vanban serve` until Ctrl+C.
pub fn run(args: ServeArgs) -> io::Result<ExitCode> {
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    let jobs = args.jobs.unwrap_or(cores).max(1);
    let app = Arc::new(App::new(&args, jobs)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(cores.clamp(1, 4))
        .max_blocking_threads(jobs + 2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.bind)
            .await
            .map_err(|e| {
                io::Error::new(e.kind(), format!("cannot listen on {}: {e}", args.bind))
            })?;
        let addr = listener.local_addr()?;
        let mut out = io::stdout().lock();
        writeln!(
            out,
            "vanban serve: mở http://{addr}/ trong trình duyệt (open it in a browser); \
             Ctrl+C để dừng (to stop)"
        )?;
        if !addr.ip().is_loopback() {
            writeln!(
                out,
                "vanban serve: every computer that reaches {addr} can use this page \
                 (documents are checked in memory and never stored)"
            )?;
        }
        out.flush()?;
        drop(out);
        tokio::select! {
            result = accept(listener, app.timeout.min(HEADER_TIMEOUT), router(app)) => result?,
            _ = tokio::signal::ctrl_c() => {}
        }
        Ok(ExitCode::SUCCESS)
    })
}

/// Accepts connections and serves each on a task of its own, with a header read timeout.
async fn accept(
    listener: tokio::net::TcpListener,
    header_timeout: Duration,
    router: Router,
) -> io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let open = Arc::new(Semaphore::new(CONNECTIONS));
    loop {
        let Ok(permit) = open.clone().acquire_owned().await else {
            return Ok(());
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors or a connection reset before it was accepted: the
            // listener itself is fine, so wait a moment and go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let service = hyper_util::service::TowerToHyperService::new(router.clone());
        tokio::spawn(async move {
            let _permit = permit;
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new())
                .header_read_timeout(header_timeout);
            // A client that goes away mid-request is its own business.
            let _ = http.serve_connection(TokioIo::new(stream), service).await;
        });
    }
}

/// What every request shares: the limits and the answers that never change.
struct App {
    max_bytes: u64,
    timeout: Duration,
    uploads: Semaphore,
    checks: Arc<Semaphore>,
    /// The page, with the upload limit written in.
    page: String,
    profiles: Vec<u8>,
    schema: Vec<u8>,
}

impl App {
    fn new(args: &ServeArgs, jobs: usize) -> io::Result<Self> {
        let json = |e: vanban::json::Error| io::Error::other(e.to_string());
        Ok(Self {
            max_bytes: super::megabytes(args.max_size),
            timeout: Duration::from_secs(args.timeout.max(1)),
            uploads: Semaphore::new(UPLOADS),
            page: include_str!("../../web/index.html")
                .replace("__MAX_MB__", &args.max_size.to_string()),
            checks: Arc::new(Semaphore::new(jobs)),
            profiles: vanban::json::to_vec(&ProfileList {
                profiles: Profile::shipped(),
            })
            .map_err(json)?,
            schema: vanban::json::to_vec(&vanban::json_schema()).map_err(json)?,
        })
    }
}

#[derive(Serialize)]
struct ProfileList<'a> {
    profiles: &'a [Profile],
}

/// The page's routes and the headers every answer carries.
fn router(app: Arc<App>) -> Router {
    let headers: [(HeaderName, &'static str); 6] = [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
        (
            HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ),
    ];
    let mut router = Router::new()
        .route("/", get(page))
        .route("/assets/{name}", get(asset))
        .route("/api/check", post(check))
        .route("/api/profiles", get(profiles))
        .route("/api/schema", get(schema))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(app)
        // The body is bounded by `read_body` (with the JSON 413); the multipart reader's own
        // default of 2 MB would refuse a document under the limit.
        .layer(DefaultBodyLimit::disable())
        .layer(CatchPanicLayer::custom(panicked))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    for (name, value) in headers {
        router = router.layer(SetResponseHeaderLayer::overriding(
            name,
            HeaderValue::from_static(value),
        ));
    }
    router
}

/// The page's scripts, styles and fonts come from this server only; no inline script or
/// style, no frame, no form posting elsewhere. Downloads are made from `blob:` URLs.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; \
                   img-src 'self' data:; connect-src 'self'; base-uri 'none'; \
                   form-action 'none'; frame-ancestors 'none'";

/// The page's files, embedded at build time.
const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_bytes!("../../web/app.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../web/app.js"),
    ),
    (
        "icon.svg",
        "image/svg+xml",
        include_bytes!("../../web/icon.svg"),
    ),
    (
        "be-vietnam-pro-latin-400-normal.woff2",
        "font/woff2",
        include_bytes!("../../web/fonts/be-vietnam-pro-latin-400-normal.woff2"),
    ),
    (
        "be-vietnam-pro-latin-600-normal.woff2",
        "font/woff2",
        include_bytes!("../../web/fonts/be-vietnam-pro-latin-600-normal.woff2"),
    ),
    (
        "be-vietnam-pro-vietnamese-400-normal.woff2",
        "font/woff2",
        include_bytes!("../../web/fonts/be-vietnam-pro-vietnamese-400-normal.woff2"),
    ),
    (
        "be-vietnam-pro-vietnamese-600-normal.woff2",
        "font/woff2",
        include_bytes!("../../web/fonts/be-vietnam-pro-vietnamese-600-normal.woff2"),
    ),
    (
        "OFL.txt",
        "text/plain; charset=utf-8",
        include_bytes!("../../web/fonts/OFL.txt"),
    ),
];

async fn page(State(app): State<Arc<App>>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        app.page.clone(),
    )
        .into_response()
}

async fn asset(axum::extract::Path(name): axum::extract::Path<String>) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, mime, bytes)) => (
            [
                (header::CONTENT_TYPE, *mime),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            *bytes,
        )
            .into_response(),
        None => not_found().await,
    }
}

async fn profiles(State(app): State<Arc<App>>) -> Response {
    json_answer(StatusCode::OK, app.profiles.clone())
}

async fn schema(State(app): State<Arc<App>>) -> Response {
    json_answer(StatusCode::OK, app.schema.clone())
}

async fn not_found() -> Response {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "no such page: the page is at /, the API at /api/check, /api/profiles and /api/schema"
            .to_owned(),
    )
    .into_response()
}

async fn method_not_allowed() -> Response {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "method not allowed: send a document with POST /api/check; the other paths answer GET"
            .to_owned(),
    )
    .into_response()
}

fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        "internal error while checking this document: please report it with the file".to_owned(),
    )
    .into_response()
}

fn json_answer(status: StatusCode, body: Vec<u8>) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

/// An error answer: `{"error": {"status": 413, "kind": "too_large", "message": "…"}}`.
#[derive(Debug)]
struct ApiError {
    status: StatusCode,
    kind: &'static str,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, kind: &'static str, message: String) -> Self {
        Self {
            status,
            kind,
            message,
        }
    }

    fn bad_request(message: String) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    fn too_large(name: &str, size: u64, limit: u64) -> Self {
        let e = vanban::DecodeError::TooLarge { size, limit };
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!("{name}: {e}"),
        )
    }

    fn timeout(seconds: u64) -> Self {
        Self::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            format!(
                "the document was not received within {seconds} s: check the connection and send it again"
            ),
        )
    }

    fn busy(seconds: u64) -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "busy",
            format!(
                "the document could not be checked within {seconds} s (the server is busy or the document very long): try again"
            ),
        )
    }

    fn internal(message: String) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: ErrorFields<'a>,
}

#[derive(Serialize)]
struct ErrorFields<'a> {
    status: u16,
    kind: &'a str,
    message: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorFields {
                status: self.status.as_u16(),
                kind: self.kind,
                message: &self.message,
            },
        };
        json_answer(self.status, vanban::json::to_vec(&body).unwrap_or_default())
    }
}

/// Options of `POST /api/check`, from the query string or the form's fields.
#[derive(Debug, Default, Deserialize)]
struct CheckOptions {
    /// A shipped profile's id; chosen from the document when absent or empty.
    profile: Option<String>,
    /// `vi` (default) or `en`.
    lang: Option<String>,
    /// `json` (default) or `sarif`.
    format: Option<String>,
    /// The file's name, for a raw body: shown, and its extension read (`.md`).
    name: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AnswerFormat {
    Json,
    Sarif,
}

/// What a request asks to check, read and validated before the check starts.
struct Job {
    name: String,
    bytes: Vec<u8>,
    profile: Option<&'static Profile>,
    lang: Lang,
    format: AnswerFormat,
    max_bytes: u64,
}

async fn check(State(app): State<Arc<App>>, req: Request) -> Result<Response, ApiError> {
    let seconds = app.timeout.as_secs();
    let deadline = Instant::now() + app.timeout;
    let Query(mut options) = Query::<CheckOptions>::try_from_uri(req.uri())
        .map_err(|e| ApiError::bad_request(format!("query string: {}", e.body_text())))?;
    let _upload = timeout_at(deadline, app.uploads.acquire())
        .await
        .map_err(|_| ApiError::busy(seconds))?
        .map_err(|e| ApiError::internal(e.to_string()))?;
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let (parts, body) = req.into_parts();
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let limit = if multipart {
        app.max_bytes + ENVELOPE
    } else {
        app.max_bytes
    };
    let upload_name = match &options.name {
        Some(name) => clean_name(name),
        None if multipart => "upload".to_owned(),
        None => "document".to_owned(),
    };
    let bytes = match timeout_at(deadline, read_body(body, limit, declared)).await {
        Err(_) => return Err(ApiError::timeout(seconds)),
        Ok(Err(Read::TooLarge(size))) => {
            return Err(ApiError::too_large(&upload_name, size, app.max_bytes));
        }
        Ok(Err(Read::Broken(e))) => {
            return Err(ApiError::bad_request(format!("the upload broke off: {e}")));
        }
        Ok(Ok(bytes)) => bytes,
    };
    let (name, bytes) = if multipart {
        let req = Request::from_parts(parts, Body::from(bytes));
        timeout_at(deadline, read_form(req, &mut options))
            .await
            .map_err(|_| ApiError::timeout(seconds))??
    } else {
        (upload_name, bytes)
    };
    if bytes.len() as u64 > app.max_bytes {
        return Err(ApiError::too_large(
            &name,
            bytes.len() as u64,
            app.max_bytes,
        ));
    }
    let job = Job {
        profile: shipped_profile(options.profile.as_deref())?,
        lang: match options.lang.as_deref() {
            None | Some("") => Lang::Vi,
            Some(l) => Lang::from_str(l).map_err(ApiError::bad_request)?,
        },
        format: match options.format.as_deref() {
            None | Some("" | "json") => AnswerFormat::Json,
            Some("sarif") => AnswerFormat::Sarif,
            Some(other) => {
                return Err(ApiError::bad_request(format!(
                    "unknown format `{other}` (json, sarif)"
                )));
            }
        },
        name,
        bytes,
        max_bytes: app.max_bytes,
    };
    let permit = timeout_at(deadline, app.checks.clone().acquire_owned())
        .await
        .map_err(|_| ApiError::busy(seconds))?
        .map_err(|e| ApiError::internal(e.to_string()))?;
    // The check is CPU work (and pdftotext a child process): off the async workers, one slot
    // per job, the slot kept until the work ends even when the answer has gone on timeout.
    let work = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        run_check(job)
    });
    match timeout_at(deadline, work).await {
        Err(_) => Err(ApiError::busy(seconds)),
        Ok(Err(e)) => Err(ApiError::internal(format!("the check stopped: {e}"))),
        Ok(Ok(answer)) => answer,
    }
}

/// Why a body could not be read.
enum Read {
    /// Over the limit: the size declared or read so far.
    TooLarge(u64),
    /// The connection broke.
    Broken(axum::Error),
}

/// Reads a request body of at most `limit` bytes. A larger one is refused: at once when its
/// declared size is far over the limit, else after reading (and dropping) the rest, so that
/// the client is not cut off while it still sends and receives the answer.
async fn read_body(mut body: Body, limit: u64, declared: Option<u64>) -> Result<Vec<u8>, Read> {
    if let Some(size) = declared.filter(|&s| s > limit) {
        if size > limit.saturating_mul(DRAIN_FACTOR) {
            return Err(Read::TooLarge(size));
        }
    }
    let capacity = declared.unwrap_or(0).min(limit);
    let mut out = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    let mut seen: u64 = 0;
    while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let Ok(data) = frame.map_err(Read::Broken)?.into_data() else {
            continue;
        };
        seen += data.len() as u64;
        if seen > limit.saturating_mul(DRAIN_FACTOR) {
            break;
        }
        if seen <= limit {
            out.extend_from_slice(&data);
        } else if !out.is_empty() {
            out = Vec::new();
        }
    }
    if seen > limit {
        return Err(Read::TooLarge(declared.unwrap_or(seen).max(seen)));
    }
    Ok(out)
}

/// Reads the multipart form: the document from `file` (its name from the part) or `text`, the
/// options from the other fields (they override the query string).
async fn read_form(
    req: Request,
    options: &mut CheckOptions,
) -> Result<(String, Vec<u8>), ApiError> {
    let mut form = Multipart::from_request(req, &())
        .await
        .map_err(|e| ApiError::bad_request(format!("multipart form: {}", e.body_text())))?;
    let mut document: Option<(String, Vec<u8>)> = None;
    loop {
        let field = form
            .next_field()
            .await
            .map_err(|e| ApiError::bad_request(format!("multipart form: {}", e.body_text())))?;
        let Some(field) = field else { break };
        let field_name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().map(clean_name);
        let data = field
            .bytes()
            .await
            .map_err(|e| ApiError::bad_request(format!("multipart form: {}", e.body_text())))?;
        let text = || String::from_utf8_lossy(&data).trim().to_owned();
        match field_name.as_str() {
            "file" | "text" => {
                if document.is_some() {
                    return Err(ApiError::bad_request(
                        "send one document: a `file` or a `text` field, not both".to_owned(),
                    ));
                }
                let name = file_name.unwrap_or_else(|| {
                    if field_name == "text" {
                        "pasted.txt".to_owned()
                    } else {
                        "document".to_owned()
                    }
                });
                document = Some((name, data.to_vec()));
            }
            "profile" => options.profile = Some(text()),
            "lang" => options.lang = Some(text()),
            "format" => options.format = Some(text()),
            "name" => options.name = Some(text()),
            other => {
                return Err(ApiError::bad_request(format!(
                    "unknown form field `{other}` (file, text, name, profile, lang, format)"
                )));
            }
        }
    }
    // `name` names pasted text (`notes.md` reads as Markdown) or renames the file.
    if let (Some((doc_name, _)), Some(name)) = (document.as_mut(), options.name.as_deref()) {
        *doc_name = clean_name(name);
    }
    document.ok_or_else(|| {
        ApiError::bad_request(
            "no document: send a file in the form field `file`, or text in the field `text`"
                .to_owned(),
        )
    })
}

/// A file name from a request, for display and its extension only: the last component of any
/// path, control characters dropped, at most 200 characters.
fn clean_name(name: impl AsRef<str>) -> String {
    let last = name.as_ref().rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last.chars().filter(|c| !c.is_control()).take(200).collect();
    if clean.trim().is_empty() {
        "document".to_owned()
    } else {
        clean
    }
}

/// A shipped profile by id (`None` for the automatic choice). Unlike the command line, never a
/// file: a request does not name paths on the server.
fn shipped_profile(id: Option<&str>) -> Result<Option<&'static Profile>, ApiError> {
    match id.map(str::trim) {
        None | Some("" | "auto") => Ok(None),
        Some(id) => Profile::builtin(id).map(Some).ok_or_else(|| {
            let ids: Vec<&str> = Profile::shipped().iter().map(|p| p.id.as_str()).collect();
            ApiError::bad_request(format!(
                "unknown profile `{id}`: not a shipped profile ({})",
                ids.join(", ")
            ))
        }),
    }
}

/// The answer of `format=json`: what the page shows, then the document's tree.
#[derive(Serialize)]
struct Answer<'a> {
    file: &'a str,
    profile: ProfileRef<'a>,
    lang: String,
    summary: String,
    counts: Counts,
    /// The normalized text: findings' lines, columns and spans point into it.
    text: &'a str,
}

#[derive(Serialize)]
struct ProfileRef<'a> {
    id: &'a str,
    title: &'a str,
    /// True when chosen from the document's type and family.
    auto: bool,
}

/// Decodes, parses and validates one document, as `vanban parse` and `vanban validate` do.
fn run_check(job: Job) -> Result<Response, ApiError> {
    let Job {
        name,
        bytes,
        profile,
        lang,
        format,
        max_bytes,
    } = job;
    let unreadable = |e: io::Error| {
        let kind = if e.kind() == io::ErrorKind::NotFound {
            "tool_missing"
        } else {
            "unreadable"
        };
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, kind, e.to_string())
    };
    if bytes.is_empty() {
        let e = vanban::DecodeError::Empty;
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "empty",
            format!("{name}: {e}"),
        ));
    }
    let decoded = super::decode_input(&name, &bytes, max_bytes).map_err(unreadable)?;
    drop(bytes);
    let options = vanban::Options {
        // The name's extension only (`.md`): `Path` here is string handling, no file is opened.
        format: super::format_from_extension(Path::new(&name)),
        path: Some(name.clone()),
        encoding: None,
        max_bytes,
        ..vanban::Options::default()
    };
    let mut doc = vanban::parse_decoded(&decoded, &options);
    let auto = profile.is_none();
    let profile = profile.unwrap_or_else(|| Profile::for_document(&doc));
    doc.findings = Validator::new(profile)
        .with_lang(lang)
        .validate(&doc, &decoded.text);
    let text = vanban::normalize(&decoded.text).text;
    let counts = Counts::of(&doc.findings);
    let failed = |e: vanban::json::Error| ApiError::internal(format!("{name}: {e}"));
    match format {
        AnswerFormat::Json => {
            let answer = Answer {
                file: &name,
                profile: ProfileRef {
                    id: &profile.id,
                    title: &profile.title,
                    auto,
                },
                lang: lang.to_string(),
                summary: render::summary(counts, 1, 0, lang),
                counts,
                text: &text,
            };
            // `{…answer…, "document": {…}}`: the tree is written by the fast JSON writer
            // straight after the answer's fields.
            let mut out = vanban::json::to_vec(&answer).map_err(failed)?;
            out.pop();
            out.extend_from_slice(b",\"document\":");
            out.extend_from_slice(&vanban::json::document(&doc, false).map_err(failed)?);
            out.push(b'}');
            Ok(json_answer(StatusCode::OK, out))
        }
        AnswerFormat::Sarif => {
            let report = FileReport {
                file: name.clone(),
                profile: profile.id.clone(),
                source: text.into_owned(),
                findings: doc.findings,
            };
            let sarif = render::sarif(&[report], &[], lang);
            let out = vanban::json::to_vec_pretty(&sarif).map_err(failed)?;
            let mut answer = json_answer(StatusCode::OK, out);
            answer.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/sarif+json"),
            );
            Ok(answer)
        }
    }
}
