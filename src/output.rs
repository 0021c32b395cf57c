//! Pages → files, atomically: the site is written to a temporary folder beside the output
//! and swapped in only when everything is written, so a failed build leaves the previous
//! output as it was. Every path is checked to stay inside the output folder.

use crate::error::{Error, Result, Warning};
use crate::render::{Page, THEME};
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// A file brief leaves in its output, so that it never replaces a folder it did not write.
pub const MARKER: &str = ".brief-output";
pub const STATIC_DIR: &str = "static";

/// Refuses outputs that would overwrite the site itself.
pub fn check_output(root: &Path, output: &Path) -> Result<()> {
    let root = absolute(root);
    let output = absolute(output);
    let protected = ["content", "templates", "static"].map(|d| root.join(d));
    let problem = if output == root {
        Some("is the site folder itself")
    } else if root.starts_with(&output) {
        Some("contains the site folder")
    } else if protected.iter().any(|p| output.starts_with(p)) {
        Some("is inside content/, templates/ or static/")
    } else {
        None
    };
    match problem {
        Some(problem) => Err(Error::input(
            &output,
            None,
            format!("the output folder {problem}; building there would overwrite your files"),
            "choose a separate output folder, such as `public` (the default)",
        )),
        None => Ok(()),
    }
}

/// Pages are written, as they are rendered, into a temporary folder beside the output, so
/// that no build holds the whole site in memory and a build that fails leaves the output as
/// it was. `finish` then brings the output up to date; dropping it unfinished removes the
/// temporary folder and changes nothing.
///
/// Over a previous output of brief's, only what changed is staged: a page whose bytes equal
/// the file already at its path is left where it is, untouched (same inode, same modification
/// time: rsync and static hosts see only what changed). `finish` moves each staged file over
/// its old one (a rename: a reader sees the old file or the new one) and removes the files no
/// longer made. Touching nothing else matters on the disks measured here: creating a file
/// costs 0.2 to 0.6 ms, and a build that remade the whole tree (12,000 files at 10,000
/// articles, 740 folders) spent seconds creating, linking and deleting.
/// Into an empty or new output, the staged folder is renamed into place whole.
pub struct Staging {
    root: PathBuf,
    output: PathBuf,
    /// The previous output, where there is one of brief's to update in place.
    previous: Option<PathBuf>,
    /// The previous build into this output was stopped part way through its update.
    interrupted: bool,
    /// Declared before `dir`: dropped (its files all written) before the folder is removed.
    writer: Writer,
    dir: tempfile::TempDir,
    /// Every file the build makes, relative to the output: what `finish` keeps.
    made: Mutex<HashSet<PathBuf>>,
    /// Held until the build is done: one build at a time writes into an output.
    _lock: OutputLock,
}

/// The one thread that creates the staged files. Creating a file holds its folder's lock
/// in the kernel throughout (0.2 to 0.6 ms here after many deletions), so render threads
/// that created their own files spent much of their time spinning on each other's lock
/// (a quarter of a 10k build's CPU) instead of rendering. Pages wait in a short queue.
struct Writer {
    queue: Option<std::sync::mpsc::SyncSender<(PathBuf, String)>>,
    thread: Option<std::thread::JoinHandle<Result<()>>>,
}

impl Writer {
    fn new(dir: PathBuf) -> Writer {
        let (queue, pages) = std::sync::mpsc::sync_channel::<(PathBuf, String)>(256);
        let thread = std::thread::spawn(move || {
            let mut folders: HashSet<PathBuf> = HashSet::new();
            let mut result = Ok(());
            for (rel, contents) in pages {
                if result.is_err() {
                    continue; // the first error is the one reported; the queue is drained
                }
                let path = dir.join(&rel);
                if let Some(parent) = rel.parent().filter(|p| !p.as_os_str().is_empty())
                    && !folders.contains(parent)
                {
                    let folder = dir.join(parent);
                    result = std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e));
                    folders.insert(parent.to_path_buf());
                }
                if result.is_ok() {
                    result = std::fs::write(&path, contents).map_err(|e| Error::io(&path, e));
                }
            }
            result
        });
        Writer { queue: Some(queue), thread: Some(thread) }
    }

    fn write(&self, rel: PathBuf, contents: String) {
        if let Some(queue) = &self.queue {
            // Fails only once the thread is gone, and `finish` then reports why.
            let _ = queue.send((rel, contents));
        }
    }

    /// Waits for every queued file to be written; the first error, if any.
    fn finish(&mut self) -> Result<()> {
        self.queue = None;
        match self.thread.take().map(std::thread::JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(Error::Template { name: "output".into(), message: "the writer thread failed".into() }),
            None => Ok(()),
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

impl Staging {
    pub fn new(root: &Path, output: &Path) -> Result<Staging> {
        check_output(root, output)?;
        let output = absolute(output);
        let parent = output.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
        let name = output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
        std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let guard = OutputLock::acquire(&parent, &name, &output)?;
        remove_stale_staging(&parent, &name);
        let mut previous = None;
        let mut interrupted = false;
        if output.exists() {
            if !output.is_dir() {
                return Err(Error::input(
                    &output,
                    None,
                    "the output path is a file",
                    "remove it or choose another output folder",
                ));
            }
            // Dotfiles and CNAME (a gh-pages worktree's .git, a host's settings) are not
            // brief's: they neither make the folder someone else's nor get removed.
            let mut theirs = false;
            let mut any = false;
            for entry in std::fs::read_dir(&output).map_err(|e| Error::io(&output, e))? {
                let entry = entry.map_err(|e| Error::io(&output, e))?;
                let name = entry.file_name();
                let name = name.to_string_lossy();
                any = true;
                theirs |= name != MARKER && !is_kept(&name);
            }
            let marker = output.join(MARKER);
            if theirs && !marker.exists() {
                return Err(Error::input(
                    &output,
                    None,
                    "the output folder holds files that brief did not write",
                    "empty it, or choose another output folder: brief replaces its output whole",
                ));
            }
            interrupted = std::fs::read_to_string(&marker).is_ok_and(|text| text.starts_with(UPDATING));
            previous = any.then(|| output.clone());
        }
        let dir = tempfile::Builder::new()
            .prefix(&staging_prefix(&name))
            .tempdir_in(&parent)
            .map_err(|e| Error::io(&parent, e))?;
        Ok(Staging {
            root: root.to_path_buf(),
            output,
            previous,
            interrupted,
            writer: Writer::new(dir.path().to_path_buf()),
            dir,
            made: Mutex::new(HashSet::new()),
            _lock: guard,
        })
    }

    /// Whether the last build into this output was stopped while it brought the files up to
    /// date: some files may then be new and others old, and this build must compare every
    /// page with what is there rather than trust the page manifest.
    pub fn interrupted(&self) -> bool {
        self.interrupted
    }

    /// Writes one page (queued for the writer thread); safe to call from many threads.
    pub fn write(&self, page: Page) -> Result<()> {
        let rel = safe_relative(&page.path)?;
        let unchanged = self.previous.as_ref().is_some_and(|old| unchanged(&old.join(&rel), page.contents.as_bytes()));
        lock(&self.made).insert(rel.clone());
        if !unchanged {
            self.writer.write(rel, page.contents);
        }
        Ok(())
    }

    /// Keeps the previous output's file at `rel` without rendering it (the caller knows it
    /// unchanged); false where there is none.
    pub fn reuse(&self, rel: &str) -> Result<bool> {
        let rel = safe_relative(rel)?;
        let Some(previous) = &self.previous else { return Ok(false) };
        let kept = std::fs::symlink_metadata(previous.join(&rel)).is_ok_and(|m| m.is_file());
        if kept {
            lock(&self.made).insert(rel);
        }
        Ok(kept)
    }

    /// Adds the static files and the marker, then brings the output up to date: the staged
    /// folder renamed into place, or, over a previous output, the staged files moved into it
    /// and the files no longer made removed. Returns warnings for static files passed over.
    pub fn finish(mut self) -> Result<Vec<Warning>> {
        self.writer.finish()?;
        let warnings = copy_static(&self.root, self.dir.path())?;
        let marker = self.dir.path().join(MARKER);
        std::fs::write(&marker, DONE).map_err(|e| Error::io(&marker, e))?;
        match &self.previous {
            Some(previous) => self.update(previous)?,
            None => self.swap()?,
        }
        Ok(warnings)
    }

    /// Renames the staged folder into place of an empty or missing output.
    fn swap(self) -> Result<()> {
        let output = self.output;
        let staged = self.dir.keep();
        if output.exists() {
            // An empty folder: rmdir refuses one that something wrote into meanwhile.
            std::fs::remove_dir(&output).map_err(|e| Error::io(&output, e))?;
        }
        std::fs::rename(&staged, &output).map_err(|e| {
            let _ = std::fs::remove_dir_all(&staged);
            Error::io(&output, e)
        })
    }

    /// Moves every staged file over its place in `output`, then removes what the build no
    /// longer makes (and the folders that leaves empty). Static files are compared like
    /// pages, so an unchanged one keeps its time too.
    ///
    /// Each file is replaced by a rename, so no file is ever seen half written; but the files
    /// are replaced one after the other, so a build killed in this step leaves some new and
    /// some old. The marker says so while it runs (`UPDATING`), and the next build then
    /// compares every page with the file there instead of trusting the page manifest, and
    /// finishes the job; the staged folder the killed build left is removed then too.
    fn update(&self, output: &Path) -> Result<()> {
        let staged_root = self.dir.path();
        let mut made = lock(&self.made);
        let mut moves = Vec::new();
        for entry in walkdir::WalkDir::new(staged_root).min_depth(1) {
            let entry = entry.map_err(|e| Error::io(staged_root, e.into()))?;
            if entry.file_type().is_file() {
                let rel = entry.path().strip_prefix(staged_root).unwrap_or(entry.path()).to_path_buf();
                // A staged page is known to differ; a static file (or the marker) may not.
                let page = !made.insert(rel.clone());
                if rel != Path::new(MARKER) {
                    moves.push((rel, page));
                }
            }
        }
        let marker = output.join(MARKER);
        replace_with(&marker, UPDATING.as_bytes())?;
        let stop_after = stop_after_moves();
        for (moved, (rel, page)) in moves.iter().enumerate() {
            if stop_after == Some(moved) {
                std::process::abort();
            }
            let from = staged_root.join(rel);
            let to = output.join(rel);
            if !page && std::fs::read(&from).is_ok_and(|bytes| unchanged(&to, &bytes)) {
                continue; // a static file as it was
            }
            make_folders(output, rel.parent().unwrap_or(Path::new("")))?;
            if std::fs::symlink_metadata(&to).is_ok_and(|m| m.is_dir()) {
                std::fs::remove_dir_all(&to).map_err(|e| Error::io(&to, e))?;
            }
            std::fs::rename(&from, &to).map_err(|e| Error::io(&to, e))?;
        }
        // Children before their folder, so that a folder left empty goes too. What brief
        // never makes (dotfiles, CNAME) is left alone, and so is all that is inside it.
        // (walkdir applies `filter_entry` to a folder only after its contents when they come
        // first, so the test is made on every path.)
        for entry in walkdir::WalkDir::new(output).min_depth(1).contents_first(true) {
            let entry = entry.map_err(|e| Error::io(output, e.into()))?;
            let rel = entry.path().strip_prefix(output).unwrap_or(entry.path());
            if is_theirs(rel) {
                continue;
            }
            if entry.file_type().is_dir() {
                // Refused while not empty, which is what keeps a folder still in use.
                let _ = std::fs::remove_dir(entry.path());
            } else if !made.contains(rel) {
                std::fs::remove_file(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
            }
        }
        std::fs::rename(staged_root.join(MARKER), &marker).map_err(|e| Error::io(&marker, e))
    }
}

/// What the marker says while a build replaces the output's files, and once it is done.
const UPDATING: &str = "Being updated by brief: a build stopped in this state left some files new and others old; the next build finishes it.\n";
const DONE: &str = "Written by brief, which brings this folder up to date on each build.\n";

/// Names in the output that brief never makes and never removes: dotfiles and folders (a
/// gh-pages worktree's `.git`, `.nojekyll`, `.well-known`) and a custom domain's `CNAME`.
pub fn is_kept(name: &str) -> bool {
    (name.starts_with('.') && name != MARKER) || name == "CNAME"
}

/// Whether a path in the output is one brief leaves alone: a kept name at the top, or
/// anything with a dotfile or dot-folder on its way.
fn is_theirs(rel: &Path) -> bool {
    let mut names = rel.components().map(|c| c.as_os_str().to_string_lossy());
    names.next().is_some_and(|top| is_kept(&top)) || names.any(|name| name.starts_with('.'))
}

/// The tests' stand-in for `kill -9` in the middle of an update (debug builds only): the
/// process aborts after moving this many files.
fn stop_after_moves() -> Option<usize> {
    if !cfg!(debug_assertions) {
        return None;
    }
    std::env::var("BRIEF_TEST_ABORT_AFTER_MOVES").ok()?.parse().ok()
}

/// Writes `path` whole: a temporary file beside it, renamed over it (a link in its place is
/// replaced, never written through).
fn replace_with(path: &Path, contents: &[u8]) -> Result<()> {
    let parent = path.parent().unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(parent).map_err(|e| Error::io(parent, e))?;
    std::io::Write::write_all(&mut file, contents).map_err(|e| Error::io(path, e))?;
    file.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// The temporary folders of builds into `<name>` are `.<name>.building-*` beside it.
fn staging_prefix(name: &str) -> String {
    format!(".{name}.building-")
}

/// Removes the staged folders that builds into `<parent>/<name>` left when they were killed.
/// Called with the output's lock held, so no build that is still running owns one. Only
/// real folders with brief's prefix go; `remove_dir_all` does not follow links inside them.
fn remove_stale_staging(parent: &Path, name: &str) {
    let prefix = staging_prefix(name);
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let is_folder = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_folder && entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// One build at a time writes into an output: a lock on `.<name>.lock` beside it, which the
/// operating system lets go when the process ends, however it ends. A second build is
/// refused, not queued, so the file can go with the build that made it: it is removed while
/// still locked, as the last thing the build does (a killed build leaves it, unlocked, and
/// the next build takes it over).
struct OutputLock {
    path: PathBuf,
    _file: std::fs::File,
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

impl OutputLock {
    fn acquire(parent: &Path, name: &str, output: &Path) -> Result<OutputLock> {
        let path = parent.join(format!(".{name}.lock"));
        if !crate::paths::plain_or_missing(&path) {
            return Err(Error::input(
                &path,
                None,
                "the output's lock file is a link or a folder; brief does not write through it",
                "remove it: brief makes it again",
            ));
        }
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => Ok(OutputLock { path, _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => Err(Error::input(
                output,
                None,
                "another brief build is writing into this output folder",
                "wait for it to finish, then build again",
            )),
            Err(std::fs::TryLockError::Error(e)) => Err(Error::io(&path, e)),
        }
    }
}

/// Makes `rel` a folder inside `output`, removing a file of an earlier build that stands
/// where one of its folders goes.
fn make_folders(output: &Path, rel: &Path) -> Result<()> {
    let mut path = output.to_path_buf();
    for component in rel.components() {
        path.push(component);
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_dir() => continue,
            Ok(_) => std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?,
            Err(_) => {}
        }
        std::fs::create_dir(&path).map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Whether `path` is a plain file (not a link) holding exactly `contents`. Read through a
/// small buffer rather than into a fresh allocation: most files compared are equal, and a
/// new buffer per file costs the kernel a zeroed page for every 4 KiB of it.
fn unchanged(path: &Path, contents: &[u8]) -> bool {
    use std::io::Read;
    let same_size = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == contents.len() as u64);
    let Some(mut file) = same_size.then(|| std::fs::File::open(path).ok()).flatten() else {
        return false;
    };
    let mut buffer = [0u8; 16 * 1024];
    let mut rest = contents;
    loop {
        match file.read(&mut buffer) {
            Ok(0) => return rest.is_empty(),
            Ok(n) if n <= rest.len() && buffer[..n] == rest[..n] => rest = &rest[n..],
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            _ => return false,
        }
    }
}

/// Replaces one file of a finished output folder (the preview's incremental writes): written
/// beside its place, then renamed over it, so that a reader sees the old file or the new one.
pub fn replace_file(output: &Path, page: &Page) -> Result<()> {
    let path = output.join(safe_relative(&page.path)?);
    let parent = path.parent().unwrap_or(output);
    std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    let mut file = tempfile::NamedTempFile::new_in(parent).map_err(|e| Error::io(parent, e))?;
    std::io::Write::write_all(&mut file, page.contents.as_bytes()).map_err(|e| Error::io(&path, e))?;
    file.persist(&path).map_err(|e| Error::io(&path, e.error))?;
    Ok(())
}

/// Removes one file of a finished output folder, if it is there, and the folders it leaves
/// empty (a person's `page/` folder when they are down to one page), as a build would.
pub fn remove_file(output: &Path, rel: &str) -> Result<()> {
    let path = output.join(safe_relative(rel)?);
    match std::fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(Error::io(&path, e)),
        _ => {}
    }
    // `remove_dir` refuses a folder that is not empty, which ends the walk up.
    let mut folder = path.parent();
    while let Some(dir) = folder.filter(|dir| dir.starts_with(output) && *dir != output) {
        if std::fs::remove_dir(dir).is_err() {
            break;
        }
        folder = dir.parent();
    }
    Ok(())
}

/// The theme's own static files, then the site's `static/` over them; warnings for the files
/// passed over.
fn copy_static(root: &Path, dir: &Path) -> Result<Vec<Warning>> {
    for (path, text) in THEME {
        if let Some(rel) = path.strip_prefix("static/") {
            let target = dir.join(safe_relative(rel)?);
            std::fs::write(&target, text).map_err(|e| Error::io(&target, e))?;
        }
    }
    // Links that lead out of the site are passed over with a warning (`paths::Site::files`).
    let mut warnings = Vec::new();
    let site = crate::paths::Site::new(root)?;
    for site_rel in site.files(STATIC_DIR, crate::paths::OutsideLink::Skip, &mut warnings)? {
        let rel = site_rel.strip_prefix(STATIC_DIR).unwrap_or(&site_rel);
        if rel.components().any(|c| crate::content::is_ignored_name(&c.as_os_str().to_string_lossy())) {
            continue;
        }
        let target = dir.join(rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        let source = root.join(&site_rel);
        std::fs::copy(&source, &target).map_err(|e| Error::io(&source, e))?;
    }
    Ok(warnings)
}

/// A page path made of plain names only: no root, no `..`.
fn safe_relative(path: &str) -> Result<PathBuf> {
    let rel = PathBuf::from(path);
    if path.is_empty() || !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(Error::input(
            Path::new(path),
            None,
            "this output path would leave the output folder",
            "report this as a bug: paths are made from slugs",
        ));
    }
    Ok(rel)
}

fn absolute(path: &Path) -> PathBuf {
    let path = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map(|d| d.join(path)).unwrap_or_else(|_| path.to_path_buf())
    };
    // Resolve `.` and `..` lexically, then links where the path exists.
    let mut clean = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    std::fs::canonicalize(&clean).unwrap_or(clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_paths_cannot_leave_the_output() {
        for bad in ["../x.html", "/etc/passwd", "a/../../b", ""] {
            assert!(safe_relative(bad).is_err(), "{bad}");
        }
        assert!(safe_relative("people/vladimir-putin.html").is_ok());
    }
}
