//! `brief serve`: the preview. Builds the site into a private folder, serves it over HTTP
//! (loopback by default), watches content/, templates/, static/ and brief.yaml, rebuilds on
//! change (the annotation cache keeps that to the articles that changed) and tells every
//! open tab to reload through Server-Sent Events. The reload script is added to pages as
//! they are served, never to what `brief build` writes. A failed rebuild keeps the last good
//! site and lays the error over every page until the next good save. It answers only
//! requests addressed to it by IP address, `localhost` or this machine's name (`Host`), so
//! that a web page cannot read it through a name of its own (DNS rebinding). Its folder,
//! `brief-preview-*` in the system's temporary folder, is removed when the preview is
//! dropped; one left by a preview that was killed is removed by the next (`remove_stale`).

use crate::BuildOptions;
use crate::error::{Error, Result};
use crate::render::markup::escape;
use crate::session::Session;
use notify_debouncer_full::notify::RecursiveMode;
use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::Duration;

const EVENTS_PATH: &str = "/__brief/events";
/// Saves closer together than this are one rebuild. An editor's save (write a temporary
/// file, rename it over the old one) takes a millisecond or two; a person saves far less
/// often. The watcher looks every quarter of this, so a save waits 25 to 31 ms.
const DEBOUNCE: Duration = Duration::from_millis(25);
/// A preview's folder is `brief-preview-` and a random suffix, in the temporary folder.
const FOLDER_PREFIX: &str = "brief-preview-";
/// The file in a preview's folder that names the process it belongs to (see [`Owner`]).
const MARKER: &str = ".brief-preview";

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub drafts: bool,
    /// More names the preview answers to (a development machine's DNS name, a reverse proxy's),
    /// besides IP addresses, `localhost` and this machine's own names.
    pub allowed_hosts: Vec<String>,
}

/// What the server shows: which build is current and whether the last rebuild failed.
struct State {
    site: PathBuf,
    status: Mutex<Status>,
    changed: Condvar,
    /// Written while the data files (API, search index) are being replaced: a request for
    /// one waits rather than get the version from before the save. Every build and update
    /// holds it for writing, so taking it is also waiting until nothing writes to the site.
    data: RwLock<()>,
    /// Set, under `data`, when the preview is dropped: no update writes after that.
    closed: AtomicBool,
    /// The names the preview answers to besides IP addresses (lower case): `localhost` and
    /// this machine's.
    names: Vec<String>,
}

#[derive(Default)]
struct Status {
    generation: u64,
    error: Option<String>,
}

/// A running preview. Dropping it stops watching; `wait` serves until the process ends.
pub struct Preview {
    pub addr: SocketAddr,
    server: Arc<tiny_http::Server>,
    state: Arc<State>,
    _watcher: notify_debouncer_full::Debouncer<
        notify_debouncer_full::notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
    /// Taken and removed on drop.
    output: Option<tempfile::TempDir>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Preview {
    /// Removes the folders of previews that were killed, builds once, starts the server and
    /// the watcher.
    pub fn start(options: ServeOptions) -> Result<Preview> {
        // Absolute, so that the watcher's paths can be matched against it.
        let root = options.root.canonicalize().map_err(|e| Error::io(&options.root, e))?;
        let options = ServeOptions { root, ..options };
        let temp = std::env::temp_dir();
        let removed = remove_stale(&temp);
        if removed > 0 {
            let folders = if removed == 1 { "folder" } else { "folders" };
            eprintln!(
                "removed {removed} {folders} left in {} by previews that ended without cleaning up",
                temp.display()
            );
        }
        // Drafts are in it: only this user may read it (0700 on Unix).
        let mut builder = tempfile::Builder::new();
        builder.prefix(FOLDER_PREFIX);
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700));
        let output = builder.tempdir().map_err(|e| Error::io(&temp, e))?;
        let marker = output.path().join(MARKER);
        std::fs::write(&marker, Owner::this_process().to_string()).map_err(|e| Error::io(&marker, e))?;
        let site = output.path().join("site");
        let state = Arc::new(State {
            site: site.clone(),
            status: Mutex::new(Status::default()),
            changed: Condvar::new(),
            data: RwLock::new(()),
            closed: AtomicBool::new(false),
            names: {
                let mut names = host_names();
                names.extend(options.allowed_hosts.iter().map(|h| h.trim_end_matches('.').to_ascii_lowercase()));
                names
            },
        });
        let build_options = BuildOptions { output: Some(site), drafts: options.drafts, ..Default::default() };
        let mut session = None;
        update(&options.root, &build_options, &mut session, &[], &state);

        let server = tiny_http::Server::http(SocketAddr::new(options.bind, options.port)).map_err(|e| Error::Io {
            path: PathBuf::from(format!("{}:{}", options.bind, options.port)),
            source: std::io::Error::other(e.to_string()),
        })?;
        let addr = server.server_addr().to_ip().ok_or_else(|| Error::Io {
            path: PathBuf::from("server"),
            source: std::io::Error::other("the server has no IP address"),
        })?;
        let server = Arc::new(server);

        let watch_state = Arc::clone(&state);
        let watch_options = options.clone();
        let mut watcher = notify_debouncer_full::new_debouncer(
            DEBOUNCE,
            None,
            move |result: notify_debouncer_full::DebounceEventResult| {
                let Ok(events) = result else { return };
                // Reading a file is an event too (the build's own reads among them): only
                // changes count.
                let mut paths: Vec<PathBuf> = events
                    .iter()
                    .filter(|e| !matches!(e.kind, notify_debouncer_full::notify::EventKind::Access(_)))
                    .flat_map(|e| e.paths.iter())
                    .filter(|p| is_source(&watch_options.root, p))
                    .cloned()
                    .collect();
                paths.sort();
                paths.dedup();
                if !paths.is_empty() {
                    update(&watch_options.root, &build_options, &mut session, &paths, &watch_state);
                }
            },
        )
        .map_err(|e| Error::Io { path: options.root.clone(), source: std::io::Error::other(e.to_string()) })?;
        for folder in ["content", "templates", "static"] {
            let path = options.root.join(folder);
            if path.is_dir() {
                watcher
                    .watch(&path, RecursiveMode::Recursive)
                    .map_err(|e| Error::Io { path: path.clone(), source: std::io::Error::other(e.to_string()) })?;
            }
        }
        watcher
            .watch(&options.root, RecursiveMode::NonRecursive)
            .map_err(|e| Error::Io { path: options.root.clone(), source: std::io::Error::other(e.to_string()) })?;

        let serving = Arc::clone(&server);
        let serve_state = Arc::clone(&state);
        let thread = std::thread::spawn(move || {
            for request in serving.incoming_requests() {
                let state = Arc::clone(&serve_state);
                // One thread a request: an event stream stays open as long as its tab.
                std::thread::spawn(move || respond(request, &state));
            }
        });
        Ok(Preview { addr, server, state, _watcher: watcher, output: Some(output), thread: Some(thread) })
    }

    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// How many builds have finished (for tests and for the terminal).
    pub fn generation(&self) -> u64 {
        self.state.status.lock().map(|s| s.generation).unwrap_or(0)
    }

    /// Serves until the process is stopped.
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        self.server.unblock();
        // Wake event streams so their threads end with the server.
        self.state.changed.notify_all();
        // Wait for an update that is writing to the folder, and let none start after: a
        // write after the removal would make the folder again.
        let _writing = self.state.data.write().unwrap_or_else(|p| p.into_inner());
        self.state.closed.store(true, Ordering::Relaxed);
        if let Some(output) = self.output.take() {
            let path = output.path().to_path_buf();
            if let Err(e) = output.close() {
                eprintln!("warning: could not remove the preview's folder {}: {e}", path.display());
            }
        }
    }
}

/// Content, templates, static files and brief.yaml; not editors' temporary files.
fn is_source(root: &Path, path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if crate::content::is_ignored_name(&name) {
        return false;
    }
    let Ok(rel) = path.strip_prefix(root) else { return false };
    let first = rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
    matches!(first.as_str(), "content" | "templates" | "static") || rel == Path::new(crate::config::CONFIG_FILE)
}

/// Brings the site up to date with the changed `paths` (a full build when there is no site
/// yet), then wakes the event streams: reload, with or without an error to show.
fn update(root: &Path, options: &BuildOptions, session: &mut Option<Session>, paths: &[PathBuf], state: &State) {
    let started = std::time::Instant::now();
    // Requests for the data files wait until they are up to date too.
    let data_lock = state.data.write().unwrap_or_else(|p| p.into_inner());
    if state.closed.load(Ordering::Relaxed) {
        return;
    }
    let mut reloaded_at = None;
    let result = match session {
        Some(session) => {
            let mut pages_ready = || {
                reloaded_at = Some(started.elapsed());
                announce(state, None);
            };
            session.update_with(paths, &mut pages_ready).map(|u| {
                for warning in &u.warnings {
                    eprintln!("warning: {warning}");
                }
                let how = match (u.full, u.in_place) {
                    (true, _) => "rebuilt",
                    (false, true) => "updated in place",
                    (false, false) => "updated",
                };
                format!("{how}: {} files written, {} removed, {} articles annotated", u.written, u.removed, u.annotated)
            })
        }
        None => Session::open(root, options.clone()).map(|(opened, report)| {
            *session = Some(opened);
            format!("built {} files from {} articles", report.pages, report.articles)
        }),
    };
    drop(data_lock);
    match result {
        Ok(summary) => {
            let reload = reloaded_at.map(|t| format!(", pages reloaded at {} ms", t.as_millis())).unwrap_or_default();
            eprintln!("{summary} in {} ms{reload}", started.elapsed().as_millis());
            if reloaded_at.is_none() {
                announce(state, None);
            }
        }
        Err(error) => {
            let hint = error.hint().map(|h| format!("\nhelp: {h}")).unwrap_or_default();
            let message = format!("{error}{hint}");
            eprintln!("error: {message}");
            announce(state, Some(message));
        }
    }
}

/// A new state of the site: every open tab reloads (and shows `error`, if any).
fn announce(state: &State, error: Option<String>) {
    let mut status = state.status.lock().unwrap_or_else(|p| p.into_inner());
    status.error = error;
    status.generation += 1;
    state.changed.notify_all();
}

fn respond(request: tiny_http::Request, state: &State) {
    if let Err((status, message)) = check_host(&request, &state.names) {
        let _ = request.respond(tiny_http::Response::from_string(message).with_status_code(status));
        return;
    }
    let url = request.url().split(['?', '#']).next().unwrap_or("/").to_string();
    if url == EVENTS_PATH {
        stream_events(request, state);
        return;
    }
    let _fresh_data = crate::session::is_data_file(url.trim_start_matches('/'))
        .then(|| state.data.read().unwrap_or_else(|p| p.into_inner()));
    let (status, path) = match resolve(&state.site, &url) {
        Resolved::File(path) => (200, path),
        Resolved::NotFound => (404, state.site.join("404.html")),
        Resolved::Refused => {
            let _ = request
                .respond(tiny_http::Response::from_string("refused: the path leaves the site").with_status_code(403));
            return;
        }
    };
    let Ok(mut body) = std::fs::read(&path) else {
        let _ = request.respond(tiny_http::Response::from_string("not found").with_status_code(404));
        return;
    };
    let kind = content_type(&path);
    if kind.starts_with("text/html") {
        let error = state.status.lock().ok().and_then(|s| s.error.clone());
        body = inject(&body, error.as_deref());
    }
    let response = tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("header names and values here are ASCII")
}

/// Server-Sent Events: `reload` each time a build finishes, a comment every 15 s to keep the
/// connection open. Written straight to the socket and flushed per event (a buffered,
/// chunked response would hold the events back).
fn stream_events(request: tiny_http::Request, state: &State) {
    let mut seen = state.status.lock().map(|s| s.generation).unwrap_or(0);
    let mut socket = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\n: connected\n\n";
    if socket.write_all(head.as_bytes()).and_then(|_| socket.flush()).is_err() {
        return;
    }
    loop {
        let Ok(status) = state.status.lock() else { return };
        let Ok((status, timeout)) =
            state.changed.wait_timeout_while(status, Duration::from_secs(15), |s| s.generation == seen)
        else {
            return;
        };
        let message = if timeout.timed_out() {
            ": keep-alive\n\n".to_string()
        } else {
            seen = status.generation;
            format!("event: reload\ndata: {seen}\n\n")
        };
        drop(status);
        if socket.write_all(message.as_bytes()).and_then(|_| socket.flush()).is_err() {
            return; // the tab was closed
        }
    }
}

/// Whether to answer a request, by its `Host` header; else the status and a short reason.
///
/// DNS rebinding: a hostile page at `evil.example` points that name at 127.0.0.1 and then
/// reads the preview, drafts and all, as its own origin. Its requests carry
/// `Host: evil.example`. So the preview answers only requests addressed by IP address (a
/// page can only be that address's own origin), as `localhost`, or by this machine's name
/// (`name` or `name.local`, for a preview bound to a network address and opened from
/// another machine): no name that someone else's DNS decides. The port is not compared:
/// rebinding needs a name, and a forwarded port (`ssh -L 8080:localhost:1111`, a
/// container's) arrives with another port. A request with no `Host` is answered over
/// HTTP/1.0, where the header is optional (old tools leave it out; a browser, where a
/// rebinding page runs, always sends it); HTTP/1.1 requires it (RFC 9112, 3.2), so there a
/// missing or a second `Host` is a 400.
fn check_host(request: &tiny_http::Request, names: &[String]) -> std::result::Result<(), (u16, String)> {
    let mut hosts = request.headers().iter().filter(|h| h.field.equiv("Host")).map(|h| h.value.as_str());
    let host = match (hosts.next(), hosts.next()) {
        (Some(host), None) => host,
        (None, _) if *request.http_version() < tiny_http::HTTPVersion(1, 1) => return Ok(()),
        (None, _) => return Err((400, "bad request: HTTP/1.1 requires a Host header".into())),
        (Some(_), Some(_)) => return Err((400, "bad request: more than one Host header".into())),
    };
    if host_allowed(host, names) {
        return Ok(());
    }
    Err((
        403,
        format!(
            "refused: this preview answers only at localhost, an IP address or this machine's name, not at `{host}`, \
             so that a web page cannot read it through a name of its own (DNS rebinding). \
             Open the address `brief serve` printed.\n"
        ),
    ))
}

/// `host[:port]` is an IP address or one of `names` (see [`check_host`]).
fn host_allowed(host: &str, names: &[String]) -> bool {
    let host = host.trim();
    let name = if let Some(rest) = host.strip_prefix('[') {
        // An IPv6 address; a zone (`%eth0`, `%25eth0`) names the interface, not the host.
        let Some((inside, port)) = rest.split_once(']') else { return false };
        let address = inside.split('%').next().unwrap_or(inside);
        return is_port(port) && address.parse::<std::net::Ipv6Addr>().is_ok();
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) if is_port(&format!(":{port}")) => name,
            Some(_) => return false,
            None => host,
        }
    };
    if name.parse::<std::net::Ipv4Addr>().is_ok() {
        return true;
    }
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    names.contains(&name)
}

/// Empty, or `:` and a port number.
fn is_port(text: &str) -> bool {
    text.is_empty()
        || text
            .strip_prefix(':')
            .is_some_and(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// `localhost`, and this machine's name as the system gives it, without its domain and with
/// `.local` (how other machines on the network may know it).
fn host_names() -> Vec<String> {
    let mut names = vec!["localhost".to_string()];
    if let Some(full) = machine_name() {
        let short = full.split('.').next().unwrap_or(&full).to_string();
        names.extend([format!("{short}.local"), short, full]);
    }
    names.sort();
    names.dedup();
    names
}

/// This machine's name, lower case, if the system gives one.
#[cfg(unix)]
fn machine_name() -> Option<String> {
    let mut buffer = [0u8; 256];
    // SAFETY: gethostname writes at most `buffer.len()` bytes into the buffer it is given.
    if unsafe { libc::gethostname(buffer.as_mut_ptr().cast(), buffer.len()) } != 0 {
        return None;
    }
    let end = buffer.iter().position(|&b| b == 0).unwrap_or(buffer.len());
    let name = std::str::from_utf8(&buffer[..end]).ok()?.trim_end_matches('.').to_ascii_lowercase();
    (!name.is_empty()).then_some(name)
}

#[cfg(not(unix))]
fn machine_name() -> Option<String> {
    None
}

/// Whom a preview's folder belongs to, as its marker file says: the process, the machine
/// and (on Linux) the process's PID namespace. A folder is another preview's to remove only
/// when that process is gone; the machine and the namespace say whether the process number
/// can be asked about here at all (a temporary folder shared between containers or machines
/// holds numbers of processes this one cannot see, as Emacs's lock files record the host).
#[derive(Debug, PartialEq, Eq)]
struct Owner {
    pid: u32,
    host: String,
    namespace: String,
}

impl Owner {
    fn this_process() -> Owner {
        Owner {
            pid: std::process::id(),
            host: machine_name().unwrap_or_default(),
            namespace: std::fs::read_link("/proc/self/ns/pid")
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }

    /// A marker's text; `None` for anything brief did not write.
    fn parse(text: &str) -> Option<Owner> {
        let mut lines = text.lines();
        if lines.next()? != "brief preview" {
            return None;
        }
        let mut field = |key: &str| lines.next()?.strip_prefix(key)?.strip_prefix(' ').map(str::to_string);
        let pid = field("pid")?.parse().ok().filter(|&pid| pid > 0)?;
        Some(Owner { pid, host: field("host")?, namespace: field("namespace")? })
    }

    /// Whether the owner is a process that has ended, on the machine and in the namespace
    /// of `here` (this process).
    fn is_gone(&self, here: &Owner) -> bool {
        self.host == here.host && self.namespace == here.namespace && self.pid != here.pid && !is_running(self.pid)
    }
}

impl std::fmt::Display for Owner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "brief preview\npid {}\nhost {}\nnamespace {}", self.pid, self.host, self.namespace)
    }
}

/// Whether a process numbered `pid` exists (another user's counts; asked with signal 0,
/// which is not sent).
#[cfg(unix)]
fn is_running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else { return true };
    // SAFETY: kill with signal 0 only checks that the process exists and may be signalled.
    let result = unsafe { libc::kill(pid, 0) };
    result == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn is_running(_pid: u32) -> bool {
    true
}

/// Removes the folders in `temp` that previews killed without a chance to clean up (`kill
/// -9`, a crash) left behind, and returns how many. Only a real folder (not a symbolic
/// link) named `brief-preview-*`, owned by this user, holding brief's marker as a plain file,
/// whose process has ended, is removed; removal does not follow symbolic links inside it.
fn remove_stale(temp: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(temp) else { return 0 };
    let here = Owner::this_process();
    let mut removed = 0;
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().starts_with(FOLDER_PREFIX) {
            continue;
        }
        let folder = entry.path();
        let is_ours = std::fs::symlink_metadata(&folder).is_ok_and(|m| m.is_dir() && is_own(&m));
        let marker = folder.join(MARKER);
        let is_marked = std::fs::symlink_metadata(&marker).is_ok_and(|m| m.is_file() && m.len() < 1024);
        if !is_ours || !is_marked {
            continue;
        }
        let owner = std::fs::read_to_string(&marker).ok().and_then(|text| Owner::parse(&text));
        if !owner.is_some_and(|o| o.is_gone(&here)) {
            continue;
        }
        match std::fs::remove_dir_all(&folder) {
            Ok(()) => removed += 1,
            // Another preview starting at the same time removed it first.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                eprintln!("warning: could not remove {}, left by a preview that was killed: {e}", folder.display())
            }
        }
    }
    removed
}

/// Whether this user owns the file.
#[cfg(unix)]
fn is_own(metadata: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    // SAFETY: getuid has no preconditions and cannot fail.
    metadata.uid() == unsafe { libc::getuid() }
}

#[cfg(not(unix))]
fn is_own(_metadata: &std::fs::Metadata) -> bool {
    true
}

enum Resolved {
    File(PathBuf),
    NotFound,
    Refused,
}

/// A request path → a file inside `site`. `..` in any spelling, absolute paths, NUL and
/// backslashes are refused; so is a symbolic link that leads outside the site.
fn resolve(site: &Path, url: &str) -> Resolved {
    let Some(decoded) = percent_decode(url) else { return Resolved::Refused };
    if decoded.contains('\0') || decoded.contains('\\') {
        return Resolved::Refused;
    }
    let rel = decoded.trim_start_matches('/');
    let rel_path = Path::new(rel);
    if !rel_path.components().all(|c| matches!(c, Component::Normal(_))) && !rel.is_empty() {
        return Resolved::Refused;
    }
    let mut path = site.join(rel_path);
    if path.is_dir() {
        path = path.join("index.html");
    }
    let (Ok(real), Ok(base)) = (path.canonicalize(), site.canonicalize()) else { return Resolved::NotFound };
    if !real.starts_with(&base) {
        return Resolved::Refused;
    }
    if real.is_file() { Resolved::File(real) } else { Resolved::NotFound }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// The reload script, and the error laid over the page when the last rebuild failed.
fn inject(html: &[u8], error: Option<&str>) -> Vec<u8> {
    let mut snippet = format!(
        "<script>new EventSource(\"{EVENTS_PATH}\").addEventListener(\"reload\",function(){{location.reload()}});</script>"
    );
    if let Some(error) = error {
        snippet.push_str(&format!(
            "<div id=\"brief-error\" role=\"alert\" style=\"position:fixed;inset:0;overflow:auto;z-index:99999;background:rgba(40,0,0,.94);color:#fff;padding:2rem;font:15px/1.5 monospace;white-space:pre-wrap\"><strong>The last rebuild failed; this is the last good version.</strong>\n\n{}</div>",
            escape(error)
        ));
    }
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(at) => format!("{}{snippet}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{snippet}").into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_site_are_refused() {
        let dir = tempfile::tempdir().expect("temp");
        std::fs::write(dir.path().join("index.html"), "home").expect("write");
        for url in
            ["/../etc/passwd", "/%2e%2e/etc/passwd", "/a/%2E%2E/%2e%2e/x", "/..%2fetc", "/%5c..%5cx", "/%00", "/%zz"]
        {
            assert!(matches!(resolve(dir.path(), url), Resolved::Refused), "{url}");
        }
        assert!(matches!(resolve(dir.path(), "/"), Resolved::File(_)));
        assert!(matches!(resolve(dir.path(), "/missing.html"), Resolved::NotFound));
    }

    #[test]
    fn the_preview_answers_to_ip_addresses_localhost_and_this_machine_only() {
        let names = vec!["box".to_string(), "box.lan".to_string(), "box.local".to_string(), "localhost".to_string()];
        let cases = [
            ("127.0.0.1:1111", true),
            ("127.0.0.1", true),
            ("localhost:1111", true),
            ("LocalHost:8080", true), // a forwarded port
            ("localhost.:1111", true),
            ("[::1]:1111", true),
            ("[::1]", true),
            ("[fe80::1%25eth0]:1111", true),
            ("0.0.0.0:1111", true),
            ("192.168.1.20:1111", true),
            ("box:1111", true),
            ("box.local:1111", true),
            ("box.lan", true),
            ("evil.example:1111", false),
            ("evil.example", false),
            ("localhost.evil.example:1111", false),
            ("127.0.0.1.evil.example:1111", false),
            ("box.evil.example:1111", false),
            ("2130706433:1111", false), // a browser writes 127.0.0.1
            ("::1:1111", false),        // IPv6 without brackets
            ("[::1]x", false),
            ("localhost:", false),
            ("localhost:11a1", false),
            ("", false),
        ];
        for (host, expected) in cases {
            assert_eq!(host_allowed(host, &names), expected, "{host}");
        }
    }

    #[test]
    fn a_marker_is_read_back_and_nothing_else_is_one() {
        let owner = Owner { pid: 42, host: "box".into(), namespace: "pid:[4026531836]".into() };
        assert_eq!(Owner::parse(&owner.to_string()), Some(owner));
        let unknown = Owner { pid: 7, host: String::new(), namespace: String::new() };
        assert_eq!(Owner::parse(&unknown.to_string()), Some(unknown));
        for text in [
            "",
            "42",
            "brief preview\npid 0\nhost box\nnamespace x\n",
            "brief preview\npid -1\nhost box\nnamespace x\n",
            "brief preview\npid 42\nhost box\n",
            "brief preview\nhost box\npid 42\nnamespace x\n",
        ] {
            assert_eq!(Owner::parse(text), None, "{text:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn only_marked_folders_of_ended_previews_are_removed() {
        let temp = tempfile::tempdir().expect("temp");
        let outside = tempfile::tempdir().expect("temp");
        let here = Owner::this_process();
        // A process that has ended, and one that is running.
        let mut ended = std::process::Command::new("true").spawn().expect("spawn true");
        ended.wait().expect("wait");
        let mut running = std::process::Command::new("sleep").arg("30").spawn().expect("spawn sleep");
        let marked = |name: &str, pid: u32, host: &str| {
            let folder = temp.path().join(name);
            std::fs::create_dir_all(folder.join("site/articles")).expect("mkdir");
            std::fs::write(folder.join("site/articles/a.html"), "a").expect("write");
            let owner = Owner { pid, host: host.into(), namespace: here.namespace.clone() };
            std::fs::write(folder.join(MARKER), owner.to_string()).expect("write");
            folder
        };
        let stale = marked("brief-preview-stale", ended.id(), &here.host);
        // A symbolic link inside a stale folder is removed, not followed.
        std::fs::write(outside.path().join("keep.txt"), "keep").expect("write");
        std::os::unix::fs::symlink(outside.path(), stale.join("site/link")).expect("symlink");
        let live = marked("brief-preview-live", running.id(), &here.host);
        let elsewhere = marked("brief-preview-elsewhere", ended.id(), "another-machine");
        let unmarked = temp.path().join("brief-preview-unmarked");
        std::fs::create_dir(&unmarked).expect("mkdir");
        std::fs::write(unmarked.join("notes.txt"), "mine").expect("write");
        let other_name = marked("other-stale", ended.id(), &here.host);
        // A link named like a preview, to a marked folder of an ended process: not followed.
        let target = outside.path().join("target");
        std::fs::create_dir(&target).expect("mkdir");
        std::fs::copy(stale.join(MARKER), target.join(MARKER)).expect("copy");
        std::os::unix::fs::symlink(&target, temp.path().join("brief-preview-link")).expect("symlink");
        // A marker that is a link to a marker is not brief's.
        let linked_marker = temp.path().join("brief-preview-linked-marker");
        std::fs::create_dir(&linked_marker).expect("mkdir");
        std::os::unix::fs::symlink(stale.join(MARKER), linked_marker.join(MARKER)).expect("symlink");

        assert_eq!(remove_stale(temp.path()), 1);
        let _ = running.kill();
        let _ = running.wait();
        assert!(!stale.exists());
        for kept in [&live, &elsewhere, &unmarked, &other_name, &linked_marker, &target] {
            assert!(kept.is_dir(), "{} is kept", kept.display());
        }
        assert!(temp.path().join("brief-preview-link").is_symlink());
        assert!(target.join(MARKER).is_file());
        assert_eq!(std::fs::read_to_string(outside.path().join("keep.txt")).expect("read"), "keep");
    }

    #[test]
    fn the_reload_script_goes_before_the_end_of_the_body() {
        let html = inject(b"<html><body><p>x</p></body></html>", Some("content/a.md:3: <bad>"));
        let html = String::from_utf8(html).expect("utf-8");
        assert!(html.contains(EVENTS_PATH));
        assert!(html.contains("content/a.md:3: &lt;bad&gt;"));
        assert!(html.ends_with("</div></body></html>"));
    }
}
