//! The state folder a test hands an emulator: the emulator writes `listen.json` (where it
//! listens) and then `ready` (its process id), which the test waits for.

use std::path::Path;

/// Creates the folder and removes what an earlier run left: a `ready` from then must not fool
/// a test into talking to nobody.
pub fn prepare(state_dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(state_dir)
        .map_err(|e| format!("cannot create state directory {}: {e}", state_dir.display()))?;
    remove_if_present(&state_dir.join("ready"))?;
    remove_if_present(&state_dir.join("listen.json"))
}

/// Writes `listen.json` (the listeners' addresses), then `ready` with the process id.
pub fn announce(state_dir: &Path, listen: &serde_json::Value) -> Result<(), String> {
    write_file(&state_dir.join("listen.json"), &format!("{listen}\n"))?;
    write_file(
        &state_dir.join("ready"),
        &format!("{}\n", std::process::id()),
    )
}

/// Removes `ready` as the emulator stops.
pub fn withdraw(state_dir: &Path) {
    let _ = std::fs::remove_file(state_dir.join("ready"));
}

fn write_file(path: &Path, contents: &str) -> Result<(), String> {
    std::fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn remove_if_present(path: &Path) -> Result<(), String> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("cannot remove {}: {e}", path.display()))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_earlier_runs_files_go_before_the_new_ones_come() {
        let dir = std::env::temp_dir().join(format!("emulator-kit-{}", std::process::id()));
        prepare(&dir).unwrap();
        std::fs::write(dir.join("ready"), "1\n").unwrap();
        std::fs::write(dir.join("listen.json"), "{}\n").unwrap();
        prepare(&dir).unwrap();
        assert!(!dir.join("ready").exists() && !dir.join("listen.json").exists());
        announce(&dir, &serde_json::json!({"http": "127.0.0.1:1"})).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.join("listen.json")).unwrap(),
            "{\"http\":\"127.0.0.1:1\"}\n"
        );
        assert_eq!(
            std::fs::read_to_string(dir.join("ready")).unwrap(),
            format!("{}\n", std::process::id())
        );
        withdraw(&dir);
        assert!(!dir.join("ready").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
