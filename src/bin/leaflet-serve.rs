//! `leaflet-serve`: the web form and its API. `leaflet serve` runs this program;
//! it takes the same options.

use std::process::ExitCode;

use clap::Parser;
use leaflet::cli::ServeArgs;

/// Serve the leaflet's web form and its API (on this computer only, unless --addr
/// says otherwise).
#[derive(Debug, Parser)]
#[command(name = "leaflet-serve", version, long_about = None)]
struct Cli {
    #[command(flatten)]
    serve: ServeArgs,
}

fn main() -> ExitCode {
    let Cli { serve } = Cli::parse();
    let voice = leaflet::messages::Voice::from_environment(serve.dirs.locales.as_deref());
    let dirs = leaflet::Dirs {
        locales: serve.dirs.locales,
        layouts: serve.dirs.layouts,
        fonts: serve.dirs.fonts,
    };
    match leaflet::web::serve(serve.addr, dirs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(errors) => {
            eprintln!("{}", errors.render(&voice.speaker()));
            ExitCode::FAILURE
        }
    }
}
