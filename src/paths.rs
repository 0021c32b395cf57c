//! The site's boundary. brief reads the site's own files and writes its output, its cache and
//! its own temporary folders, and nothing else, whatever a symbolic link says: a link inside
//! the site that leads to another place inside it is followed, a link that leads out of it is
//! not. Every folder walk over the site's files goes through [`site_files`], and every file
//! brief writes by name in a folder it did not make goes through [`plain_or_missing`].

use crate::error::{Error, Result, Warning};
use std::path::{Path, PathBuf};

/// What to do with a symbolic link that leads out of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutsideLink {
    /// Stop with an error naming the link: content and templates, which end up in pages.
    Refuse,
    /// Pass it over with a warning: static files.
    Skip,
}

/// The site folder, resolved: every path brief reads must lie under it.
#[derive(Debug, Clone)]
pub struct Site {
    root: PathBuf,
    resolved: PathBuf,
}

impl Site {
    pub fn new(root: &Path) -> Result<Site> {
        let resolved = std::fs::canonicalize(root).map_err(|e| Error::io(root, e))?;
        Ok(Site { root: root.to_path_buf(), resolved })
    }

    /// Whether `path` (which may pass through links) resolves to a place inside the site.
    /// A path that resolves to nothing (a broken link) is not inside.
    pub fn contains(&self, path: &Path) -> bool {
        std::fs::canonicalize(path).is_ok_and(|real| real.starts_with(&self.resolved))
    }

    /// Refuses `rel` (relative to the root) when it exists and resolves to a place outside the
    /// site: itself a link out of it, or inside a folder that is one.
    pub fn check_inside(&self, rel: &Path) -> Result<()> {
        let path = self.root.join(rel);
        let exists = std::fs::symlink_metadata(&path).is_ok();
        if exists && !self.contains(&path) { Err(outside_error(rel, &path)) } else { Ok(()) }
    }

    /// The files under `root/dir`, relative to the root and sorted, with links that stay in
    /// the site followed. A link that leads out of it is refused or skipped, as `outside` says.
    pub fn files(&self, dir: &str, outside: OutsideLink, warnings: &mut Vec<Warning>) -> Result<Vec<PathBuf>> {
        let base = self.root.join(dir);
        if !base.is_dir() {
            return Ok(Vec::new());
        }
        let mut files = Vec::new();
        let mut walk = walkdir::WalkDir::new(&base).follow_links(true).sort_by_file_name().into_iter();
        while let Some(entry) = walk.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let path = e.path().unwrap_or(&base).to_path_buf();
                    let rel = path.strip_prefix(&self.root).unwrap_or(&path).to_path_buf();
                    let dangling = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
                        && std::fs::metadata(&path).is_err();
                    if dangling && outside == OutsideLink::Skip {
                        warnings.push(skipped(&rel, "a symbolic link that points to nothing"));
                        continue;
                    }
                    let message = if e.loop_ancestor().is_some() {
                        "a symbolic link here points back to a folder that contains it".to_string()
                    } else if dangling {
                        "a symbolic link here points to nothing".to_string()
                    } else {
                        e.to_string()
                    };
                    return Err(Error::input(&rel, None, message, "remove the link or point it elsewhere"));
                }
            };
            let rel = entry.path().strip_prefix(&self.root).unwrap_or(entry.path()).to_path_buf();
            // The walk's own root may be a link too (content/ itself linked elsewhere).
            if (entry.path_is_symlink() || entry.depth() == 0) && !self.contains(entry.path()) {
                match outside {
                    OutsideLink::Refuse => return Err(outside_error(&rel, entry.path())),
                    OutsideLink::Skip => {
                        warnings.push(skipped(&rel, "a symbolic link that leads out of the site"));
                        if entry.file_type().is_dir() {
                            walk.skip_current_dir();
                        }
                        continue;
                    }
                }
            }
            if entry.file_type().is_file() {
                files.push(rel);
            }
        }
        Ok(files)
    }
}

fn outside_error(rel: &Path, path: &Path) -> Error {
    let target = std::fs::read_link(path).map(|t| t.display().to_string()).unwrap_or_else(|_| "elsewhere".into());
    Error::input(
        rel,
        None,
        format!("this symbolic link leads out of the site (to {target}); brief reads only files inside the site"),
        "copy the file into the site, or remove the link",
    )
}

fn skipped(rel: &Path, what: &str) -> Warning {
    Warning { location: rel.display().to_string(), message: format!("skipped: {what}") }
}

/// Whether `path` is a plain file or nothing at all: never a link, a folder or a device. A
/// file brief writes by name in a folder that others can put things in (its cache) is
/// checked with this first, so that a link planted in its place is never written through.
pub fn plain_or_missing(path: &Path) -> bool {
    match std::fs::symlink_metadata(path) {
        Ok(meta) => meta.file_type().is_file(),
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

/// Whether `path` exists as a link (whatever it points to, or nothing).
pub fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}
