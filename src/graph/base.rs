//! The base of instance IRIs (`--base-iri`), checked so that every IRI made from it parses, and
//! which article URLs are web addresses (the others are kept as text).

use oxrdf::NamedNode;

/// The base of instance IRIs (`--base-iri`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Base(String);

impl Default for Base {
    fn default() -> Base {
        Base("https://w3id.org/kgexport/id/".to_string())
    }
}

impl Base {
    /// A base IRI: absolute, `http` or `https`, with a host, ending in `/`, without a query or
    /// fragment (instance IRIs add a path to it, mentions a fragment).
    ///
    /// # Errors
    /// When the text is not such an IRI, or the IRIs made from it would not parse.
    pub fn new(iri: &str) -> Result<Base, BaseError> {
        let lower = iri.to_ascii_lowercase();
        let Some(rest) = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) else {
            return Err(BaseError::NotHttp(iri.to_string()));
        };
        if rest.is_empty() || rest.starts_with('/') {
            return Err(BaseError::NotHttp(iri.to_string()));
        }
        if iri.contains(['#', '?']) {
            return Err(BaseError::QueryOrFragment(iri.to_string()));
        }
        if !iri.ends_with('/') {
            return Err(BaseError::NoSlash(iri.to_string()));
        }
        NamedNode::new(format!("{iri}mention/0-1-2#position"))
            .map_err(|e| BaseError::Invalid(iri.to_string(), e.to_string()))?;
        Ok(Base(iri.to_string()))
    }

    /// The base as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub(super) fn iri(&self, folder: &str, local: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{folder}/{local}", self.0))
    }
}

/// Why a text is not a usable `--base-iri`.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BaseError {
    /// Not an absolute `http:` or `https:` IRI with a host.
    #[error("{0:?} is not an absolute http(s) IRI with a host")]
    NotHttp(String),
    /// A query or fragment, which would end up inside every instance IRI.
    #[error("{0:?} holds \"#\" or \"?\"; instance IRIs add a path and mentions a fragment")]
    QueryOrFragment(String),
    /// No final `/`.
    #[error("{0:?} must end in \"/\"")]
    NoSlash(String),
    /// Not a valid IRI.
    #[error("{0:?} is not a valid IRI: {1}")]
    Invalid(String, String),
}

/// Whether a URL is an `http:` or `https:` address with a host.
pub(super) fn is_web_address(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return false;
    };
    !rest.is_empty() && !rest.starts_with('/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_iris_that_would_break_instance_iris_are_refused() {
        assert!(Base::new("https://w3id.org/kgexport/id/").is_ok());
        assert!(matches!(Base::new("https://x.org/a#"), Err(BaseError::QueryOrFragment(_))));
        assert!(matches!(Base::new("https://x.org/a"), Err(BaseError::NoSlash(_))));
        assert!(matches!(Base::new("urn:x:"), Err(BaseError::NotHttp(_))));
        assert!(matches!(Base::new("https:///a/"), Err(BaseError::NotHttp(_))));
        assert!(matches!(Base::new("https://x.org/a b/"), Err(BaseError::Invalid(..))));
    }

    #[test]
    fn only_web_addresses_are_iris() {
        assert!(is_web_address("https://example.org/a") && is_web_address("HTTP://example.org"));
        assert!(!is_web_address("javascript:alert(1)") && !is_web_address("file:///etc/passwd"));
    }
}
