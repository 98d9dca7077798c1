//! `kgexport completions SHELL`, `kgexport man` and `kgexport help [COMMAND]...`: the command
//! line describing itself, from the same clap definition that parses it.

use super::Cli;
use anyhow::{Context, Result};
use clap::CommandFactory;
use std::io::{self, Write};
use std::path::PathBuf;

/// `kgexport completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell: bash, elvish, fish, powershell or zsh.
    #[arg(value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// `kgexport man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Output file, or `-` for standard output (the default). `doc/kgexport.1` is this page.
    #[arg(short, long, value_name = "FILE", conflicts_with = "dir")]
    pub output: Option<PathBuf>,

    /// Write every page (kgexport.1 and one per command, kgexport-load.1 …) into this folder,
    /// as `doc/` holds them.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// `kgexport help`.
#[derive(Debug, clap::Args)]
pub struct HelpArgs {
    /// The command to describe (`load`, `query` …); none for kgexport itself.
    #[arg(value_name = "COMMAND")]
    pub command: Vec<String>,
}

/// Writes the completion script for a shell on standard output.
pub fn completions(args: CompletionsArgs) -> Result<bool> {
    let mut bytes = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "kgexport", &mut bytes);
    to_stdout(&bytes)
}

/// The man page, in roff.
pub fn man_page() -> Vec<u8> {
    let mut bytes = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut bytes).expect("writing to memory does not fail");
    bytes
}

/// Writes the man page to standard output or a file.
pub fn man(args: ManArgs) -> Result<bool> {
    if let Some(dir) = &args.dir {
        std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create directory", dir.display()))?;
        clap_mangen::generate_to(Cli::command(), dir).with_context(|| dir.display().to_string())?;
        return Ok(true);
    }
    let page = man_page();
    match args.output {
        Some(path) if path.as_os_str() != "-" => {
            let mut file = super::outfile::FileOutput::create(&path)?;
            file.write_all(&page).with_context(|| path.display().to_string())?;
            file.flush().with_context(|| path.display().to_string())?;
            file.commit()?;
            Ok(true)
        }
        _ => to_stdout(&page),
    }
}

/// Prints the long help of kgexport or of one of its commands; an unknown command is a usage
/// error (exit status 2).
pub fn help(args: HelpArgs) -> Result<bool> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut current = &mut cmd;
    for name in &args.command {
        let Some(sub) = current.find_subcommand_mut(name) else {
            let message = format!("no command {name:?}; try 'kgexport help'");
            Cli::command().error(clap::error::ErrorKind::InvalidSubcommand, message).exit();
        };
        current = sub;
    }
    let help = current.render_long_help().to_string();
    to_stdout(help.as_bytes())
}

fn to_stdout(bytes: &[u8]) -> Result<bool> {
    let stdout = io::stdout();
    let mut lock = stdout.lock();
    match lock.write_all(bytes).and_then(|()| lock.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(true),
        other => other.context("writing to standard output").map(|()| true),
    }
}
