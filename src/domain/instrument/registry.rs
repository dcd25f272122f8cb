//! The questionnaires and recommendations catalogues built into smecheck: their texts, names,
//! and the nearest name to a typo.

/// The shipped questionnaire and catalogue, embedded so the binary runs with no files around.
pub const BUILTIN_QUESTIONNAIRE: &str = include_str!("../../../questionnaires/smecheck.json");
pub const BUILTIN_PROPOSALS: &str = include_str!("../../../questionnaires/proposals.json");
pub const BUILTIN_NAME: &str = "<built-in>/smecheck.json";
pub const BUILTIN_PROPOSALS_NAME: &str = "<built-in>/proposals.json";

/// The questionnaires built into smecheck, by the name `--questionnaire NAME` takes. The first
/// is the default. Adding an instrument is one row here and one file in `questionnaires/`.
pub const INSTRUMENTS: &[(&str, &str)] = &[
    ("smecheck", BUILTIN_QUESTIONNAIRE),
    (
        "eurostat-dii",
        include_str!("../../../questionnaires/eurostat-dii.json"),
    ),
    (
        "miit-2024",
        include_str!("../../../questionnaires/miit-2024.json"),
    ),
    (
        "eu-dma",
        include_str!("../../../questionnaires/eu-dma.json"),
    ),
];

/// The text of the built-in questionnaire of this name.
pub fn builtin_instrument(name: &str) -> Option<&'static str> {
    INSTRUMENTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, j)| *j)
}

/// How problems in the built-in questionnaire `name` are located: `<built-in>/NAME.json`.
pub fn builtin_file_name(name: &str) -> String {
    format!("<built-in>/{name}.json")
}

/// The known instrument name nearest to `typed`, if it is near enough to be a typo.
pub fn nearest_instrument(typed: &str) -> Option<&'static str> {
    crate::domain::text::nearest_name(typed, INSTRUMENTS.iter().map(|(n, _)| *n))
}

/// One recommendations catalogue built into smecheck.
#[derive(Debug, Clone, Copy)]
pub struct BuiltinCatalogue {
    /// What a questionnaire writes in `recommendations` to use it.
    pub name: &'static str,
    /// How its problems are located (`<built-in>/…`).
    pub file: &'static str,
    pub json: &'static str,
}

/// The recommendations catalogues built into smecheck, by the name a questionnaire gives.
pub const CATALOGUES: &[BuiltinCatalogue] = &[BuiltinCatalogue {
    name: "smecheck-p1-p11",
    file: BUILTIN_PROPOSALS_NAME,
    json: BUILTIN_PROPOSALS,
}];

/// Questionnaires published before `recommendations` existed, by id, and the built-in
/// catalogue they were shipped with. Their files name none and keep their bytes, so the hash
/// stamped in earlier answer files and workshop folders still matches.
pub(super) const ADOPTED: &[(&str, &str)] = &[("smecheck-core", "smecheck-p1-p11")];

/// The built-in catalogue of this name.
pub fn builtin_catalogue(name: &str) -> Option<&'static BuiltinCatalogue> {
    CATALOGUES.iter().find(|c| c.name == name)
}
