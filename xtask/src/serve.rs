//! `cargo xtask serve`: a small static file server for `dist/site/`.
//!
//! It answers GET and HEAD with the file, `/` and directories with their index.html,
//! and every response carries the security headers that the site is meant to live
//! under (a strict Content-Security-Policy that still lets the page compile wasm), so
//! that the browser tests see the same restrictions as a real deployment.
//!
//! Like a real static host it compresses: a request whose `Accept-Encoding` takes gzip
//! is answered with the file's precompressed `.gz` sibling (written by `cargo xtask
//! build`), `Content-Encoding: gzip` and `Vary: Accept-Encoding`; without a sibling, or
//! with `--no-gzip`, the file goes out as it is. A `.gz` file is only ever sent under
//! its own name when that name is what was asked for.
//!
//! Architecture Invariant: nothing outside the served directory is ever read. Request
//! paths are percent-decoded before they are checked, `..` segments are refused, and
//! the resolved file must still lie inside the directory after symlinks are followed.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use crate::build::{self, Profile};
use crate::Result;

pub const DEFAULT_PORT: u16 = 8000;

/// Sent with every response, errors included.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; \
     base-uri 'none'; form-action 'none'; frame-ancestors *";

/// Requests with a longer head than this are refused (the site needs a few hundred bytes).
const MAX_HEAD: usize = 16 * 1024;
const IO_TIMEOUT: Duration = Duration::from_secs(30);

pub struct Options {
    pub port: u16,
    /// Build the site first (ignored with `dir`, which is served as it is).
    pub build: bool,
    pub profile: Profile,
    /// Serve this directory instead of dist/site/.
    pub dir: Option<PathBuf>,
    /// Log one line per request to stderr.
    pub verbose: bool,
    /// Answer with the precompressed `.gz` sibling when the client accepts gzip.
    pub gzip: bool,
}

/// How the server answers, whatever it serves.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// Log one line per request to stderr.
    pub verbose: bool,
    /// Send a file's `.gz` sibling to clients that accept gzip.
    pub gzip: bool,
}

pub fn run(root: &Path, options: &Options) -> Result {
    let dir = match &options.dir {
        Some(dir) => dir.clone(),
        None if options.build => build::run(root, options.profile)?,
        None => build::site_dir(root),
    };
    if !dir.is_dir() {
        return Err(format!(
            "{} is not a directory; run `cargo xtask build` first",
            dir.display()
        ));
    }
    let listener = TcpListener::bind(("127.0.0.1", options.port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{}: {e}", options.port))?;
    let port = listener
        .local_addr()
        .map_err(|e| format!("cannot read the listening address: {e}"))?
        .port();
    eprintln!(
        "serve: serving {}{} (Ctrl-C stops)",
        dir.display(),
        if options.gzip {
            ", gzip where a .gz sibling exists"
        } else {
            ", uncompressed"
        }
    );
    // Tests start `xtask serve --port 0` and read this exact line to learn the port.
    println!("Serving Netwerkscan on http://127.0.0.1:{port}/");
    io::stdout()
        .flush()
        .map_err(|e| format!("cannot write to stdout: {e}"))?;
    serve(
        &listener,
        &dir,
        Config {
            verbose: options.verbose,
            gzip: options.gzip,
        },
    )
}

/// Answers connections on `listener` from files below `dir`, a thread per connection,
/// until the process ends.
pub fn serve(listener: &TcpListener, dir: &Path, config: Config) -> Result {
    let dir = Arc::new(
        dir.canonicalize()
            .map_err(|e| format!("cannot resolve {}: {e}", dir.display()))?,
    );
    for stream in listener.incoming() {
        match stream {
            Ok(stream) => {
                let dir = Arc::clone(&dir);
                thread::spawn(move || handle(stream, &dir, config));
            }
            Err(e) => eprintln!("serve: cannot accept a connection: {e}"),
        }
    }
    Ok(())
}

fn handle(mut stream: TcpStream, dir: &Path, config: Config) {
    // A client that stalls costs one thread for a while, never the server.
    let _ = stream.set_read_timeout(Some(IO_TIMEOUT));
    let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
    let (request_line, response) = match read_head(&mut stream) {
        Ok(Some(head)) => {
            let line = head.lines().next().unwrap_or_default().to_owned();
            let response = respond(dir, &head, config.gzip);
            (line, response)
        }
        Ok(None) => return,
        Err(status) => (String::new(), Response::error(status)),
    };
    if config.verbose {
        let encoding = if response.gzipped { " (gzip)" } else { "" };
        eprintln!("serve: {request_line} -> {}{encoding}", response.status);
    }
    let _ = response.write_to(&mut stream);
    let _ = stream.flush();
    // Close our side, then drain what the client still sends, so that the kernel does
    // not answer unread input with a reset that could cut the response short.
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
    let _ = io::copy(&mut (&stream).take(64 * 1024), &mut io::sink());
}

/// The request head (request line and headers) as text; `None` when the client closed
/// or stalled before sending anything; an error status when it is too long or cut off.
fn read_head(stream: &mut impl Read) -> std::result::Result<Option<String>, Status> {
    let mut head = Vec::new();
    let mut chunk = [0_u8; 2048];
    loop {
        let n = match stream.read(&mut chunk) {
            Ok(0) | Err(_) if head.is_empty() => return Ok(None),
            Ok(0) | Err(_) => return Err(Status::BadRequest),
            Ok(n) => n,
        };
        head.extend_from_slice(&chunk[..n]);
        if let Some(end) = find(&head, b"\r\n\r\n").or_else(|| find(&head, b"\n\n")) {
            head.truncate(end);
            return Ok(Some(String::from_utf8_lossy(&head).into_owned()));
        }
        if head.len() > MAX_HEAD {
            return Err(Status::HeadTooLarge);
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// The response to one request head: its request line (`GET /pkg/x.wasm HTTP/1.1`)
/// and headers, of which only `Accept-Encoding` matters, and only with `gzip` on.
fn respond(dir: &Path, head: &str, gzip: bool) -> Response {
    let mut lines = head.lines();
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split_whitespace();
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Response::error(Status::BadRequest);
    };
    if !version.starts_with("HTTP/1.") {
        return Response::error(Status::VersionNotSupported);
    }
    let head_only = match method {
        "GET" => false,
        "HEAD" => true,
        _ => return Response::error(Status::MethodNotAllowed),
    };
    let request = match RequestPath::parse(target) {
        Ok(request) => request,
        Err(status) => return Response::error(status),
    };
    let response = match locate(dir, &request) {
        Ok(Found::File(path)) if gzip => {
            let accepted = lines
                .filter_map(|line| line.split_once(':'))
                .filter(|(name, _)| name.trim().eq_ignore_ascii_case("accept-encoding"))
                .any(|(_, value)| accepts_gzip(value));
            match gzip_sibling(dir, &path) {
                Some(compressed) if accepted => Response::gzipped(&path, &compressed),
                Some(_) => Response::file(&path).vary(),
                None => Response::file(&path),
            }
        }
        Ok(Found::File(path)) => Response::file(&path),
        Ok(Found::Directory) => Response::redirect(&request.slash_url()),
        Err(status) => Response::error(status),
    };
    response.head_only(head_only)
}

/// The path of a request target, decoded and checked.
#[derive(Debug, PartialEq, Eq)]
struct RequestPath {
    /// The decoded segments, without empty and `.` ones; never `..`.
    segments: Vec<String>,
    /// The path as sent (still percent-encoded), for redirects.
    raw: String,
    /// The query as sent, including its `?`, or empty.
    query: String,
    trailing_slash: bool,
}

impl RequestPath {
    fn parse(target: &str) -> std::result::Result<Self, Status> {
        let target = target.split('#').next().unwrap_or_default();
        let (raw, query) = match target.find('?') {
            Some(i) => target.split_at(i),
            None => (target, ""),
        };
        if !raw.starts_with('/') {
            return Err(Status::BadRequest);
        }
        let decoded = percent_decode(raw).ok_or(Status::BadRequest)?;
        if decoded.contains(['\0', '\\']) {
            return Err(Status::Forbidden);
        }
        let mut segments = Vec::new();
        for segment in decoded.split('/') {
            match segment {
                "" | "." => {}
                ".." => return Err(Status::Forbidden),
                _ => segments.push(segment.to_owned()),
            }
        }
        Ok(Self {
            segments,
            raw: raw.to_owned(),
            query: query.to_owned(),
            trailing_slash: decoded.ends_with('/'),
        })
    }

    /// The same URL with a `/` after the path, where a directory's relative links work.
    fn slash_url(&self) -> String {
        format!("{}/{}", self.raw, self.query)
    }
}

/// `%XX` escapes decoded; `None` for a bad escape or a result that is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

enum Found {
    File(PathBuf),
    /// A directory asked for without its trailing slash.
    Directory,
}

/// The file that answers `request` below `dir` (which must be canonical).
fn locate(dir: &Path, request: &RequestPath) -> std::result::Result<Found, Status> {
    let mut path = dir.to_path_buf();
    path.extend(&request.segments);
    if path.is_dir() {
        if !request.trailing_slash && !request.segments.is_empty() {
            return Ok(Found::Directory);
        }
        path.push("index.html");
    }
    let real = path.canonicalize().map_err(|_| Status::NotFound)?;
    if !real.starts_with(dir) || !real.is_file() {
        return Err(Status::NotFound);
    }
    Ok(Found::File(real))
}

/// Whether an `Accept-Encoding` value takes gzip: `gzip` (or `x-gzip`) listed with a
/// weight above 0, or not listed while `*` is.
fn accepts_gzip(value: &str) -> bool {
    let mut star = false;
    for part in value.split(',') {
        let mut params = part.split(';');
        let coding = params
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        let weight = params
            .filter_map(|param| param.split_once('='))
            .find(|(name, _)| name.trim().eq_ignore_ascii_case("q"))
            .map_or(Some(1.0), |(_, q)| q.trim().parse::<f64>().ok());
        let wanted = weight.is_some_and(|q| q > 0.0);
        match coding.as_str() {
            "gzip" | "x-gzip" => return wanted,
            "*" => star = wanted,
            _ => {}
        }
    }
    star
}

/// The precompressed `FILE.gz` beside `file` (canonical, inside `dir`), when it is a
/// regular file inside `dir` that is not older than `file`; a stale or missing one
/// means the plain file is sent.
fn gzip_sibling(dir: &Path, file: &Path) -> Option<PathBuf> {
    let mut name = file.file_name()?.to_os_string();
    name.push(".gz");
    let sibling = file.with_file_name(name).canonicalize().ok()?;
    if !sibling.starts_with(dir) || !sibling.is_file() {
        return None;
    }
    let modified = |path: &Path| fs::metadata(path).and_then(|meta| meta.modified()).ok();
    (modified(&sibling)? >= modified(file)?).then_some(sibling)
}

/// The Content-Type for a file, by its extension.
fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" | "md" | "ts" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "gz" => "application/gzip",
        _ => "application/octet-stream",
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Ok,
    MovedPermanently,
    BadRequest,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    HeadTooLarge,
    InternalError,
    VersionNotSupported,
}

impl Status {
    fn code(self) -> u16 {
        match self {
            Self::Ok => 200,
            Self::MovedPermanently => 301,
            Self::BadRequest => 400,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::MethodNotAllowed => 405,
            Self::HeadTooLarge => 431,
            Self::InternalError => 500,
            Self::VersionNotSupported => 505,
        }
    }

    fn reason(self) -> &'static str {
        match self {
            Self::Ok => "OK",
            Self::MovedPermanently => "Moved Permanently",
            Self::BadRequest => "Bad Request",
            Self::Forbidden => "Forbidden",
            Self::NotFound => "Not Found",
            Self::MethodNotAllowed => "Method Not Allowed",
            Self::HeadTooLarge => "Request Header Fields Too Large",
            Self::InternalError => "Internal Server Error",
            Self::VersionNotSupported => "HTTP Version Not Supported",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.code(), self.reason())
    }
}

enum Body {
    Text(String),
    File(File),
}

struct Response {
    status: Status,
    content_type: &'static str,
    length: u64,
    extra: Vec<(&'static str, String)>,
    body: Body,
    send_body: bool,
    /// The body is the `.gz` sibling, sent with `Content-Encoding: gzip`.
    gzipped: bool,
}

impl Response {
    fn file(path: &Path) -> Self {
        Self::file_as(path, path)
    }

    /// The bytes of `body` with the Content-Type of `path`.
    fn file_as(path: &Path, body: &Path) -> Self {
        let opened = File::open(body).and_then(|file| Ok((file.metadata()?.len(), file)));
        match opened {
            Ok((length, file)) => Self {
                status: Status::Ok,
                content_type: content_type(path),
                length,
                extra: Vec::new(),
                body: Body::File(file),
                send_body: true,
                gzipped: false,
            },
            Err(_) => Self::error(Status::InternalError),
        }
    }

    /// `path` as its precompressed sibling `compressed`.
    fn gzipped(path: &Path, compressed: &Path) -> Self {
        let mut response = Self::file_as(path, compressed);
        if response.status == Status::Ok {
            response.extra.push(("Content-Encoding", "gzip".to_owned()));
            response.gzipped = true;
        }
        response.vary()
    }

    /// Tells caches that the body depends on the request's Accept-Encoding.
    fn vary(mut self) -> Self {
        if self.status == Status::Ok {
            self.extra.push(("Vary", "Accept-Encoding".to_owned()));
        }
        self
    }

    fn error(status: Status) -> Self {
        let mut response = Self::text(status, format!("{status}\n"));
        if status == Status::MethodNotAllowed {
            response.extra.push(("Allow", "GET, HEAD".to_owned()));
        }
        response
    }

    fn redirect(location: &str) -> Self {
        let mut response = Self::text(
            Status::MovedPermanently,
            format!("{}\n", Status::MovedPermanently),
        );
        response.extra.push(("Location", location.to_owned()));
        response
    }

    fn text(status: Status, text: String) -> Self {
        Self {
            status,
            content_type: "text/plain; charset=utf-8",
            length: text.len() as u64,
            extra: Vec::new(),
            body: Body::Text(text),
            send_body: true,
            gzipped: false,
        }
    }

    /// A HEAD response keeps the headers (Content-Length included) and drops the body.
    fn head_only(mut self, head_only: bool) -> Self {
        self.send_body = !head_only;
        self
    }

    fn head(&self) -> String {
        let mut head = format!(
            "HTTP/1.1 {}\r\n\
             Content-Type: {}\r\n\
             Content-Length: {}\r\n\
             Cache-Control: no-cache\r\n\
             Content-Security-Policy: {CONTENT_SECURITY_POLICY}\r\n\
             X-Content-Type-Options: nosniff\r\n\
             Referrer-Policy: no-referrer\r\n\
             Access-Control-Allow-Origin: *\r\n\
             Connection: close\r\n",
            self.status, self.content_type, self.length
        );
        for (name, value) in &self.extra {
            for part in [name, ": ", value, "\r\n"] {
                head.push_str(part);
            }
        }
        head.push_str("\r\n");
        head
    }

    fn write_to(self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(self.head().as_bytes())?;
        if self.send_body {
            match self.body {
                Body::Text(text) => out.write_all(text.as_bytes())?,
                Body::File(mut file) => {
                    io::copy(&mut file, out)?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn parse(target: &str) -> std::result::Result<Vec<String>, Status> {
        RequestPath::parse(target).map(|request| request.segments)
    }

    fn owned(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn plain_paths_become_segments() {
        assert_eq!(parse("/"), Ok(owned(&[])));
        assert_eq!(parse("/index.html"), Ok(owned(&["index.html"])));
        assert_eq!(
            parse("/pkg/x_bg.wasm?v=3#top"),
            Ok(owned(&["pkg", "x_bg.wasm"]))
        );
        assert_eq!(parse("//a/./b/"), Ok(owned(&["a", "b"])));
        assert_eq!(parse("/een%20twee.txt"), Ok(owned(&["een twee.txt"])));
        assert_eq!(parse("/caf%C3%A9"), Ok(owned(&["café"])));
    }

    #[test]
    fn traversal_is_refused_however_it_is_spelled() {
        for target in [
            "/../etc/passwd",
            "/a/../../etc/passwd",
            "/..",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/a/..%2f..%2fetc",
            "/.%2e/x",
            "/..%5c..%5cwindows",
            "/a%00.html",
        ] {
            assert_eq!(parse(target), Err(Status::Forbidden), "{target}");
        }
        // Double encoding only ever names a file called `%2e%2e`: not a parent.
        assert_eq!(parse("/%252e%252e/x"), Ok(owned(&["%2e%2e", "x"])));
    }

    #[test]
    fn malformed_targets_are_bad_requests() {
        for target in [
            "",
            "index.html",
            "http://example.org/",
            "/%",
            "/%zz",
            "/%C3",
            "/%ff",
        ] {
            assert_eq!(parse(target), Err(Status::BadRequest), "{target}");
        }
    }

    #[test]
    fn directories_redirect_to_their_slash_form() {
        let request = RequestPath::parse("/docs?lang=nl").expect("valid target");
        assert_eq!(request.slash_url(), "/docs/?lang=nl");
    }

    #[test]
    fn content_types_follow_the_extension() {
        let cases = [
            ("index.html", "text/html; charset=utf-8"),
            ("app.js", "text/javascript; charset=utf-8"),
            ("app.MJS", "text/javascript; charset=utf-8"),
            ("style.css", "text/css; charset=utf-8"),
            ("pkg/netwerkscan_wasm_bg.wasm", "application/wasm"),
            ("instrument.json", "application/json"),
            ("logo.svg", "image/svg+xml"),
            ("logo.png", "image/png"),
            ("favicon.ico", "image/x-icon"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("site.webmanifest", "application/manifest+json"),
            ("netwerkscan_wasm.d.ts", "text/plain; charset=utf-8"),
            ("LICENSE", "application/octet-stream"),
        ];
        for (name, expected) in cases {
            assert_eq!(content_type(Path::new(name)), expected, "{name}");
        }
    }

    /// A scratch site: index.html, pkg/a.wasm, sub/index.html, and a secret beside it.
    struct Site {
        base: PathBuf,
        dir: PathBuf,
    }

    impl Site {
        fn new(name: &str) -> Self {
            let base =
                std::env::temp_dir().join(format!("xtask-serve-{name}-{}", std::process::id()));
            let dir = base.join("site");
            fs::create_dir_all(dir.join("pkg")).expect("create pkg");
            fs::create_dir_all(dir.join("sub")).expect("create sub");
            fs::write(dir.join("index.html"), "<h1>Netwerkscan</h1>").expect("write");
            fs::write(dir.join("sub/index.html"), "sub").expect("write");
            fs::write(dir.join("pkg/a.wasm"), b"\0asm\x01\0\0\0").expect("write");
            fs::write(base.join("secret.txt"), "secret").expect("write");
            let dir = dir.canonicalize().expect("canonical");
            Self { base, dir }
        }

        fn get(&self, request_line: &str) -> (Status, String) {
            self.request(request_line, true)
        }

        /// A request head (request line and headers) to a server with gzip on or off.
        fn request(&self, head: &str, gzip: bool) -> (Status, String) {
            let response = respond(&self.dir, head, gzip);
            let status = response.status;
            let mut out = Vec::new();
            response.write_to(&mut out).expect("write to memory");
            (status, String::from_utf8_lossy(&out).into_owned())
        }
    }

    impl Drop for Site {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.base);
        }
    }

    #[test]
    fn serves_files_indexes_and_errors() {
        let site = Site::new("respond");
        let (status, text) = site.get("GET / HTTP/1.1");
        assert_eq!(status, Status::Ok);
        assert!(text.contains("Content-Type: text/html; charset=utf-8\r\n"));
        assert!(text.ends_with("\r\n\r\n<h1>Netwerkscan</h1>"));

        let (status, text) = site.get("GET /pkg/a.wasm HTTP/1.1");
        assert_eq!(status, Status::Ok);
        assert!(text.contains("Content-Type: application/wasm\r\n"));
        assert!(text.contains("Content-Length: 8\r\n"));

        assert_eq!(site.get("GET /sub/ HTTP/1.1").0, Status::Ok);
        let (status, text) = site.get("GET /sub HTTP/1.1");
        assert_eq!(status, Status::MovedPermanently);
        assert!(text.contains("Location: /sub/\r\n"));

        assert_eq!(site.get("GET /missing.js HTTP/1.1").0, Status::NotFound);
        assert_eq!(site.get("GET /pkg HTTP/1.0").0, Status::MovedPermanently);
        assert_eq!(site.get("GET /../secret.txt HTTP/1.1").0, Status::Forbidden);
        assert_eq!(
            site.get("GET /%2e%2e/secret.txt HTTP/1.1").0,
            Status::Forbidden
        );
        assert_eq!(site.get("POST / HTTP/1.1").0, Status::MethodNotAllowed);
        assert!(site
            .get("DELETE / HTTP/1.1")
            .1
            .contains("Allow: GET, HEAD\r\n"));
        assert_eq!(site.get("GET / HTTP/2").0, Status::VersionNotSupported);
        assert_eq!(site.get("GET /").0, Status::BadRequest);
    }

    #[test]
    fn head_sends_the_headers_only() {
        let site = Site::new("head");
        let (status, text) = site.get("HEAD /index.html HTTP/1.1");
        assert_eq!(status, Status::Ok);
        assert!(text.contains("Content-Length: 20\r\n"));
        assert!(text.ends_with("\r\n\r\n"));
    }

    #[test]
    fn every_response_carries_the_security_headers() {
        let site = Site::new("headers");
        for line in [
            "GET / HTTP/1.1",
            "GET /nope HTTP/1.1",
            "PUT / HTTP/1.1",
            "GET /sub HTTP/1.1",
        ] {
            let (_, text) = site.get(line);
            for header in [
                "Cache-Control: no-cache\r\n",
                "X-Content-Type-Options: nosniff\r\n",
                "Referrer-Policy: no-referrer\r\n",
                // A sandboxed frame has an opaque origin, so its module scripts and the
                // wasm are cross-origin requests: without this the scan cannot load there.
                "Access-Control-Allow-Origin: *\r\n",
                // Course sites frame the scan.
                "Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
                 style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; \
                 base-uri 'none'; form-action 'none'; frame-ancestors *\r\n",
            ] {
                assert!(text.contains(header), "{line}: missing {header}");
            }
        }
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_the_site_are_not_followed() {
        let site = Site::new("symlink");
        std::os::unix::fs::symlink(site.base.join("secret.txt"), site.dir.join("leak.txt"))
            .expect("symlink");
        assert_eq!(site.get("GET /leak.txt HTTP/1.1").0, Status::NotFound);
    }

    #[test]
    fn accept_encoding_is_read_with_its_weights() {
        for value in [
            "gzip",
            "gzip, deflate, br, zstd",
            "br;q=1.0, GZIP;q=0.5",
            " x-gzip ",
            "*",
            "br, *;q=0.1",
            "gzip;q=0.001",
        ] {
            assert!(accepts_gzip(value), "{value}");
        }
        for value in [
            "",
            "identity",
            "br, deflate",
            "gzip;q=0",
            "gzip;q=0.0, *",
            "*;q=0",
            "gzip;q=nonsense",
            "gzipped",
        ] {
            assert!(!accepts_gzip(value), "{value}");
        }
    }

    /// A site with `app.js` and its `.gz` sibling (written after it), `plain.css`
    /// without one.
    fn gzip_site(name: &str) -> Site {
        let site = Site::new(name);
        fs::write(site.dir.join("app.js"), "console.log(1);\n".repeat(20)).expect("write");
        fs::write(site.dir.join("app.js.gz"), b"\x1f\x8bGZ").expect("write");
        fs::write(site.dir.join("index.html.gz"), b"\x1f\x8bINDEX").expect("write");
        fs::write(site.dir.join("plain.css"), "p{}").expect("write");
        site
    }

    const ACCEPTS: &str = "\r\nHost: x\r\nAccept-Encoding: gzip, deflate, br";

    #[test]
    fn gzip_goes_only_to_clients_that_accept_it() {
        let site = gzip_site("gzip");
        let (status, text) = site.request(&format!("GET /app.js HTTP/1.1{ACCEPTS}"), true);
        assert_eq!(status, Status::Ok);
        assert!(text.contains("Content-Type: text/javascript; charset=utf-8\r\n"));
        assert!(text.contains("Content-Encoding: gzip\r\n"), "{text}");
        assert!(text.contains("Vary: Accept-Encoding\r\n"));
        assert!(text.contains("Content-Length: 4\r\n"));
        assert!(text.ends_with("\r\n\r\n\x1f\u{fffd}GZ"), "{text:?}");
        // Every header of a plain response is still there.
        for header in [
            "Cache-Control: no-cache\r\n",
            "X-Content-Type-Options: nosniff\r\n",
            "Referrer-Policy: no-referrer\r\n",
            "Content-Security-Policy: default-src 'self'",
        ] {
            assert!(text.contains(header), "missing {header}");
        }

        // The index of a directory too.
        let (_, text) = site.request(&format!("GET / HTTP/1.1{ACCEPTS}"), true);
        assert!(text.contains("Content-Type: text/html; charset=utf-8\r\n"));
        assert!(text.ends_with("\x1f\u{fffd}INDEX"), "{text:?}");

        // Not accepted: the plain file, still marked as varying.
        for head in [
            "GET /app.js HTTP/1.1\r\nHost: x",
            "GET /app.js HTTP/1.1\r\nAccept-Encoding: br, deflate",
            "GET /app.js HTTP/1.1\r\nAccept-Encoding: gzip;q=0",
        ] {
            let (status, text) = site.request(head, true);
            assert_eq!(status, Status::Ok, "{head}");
            assert!(!text.contains("Content-Encoding"), "{head}: {text}");
            assert!(text.contains("Vary: Accept-Encoding\r\n"), "{head}");
            assert!(text.ends_with("console.log(1);\n"), "{head}");
        }

        // Served with --no-gzip: never compressed, no Vary.
        let (_, text) = site.request(&format!("GET /app.js HTTP/1.1{ACCEPTS}"), false);
        assert!(!text.contains("Content-Encoding") && !text.contains("Vary"));
        assert!(text.contains("Content-Length: 320\r\n"));
    }

    #[test]
    fn head_of_a_gzipped_file_has_its_length_and_no_body() {
        let site = gzip_site("gzip-head");
        let (status, text) = site.request(&format!("HEAD /app.js HTTP/1.1{ACCEPTS}"), true);
        assert_eq!(status, Status::Ok);
        assert!(text.contains("Content-Encoding: gzip\r\n"));
        assert!(text.contains("Content-Length: 4\r\n"));
        assert!(text.ends_with("Vary: Accept-Encoding\r\n\r\n"), "{text:?}");
    }

    #[test]
    fn without_a_fresh_sibling_the_plain_file_is_sent() {
        let site = gzip_site("gzip-missing");
        let (status, text) = site.request(&format!("GET /plain.css HTTP/1.1{ACCEPTS}"), true);
        assert_eq!(status, Status::Ok);
        assert!(!text.contains("Content-Encoding") && !text.contains("Vary"));
        assert!(text.ends_with("\r\n\r\np{}"));

        // A .gz older than its file is stale: the file has changed since it was made.
        let old = std::time::SystemTime::now() - Duration::from_secs(3600);
        File::options()
            .write(true)
            .open(site.dir.join("app.js.gz"))
            .and_then(|file| file.set_modified(old))
            .expect("age the sibling");
        let (_, text) = site.request(&format!("GET /app.js HTTP/1.1{ACCEPTS}"), true);
        assert!(!text.contains("Content-Encoding"), "{text}");
        assert!(text.ends_with("console.log(1);\n"));
    }

    #[test]
    fn gz_files_go_out_under_their_own_name_only_when_asked_for() {
        let site = gzip_site("gzip-literal");
        let (status, text) = site.request(&format!("GET /app.js.gz HTTP/1.1{ACCEPTS}"), true);
        assert_eq!(status, Status::Ok);
        assert!(text.contains("Content-Type: application/gzip\r\n"));
        assert!(!text.contains("Content-Encoding"), "{text}");
        // No sibling of a sibling, and no .gz for a file that does not exist.
        assert_eq!(
            site.request(&format!("GET /app.js.gz.gz HTTP/1.1{ACCEPTS}"), true)
                .0,
            Status::NotFound
        );
        fs::write(site.dir.join("gone.js.gz"), b"\x1f\x8b").expect("write");
        assert_eq!(
            site.request(&format!("GET /gone.js HTTP/1.1{ACCEPTS}"), true)
                .0,
            Status::NotFound
        );
    }

    #[test]
    fn gzip_does_not_open_a_way_out_of_the_site() {
        let site = gzip_site("gzip-escape");
        for target in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/sub/../../secret.txt",
        ] {
            let (status, _) = site.request(&format!("GET {target} HTTP/1.1{ACCEPTS}"), true);
            assert_eq!(status, Status::Forbidden, "{target}");
        }
        #[cfg(unix)]
        {
            // A sibling that links out of the site is never read: the plain file goes out.
            fs::write(site.base.join("outside.gz"), b"secret").expect("write");
            fs::write(site.dir.join("linked.js"), "ok").expect("write");
            std::os::unix::fs::symlink(site.base.join("outside.gz"), site.dir.join("linked.js.gz"))
                .expect("symlink");
            let (status, text) = site.request(&format!("GET /linked.js HTTP/1.1{ACCEPTS}"), true);
            assert_eq!(status, Status::Ok);
            assert!(
                !text.contains("secret") && text.ends_with("\r\n\r\nok"),
                "{text}"
            );
        }
    }

    #[test]
    fn heads_are_read_up_to_the_blank_line() {
        let mut input: &[u8] = b"GET / HTTP/1.1\r\nHost: x\r\n\r\nleftover";
        assert_eq!(
            read_head(&mut input),
            Ok(Some("GET / HTTP/1.1\r\nHost: x".to_owned()))
        );
        let mut empty: &[u8] = b"";
        assert_eq!(read_head(&mut empty), Ok(None));
        let mut cut: &[u8] = b"GET / HTTP/1.1\r\nHost";
        assert_eq!(read_head(&mut cut), Err(Status::BadRequest));
        let huge = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(2 * MAX_HEAD));
        assert_eq!(read_head(&mut huge.as_bytes()), Err(Status::HeadTooLarge));
    }
}
