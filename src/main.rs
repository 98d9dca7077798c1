//! Entry point: parses the command line, runs, and maps the outcome to an exit status.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    // Extraction bugs are caught per article and reported as one line; keep the default hook's
    // backtrace out of the way unless asked for.
    if std::env::var_os("RUST_BACKTRACE").is_none() {
        std::panic::set_hook(Box::new(|info| eprintln!("kgexport: internal error: {info}")));
    }
    match cli::run(args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("kgexport: {e:#}");
            ExitCode::from(1)
        }
    }
}
