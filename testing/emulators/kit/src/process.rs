//! An emulator's `main`: its command line, an async runtime for its `run`, and the exit code.

use std::future::Future;
use std::process::ExitCode;

use crate::cli::Parsed;

/// Runs `run` with the parsed arguments on a multi-threaded runtime: prints `usage` for
/// `--help` (exit 0) or after a wrong argument (exit 2), and `run`'s error (exit 1).
pub fn main<A, F, Fut>(
    name: &str,
    usage: &str,
    parsed: Result<Parsed<A>, String>,
    run: F,
) -> ExitCode
where
    F: FnOnce(A) -> Fut,
    Fut: Future<Output = Result<(), String>>,
{
    let args = match parsed {
        Ok(Parsed::Run(args)) => args,
        Ok(Parsed::Help) => {
            println!("{usage}");
            return ExitCode::SUCCESS;
        }
        Err(why) => {
            eprintln!("{name}: {why}\n\n{usage}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("{name}: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(run(args));
    // Connections held open on purpose (blackholed, never answered) would keep it waiting.
    runtime.shutdown_background();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("{name}: {why}");
            ExitCode::FAILURE
        }
    }
}

/// Resolves at SIGTERM or SIGINT, with the signal's name.
pub async fn wait_for_signal() -> &'static str {
    use tokio::signal::unix::{signal, SignalKind};
    let (Ok(mut term), Ok(mut int)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) else {
        // Without signal handlers, Ctrl-C and kill still end the process the default way.
        return std::future::pending().await;
    };
    tokio::select! {
        _ = term.recv() => "SIGTERM",
        _ = int.recv() => "SIGINT",
    }
}
