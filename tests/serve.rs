//! The preview server: pages over HTTP, a reload event after a save, the new content, the
//! error laid over the last good site after a broken save, no way out of the site, no
//! answer to a request addressed to another name (DNS rebinding); and `brief serve` removing
//! its temporary folder when stopped by a signal, and the folders of killed previews.

mod common;

use common::TestSite;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// (status, body) of one request.
fn request(addr: SocketAddr, method: &str, path: &str) -> (u16, String) {
    exchange(addr, &format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"))
}

/// (status, body) of a request given as its request line and headers.
fn exchange(addr: SocketAddr, head: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    write!(stream, "{head}\r\n").expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    let status = response.split_whitespace().nth(1).and_then(|s| s.parse().ok()).expect("a status");
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}

fn get(addr: SocketAddr, path: &str) -> (u16, String) {
    request(addr, "GET", path)
}

/// Waits on an open event stream for the next `event: reload`.
fn next_reload(events: &mut BufReader<TcpStream>) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut line = String::new();
    while Instant::now() < deadline {
        line.clear();
        if events.read_line(&mut line).is_ok() && line.starts_with("event: reload") {
            return;
        }
    }
    panic!("no reload event within 20 s");
}

fn open_events(addr: SocketAddr) -> BufReader<TcpStream> {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(20))).expect("timeout");
    write!(stream, "GET /__brief/events HTTP/1.1\r\nHost: localhost\r\n\r\n").expect("send");
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    while !line.starts_with(": connected") {
        line.clear();
        reader.read_line(&mut line).expect("the stream opens");
    }
    reader
}

#[test]
fn the_preview_serves_reloads_on_save_and_shows_errors_over_the_last_good_site() {
    let site = TestSite::fixture("basic");
    let preview = brief::serve::Preview::start(brief::serve::ServeOptions {
        root: site.root().to_path_buf(),
        bind: "127.0.0.1".parse().expect("an address"),
        port: 0,
        drafts: false,
        allowed_hosts: Vec::new(),
    })
    .expect("the preview starts");
    let addr = preview.addr;

    let (status, home) = get(addr, "/");
    assert_eq!(status, 200);
    assert!(home.contains("Leaders open the harbour talks"));
    assert!(home.contains("/__brief/events"), "the reload script is injected when serving");
    assert!(!site.output().join("index.html").exists(), "the preview does not write public/");
    let (status, body) = request(addr, "HEAD", "/people/vladimir-putin.html");
    assert_eq!((status, body.as_str()), (200, ""));
    let (status, body) = get(addr, "/no-such-page.html");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"), "the site's 404 page");
    for escape in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/articles/..%2f..%2f..%2fetc%2fpasswd"] {
        let (status, body) = get(addr, escape);
        assert_eq!(status, 403, "{escape}");
        assert!(!body.contains("root:"), "{escape}");
    }

    // A save: a reload event, then the new text.
    let mut events = open_events(addr);
    site.write(
        "content/articles/talks-close.md",
        "---\ntitle: \"The harbour talks end without a deal\"\ndate: 2025-08-16\nsource: Fixture Wire\nevent: harbour-talks\n---\n“See you in Moscow,” Vladimir Putin said.\n",
    );
    next_reload(&mut events);
    let (_, putin) = get(addr, "/people/vladimir-putin.html");
    assert!(putin.contains("See you in Moscow"), "the new quote is served");

    // A broken save: the error over the last good pages.
    site.write("content/articles/talks-close.md", "---\ntitle: [broken\n---\nBody\n");
    next_reload(&mut events);
    let (status, putin) = get(addr, "/people/vladimir-putin.html");
    assert_eq!(status, 200);
    assert!(putin.contains("See you in Moscow"), "the last good site is still served");
    assert!(
        putin.contains("brief-error") && putin.contains("content/articles/talks-close.md:"),
        "the error names file and line"
    );

    // The next good save clears it.
    site.write(
        "content/articles/talks-close.md",
        "---\ntitle: Fixed\ndate: 2025-08-16\n---\n“Fixed now,” Putin said.\n",
    );
    next_reload(&mut events);
    let (_, putin) = get(addr, "/people/vladimir-putin.html");
    assert!(!putin.contains("brief-error"));
    assert!(putin.contains("Fixed now"));

    // Editors' swap files do not trigger a rebuild. (First let the last save's events settle:
    // one save can reach the watcher as more than one batch.)
    let mut before = preview.generation();
    loop {
        std::thread::sleep(Duration::from_millis(700));
        let now = preview.generation();
        if now == before {
            break;
        }
        before = now;
    }
    site.write("content/articles/.talks-close.md.swp", "swap");
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(preview.generation(), before);
}

#[test]
fn the_preview_refuses_requests_addressed_to_another_name() {
    let site = TestSite::fixture("basic");
    let preview = brief::serve::Preview::start(brief::serve::ServeOptions {
        root: site.root().to_path_buf(),
        bind: "127.0.0.1".parse().expect("an address"),
        port: 0,
        drafts: true,
        allowed_hosts: vec!["preview.example".to_string()],
    })
    .expect("the preview starts");
    let addr = preview.addr;
    let port = addr.port();
    let get_as = |path: &str, host: &str| {
        exchange(addr, &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n"))
    };

    // A hostile page whose name now resolves to 127.0.0.1 reads nothing, drafts least of all.
    for path in ["/", "/articles/draft-note.html", "/search/meta.json", "/__brief/events"] {
        let (status, body) = get_as(path, &format!("evil.example:{port}"));
        assert_eq!(status, 403, "{path}");
        assert!(body.contains("DNS rebinding"), "{path}: the refusal says why: {body}");
        for content in ["Leaders open the harbour talks", "unfinished note", "Not ready yet", "<html", "reload"] {
            assert!(!body.contains(content), "{path}: {content}");
        }
    }
    for host in [format!("localhost.evil.example:{port}"), format!("127.0.0.1.evil.example:{port}")] {
        assert_eq!(get_as("/", &host).0, 403, "{host}");
    }

    // The preview's own addresses, and a name it was told to answer to (--allow-host).
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        format!("Preview.Example:{port}"),
    ] {
        let (status, body) = get_as("/articles/draft-note.html", &host);
        assert_eq!(status, 200, "{host}");
        assert!(body.contains("Not ready yet"), "{host}");
    }

    // No Host: answered over HTTP/1.0 (no browser sends that), a bad request over HTTP/1.1.
    let (status, body) = exchange(addr, "GET / HTTP/1.0\r\n");
    assert_eq!(status, 200);
    assert!(body.contains("Leaders open the harbour talks"));
    assert_eq!(exchange(addr, "GET / HTTP/1.1\r\nConnection: close\r\n").0, 400);
    let two = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: evil.example\r\nConnection: close\r\n");
    assert_eq!(exchange(addr, &two).0, 400);
}

/// `brief serve --port 0` on `root` with `TMPDIR` set to `temp`, and the address it serves
/// once it says so.
#[cfg(unix)]
fn spawn_serve(root: &std::path::Path, temp: &std::path::Path) -> (std::process::Child, SocketAddr) {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .env("TMPDIR", temp)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("brief serve starts");
    let stdout = child.stdout.take().expect("stdout");
    let (lines, read) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let _ = lines.send(line);
        }
    });
    let Ok(line) = read.recv_timeout(Duration::from_secs(60)) else {
        let _ = child.kill();
        panic!("brief serve printed no address within 60 s");
    };
    // "serving http://127.0.0.1:PORT/ (…)"
    let addr = line
        .strip_prefix("serving http://")
        .and_then(|rest| rest.split('/').next())
        .and_then(|addr| addr.parse().ok())
        .unwrap_or_else(|| panic!("not the serving line: {line}"));
    (child, addr)
}

/// Sends a signal (`TERM`, `INT`, `HUP`) and waits, 30 s at most, for the process to end.
#[cfg(unix)]
fn stop_with(mut child: std::process::Child, signal: &str) -> std::process::ExitStatus {
    let sent = std::process::Command::new("kill")
        .args([format!("-{signal}"), child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success(), "kill -{signal}");
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    panic!("brief serve did not stop within 30 s of SIG{signal}");
}

/// The names in a folder, sorted.
#[cfg(unix)]
fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn brief_serve_removes_its_folder_when_stopped_by_a_signal() {
    let site = TestSite::fixture("basic");
    for signal in ["TERM", "INT", "HUP"] {
        let temp = tempfile::tempdir().expect("temporary folder");
        let (child, addr) = spawn_serve(site.root(), temp.path());
        let (status, home) = exchange(addr, &format!("GET / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n"));
        assert_eq!(status, 200);
        assert!(home.contains("Leaders open the harbour talks"));
        let folders = names_in(temp.path());
        assert!(folders.len() == 1 && folders[0].starts_with("brief-preview-"), "{folders:?}");
        // Drafts are in it: no other user may read it.
        let mode = std::os::unix::fs::PermissionsExt::mode(
            &std::fs::metadata(temp.path().join(&folders[0])).expect("metadata").permissions(),
        );
        assert_eq!(mode & 0o077, 0, "the preview's folder is open to others: {mode:o}");

        let status = stop_with(child, signal);
        assert_eq!(status.code(), Some(0), "SIG{signal}: {status}");
        assert_eq!(names_in(temp.path()), Vec::<String>::new(), "SIG{signal} leaves nothing in TMPDIR");
    }
}

#[cfg(unix)]
#[test]
fn brief_serve_removes_the_folders_of_killed_previews_and_nothing_else() {
    let site = TestSite::fixture("basic");
    let temp = tempfile::tempdir().expect("temporary folder");
    let outside = tempfile::tempdir().expect("temporary folder");
    std::fs::write(outside.path().join("keep.txt"), "keep").expect("write");

    // A preview killed with SIGKILL cannot clean up: its folder stays, with brief's marker.
    let (mut killed, _) = spawn_serve(site.root(), temp.path());
    killed.kill().expect("kill -9");
    killed.wait().expect("wait");
    let stale = temp.path().join(names_in(temp.path()).pop().expect("the killed preview's folder"));
    assert!(stale.join(".brief-preview").is_file());
    std::os::unix::fs::symlink(outside.path(), stale.join("site/link")).expect("symlink");

    // Not brief's: a folder without the marker, and a link to a folder with one.
    let unmarked = temp.path().join("brief-preview-unmarked");
    std::fs::create_dir(&unmarked).expect("mkdir");
    std::fs::write(unmarked.join("notes.txt"), "mine").expect("write");
    let target = outside.path().join("target");
    std::fs::create_dir(&target).expect("mkdir");
    std::fs::copy(stale.join(".brief-preview"), target.join(".brief-preview")).expect("copy");
    std::os::unix::fs::symlink(&target, temp.path().join("brief-preview-link")).expect("symlink");

    // The next preview removes the killed one's folder; a third keeps the second's, alive.
    let (second, _) = spawn_serve(site.root(), temp.path());
    let (third, addr) = spawn_serve(site.root(), temp.path());
    assert_eq!(exchange(addr, &format!("GET / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n")).0, 200);
    assert!(!stale.exists(), "the killed preview's folder is removed");
    let names = names_in(temp.path());
    let live: Vec<&String> = names.iter().filter(|n| !n.ends_with("-link") && !n.ends_with("-unmarked")).collect();
    assert_eq!(live.len(), 2, "both running previews keep their folders: {names:?}");
    assert_eq!(std::fs::read_to_string(unmarked.join("notes.txt")).expect("kept"), "mine");
    assert!(temp.path().join("brief-preview-link").is_symlink());
    assert!(target.join(".brief-preview").is_file(), "the link is not followed");
    assert_eq!(std::fs::read_to_string(outside.path().join("keep.txt")).expect("kept"), "keep");

    assert_eq!(stop_with(second, "TERM").code(), Some(0));
    assert_eq!(stop_with(third, "TERM").code(), Some(0));
    assert_eq!(names_in(temp.path()), ["brief-preview-link", "brief-preview-unmarked"]);
}
