//! One HTTP client per process and settings: made on first use, reused after, rebuilt only when a
//! setting it is built from changes. (Its own test binary, so no other test shares the process.)

use std::path::Path;
use std::time::Duration;

use click2dial_core::transport::{client, clients_built};
use click2dial_core::ErrorKind;

#[test]
fn the_client_is_made_on_first_use_and_then_reused() {
    assert_eq!(clients_built(), 0, "nothing is made before it is needed");
    client(None, Duration::from_secs(2)).unwrap();
    client(None, Duration::from_secs(2)).unwrap();
    assert_eq!(clients_built(), 1);
    client(None, Duration::from_secs(3)).unwrap();
    assert_eq!(
        clients_built(),
        2,
        "a new connect time-out needs a new client"
    );

    let err = client(
        Some(Path::new("/nonexistent/ca.pem")),
        Duration::from_secs(3),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Configuration);
    assert_eq!(clients_built(), 2);
}
