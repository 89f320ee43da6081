//! The external programs the tasks drive (cargo, rustup, wasm-bindgen, npm, ...): how
//! to find them on PATH and how to run them so that a failure names the command.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::Result;

/// The cargo that runs us (`cargo xtask` sets `CARGO`), so nested builds use the same
/// toolchain; plain `cargo` when xtask is started some other way.
pub fn cargo(root: &Path) -> Command {
    let program = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(program);
    command.current_dir(root);
    command
}

/// The first executable file called `name` in a PATH directory.
pub fn find(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

/// Like [`find`], with an error that says how to get the program.
pub fn require(name: &str, hint: &str) -> Result<PathBuf> {
    find(name).ok_or_else(|| format!("`{name}` is not on PATH; {hint}"))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// Runs a command with inherited stdio, after printing it; an error if it cannot start
/// or exits unsuccessfully.
pub fn run(command: &mut Command) -> Result {
    let shown = show(command);
    eprintln!("$ {shown}");
    let status = command
        .status()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// The trimmed stdout of a command that succeeded; `None` when it cannot start or fails.
/// For quiet probes such as `wasm-bindgen --version`.
pub fn probe(command: &mut Command) -> Option<String> {
    let output = command.stderr(Stdio::null()).output().ok()?;
    if !output.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// The command as a person would type it, for logs and error messages.
pub fn show(command: &Command) -> String {
    let mut words: Vec<String> = command
        .get_envs()
        .filter_map(|(key, value)| {
            let value = display_word(value?);
            Some(format!("{}={value}", key.to_string_lossy()))
        })
        .collect();
    words.push(display_word(command.get_program()));
    words.extend(command.get_args().map(display_word));
    words.join(" ")
}

fn display_word(word: &OsStr) -> String {
    let word = word.to_string_lossy();
    if word.is_empty() || word.contains(char::is_whitespace) {
        format!("'{word}'")
    } else {
        word.into_owned()
    }
}
