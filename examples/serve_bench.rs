//! The preview under load: time from saving one article to the reload event, and many
//! requests from concurrent clients.
//!
//!     python3 ../shared/bench/gen_corpus.py 10000 /tmp/c10k
//!     cargo run --release --example serve_bench -- /tmp/c10k [SAVES] [REQUESTS]
//!
//! The site is copied to a temporary folder first (the bench edits an article). Prints the
//! median, fastest and slowest save-to-reload over SAVES saves (default 15) and the outcome
//! of REQUESTS GETs (default 10,000) from 8 client threads. Figures only: nothing is asserted.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

// The same allocator as the `brief` binary, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    brief::keep_freed_memory();
    let mut args = std::env::args().skip(1);
    let Some(source) = args.next().map(PathBuf::from) else {
        println!("usage: serve_bench SITE [SAVES] [REQUESTS] (SITE from ../shared/bench/gen_corpus.py)");
        return;
    };
    let saves: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(15);
    let requests: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);

    let copy = tempfile::tempdir().expect("temporary folder");
    copy_tree(&source, copy.path());
    let root = copy.path().to_path_buf();
    // The generator writes no brief.yaml; an empty one takes every default.
    if !root.join("brief.yaml").exists() {
        std::fs::write(root.join("brief.yaml"), "").expect("brief.yaml");
    }
    let articles = root.join("content/articles");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&articles).expect("content/articles").flatten().map(|e| e.path()).collect();
    files.sort();
    println!("site: {} articles", files.len());

    let started = Instant::now();
    let preview = brief::serve::Preview::start(brief::serve::ServeOptions {
        root: root.clone(),
        bind: "127.0.0.1".parse().expect("address"),
        port: 0,
        drafts: false,
        allowed_hosts: Vec::new(),
    })
    .expect("the preview starts");
    println!("first build: {:.2} s", started.elapsed().as_secs_f64());
    let addr = preview.addr;
    let mut events = open_events(addr);

    // Saves: a new quote in a different article each time, by someone the article names.
    let mut latencies = Vec::new();
    for i in 0..saves {
        let path = &files[(i * 7919) % files.len()];
        let mut text = std::fs::read_to_string(path).expect("article");
        text.push_str(&format!("\n“We will have more to say on this, round {i},” the minister said.\n"));
        let saved = Instant::now();
        std::fs::write(path, text).expect("save");
        next_reload(&mut events);
        latencies.push(saved.elapsed());
        std::thread::sleep(Duration::from_millis(300));
    }
    latencies.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "save to reload event: median {:.0} ms, fastest {:.0} ms, slowest {:.0} ms ({saves} saves)",
        ms(latencies[latencies.len() / 2]),
        ms(latencies[0]),
        ms(latencies[latencies.len() - 1])
    );

    // Load: GETs of the home page, an article, a person, a stylesheet and a missing page.
    let paths = ["/", "/articles/index.html", "/style.css", "/no-such-page.html", "/search.json"];
    let threads = 8;
    let started = Instant::now();
    let results: Vec<(usize, usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    let (mut ok, mut failed) = (0, 0);
                    for i in (t..requests).step_by(threads) {
                        let path = paths[i % paths.len()];
                        let expected = if path.contains("no-such") { 404 } else { 200 };
                        if get(addr, path) == Some(expected) {
                            ok += 1;
                        } else {
                            failed += 1;
                        }
                    }
                    (ok, failed)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("client thread")).collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    let ok: usize = results.iter().map(|r| r.0).sum();
    let failed: usize = results.iter().map(|r| r.1).sum();
    println!(
        "{requests} requests from {threads} clients: {ok} answered as expected, {failed} errors, {:.0} requests/s",
        requests as f64 / elapsed
    );
}

/// The status of one GET, reading the whole response; None when the connection fails.
fn get(addr: SocketAddr, path: &str) -> Option<u16> {
    let mut stream = TcpStream::connect(addr).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok()?;
    let head = String::from_utf8_lossy(&response[..response.len().min(64)]).into_owned();
    head.split_whitespace().nth(1)?.parse().ok()
}

fn open_events(addr: SocketAddr) -> BufReader<TcpStream> {
    let mut stream = TcpStream::connect(addr).expect("connect");
    write!(stream, "GET /__brief/events HTTP/1.1\r\nHost: localhost\r\n\r\n").expect("send");
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    while !line.starts_with(": connected") {
        line.clear();
        reader.read_line(&mut line).expect("the event stream opens");
    }
    reader
}

fn next_reload(events: &mut BufReader<TcpStream>) {
    let mut line = String::new();
    loop {
        line.clear();
        events.read_line(&mut line).expect("the event stream stays open");
        if line.starts_with("event: reload") {
            return;
        }
    }
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("folder");
        } else if entry.file_type().is_file() {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
