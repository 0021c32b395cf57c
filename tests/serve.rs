//! The preview server: pages over HTTP, a reload event after a save, the new content, the
//! error laid over the last good site after a broken save, and no way out of the site.

mod common;

use common::TestSite;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// (status, body) of one request.
fn request(addr: SocketAddr, method: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    write!(stream, "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").expect("send");
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
