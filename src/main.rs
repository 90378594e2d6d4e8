//! The `leaflet` command: parse the arguments, call the library, report.

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use leaflet::store::Store;
use leaflet::{Diagnostic, Diagnostics, Dirs, Job, Print, Settings};

use leaflet::cli::{
    BatchArgs, BuildArgs, CheckArgs, Cli, Command, DataDirs, Format, InitArgs, PrintArgs, ServeArgs,
};

/// What a command ends with: an exit status after it has reported, or problems
/// to report (exit status 1).
type Outcome = Result<ExitCode, Diagnostics>;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Build(args) => build(args),
        Command::Batch(args) => batch(args),
        Command::Check(args) => check(args),
        Command::List(dirs) => list(&dirs),
        Command::Init(args) => init(&args),
        Command::Serve(args) => serve(&args),
    };
    outcome.unwrap_or_else(|errors| {
        eprintln!("{errors}");
        ExitCode::FAILURE
    })
}

/// The settings the command line gives a run.
fn settings(layout: String, print: &PrintArgs, dirs: DataDirs) -> Result<Settings, Diagnostics> {
    Ok(Settings {
        layout,
        dirs: dirs_of(dirs),
        print: Print {
            impose: print.impose.into(),
            bleed_mm: print.bleed,
            crop_marks: print.crop_marks,
            pdf_a: print.pdf_a,
            pdf_ua: print.pdf_ua,
        },
        date: source_date_epoch()?,
    })
}

fn dirs_of(dirs: DataDirs) -> Dirs {
    Dirs {
        locales: dirs.locales,
        layouts: dirs.layouts,
        fonts: dirs.fonts,
    }
}

fn build(args: BuildArgs) -> Outcome {
    let settings = settings(args.layout, &args.print, args.dirs)?;
    let job = Job::new(&args.contacts, &args.lang);
    let built = leaflet::build(&settings, &job)?;
    for warning in &built.warnings {
        eprintln!("{warning}");
    }
    let output = args
        .output
        .unwrap_or_else(|| leaflet::output_name(&args.contacts, &built.lang));
    if same_file(&output, &args.contacts) {
        return Err(
            Diagnostic::error("the output would overwrite the contacts file")
                .in_file(&output)
                .hint("give another file name with -o")
                .into(),
        );
    }
    leaflet::output::write_atomically(&output, &built.pdf)?;
    if output != Path::new("-") {
        eprintln!(
            "wrote {} ({} pages, {} KB)",
            output.display(),
            built.pages,
            built.pdf.len().div_ceil(1024)
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn batch(args: BatchArgs) -> Outcome {
    use std::io::IsTerminal;
    let options = leaflet::batch::BatchOptions {
        files: leaflet::batch::contacts_files(&args.inputs)?,
        langs: args.lang,
        out_dir: args.out_dir,
        jobs: args.jobs,
        settings: settings(args.layout, &args.print, args.dirs)?,
    };
    let total = options.files.len() * options.langs.len();
    let started = std::time::Instant::now();
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(total as u64);
        let style = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}");
        if let Ok(style) = style {
            bar.set_style(style);
        }
        bar
    });
    let report = |o: &leaflet::batch::Outcome| {
        // On a terminal the bar shows progress and only failures are printed;
        // otherwise every document gets a line.
        let line = match &o.result {
            Ok(_) if bar.is_some() => None,
            Ok(_) => Some(format!("built {}", o.output.display())),
            Err(e) => Some(format!("failed {} ({}):\n{e}", o.input.display(), o.lang)),
        };
        match (&bar, line) {
            (Some(bar), Some(line)) => bar.println(line),
            (None, Some(line)) => eprintln!("{line}"),
            _ => {}
        }
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    };
    let outcomes = leaflet::batch::run(&options, &report)?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let failed = outcomes.iter().filter(|o| o.result.is_err()).count();
    let bytes: usize = outcomes
        .iter()
        .filter_map(|o| o.result.as_ref().ok())
        .map(|r| r.0)
        .sum();
    eprintln!(
        "built {} of {} leaflets ({} KB) in {:.2} s{}",
        outcomes.len() - failed,
        outcomes.len(),
        bytes.div_ceil(1024),
        started.elapsed().as_secs_f64(),
        if failed > 0 {
            format!("; {failed} failed")
        } else {
            String::new()
        }
    );
    // The failures are reported above, each with its errors.
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn check(args: CheckArgs) -> Outcome {
    let stores = leaflet::check::Stores {
        locales: Store::locales(args.dirs.locales.as_deref()),
        layouts: Store::layouts(args.dirs.layouts.as_deref()),
        fonts: Store::fonts(args.dirs.fonts.as_deref()),
    };
    let report = leaflet::check::check(&stores, &args.langs, args.pseudo)?;
    match args.format {
        Format::Json => println!("{}", leaflet::check::to_json(&report)),
        Format::Text => {
            for finding in &report.findings {
                println!("{finding}");
            }
            let warnings = report.findings.len() - report.errors();
            println!(
                "checked {}: {} error{}, {} warning{}",
                report.checked.join(", "),
                report.errors(),
                if report.errors() == 1 { "" } else { "s" },
                warnings,
                if warnings == 1 { "" } else { "s" },
            );
        }
    }
    // The findings are the report.
    Ok(if report.errors() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn init(args: &InitArgs) -> Outcome {
    let template =
        leaflet::locale::contacts_template(&Store::locales(args.locales.as_deref()), &args.lang)?;
    for warning in &template.warnings {
        eprintln!("{warning}");
    }
    print!("{}", template.text);
    Ok(ExitCode::SUCCESS)
}

fn list(dirs: &DataDirs) -> Outcome {
    let locales = Store::locales(dirs.locales.as_deref());
    let layouts = Store::layouts(dirs.layouts.as_deref());
    println!("languages:");
    for lang in leaflet::locale::available(&locales)? {
        println!("  {lang}");
    }
    println!("layouts:");
    for name in leaflet::layout::names(&layouts)? {
        let layout = leaflet::layout::load(&layouts, &name)?;
        println!("  {name:<14} {}", layout.description);
    }
    Ok(ExitCode::SUCCESS)
}

/// `leaflet serve` runs `leaflet-serve`, the program installed beside this one.
///
/// Decision: the web server is a program of its own so that its web stack (tokio,
/// axum, the preview renderer) is not loaded by every `leaflet build`. Linked into
/// this program it doubled the relocations the loader applies at start-up and cost
/// every build a millisecond (about a ninth) in page faults alone.
fn serve(args: &ServeArgs) -> Outcome {
    let server = std::env::current_exe()
        .map(|exe| exe.with_file_name(format!("leaflet-serve{}", std::env::consts::EXE_SUFFIX)))
        .map_err(|e| Diagnostic::error(format!("cannot find leaflet-serve ({e})")))?;
    let mut command = std::process::Command::new(&server);
    command.arg("--addr").arg(args.addr.to_string());
    let dirs = &args.dirs;
    for (flag, dir) in [
        ("--locales", &dirs.locales),
        ("--layouts", &dirs.layouts),
        ("--fonts", &dirs.fonts),
    ] {
        if let Some(dir) = dir {
            command.arg(flag).arg(dir);
        }
    }
    let failed = |e: std::io::Error| {
        Diagnostic::error(format!("cannot start {} ({e})", server.display())).hint(
            "leaflet-serve is built and installed with leaflet: `cargo build --release` \
             or `cargo install --path .` makes both",
        )
    };
    #[cfg(unix)]
    {
        // Become the server (same process, so signals reach it as they would us).
        use std::os::unix::process::CommandExt;
        Err(failed(command.exec()).into())
    }
    #[cfg(not(unix))]
    {
        match command.status() {
            Ok(status) => Ok(ExitCode::from(
                status
                    .code()
                    .and_then(|c| u8::try_from(c).ok())
                    .unwrap_or(1),
            )),
            Err(e) => Err(failed(e).into()),
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The reproducible-builds date, if set.
fn source_date_epoch() -> Result<Option<i64>, Diagnostics> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Err(_) => Ok(None),
        Ok(v) => v.trim().parse().map(Some).map_err(|_| {
            Diagnostic::error(format!(
                "SOURCE_DATE_EPOCH must be whole seconds since 1970, not `{v}`"
            ))
            .into()
        }),
    }
}
