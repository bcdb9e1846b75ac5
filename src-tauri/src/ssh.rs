//! "Open SSH": the user's terminal running `ssh user@address`. The program is
//! started directly, never through a shell, so nothing in a server's data or
//! a preference is interpreted as shell code; the address is one the
//! provider reported, parsed as an IP address. Nothing about the server's
//! password is kept or passed: ssh asks for it in the terminal, or uses the
//! user's keys and agent.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use vpsdesk_core::model::Server;
use vpsdesk_core::{Error, Result};

/// Tried in this order when the terminal preference is unset, after
/// `$TERMINAL -e`; each with what makes it run the command that follows.
const TERMINALS: &[&[&str]] =
    &[&["x-terminal-emulator", "-e"], &["gnome-terminal", "--"], &["konsole", "-e"], &["xterm", "-e"]];

/// A login name ssh can take: letters, digits, `_`, `.`, `-`, not starting
/// with `-` (ssh would read an option) and at most 32 characters.
pub fn user(name: &str) -> Result<&str> {
    let ok = (1..=32).contains(&name.len())
        && !name.starts_with(['-', '.'])
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if ok {
        Ok(name)
    } else {
        Err(Error::field(
            "ssh_user",
            format!(
                "{name:?} is not a user name ssh can log in as: use letters, digits, '_', '.' or '-' (not first), at most 32; set it in the preferences"
            ),
        ))
    }
}

/// The first public IPv4 address the provider reported, else the first
/// public IPv6 one; private, loopback and link-local ones are not reachable
/// from here.
pub fn address(server: &Server) -> Result<IpAddr> {
    let parsed = |list: &[String]| -> Vec<IpAddr> { list.iter().filter_map(|a| a.trim().parse().ok()).collect() };
    let public = |ip: &IpAddr| match ip {
        IpAddr::V4(v4) => !(v4.is_private() || v4.is_loopback() || v4.is_link_local() || v4.is_unspecified()),
        IpAddr::V6(v6) => {
            !(v6.is_loopback() || v6.is_unspecified() || v6.is_unicast_link_local() || v6.is_unique_local())
        }
    };
    parsed(&server.ipv4).into_iter().chain(parsed(&server.ipv6)).find(public).ok_or_else(|| {
        let name = if server.name.is_empty() { &server.id } else { &server.name };
        Error::invalid_state(format!("{name} has no public IP address to connect to."))
    })
}

/// The terminal's argv before `ssh user@address`: the preference split as a
/// shell would (quotes, backslashes) but never run by one; unset, the first
/// terminal found on this machine.
pub fn terminal(
    preference: Option<&str>,
    env_terminal: Option<&str>,
    found: impl Fn(&str) -> bool,
) -> Result<Vec<String>> {
    if let Some(command) = preference.map(str::trim).filter(|c| !c.is_empty()) {
        let argv = shlex::split(command)
            .filter(|a| !a.is_empty())
            .ok_or_else(|| Error::field("terminal_command", format!("{command:?} has an unclosed quote")))?;
        if !found(&argv[0]) {
            return Err(Error::field(
                "terminal_command",
                format!("the terminal {:?} was not found; change the terminal command in the preferences", argv[0]),
            ));
        }
        return Ok(argv);
    }
    let from_env = env_terminal.and_then(shlex::split).filter(|a| !a.is_empty()).map(|mut argv| {
        argv.push("-e".to_string());
        argv
    });
    let known = TERMINALS.iter().map(|t| t.iter().map(|s| s.to_string()).collect());
    from_env.into_iter().chain(known).find(|argv: &Vec<String>| found(&argv[0])).ok_or_else(|| {
        Error::unsupported(
            "No terminal was found (x-terminal-emulator, gnome-terminal, konsole, xterm, or $TERMINAL): set the terminal command in the preferences, e.g. \"xterm -e\"",
        )
    })
}

/// Everything the terminal is started with.
pub fn argv(terminal: Vec<String>, user: &str, address: IpAddr) -> Vec<String> {
    let mut argv = terminal;
    argv.push("ssh".to_string());
    argv.push(format!("{user}@{address}"));
    argv
}

/// Whether `program` can be started: a path to a file, or a name on `$PATH`.
pub fn found(program: &str) -> bool {
    let candidates: Vec<PathBuf> = if program.contains('/') {
        vec![PathBuf::from(program)]
    } else {
        std::env::var_os("PATH")
            .map(|p| std::env::split_paths(&p).map(|d| d.join(program)).collect())
            .unwrap_or_default()
    };
    candidates.iter().any(|p| executable(p))
}

fn executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata().is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// Starts the terminal and leaves it to the user; a thread reaps it when it
/// closes, so it never lingers as a zombie.
pub fn open(argv: &[String]) -> Result<()> {
    let (program, args) = argv.split_first().ok_or_else(|| Error::validation("no terminal to start"))?;
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| Error::unsupported(format!("the terminal {program:?} could not be started: {e}")))?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use vpsdesk_core::model::{ProviderKind, Status};

    fn server(ipv4: &[&str], ipv6: &[&str]) -> Server {
        Server {
            account: "Demo Vultr".into(),
            account_id: "acc-1".into(),
            provider: ProviderKind::Vultr,
            id: "576965".into(),
            name: "web-1".into(),
            status: Status::Running,
            provider_status: String::new(),
            ipv4: ipv4.iter().map(|s| s.to_string()).collect(),
            ipv6: ipv6.iter().map(|s| s.to_string()).collect(),
            region: String::new(),
            plan: String::new(),
            created_at: None,
            details: vec![],
            capabilities: None,
        }
    }

    #[test]
    fn the_first_public_ipv4_then_ipv6() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert_eq!(address(&server(&["10.0.0.5", "203.0.113.10"], &["2001:db8::1"])).unwrap(), ip("203.0.113.10"));
        assert_eq!(
            address(&server(&["192.168.1.2", "not an ip"], &["fe80::1", "2001:db8::1"])).unwrap(),
            ip("2001:db8::1")
        );
        let none = address(&server(&["10.0.0.5"], &["fd00::1"])).unwrap_err();
        assert_eq!(none.message, "web-1 has no public IP address to connect to.");
    }

    #[test]
    fn only_a_plain_user_name_reaches_ssh() {
        for good in ["root", "deploy", "ubuntu", "a.b-c_d", "Admin2"] {
            assert_eq!(user(good).unwrap(), good);
        }
        for bad in ["", "-oProxyCommand=x", ".hidden", "root@evil", "a b", "x;rm", "ü", &"a".repeat(33)] {
            let e = user(bad).unwrap_err();
            assert_eq!(e.fields[0].field, "ssh_user", "{bad:?}");
        }
    }

    #[test]
    fn argv_is_the_terminal_then_ssh() {
        let everywhere = |_: &str| true;
        let term = terminal(Some("  gnome-terminal --title 'vps desk' -- "), None, everywhere).unwrap();
        let run = argv(term, "root", "203.0.113.10".parse().unwrap());
        assert_eq!(run, ["gnome-terminal", "--title", "vps desk", "--", "ssh", "root@203.0.113.10"]);
        let v6 = argv(vec!["xterm".into(), "-e".into()], "deploy", "2001:db8::1".parse().unwrap());
        assert_eq!(v6, ["xterm", "-e", "ssh", "deploy@2001:db8::1"]);
    }

    #[test]
    fn the_default_terminal_is_the_first_one_found() {
        let only = |name: &'static str| move |p: &str| p == name;
        assert_eq!(terminal(None, Some("kitty"), only("kitty")).unwrap(), ["kitty", "-e"]);
        assert_eq!(terminal(Some(" "), Some("kitty"), only("konsole")).unwrap(), ["konsole", "-e"]);
        assert_eq!(terminal(None, None, only("gnome-terminal")).unwrap(), ["gnome-terminal", "--"]);
        assert_eq!(terminal(None, None, only("x-terminal-emulator")).unwrap(), ["x-terminal-emulator", "-e"]);
        let none = terminal(None, None, |_| false).unwrap_err();
        assert!(none.message.contains("set the terminal command in the preferences"), "{}", none.message);
    }

    #[test]
    fn a_bad_terminal_preference_is_said_before_anything_runs() {
        let missing = terminal(Some("no-such-terminal -e"), None, |_| false).unwrap_err();
        assert_eq!(missing.fields[0].field, "terminal_command");
        assert!(missing.message.contains("\"no-such-terminal\" was not found"), "{}", missing.message);
        let unclosed = terminal(Some("xterm -T 'x"), None, |_| true).unwrap_err();
        assert!(unclosed.message.contains("unclosed quote"), "{}", unclosed.message);
    }

    #[test]
    fn a_program_is_found_by_path_or_on_path() {
        assert!(found("sh"));
        assert!(found("/bin/sh"));
        assert!(!found("/no/such/program"));
        assert!(!found("no-such-program-vpsdesk"));
    }
}
