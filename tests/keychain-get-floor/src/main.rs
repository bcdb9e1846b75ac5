//! `keychain-get-floor SERVICE USER URL PARAM`: reads the secret stored for
//! SERVICE/USER, GETs URL with it as the query parameter PARAM and writes the
//! body to stdout. A measuring stick for `make bench`, not a tool.

use std::io::Write;

#[tokio::main]
async fn main() {
    let [service, user, url, param] =
        std::env::args().skip(1).collect::<Vec<_>>().try_into().expect("SERVICE USER URL PARAM");
    let key = keyring::Entry::new(&service, &user).and_then(|e| e.get_password()).expect("the keychain entry");
    let body = reqwest::Client::new()
        .get(url)
        .query(&[(param.as_str(), key.as_str())])
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .expect("the GET")
        .bytes()
        .await
        .expect("the body");
    std::io::stdout().write_all(&body).expect("stdout");
}
