//! Entry point: parses the command line, runs, and maps the outcome to an exit status.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    // Extraction bugs are caught per article and reported as one line; keep the default hook's
    // backtrace out of the way unless asked for.
    if std::env::var_os("RUST_BACKTRACE").is_none() {
        std::panic::set_hook(Box::new(|info| eprintln!("kgexport: internal error: {info}")));
    }
    let outcome = match cli.command {
        None => cli::run(cli.export),
        Some(cli::Command::Load(args)) => cli::load(args),
        Some(cli::Command::Query(args)) => cli::query(args),
        Some(cli::Command::Push(args)) => cli::push(args),
        Some(cli::Command::Parse(args)) => cli::parse(args),
        Some(cli::Command::Completions(args)) => cli::completions(args),
        Some(cli::Command::Man(args)) => cli::man(args),
        Some(cli::Command::Help(args)) => cli::help(args),
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) if e.downcast_ref::<cli::UsageError>().is_some() => {
            eprintln!("kgexport: error: {e:#}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("kgexport: {e:#}");
            ExitCode::from(1)
        }
    }
}
