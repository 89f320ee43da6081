//! The `netwerkscan` binary; everything is in the library.

fn main() -> std::process::ExitCode {
    netwerkscan::main(std::env::args_os())
}
