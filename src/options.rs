//! What the caller can ask of [`crate::annotate`].

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The unit of every `start`/`end` in the output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// UTF-16 code units: JavaScript string indices. The default.
    #[default]
    Utf16,
    /// Unicode scalar values: Python string indices.
    Codepoint,
    /// UTF-8 bytes: Rust string indices.
    Utf8,
}

impl OffsetUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            OffsetUnit::Utf16 => "utf16",
            OffsetUnit::Codepoint => "codepoint",
            OffsetUnit::Utf8 => "utf8",
        }
    }
}

impl fmt::Display for OffsetUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An offset unit name that is not one of `utf16`, `codepoint`, `utf8`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownOffsetUnit(pub String);

impl fmt::Display for UnknownOffsetUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown offset unit {:?}: expected \"utf16\", \"codepoint\" or \"utf8\"", self.0)
    }
}

impl std::error::Error for UnknownOffsetUnit {}

impl FromStr for OffsetUnit {
    type Err = UnknownOffsetUnit;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "utf16" | "utf-16" => Ok(OffsetUnit::Utf16),
            "codepoint" | "codepoints" => Ok(OffsetUnit::Codepoint),
            "utf8" | "utf-8" | "byte" | "bytes" => Ok(OffsetUnit::Utf8),
            _ => Err(UnknownOffsetUnit(s.to_string())),
        }
    }
}

/// Options for [`crate::annotate`]. Deserialises from `{"offsets": "utf16"}`;
/// every field has a default, unknown fields are refused.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    pub offsets: OffsetUnit,
}

impl Options {
    pub fn with_offsets(offsets: OffsetUnit) -> Options {
        Options { offsets }
    }
}
