//! Reading a secret: from a terminal without echo, otherwise the first line
//! of stdin. Never from argv, where `ps` and shell history would see it.

use std::io::{BufRead, IsTerminal};

use vpsdesk_core::secret::Secret;
use vpsdesk_core::Error;

pub fn read_secret() -> Result<Secret, Error> {
    let stdin = std::io::stdin();
    let line = if stdin.is_terminal() {
        rpassword::prompt_password("secret (API key or password): ")
            .map_err(|e| Error::validation(format!("cannot read the secret from the terminal: {e}")))?
    } else {
        let mut line = String::new();
        stdin
            .lock()
            .read_line(&mut line)
            .map_err(|e| Error::validation(format!("cannot read the secret from stdin: {e}")))?;
        line
    };
    let secret = Secret::new(line.trim_end_matches(['\r', '\n']).to_string());
    if secret.is_empty() {
        return Err(Error::field("secret", "no secret given: pipe it on the first line of stdin"));
    }
    Ok(secret)
}
