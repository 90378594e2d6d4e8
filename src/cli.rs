//! The command line: every flag and its help text, and nothing else. Shared by
//! `leaflet` and `leaflet-serve`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Make the printable carer-support leaflet with your organisation's contact details.
#[derive(Debug, Parser)]
#[command(name = "leaflet", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the leaflet PDF from a contacts file.
    Build(BuildArgs),
    /// Build leaflets for many contacts files and languages at once.
    Batch(BatchArgs),
    /// Check translations: what is missing, obsolete or broken, and what does not fit.
    Check(CheckArgs),
    /// List the languages and layouts there are.
    List(DataDirs),
    /// Serve the web form and its API (on this computer only, unless --addr says otherwise).
    Serve(ServeArgs),
    /// Print a commented contacts file to fill in: leaflet init --lang sv > kontakter.toml
    Init(InitArgs),
}

/// `leaflet serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Where to listen; 0.0.0.0:8080 lets other computers in.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Folders that replace the bundled data.
    #[command(flatten)]
    pub dirs: DataDirs,
}

/// `leaflet init`.
#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The language of the template's comments (sv, fi, en).
    #[arg(long, default_value = "sv")]
    pub lang: String,
    /// Use the locales in this folder instead of the bundled ones.
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
}

/// `leaflet batch`.
#[derive(Debug, clap::Args)]
pub struct BatchArgs {
    /// Contacts files, or folders of them (every .toml file in a folder).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Languages, separated by commas: a leaflet per file and language.
    #[arg(long, value_delimiter = ',', default_value = "sv")]
    pub lang: Vec<String>,
    /// Layout name (see `leaflet list`) or path to a layout file.
    #[arg(long, default_value = crate::layout::DEFAULT)]
    pub layout: String,
    /// Where to write the PDFs (<file name>-<lang>.pdf); made if missing. `-o`,
    /// as for `leaflet build`.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out_dir: PathBuf,
    /// How many leaflets to build at a time [default: one per core].
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
    /// Print options, as for `leaflet build`.
    #[command(flatten)]
    pub print: PrintArgs,
    /// Folders that replace the bundled data.
    #[command(flatten)]
    pub dirs: DataDirs,
}

/// Print options shared by `build` and `batch`.
#[derive(Debug, clap::Args)]
pub struct PrintArgs {
    /// `booklet` puts two pages on each side of a sheet, in folding order (print duplex, flip on the short edge).
    #[arg(long, value_enum, default_value_t = ImposeArg::None)]
    pub impose: ImposeArg,
    /// Bleed in millimetres on every side, for a print shop (usually 3).
    #[arg(long, value_name = "MM")]
    pub bleed: Option<f32>,
    /// Draw crop marks outside the bleed.
    #[arg(long)]
    pub crop_marks: bool,
    /// Write PDF/A-2b, for archiving.
    #[arg(long)]
    pub pdf_a: bool,
    /// Claim PDF/UA-1 (accessible PDF); refuses what would break it, such as a logo without logo_alt.
    #[arg(long)]
    pub pdf_ua: bool,
    /// Make the contact page a PDF form to fill in with a PDF reader; a contacts file, if given, fills it in.
    #[arg(long)]
    pub fillable: bool,
}

/// `leaflet check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The languages to check (folder names under locales/); all of them if none.
    pub langs: Vec<String>,
    /// Also show what would not fit a translation a third longer than Swedish.
    #[arg(long)]
    pub pseudo: bool,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Folders that replace the bundled data.
    #[command(flatten)]
    pub dirs: DataDirs,
}

/// `--impose` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImposeArg {
    /// Pages in reading order.
    None,
    /// Sheets to fold into a booklet.
    Booklet,
}

impl From<ImposeArg> for crate::Impose {
    fn from(arg: ImposeArg) -> Self {
        match arg {
            ImposeArg::None => crate::Impose::None,
            ImposeArg::Booklet => crate::Impose::Booklet,
        }
    }
}

/// Output formats of `leaflet check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Lines for people.
    Text,
    /// One JSON object for programs.
    Json,
}

/// `leaflet build`.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The contacts file (TOML), e.g. examples/asby.toml; with --fillable it may be left out for a blank form.
    #[arg(required_unless_present = "fillable")]
    pub contacts: Option<PathBuf>,
    /// Language of the leaflet text (sv, fi, en, or any under locales/; sv-FI falls back to sv; qps previews a longer text).
    #[arg(long, default_value = "sv")]
    pub lang: String,
    /// Layout name (see `leaflet list`) or path to a layout file.
    #[arg(long, default_value = crate::layout::DEFAULT)]
    pub layout: String,
    /// Where to write the PDF [default: <contacts file name>-<lang>.pdf; `-` for standard output].
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Print options.
    #[command(flatten)]
    pub print: PrintArgs,
    /// Folders that replace the bundled data.
    #[command(flatten)]
    pub dirs: DataDirs,
}

/// Folders that replace the bundled locales, layouts and fonts.
#[derive(Debug, clap::Args)]
pub struct DataDirs {
    /// Use the locales in this folder instead of the bundled ones.
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
    /// Use the layouts in this folder instead of the bundled ones.
    #[arg(long, value_name = "DIR")]
    pub layouts: Option<PathBuf>,
    /// Use the fonts in this folder instead of the bundled ones.
    #[arg(long, value_name = "DIR")]
    pub fonts: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_is_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
