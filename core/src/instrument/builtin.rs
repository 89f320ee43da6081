// Bootstrap: replaced by the generated statics (core/tests/builtin.rs writes this file).
use super::file::InstrumentFile;

pub(super) fn instrument() -> InstrumentFile {
    match super::Instrument::from_json(super::Instrument::builtin_json()) {
        Ok(i) => i.file,
        Err(e) => panic!("{e}"),
    }
}
