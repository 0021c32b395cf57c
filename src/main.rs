//! The command line: parses arguments, calls the library, prints results and errors.

use brief::annotate::{self, Annotations, EntityKind, Speaker};
use brief::check::Severity;
use brief::{BuildOptions, Error};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// A build makes and drops millions of small strings and JSON values; mimalloc's per-thread
/// free lists handle that with less time and less fragmentation than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "brief", version, about = "Build annotated news briefing sites")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into its output folder (public/ by default).
    Build {
        /// The site folder (holding brief.yaml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Write the site here instead of the configured output folder.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Include articles marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// The URL the site is published under (overrides base_url in brief.yaml).
        #[arg(long)]
        base_url: Option<String>,
        /// No progress bar and no summary line: only warnings and errors.
        #[arg(long, short)]
        quiet: bool,
        /// Annotate and render everything afresh, without the cache in .brief-cache/.
        #[arg(long)]
        no_cache: bool,
        /// Print how long each stage of the build took.
        #[arg(long)]
        timings: bool,
    },
    /// Check the site before publishing: links, anchors, dates, sources, speakers, profiles,
    /// near-duplicate people, events with no articles. Exits 1 when it finds an error (a
    /// link or anchor that leads nowhere); the rest are warnings.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Include articles marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Exit 1 on warnings too, not only on errors.
        #[arg(long)]
        strict: bool,
        /// List every warning (by default each kind shows its first ten and a count).
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
    },
    /// Preview the site: build it, serve it, rebuild and reload the browser on every save.
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port to listen on (0: any free port).
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; the default serves this machine only.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the preview in the default browser.
        #[arg(long)]
        open: bool,
        /// Include articles marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Also answer requests addressed to this name (a development machine's DNS name, a
        /// reverse proxy's); repeatable. Other names are refused (DNS rebinding).
        #[arg(long = "allow-host", value_name = "NAME")]
        allow_host: Vec<String>,
    },
    /// Write a new site skeleton into DIR.
    Init {
        /// A new or empty folder.
        dir: PathBuf,
    },
    /// Print the annotations of articles (files or folders) for review.
    Annotate {
        /// Article files, or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The site whose people and events are the registry (by default the current
        /// folder, where it is a site).
        #[arg(long)]
        root: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Jsonl,
    Yaml,
}

fn main() -> ExitCode {
    brief::keep_freed_memory();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build { root, output, drafts, base_url, quiet, no_cache, timings } => {
            use std::io::IsTerminal as _;
            let progress = !quiet && std::io::stderr().is_terminal();
            build(&root, BuildOptions { output, drafts, base_url, no_cache, progress }, quiet, timings)
        }
        Command::Init { dir } => init(&dir),
        Command::Serve { root, port, bind, open, drafts, allow_host } => {
            serve(brief::serve::ServeOptions { root, bind, port, drafts, allowed_hosts: allow_host }, open)
        }
        Command::Check { root, drafts, strict, all, format } => match check(&root, drafts, strict, all, format) {
            Ok(true) => Ok(()),
            Ok(false) => return ExitCode::from(1),
            Err(e) => Err(e),
        },
        Command::Annotate { paths, root, format } => annotate_command(root.as_deref(), &paths, format),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            if let Some(hint) = error.hint() {
                eprintln!("  help: {hint}");
            }
            ExitCode::from(exit_code(&error))
        }
    }
}

/// 1: something in the site's files; 3: the file system refused.
fn exit_code(error: &Error) -> u8 {
    match error {
        Error::Io { .. } => 3,
        _ => 1,
    }
}

fn build(root: &Path, options: BuildOptions, quiet: bool, timings: bool) -> Result<(), Error> {
    let report = brief::build_then_exit(root, &options)?;
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    if !quiet {
        println!(
            "built {} pages ({} unchanged; {} articles, {} from cache; {} people, {} events, {} quotes) into {} in {:.2} s",
            report.pages,
            report.unchanged,
            report.articles,
            report.cached,
            report.people,
            report.events,
            report.quotes,
            report.output.display(),
            report.elapsed.as_secs_f64()
        );
    }
    if timings {
        for (stage, time) in &report.stages {
            println!("{:>16}: {:>8.1} ms", stage, time.as_secs_f64() * 1000.0);
        }
    }
    Ok(())
}

/// Prints the report; `Ok(false)` when it found an error (or, with `strict`, anything).
fn check(root: &Path, drafts: bool, strict: bool, all: bool, format: CheckFormat) -> Result<bool, Error> {
    let options = BuildOptions { drafts, ..Default::default() };
    let report = brief::check::check(root, &options)?;
    match format {
        CheckFormat::Json => {
            let text = serde_json::to_string_pretty(&report).unwrap_or_default();
            println!("{text}");
        }
        CheckFormat::Text => {
            // Warnings a real archive always has many of (people with no profile) are
            // summarised past the first few of each kind, unless --all asks for every one.
            const SHOWN: usize = 10;
            for group in report.findings.chunk_by(|a, b| a.check == b.check) {
                println!("{}:", check_heading(group[0].check));
                let shown = if all || group[0].severity() == Severity::Error { group.len() } else { SHOWN };
                for finding in group.iter().take(shown) {
                    println!("  {}: {}", finding.location, finding.message);
                    if let Some(suggestion) = &finding.suggestion {
                        println!("    → {suggestion}");
                    }
                }
                if group.len() > shown {
                    println!("  … and {} more (--all lists them)", group.len() - shown);
                }
            }
            let (errors, warnings) = (report.errors(), report.findings.len() - report.errors());
            println!(
                "checked {} pages and {} internal links: {} error{}, {} warning{}",
                report.pages,
                report.links,
                errors,
                if errors == 1 { "" } else { "s" },
                warnings,
                if warnings == 1 { "" } else { "s" }
            );
        }
    }
    Ok(if strict { report.findings.is_empty() } else { report.errors() == 0 })
}

fn check_heading(check: &str) -> &'static str {
    match check {
        "copies" => "Possible duplicates: copies folded into one article",
        "date" => "Articles without a date",
        "duplicate" => "People who may be one person",
        "event" => "Events with no articles",
        "link" => "Errors: broken links and anchors",
        "profile" => "Speakers with no profile",
        "source" => "Articles without a source",
        "speaker" => "Quotes without a speaker",
        _ => "Other",
    }
}

/// Ctrl-C, SIGTERM and SIGHUP (the terminal closed) are how a preview is meant to end, so
/// they end it as a success, exit 0 (`make preview` should not report an error), once the
/// preview has removed its folder: after the build in progress, which writes to it. A second
/// signal stops at once (130, interrupted) and leaves the folder to the next `brief serve`.
fn serve(options: brief::serve::ServeOptions, open: bool) -> Result<(), Error> {
    use std::sync::atomic::{AtomicBool, Ordering};
    let serving = std::sync::Arc::new(AtomicBool::new(false));
    let (stop, stopped) = std::sync::mpsc::channel::<()>();
    let handler = {
        let serving = std::sync::Arc::clone(&serving);
        let mut signals = 0;
        ctrlc::set_handler(move || {
            signals += 1;
            if signals > 1 {
                eprintln!("stopped; the next `brief serve` removes the preview's folder");
                std::process::exit(130);
            }
            if !serving.load(Ordering::Relaxed) {
                eprintln!("stopping after the build in progress (Ctrl-C again to stop now)");
            }
            let _ = stop.send(());
        })
    };
    if let Err(e) = &handler {
        eprintln!("warning: cannot handle Ctrl-C ({e}): the next `brief serve` will remove this one's folder");
    }
    let preview = brief::serve::Preview::start(options)?;
    serving.store(true, Ordering::Relaxed);
    if stopped.try_recv().is_ok() {
        return Ok(()); // stopped during the first build; dropping the preview removes its folder
    }
    let url = preview.url();
    println!("serving {url} (rebuilds and reloads on save; Ctrl-C stops)");
    if open {
        let opener = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
        if std::process::Command::new(opener).arg(&url).spawn().is_err() {
            eprintln!("warning: could not open a browser; visit {url}");
        }
    }
    if handler.is_ok() {
        let _ = stopped.recv();
        drop(preview); // removes the folder
    } else {
        preview.wait();
    }
    Ok(())
}

fn init(dir: &Path) -> Result<(), Error> {
    let written = brief::init::init(dir)?;
    for file in written {
        println!("wrote {}", dir.join(file).display());
    }
    println!("next: cd {} && brief build", dir.display());
    Ok(())
}

/// One article's annotations as editors and the evaluation kit read them.
#[derive(serde::Serialize)]
struct AnnotatedFile {
    /// The file's name without its extension; for a file of several articles (a feed, a
    /// page or NewsML-G2 message of several), the article's slug.
    id: String,
    path: String,
    title: String,
    date: Option<String>,
    author: Option<String>,
    source: Option<String>,
    url: Option<String>,
    /// The text the annotator read: for plain text (wire reports, and what brief took from
    /// pages, feeds and wire XML), its paragraphs with a blank line between them, which for
    /// those last is the text the annotations' spans point into; for Markdown, the body.
    text: String,
    quotes: Vec<QuoteOut>,
    people: Vec<String>,
    organisations: Vec<String>,
    places: Vec<String>,
    events: Vec<String>,
    annotations: Annotations,
}

#[derive(serde::Serialize)]
struct QuoteOut {
    text: String,
    /// The person's or organisation's name; for a source the article leaves unnamed, how it
    /// describes them ("a senior official"), with `named` false.
    speaker: Option<String>,
    named: bool,
    cue: Option<String>,
    fragment: bool,
}

fn annotate_command(root: Option<&Path>, paths: &[PathBuf], format: Format) -> Result<(), Error> {
    // A site named with --root must be one; the current folder is used when it is one.
    let root = root.or_else(|| Path::new(brief::config::CONFIG_FILE).is_file().then_some(Path::new(".")));
    let content = match root {
        Some(root) => {
            brief::config::Config::load(root)?;
            brief::content::load(root, Default::default())?
        }
        None => Default::default(),
    };
    let registry = brief::registry(&content);
    let mut files = Vec::new();
    for path in paths {
        collect_articles(path, &mut files)?;
    }
    let mut out = Vec::new();
    let articles = files.iter().map(|file| brief::content::load_article(Path::new(""), file).map(|a| (file, a)));
    let articles: Vec<_> = articles.collect::<Result<_, _>>()?;
    let articles = articles.into_iter().flat_map(|(file, a)| {
        let several = a.len() > 1;
        a.into_iter().map(move |a| (file, several, a))
    });
    for (file, several, (article, warnings)) in articles {
        // A feed's item is named by its slug (from its guid or link), even alone in its feed.
        let stem = file.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let declared = brief::content::readers::reader_for(file).is_some_and(|r| r.charset.is_some());
        let own_id = several || (declared && brief::slug::slugify(&stem).as_deref() != Some(article.slug.as_str()));
        for warning in warnings {
            eprintln!("warning: {warning}");
        }
        let annotations = annotate::annotate(&article.body, article.format, &registry, &article.overrides);
        let names = |kind: EntityKind| -> Vec<String> {
            annotations.entities.iter().filter(|e| e.kind == kind).map(|e| e.name.clone()).collect()
        };
        let quotes = annotations
            .quotes
            .iter()
            .map(|q| {
                let (speaker, named) = match &q.speaker {
                    Some(Speaker::Entity { entity }) => {
                        (annotations.entities.get(*entity).map(|e| e.name.clone()), true)
                    }
                    Some(Speaker::Unnamed { description }) => (Some(description.clone()), false),
                    // A lone "they" says nothing of who spoke.
                    Some(Speaker::They) => (None, false),
                    None => (None, false),
                };
                QuoteOut { text: q.text.clone(), speaker, named, cue: q.cue.clone(), fragment: q.fragment }
            })
            .collect();
        let text = match article.format {
            annotate::TextFormat::Markdown => article.body.clone(),
            annotate::TextFormat::Plain => {
                article.body.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n\n")
            }
        };
        out.push(AnnotatedFile {
            id: if own_id { article.slug.clone() } else { stem },
            path: file.display().to_string(),
            title: article.title.clone(),
            date: article.date.map(|d| d.to_string()),
            author: article.author.clone(),
            source: article.source.clone(),
            url: article.url.clone(),
            text,
            quotes,
            people: names(EntityKind::Person),
            organisations: names(EntityKind::Organisation),
            places: names(EntityKind::Place),
            events: annotations.events.clone(),
            annotations,
        });
    }
    let stdout = std::io::stdout();
    let mut stdout = stdout.lock();
    let text = match format {
        Format::Json => serde_json::to_string_pretty(&out).map(|s| s + "\n").map_err(|e| e.to_string()),
        Format::Jsonl => out
            .iter()
            .map(|a| serde_json::to_string(a).map(|s| s + "\n"))
            .collect::<Result<String, _>>()
            .map_err(|e| e.to_string()),
        Format::Yaml => brief::yaml::to_string(&out).map_err(|e| e.message),
    };
    let text = text.map_err(|message| Error::Template { name: "annotate output".into(), message })?;
    stdout.write_all(text.as_bytes()).map_err(|e| Error::io(Path::new("<stdout>"), e))?;
    Ok(())
}

fn collect_articles(path: &Path, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    if path.is_dir() {
        for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::input(path, None, e.to_string(), "check the folder"))?;
            if entry.file_type().is_file() && brief::content::readers::reader_for(entry.path()).is_some() {
                files.push(entry.path().to_path_buf());
            }
        }
        Ok(())
    } else if path.is_file() {
        files.push(path.to_path_buf());
        Ok(())
    } else if path.exists() {
        Err(Error::input(
            path,
            None,
            "this is neither a plain file nor a folder",
            "give article files or folders of them",
        ))
    } else {
        Err(Error::input(path, None, "no such file or folder", "give article files or folders of them"))
    }
}
