//! The `tenor` command: parses arguments, builds options, calls the library, maps the outcome
//! to an exit code. All logic lives in the library; see `cli/` for the commands' wiring.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    match cli::run(args) {
        Ok(code) => code.into(),
        Err(err) => {
            if cli::is_broken_pipe(&err) {
                return cli::Exit::Success.into();
            }
            eprintln!("tenor: error: {err:#}");
            cli::Exit::Fatal.into()
        }
    }
}
