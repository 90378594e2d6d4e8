//! The `leaflet` command: parse the arguments, call the library, report.

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use leaflet::messages::{msg, Arg, Speaker, Voice};
use leaflet::store::Store;
use leaflet::{Diagnostic, Diagnostics, Dirs, Job, Print, Settings};

use leaflet::cli::{
    BatchArgs, BuildArgs, CheckArgs, Cli, Command, DataDirs, Format, InitArgs, PrintArgs, ServeArgs,
};

/// What a command ends with: an exit status after it has reported, or problems
/// to report (exit status 1).
type Outcome = Result<ExitCode, Diagnostics>;

/// Everything is said in the language the environment asks for (see
/// [`leaflet::messages::wanted_languages`]), from the locales the command uses.
fn main() -> ExitCode {
    let cli = Cli::parse();
    let voice = Voice::from_environment(locales_dir(&cli.command));
    let say = voice.speaker();
    let outcome = match cli.command {
        Command::Build(args) => build(args, say),
        Command::Batch(args) => batch(args, say),
        Command::Check(args) => check(args, say),
        Command::List(dirs) => list(&dirs, say),
        Command::Init(args) => init(&args, say),
        Command::Serve(args) => serve(&args),
    };
    outcome.unwrap_or_else(|errors| {
        eprintln!("{}", errors.render(&say));
        ExitCode::FAILURE
    })
}

/// The locales folder a command was given, if any.
fn locales_dir(command: &Command) -> Option<&Path> {
    match command {
        Command::Build(a) => a.dirs.locales.as_deref(),
        Command::Batch(a) => a.dirs.locales.as_deref(),
        Command::Check(a) => a.dirs.locales.as_deref(),
        Command::List(dirs) => dirs.locales.as_deref(),
        Command::Init(a) => a.locales.as_deref(),
        Command::Serve(a) => a.dirs.locales.as_deref(),
    }
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
            fillable: print.fillable,
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

fn build(args: BuildArgs, say: Speaker<'_>) -> Outcome {
    let settings = settings(args.layout, &args.print, args.dirs)?;
    let job = match &args.contacts {
        Some(file) => Job::new(file, &args.lang),
        None => Job::blank(&args.lang),
    };
    let built = leaflet::build(&settings, &job)?;
    for warning in &built.warnings {
        eprintln!("{}", warning.render(&say));
    }
    // A blank form is named for what it is: `leaflet-fillable-sv.pdf`.
    let named = args
        .contacts
        .clone()
        .unwrap_or_else(|| "leaflet-fillable.toml".into());
    let output = args
        .output
        .unwrap_or_else(|| leaflet::output_name(&named, &built.lang));
    if args
        .contacts
        .as_ref()
        .is_some_and(|c| same_file(&output, c))
    {
        return Err(Diagnostic::error(msg("build-overwrite"))
            .in_file(&output)
            .hint(msg("hint-other-name"))
            .into());
    }
    leaflet::output::write_atomically(&output, &built.pdf)?;
    if output != Path::new("-") {
        let wrote = msg("build-wrote")
            .arg("file", output.display().to_string())
            .arg("pages", built.pages)
            .arg("kilobytes", built.pdf.len().div_ceil(1024));
        eprintln!("{}", say.say(&wrote));
    }
    Ok(ExitCode::SUCCESS)
}

fn batch(args: BatchArgs, say: Speaker<'_>) -> Outcome {
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
            Ok(_) => Some(say.say(&msg("batch-built").arg("file", o.output.display().to_string()))),
            Err(e) => {
                let failed = msg("batch-failed")
                    .arg("file", o.input.display().to_string())
                    .arg("lang", o.lang.as_str());
                Some(format!("{}\n{}", say.say(&failed), e.render(&say)))
            }
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
    let summary = msg("batch-summary")
        .arg("built", outcomes.len() - failed)
        .arg("total", outcomes.len())
        .arg("kilobytes", bytes.div_ceil(1024))
        .arg("seconds", Arg::decimals(started.elapsed().as_secs_f64(), 2))
        .arg("failed", failed);
    eprintln!("{}", say.say(&summary));
    // The failures are reported above, each with its errors.
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn check(args: CheckArgs, say: Speaker<'_>) -> Outcome {
    let stores = leaflet::check::Stores {
        locales: Store::locales(args.dirs.locales.as_deref()),
        layouts: Store::layouts(args.dirs.layouts.as_deref()),
        fonts: Store::fonts(args.dirs.fonts.as_deref()),
    };
    let today = leaflet::locale::Month::of(source_date_epoch()?);
    let report = leaflet::check::check(&stores, &args.langs, args.pseudo, today)?;
    match args.format {
        Format::Json => println!("{}", leaflet::check::to_json(&report, &say)),
        Format::Text => {
            for finding in &report.findings {
                println!("{}", finding.render(&say));
            }
            let summary = msg("check-summary")
                .arg("langs", report.checked.join(", "))
                .arg("errors", report.errors())
                .arg("warnings", report.findings.len() - report.errors());
            println!("{}", say.say(&summary));
        }
    }
    // The findings are the report.
    Ok(if report.errors() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn init(args: &InitArgs, say: Speaker<'_>) -> Outcome {
    let template =
        leaflet::locale::contacts_template(&Store::locales(args.locales.as_deref()), &args.lang)?;
    for warning in &template.warnings {
        eprintln!("{}", warning.render(&say));
    }
    print!("{}", template.text);
    Ok(ExitCode::SUCCESS)
}

fn list(dirs: &DataDirs, say: Speaker<'_>) -> Outcome {
    let locales = Store::locales(dirs.locales.as_deref());
    let layouts = Store::layouts(dirs.layouts.as_deref());
    println!("{}", say.say(&msg("list-languages")));
    for lang in leaflet::locale::available(&locales)? {
        println!("  {lang}");
    }
    println!("{}", say.say(&msg("list-layouts")));
    for name in leaflet::layout::names(&layouts)? {
        let layout = leaflet::layout::load(&layouts, &name)?;
        println!("  {name:<14} {}", layout.description.get(say.lang()));
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
        .map_err(|e| Diagnostic::error(msg("serve-not-found").arg("detail", e.to_string())))?;
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
        Diagnostic::error(
            msg("serve-cannot-start")
                .arg("program", server.display().to_string())
                .arg("detail", e.to_string()),
        )
        .hint(msg("hint-serve-installed"))
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

/// The last second a PDF date can name: 9999-12-31 23:59:59 UTC.
const LAST_PDF_DATE: i64 = 253_402_300_799;

/// The reproducible-builds date, if set: whole seconds from 1970 to the end of
/// year 9999 (a PDF date has four digits for the year); anything else is refused,
/// not silently left out.
fn source_date_epoch() -> Result<Option<i64>, Diagnostics> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Err(_) => Ok(None),
        Ok(v) => v
            .trim()
            .parse()
            .ok()
            .filter(|s| (0..=LAST_PDF_DATE).contains(s))
            .map(Some)
            .ok_or_else(|| {
                Diagnostic::error(msg("settings-source-date-epoch").arg("value", v.as_str())).into()
            }),
    }
}
