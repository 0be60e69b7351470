//! `vanban serve` through its HTTP API (issue 17): the binary is started on a free loopback
//! port and spoken to over plain TCP, as a browser or `curl` would. Every format the command line
//! reads, the limits (413 past `--max-size`, 408 on a stalled upload), bad input answered as JSON
//! with the command line's messages, no path from a request reaching the file system, the
//! security headers, and many clients at once getting the same answers as one.

#![cfg(feature = "serve")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

/// A running `vanban serve`, stopped when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(["serve", "--bind", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("vanban serve starts");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("stdout");
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("the address line");
        let start = line.find("http://").expect("an address in the first line") + 7;
        let end = line[start..].find('/').expect("the address ends with /") + start;
        let addr = line[start..end].parse().expect("a socket address");
        Self { child, addr }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer.
#[derive(Debug)]
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body[..self.body.len().min(300)])
            )
        })
    }

    /// The error of an error answer: its kind and message, after checking its shape.
    fn error(&self, status: u16) -> (String, String) {
        assert_eq!(
            self.status,
            status,
            "{}",
            String::from_utf8_lossy(&self.body)
        );
        assert!(
            self.header("content-type")
                .unwrap()
                .starts_with("application/json")
        );
        let v = self.json();
        assert_eq!(v["error"]["status"], status);
        (
            v["error"]["kind"].as_str().unwrap().to_owned(),
            v["error"]["message"].as_str().unwrap().to_owned(),
        )
    }
}

/// One request on a connection of its own (`Connection: close`), the answer read to its end.
fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Answer {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if !headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("content-length"))
    {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    // The server may answer (413) before reading all of a large body, and close.
    let _ = stream.write_all(body);
    read_answer(&mut stream)
}

fn read_answer(stream: &mut TcpStream) -> Answer {
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap();
    let status = status_line.split(' ').nth(1).unwrap().parse().unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    Answer {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

const BOUNDARY: &str = "----vanban-test-boundary-7MA4YWxkTrZu0gW";

/// A multipart form: `(field, file name, bytes)`.
fn multipart(fields: &[(&str, Option<&str>, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, file, bytes) in fields {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match file {
            Some(f) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\n\
                     Content-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

fn post_form(addr: SocketAddr, path: &str, fields: &[(&str, Option<&str>, &[u8])]) -> Answer {
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    request(
        addr,
        "POST",
        path,
        &[("Content-Type", &content_type)],
        &multipart(fields),
    )
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(repo(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const SEED: &str = "corpus/000_9ebb4c68ea5cda49.txt";

/// `(code, line)` of every finding.
fn findings(document: &Value) -> Vec<(String, u64)> {
    document["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_seed_shows_its_findings_at_their_lines_as_the_command_line_does() {
    let server = Server::start(&[]);
    let answer = post_form(
        server.addr,
        "/api/check",
        &[("file", Some("000_9ebb4c68ea5cda49.txt"), &read(SEED))],
    );
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    let v = answer.json();
    assert_eq!(v["file"], "000_9ebb4c68ea5cda49.txt");
    assert_eq!(v["profile"]["auto"], true);
    assert_eq!(v["lang"], "vi");
    let found = findings(&v["document"]);
    for expected in [("HDR001", 3), ("HDR002", 3), ("HDR006", 3), ("HDR011", 5)] {
        assert!(
            found.contains(&(expected.0.to_owned(), expected.1)),
            "{expected:?} in {found:?}"
        );
    }
    let counts = &v["counts"];
    let summary = v["summary"].as_str().unwrap();
    assert!(
        summary.starts_with(&format!(
            "{} lỗi, {} cảnh báo",
            counts["errors"], counts["warnings"]
        )),
        "{summary}"
    );
    // The text the findings point into is the file's, line for line.
    let text = v["text"].as_str().unwrap();
    assert_eq!(text, String::from_utf8(read(SEED)).unwrap());
    assert_eq!(v["document"]["source"]["lines"], text.lines().count());

    // The same findings, messages and profile as `vanban validate --format json`.
    let cli = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["validate", "--format", "json"])
        .arg(repo(SEED))
        .output()
        .unwrap();
    let cli: Value = serde_json::from_slice(&cli.stdout).unwrap();
    let strip = |f: &Value| {
        let mut f = f.clone();
        let o = f.as_object_mut().unwrap();
        o.remove("file");
        o.remove("profile");
        f
    };
    let from_cli: Vec<Value> = cli["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(strip)
        .collect();
    assert_eq!(&Value::Array(from_cli), &v["document"]["findings"]);
    assert_eq!(cli["findings"][0]["profile"], v["profile"]["id"]);
}

#[test]
fn a_raw_body_with_options_in_the_query_and_sarif() {
    let server = Server::start(&[]);
    let seed = read(SEED);
    let en = request(
        server.addr,
        "POST",
        "/api/check?lang=en&name=nam-dan-van.md&profile=nd30-bao-cao",
        &[("Content-Type", "text/plain")],
        &seed,
    );
    assert_eq!(en.status, 200);
    let v = en.json();
    assert_eq!(v["file"], "nam-dan-van.md");
    assert_eq!(v["lang"], "en");
    assert_eq!(
        v["profile"],
        serde_json::json!({"id": "nd30-bao-cao", "title": v["profile"]["title"], "auto": false})
    );
    assert_eq!(
        v["document"]["source"]["format"], "markdown",
        "the name's extension is read"
    );
    let first = &v["document"]["findings"][0];
    assert_eq!(first["code"], "HDR001");
    assert!(
        first["message"]
            .as_str()
            .unwrap()
            .starts_with("The national title"),
        "{first}"
    );
    assert!(v["summary"].as_str().unwrap().contains("errors"));

    let sarif = post_form(
        server.addr,
        "/api/check",
        &[
            ("file", Some("du-thao.txt"), &seed),
            ("format", None, b"sarif"),
        ],
    );
    assert_eq!(sarif.status, 200);
    assert_eq!(sarif.header("content-type"), Some("application/sarif+json"));
    let log = sarif.json();
    assert_eq!(log["version"], "2.1.0");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "HDR011"
        && r["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
        && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "du-thao.txt"));
}

/// A one-page PDF whose text pdftotext reads back: Vietnamese letters that Windows-1252 has
/// (`BÁO CÁO`, `Tình hình`).
fn pdf() -> Vec<u8> {
    vanban_testkit::pdf::text(&["BÁO CÁO", "Tình hình tháng 6", "I. TÌNH HÌNH", "Theo dõi."])
}

#[test]
fn every_format_the_command_line_reads() {
    let server = Server::start(&[]);
    let report = "BÁO CÁO\nKết quả công tác năm 2024\n\nI. KẾT QUẢ\n\nĐã hoàn thành.\n";
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(report.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (cp1258, _, _) = encoding_rs::WINDOWS_1258.encode(report);
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        ("bao-cao.txt", report.as_bytes().to_vec(), "utf-8", "BC"),
        (
            "bao-cao.md",
            format!("# {report}").into_bytes(),
            "utf-8",
            "BC",
        ),
        ("bao-cao-utf16.txt", utf16, "utf-16le", "BC"),
        (
            "bao-cao-1258.txt",
            cp1258.into_owned(),
            "windows-1258",
            "BC",
        ),
        ("tcvn3.txt", read("tests/legacy/tcvn3.txt"), "tcvn3", ""),
        ("tcvn3.rtf", read("tests/legacy/tcvn3.rtf"), "rtf", ""),
        (
            "decision.docx",
            read("tests/docx/decision.docx"),
            "docx",
            "QĐ",
        ),
        ("bao-cao.pdf", pdf(), "pdf", "BC"),
    ];
    for (name, bytes, encoding, code) in cases {
        let answer = post_form(server.addr, "/api/check", &[("file", Some(name), &bytes)]);
        assert_eq!(
            answer.status,
            200,
            "{name}: {}",
            String::from_utf8_lossy(&answer.body)
        );
        let v = answer.json();
        // What was read: the file's format for an office file or a PDF, else its encoding.
        let source = &v["document"]["source"];
        let got = format!(
            "{} {}",
            source["input_format"].as_str().unwrap(),
            source["encoding"].as_str().unwrap()
        );
        assert!(got.contains(encoding), "{name}: read as {got}");
        if !code.is_empty() {
            assert_eq!(v["document"]["title"]["type_code"], code, "{name}");
        }
        assert!(!v["text"].as_str().unwrap().is_empty(), "{name}");
    }
}

#[test]
fn an_upload_over_the_limit_gets_a_clear_413() {
    let server = Server::start(&[]);
    let big = vec![b'a'; 11 * 1024 * 1024];
    let (kind, message) = post_form(
        server.addr,
        "/api/check",
        &[("file", Some("lon.txt"), &big)],
    )
    .error(413);
    assert_eq!(kind, "too_large");
    assert!(
        message.contains("over the limit of 10485760 bytes"),
        "{message}"
    );
    assert!(message.contains("--max-size"), "{message}");
    let (_, message) =
        request(server.addr, "POST", "/api/check?name=lon.txt", &[], &big).error(413);
    assert_eq!(
        message,
        "lon.txt: input of 11534336 bytes is over the limit of 10485760 bytes: check that it is one document, then raise the limit (--max-size)"
    );
    // Declared far over the limit: refused without waiting for the body.
    let (kind, _) = request(
        server.addr,
        "POST",
        "/api/check",
        &[("Content-Length", "1000000000")],
        b"",
    )
    .error(413);
    assert_eq!(kind, "too_large");
    // A long document under the limit is checked, uploaded as the page does.
    let mut long = String::from("BÁO CÁO\nKết quả công tác năm 2024\n\nI. KẾT QUẢ\n");
    while long.len() < 3 << 20 {
        long.push_str("- Các đơn vị đã hoàn thành nhiệm vụ được giao trong năm, đúng tiến độ.\n");
    }
    let v = post_form(
        server.addr,
        "/api/check",
        &[("file", Some("dai.txt"), long.as_bytes())],
    )
    .json();
    assert_eq!(v["document"]["title"]["type_code"], "BC");
    assert_eq!(v["text"].as_str().unwrap().len(), long.len());
    // The server goes on answering.
    assert_eq!(
        post_form(
            server.addr,
            "/api/check",
            &[("text", None, "BÁO CÁO\n".as_bytes())]
        )
        .status,
        200
    );

    let small = Server::start(&["--max-size", "1"]);
    let two_mb = vec![b'a'; 2 * 1024 * 1024];
    let (_, message) = post_form(
        small.addr,
        "/api/check",
        &[("file", Some("a.txt"), &two_mb)],
    )
    .error(413);
    assert!(
        message.contains("over the limit of 1048576 bytes"),
        "{message}"
    );
    let page = request(small.addr, "GET", "/", &[], b"");
    assert!(String::from_utf8_lossy(&page.body).contains("tối đa 1 MB"));
}

#[test]
fn bad_input_is_answered_as_json_with_the_command_lines_messages() {
    let server = Server::start(&[]);
    let addr = server.addr;
    let form = |fields: &[(&str, Option<&str>, &[u8])]| post_form(addr, "/api/check", fields);

    let (kind, message) = form(&[("file", Some("trong.txt"), b"")]).error(422);
    assert_eq!(
        (kind.as_str(), message.as_str()),
        ("empty", "trong.txt: empty file: nothing to parse")
    );
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let (kind, message) = form(&[("file", Some("scan.png"), png)]).error(422);
    assert_eq!(kind, "unreadable");
    assert!(
        message.starts_with("scan.png: PNG image: a scanned page needs OCR first"),
        "{message}"
    );
    let (_, message) = form(&[("file", Some("x.txt"), b"abc\0\0\0def")]).error(422);
    assert!(message.contains("NUL byte"), "{message}");
    let (_, message) = form(&[("file", Some("hong.pdf"), b"%PDF-1.4\nnot really")]).error(422);
    assert!(
        message.starts_with("hong.pdf: PDF file could not be read: it is damaged"),
        "{message}"
    );

    let text: &[u8] = "BÁO CÁO\n".as_bytes();
    let (kind, message) = form(&[("text", None, text), ("profile", None, b"khong-co")]).error(400);
    assert_eq!(kind, "bad_request");
    assert!(
        message.starts_with("unknown profile `khong-co`: not a shipped profile (nd30, "),
        "{message}"
    );
    // A profile is never a file on the server, whatever the request names.
    for path in ["/etc/passwd", "../Cargo.toml", "schemas/profiles/nd30.json"] {
        let (_, message) =
            form(&[("text", None, text), ("profile", None, path.as_bytes())]).error(400);
        assert!(
            message.starts_with(&format!("unknown profile `{path}`")),
            "{message}"
        );
    }
    let (_, message) = form(&[("text", None, text), ("lang", None, b"fr")]).error(400);
    assert_eq!(message, "unknown language `fr` (vi, en)");
    let (_, message) = form(&[("text", None, text), ("format", None, b"xml")]).error(400);
    assert_eq!(message, "unknown format `xml` (json, sarif)");
    let (_, message) = form(&[("profile", None, b"nd30")]).error(400);
    assert!(message.starts_with("no document"), "{message}");
    let (_, message) = form(&[("text", None, text), ("file", Some("a.txt"), text)]).error(400);
    assert!(message.starts_with("send one document"), "{message}");
    let (_, message) = form(&[("text", None, text), ("path", None, b"/etc/passwd")]).error(400);
    assert!(
        message.starts_with("unknown form field `path`"),
        "{message}"
    );
    let (_, message) = request(
        addr,
        "POST",
        "/api/check",
        &[("Content-Type", "multipart/form-data")],
        b"x",
    )
    .error(400);
    assert!(message.starts_with("multipart form"), "{message}");
    let (kind, _) = request(addr, "GET", "/api/check", &[], b"").error(405);
    assert_eq!(kind, "method_not_allowed");
    let (kind, _) = request(addr, "POST", "/api/profiles", &[], b"").error(405);
    assert_eq!(kind, "method_not_allowed");
    let v = form(&[
        ("text", None, "# BÁO CÁO\n".as_bytes()),
        ("name", None, b"ghi-chu.md"),
    ])
    .json();
    assert_eq!(v["file"], "ghi-chu.md");
    assert_eq!(v["document"]["source"]["format"], "markdown");
    // A file name is a name: its directories are dropped, nothing is opened.
    let v = form(&[("file", Some("../../etc/passwd"), text)]).json();
    assert_eq!(v["file"], "passwd");
}

#[test]
fn no_path_from_a_request_reaches_the_file_system() {
    let server = Server::start(&[]);
    for path in [
        "/assets/../Cargo.toml",
        "/assets/%2e%2e%2fCargo.toml",
        "/assets/..%2f..%2fCargo.toml",
        "/assets/fonts/OFL.txt",
        "/web/app.js",
        "/Cargo.toml",
        "/src/main.rs",
        "/corpus/000_9ebb4c68ea5cda49.txt",
    ] {
        let answer = request(server.addr, "GET", path, &[], b"");
        let (kind, _) = answer.error(404);
        assert_eq!(kind, "not_found", "{path}");
    }
}

#[test]
fn the_page_its_assets_and_the_security_headers() {
    let server = Server::start(&[]);
    let page = request(server.addr, "GET", "/", &[], b"");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let csp = page.header("content-security-policy").expect("a CSP");
    assert!(
        csp.contains("default-src 'none'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{csp}"
    );
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(page.header("x-frame-options"), Some("DENY"));
    let html = String::from_utf8(page.body).unwrap();
    assert!(html.contains("<html lang=\"vi\">") && html.contains("tối đa 10 MB"));
    assert!(
        !html.contains("<script>") && !html.contains("style="),
        "no inline script or style"
    );
    for (name, mime) in [
        ("app.js", "text/javascript; charset=utf-8"),
        ("app.css", "text/css; charset=utf-8"),
        ("be-vietnam-pro-vietnamese-400-normal.woff2", "font/woff2"),
        ("OFL.txt", "text/plain; charset=utf-8"),
        ("icon.svg", "image/svg+xml"),
    ] {
        let asset = request(server.addr, "GET", &format!("/assets/{name}"), &[], b"");
        assert_eq!(asset.status, 200, "{name}");
        assert_eq!(asset.header("content-type"), Some(mime), "{name}");
        assert!(asset.header("content-security-policy").is_some(), "{name}");
    }
    let check = post_form(
        server.addr,
        "/api/check",
        &[("text", None, "BÁO CÁO\n".as_bytes())],
    );
    assert_eq!(
        check.header("cache-control"),
        Some("no-store"),
        "answers are not cached"
    );

    let profiles = request(server.addr, "GET", "/api/profiles", &[], b"").json();
    let ids: Vec<&str> = profiles["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    for id in ["nd30", "nd30-bao-cao", "dang", "bao-cao-nam-dan-van-kheo"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    let schema = request(server.addr, "GET", "/api/schema", &[], b"").json();
    assert_eq!(schema, vanban::json_schema());
}

#[test]
fn a_stalled_upload_times_out_with_a_json_answer() {
    let server = Server::start(&["--timeout", "1"]);
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream
        .write_all(b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\nConnection: close\r\n\r\nBAO CAO")
        .unwrap();
    let answer = read_answer(&mut stream);
    let (kind, message) = answer.error(408);
    assert_eq!(kind, "timeout");
    assert!(message.contains("within 1 s"), "{message}");
}

#[test]
fn a_client_that_sends_its_headers_slowly_is_cut_off() {
    let server = Server::start(&["--timeout", "1"]);
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream
        .write_all(b"POST /api/check HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let started = std::time::Instant::now();
    let mut rest = Vec::new();
    let _ = stream.read_to_end(&mut rest);
    let waited = started.elapsed();
    assert!(
        waited < Duration::from_secs(8),
        "the connection stayed open {waited:?}"
    );
    // Other clients are served meanwhile and after.
    let answer = request(server.addr, "GET", "/api/profiles", &[], b"");
    assert_eq!(answer.status, 200);
}

#[test]
fn many_clients_at_once_get_the_same_answers_as_one() {
    let server = Server::start(&["--jobs", "2"]);
    let addr = server.addr;
    let docs: Vec<(String, Vec<u8>)> = std::fs::read_dir(repo("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    let alone: Vec<Value> = docs
        .iter()
        .map(|(name, bytes)| post_form(addr, "/api/check", &[("file", Some(name), bytes)]).json())
        .collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..24)
            .map(|w| {
                let (docs, alone) = (&docs, &alone);
                scope.spawn(move || {
                    for k in 0..docs.len() {
                        let i = (w * 7 + k) % docs.len();
                        let (name, bytes) = &docs[i];
                        let answer = post_form(addr, "/api/check", &[("file", Some(name), bytes)]);
                        assert_eq!(answer.status, 200, "{name}");
                        assert_eq!(answer.json(), alone[i], "{name} checked among others");
                    }
                })
            })
            .collect();
        for w in workers {
            w.join().expect("a client thread");
        }
    });
}
