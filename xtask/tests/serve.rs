//! `xtask serve` as the browser tests use it: started with `--port 0`, it announces its
//! address on one stdout line, and then answers over TCP.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

/// Kills the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn scratch_site(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xtask-serve-it-{name}-{}", std::process::id()));
    fs::create_dir_all(dir.join("pkg")).expect("create the scratch site");
    fs::write(
        dir.join("index.html"),
        "<!doctype html><title>Netwerkscan</title>",
    )
    .expect("write index.html");
    fs::write(dir.join("pkg/netwerkscan_wasm_bg.wasm"), b"\0asm\x01\0\0\0").expect("write wasm");
    dir
}

fn fetch(port: u16, request: &str) -> String {
    String::from_utf8_lossy(&fetch_bytes(port, request)).into_owned()
}

fn fetch_bytes(port: u16, request: &str) -> Vec<u8> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to the server");
    stream
        .write_all(request.as_bytes())
        .expect("send the request");
    let mut response = Vec::new();
    stream
        .read_to_end(&mut response)
        .expect("read the response");
    response
}

/// Starts `xtask serve --no-build --port 0 --dir site` with `extra` arguments and
/// returns it with the port it announced.
fn start(site: &PathBuf, extra: &[&str]) -> (Server, u16) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["serve", "--no-build", "--port", "0", "--dir"])
        .arg(site)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start xtask serve");
    let stdout = child.stdout.take().expect("piped stdout");
    let server = Server(child);

    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("read the announcement");
    let port: u16 = line
        .trim_end()
        .strip_prefix("Serving Netwerkscan on http://127.0.0.1:")
        .and_then(|rest| rest.strip_suffix('/'))
        .and_then(|port| port.parse().ok())
        .unwrap_or_else(|| panic!("unexpected announcement: {line:?}"));
    assert_ne!(port, 0);
    (server, port)
}

#[test]
fn serves_a_directory_on_a_free_port() {
    let site = scratch_site("plain");
    let (server, port) = start(&site, &[]);

    let page = fetch(port, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assert!(page.starts_with("HTTP/1.1 200 OK\r\n"), "{page}");
    assert!(page.contains("Content-Type: text/html; charset=utf-8\r\n"));
    assert!(page.contains("script-src 'self' 'wasm-unsafe-eval'"));
    assert!(page.ends_with("<title>Netwerkscan</title>"));

    let wasm = fetch(
        port,
        "GET /pkg/netwerkscan_wasm_bg.wasm HTTP/1.1\r\nHost: localhost\r\n\r\n",
    );
    assert!(
        wasm.contains("Content-Type: application/wasm\r\n"),
        "{wasm}"
    );
    assert!(wasm.contains("Content-Length: 8\r\n"));

    let missing = fetch(port, "GET /nope.js HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assert!(
        missing.starts_with("HTTP/1.1 404 Not Found\r\n"),
        "{missing}"
    );
    let escape = fetch(port, "GET /%2e%2e/ HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assert!(escape.starts_with("HTTP/1.1 403 Forbidden\r\n"), "{escape}");

    drop(server);
    fs::remove_dir_all(&site).expect("clean up the scratch site");
}

#[test]
fn sends_the_gz_sibling_to_clients_that_accept_gzip() {
    let site = scratch_site("gzip");
    let script = "export const a = 1;\n".repeat(100);
    fs::write(site.join("app.js"), &script).expect("write app.js");
    let status = Command::new("gzip")
        .args(["-9", "-k", "-n", "-f"])
        .arg(site.join("app.js"))
        .status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("no gzip on this machine: skipped");
        fs::remove_dir_all(&site).expect("clean up the scratch site");
        return;
    }
    let compressed = fs::read(site.join("app.js.gz")).expect("read app.js.gz");
    let body = |response: &[u8]| -> Vec<u8> {
        let end = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a blank line after the head");
        response[end + 4..].to_vec()
    };

    let (server, port) = start(&site, &[]);
    let gzipped = fetch_bytes(
        port,
        "GET /app.js HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip, deflate\r\n\r\n",
    );
    let head = String::from_utf8_lossy(&gzipped);
    assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
    assert!(head.contains("Content-Encoding: gzip\r\n"), "{head}");
    assert!(head.contains("Vary: Accept-Encoding\r\n"));
    assert!(head.contains("Content-Type: text/javascript; charset=utf-8\r\n"));
    assert!(head.contains(&format!("Content-Length: {}\r\n", compressed.len())));
    assert_eq!(body(&gzipped), compressed);

    let plain = fetch(port, "GET /app.js HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assert!(!plain.contains("Content-Encoding"), "{plain}");
    assert!(plain.ends_with(&script));
    drop(server);

    let (server, port) = start(&site, &["--no-gzip"]);
    let plain = fetch(
        port,
        "GET /app.js HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip\r\n\r\n",
    );
    assert!(
        !plain.contains("Content-Encoding") && !plain.contains("Vary"),
        "{plain}"
    );
    assert!(plain.ends_with(&script));
    drop(server);
    fs::remove_dir_all(&site).expect("clean up the scratch site");
}
