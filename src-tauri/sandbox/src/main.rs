//! `vpsdesk-sandbox`: serves every simulator until Ctrl-C.
//!
//! Stdout gets one `PROVIDER URL` line per simulator, then the demo
//! credentials, so scripts can read it; requests are traced on stderr.

use std::process::ExitCode;

use tracing_subscriber::EnvFilter;
use vpsdesk_sandbox::{demo_accounts, Options, ProviderKind, Sandbox};

const USAGE: &str = "usage: vpsdesk-sandbox [--port N] [--latency-ms N] [--transition-ms N]";

enum Command {
    Help,
    Serve(Options),
}

fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    // People run this binary to poke at the simulators, so the admin routes are on.
    let mut opts = Options { admin: true, ..Options::default() };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
            None => (arg, None),
        };
        if flag == "-h" || flag == "--help" {
            return Ok(Command::Help);
        }
        let value = inline.or_else(|| args.next()).ok_or_else(|| format!("{flag} needs a value"))?;
        let number = |what: &str| value.parse::<u64>().map_err(|_| format!("{what}: not a number: {value}"));
        match flag.as_str() {
            "--port" => opts.port = Some(value.parse().map_err(|_| format!("--port: not a port: {value}"))?),
            "--latency-ms" => opts.latency_ms = number("--latency-ms")?,
            "--transition-ms" => opts.transition_ms = number("--transition-ms")?,
            _ => return Err(format!("unknown argument: {flag}")),
        }
    }
    Ok(Command::Serve(opts))
}

#[tokio::main]
async fn main() -> ExitCode {
    let opts = match parse(std::env::args().skip(1)) {
        Ok(Command::Serve(opts)) => opts,
        Ok(Command::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("vpsdesk_sandbox=debug")))
        .with_writer(std::io::stderr)
        .init();

    let sandbox = match Sandbox::start(opts).await {
        Ok(sandbox) => sandbox,
        Err(err) => {
            eprintln!("cannot start the sandbox: {err}");
            return ExitCode::FAILURE;
        }
    };
    for provider in ProviderKind::ALL {
        if let Some(endpoint) = sandbox.endpoint(provider) {
            println!("{} {endpoint}", provider.id());
        }
    }
    for account in demo_accounts() {
        let mut line = format!("demo account: provider={} name={:?}", account.provider.id(), account.name);
        if let Some(username) = account.username {
            line.push_str(&format!(" username={username}"));
        }
        line.push_str(&format!(" key={}", account.secret));
        if let Some(region) = account.region {
            line.push_str(&format!(" region={region}"));
        }
        println!("{line}");
    }

    if let Err(err) = tokio::signal::ctrl_c().await {
        eprintln!("cannot wait for Ctrl-C: {err}");
        return ExitCode::FAILURE;
    }
    sandbox.shutdown();
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serve(args: &[&str]) -> Result<Options, String> {
        match parse(args.iter().map(|a| a.to_string()))? {
            Command::Serve(opts) => Ok(opts),
            Command::Help => Err("help".to_owned()),
        }
    }

    #[test]
    fn parses_flags_both_ways() {
        let opts = serve(&["--port", "18080", "--latency-ms=50", "--transition-ms", "200"]).unwrap();
        assert_eq!((opts.port, opts.latency_ms, opts.transition_ms), (Some(18080), 50, 200));
    }

    #[test]
    fn defaults_without_flags() {
        let opts = serve(&[]).unwrap();
        assert_eq!((opts.port, opts.latency_ms, opts.transition_ms, opts.admin), (None, 0, 1500, true));
    }

    #[test]
    fn rejects_bad_input() {
        assert!(serve(&["--port", "70000"]).is_err());
        assert!(serve(&["--latency-ms"]).is_err());
        assert!(serve(&["--verbose"]).is_err());
        assert!(matches!(parse(["--help".to_owned()]), Ok(Command::Help)));
    }
}
