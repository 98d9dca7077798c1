//! Push: sends article graphs to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol,
//! one `PUT` per article graph, so a re-run replaces instead of duplicating, then a `POST` of the
//! descriptions of its actors that this run has not sent yet into the actors graph, which the
//! server merges (a set), so a re-run adds nothing.
//!
//! Credentials come from the environment (`KGEXPORT_AUTH` as `user:password`, sent as HTTP
//! Basic, or `KGEXPORT_TOKEN`, sent as a Bearer token) or from the endpoint URL's `user:pass@`;
//! they are trimmed, never printed, and stripped from every address a message shows. Only a 2xx
//! answer counts as written: a 307 or 308 is followed with the same method and body (credentials
//! only to the same origin), any other redirect is an error; 401 and 403 stop the push.

use crate::graph::ArticleGraph;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use oxrdf::{NamedNode, Triple};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use url::Url;

/// Redirects followed for one graph.
const MAX_REDIRECTS: usize = 5;

/// Where and how to push.
#[derive(Clone)]
pub struct Endpoint {
    url: Url,
    authorization: Option<String>,
    timeout: Duration,
    attempts: u32,
    backoff: Duration,
    tls: Option<Arc<rustls::ClientConfig>>,
    /// The actor descriptions the server has accepted in this run (only asked for membership).
    described: Arc<Mutex<HashSet<Triple>>>,
}

impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Endpoint").field("url", &self.url.as_str()).field("attempts", &self.attempts).finish()
    }
}

/// Why an endpoint cannot be used at all.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EndpointError {
    /// Not an absolute `http:` or `https:` URL with a host.
    #[error("{0}: not an http(s) URL with a host")]
    Url(String),
    /// A credential that cannot go into a header (the value is not shown).
    #[error("{0} holds a control character (its value is not shown)")]
    Credentials(&'static str),
    /// The CA certificate file cannot be used.
    #[error("{path}: {reason}")]
    CaCert {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
}

/// Why a graph could not be pushed.
#[derive(Debug, thiserror::Error)]
pub enum PushError {
    /// The server answered with a client error: retrying cannot help.
    #[error("the endpoint refused the graph: HTTP {status} {message}")]
    Refused {
        /// The status code.
        status: u16,
        /// The start of the answer's body.
        message: String,
    },
    /// 401 or 403: the credentials are missing or wrong; the push stops.
    #[error("HTTP {status}: the endpoint refused the credentials (set KGEXPORT_AUTH or KGEXPORT_TOKEN)")]
    Denied {
        /// The status code.
        status: u16,
    },
    /// A redirect that is not followed for a PUT (301, 302, 303), or too many; the push stops.
    #[error("HTTP {status}: the endpoint redirects to {location}; a PUT follows only 307 and 308: give that address")]
    Redirected {
        /// The status code.
        status: u16,
        /// Where to, without credentials.
        location: String,
    },
    /// The host name does not resolve; the push stops.
    #[error("DNS: {0}")]
    Dns(String),
    /// The TLS handshake failed (an untrusted certificate, or no TLS at all); the push stops.
    #[error("TLS: {0} (a private CA: --cacert FILE or SSL_CERT_FILE)")]
    Tls(String),
    /// Every attempt failed (connection refused or reset, timeout, or a server error).
    #[error("gave up after {attempts} attempt(s): {last}")]
    GaveUp {
        /// How many attempts were made.
        attempts: u32,
        /// The last failure, with its cause.
        last: String,
    },
}

impl PushError {
    /// Whether the failure will be the same for every graph, so the push stops at once.
    pub fn stops_the_push(&self) -> bool {
        matches!(self, PushError::Denied { .. } | PushError::Redirected { .. } | PushError::Dns(_) | PushError::Tls(_))
    }
}

/// One attempt's outcome when it failed.
enum Failure {
    /// Worth another attempt.
    Retry(String),
    /// Final.
    Final(PushError),
}

impl Endpoint {
    /// An endpoint (the store's Graph Store Protocol address, e.g. `http://host:7878/store`), with
    /// the credentials of the environment or the URL, and a CA certificate file to trust instead
    /// of the built-in roots (`cacert`, else `SSL_CERT_FILE`).
    ///
    /// # Errors
    /// When the URL is not an http(s) URL, a credential holds a control character, or the CA file
    /// cannot be read.
    pub fn new(url: &str, timeout: Duration, attempts: u32, cacert: Option<&Path>) -> Result<Endpoint, EndpointError> {
        let mut parsed = Url::parse(url.trim()).map_err(|_| EndpointError::Url(redact(url)))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none_or(str::is_empty) {
            return Err(EndpointError::Url(redact(url)));
        }
        let decode = |s: &str| percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned();
        let in_url = (!parsed.username().is_empty() || parsed.password().is_some())
            .then(|| format!("{}:{}", decode(parsed.username()), decode(parsed.password().unwrap_or(""))));
        // A URL without credentials is what requests and messages use.
        let _ = parsed.set_username("");
        let _ = parsed.set_password(None);
        let env = |name: &'static str| -> Result<Option<String>, EndpointError> {
            match std::env::var(name) {
                Ok(v) if !v.trim().is_empty() => clean(name, v.trim()).map(Some),
                _ => Ok(None),
            }
        };
        let authorization = match (env("KGEXPORT_AUTH")?, env("KGEXPORT_TOKEN")?, in_url) {
            (Some(user_password), _, _) => Some(format!("Basic {}", BASE64.encode(user_password))),
            (None, Some(token), _) => Some(format!("Bearer {token}")),
            (None, None, Some(user_password)) => {
                Some(format!("Basic {}", BASE64.encode(clean("the URL's user:password", &user_password)?)))
            }
            (None, None, None) => None,
        };
        let cacert = cacert.map(Path::to_path_buf).or_else(|| std::env::var_os("SSL_CERT_FILE").map(PathBuf::from));
        let tls = cacert.map(|path| tls_config(&path)).transpose()?;
        Ok(Endpoint {
            url: parsed,
            authorization,
            timeout,
            attempts: attempts.max(1),
            backoff: Duration::from_millis(250),
            tls,
            described: Arc::default(),
        })
    }

    /// The address without credentials, for messages.
    pub fn address(&self) -> &str {
        self.url.as_str()
    }

    /// Replaces the article's graph on the server (`PUT ?graph=<name>` with N-Triples), then adds
    /// the descriptions of its actors that this run has not sent yet to the actors graph
    /// (`POST ?graph=<actors graph>`); returns the status of the `PUT`.
    ///
    /// # Errors
    /// At once on a 4xx answer, a redirect other than 307/308, a DNS or TLS failure; after the
    /// last attempt on connection errors, timeouts and 5xx (the waits between attempts double).
    pub fn put(&self, graph: &ArticleGraph, body: &[u8]) -> Result<u16, PushError> {
        let mut builder = ureq::AgentBuilder::new().timeout(self.timeout).redirects(0);
        if let Some(tls) = &self.tls {
            builder = builder.tls_config(tls.clone());
        }
        let agent = builder.build();
        let status = self.send(&agent, "PUT", graph.name(), body)?;
        let new: Vec<&Triple> = {
            let described = self.described.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            graph.actors().iter().filter(|t| !described.contains(*t)).collect()
        };
        if !new.is_empty() {
            let mut actors = String::new();
            for t in &new {
                let _ = writeln!(actors, "{t} .");
            }
            self.send(&agent, "POST", graph.actors_name(), actors.as_bytes())?;
            let mut described = self.described.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            described.extend(new.into_iter().cloned());
        }
        Ok(status)
    }

    /// One request to the graph `name`, retried as [`Endpoint::put`] says.
    fn send(&self, agent: &ureq::Agent, method: &str, name: &NamedNode, body: &[u8]) -> Result<u16, PushError> {
        let mut first = self.url.clone();
        first.query_pairs_mut().append_pair("graph", name.as_str());
        let mut wait = self.backoff;
        let mut last = String::new();
        for attempt in 1..=self.attempts {
            match self.attempt(agent, method, &first, body) {
                Ok(status) => return Ok(status),
                Err(Failure::Final(e)) => return Err(e),
                Err(Failure::Retry(cause)) => last = cause,
            }
            if attempt < self.attempts {
                std::thread::sleep(wait);
                wait *= 2;
            }
        }
        Err(PushError::GaveUp { attempts: self.attempts, last })
    }

    /// One request (a PUT or a POST), following 307 and 308 with the same method and body.
    fn attempt(&self, agent: &ureq::Agent, method: &str, first: &Url, body: &[u8]) -> Result<u16, Failure> {
        let mut url = first.clone();
        for _ in 0..=MAX_REDIRECTS {
            let mut request = agent.request(method, url.as_str()).set("Content-Type", "application/n-triples");
            if let Some(auth) = &self.authorization
                && url.origin() == self.url.origin()
            {
                request = request.set("Authorization", auth);
            }
            let response = match request.send_bytes(body) {
                Ok(response) => response,
                Err(ureq::Error::Status(status @ (401 | 403), _)) => {
                    return Err(Failure::Final(PushError::Denied { status }));
                }
                Err(ureq::Error::Status(status, response)) if (400..500).contains(&status) => {
                    let message: String = response.into_string().unwrap_or_default().chars().take(200).collect();
                    return Err(Failure::Final(PushError::Refused { status, message: message.trim().to_string() }));
                }
                Err(ureq::Error::Status(status, _)) => return Err(Failure::Retry(format!("HTTP {status}"))),
                Err(ureq::Error::Transport(t)) => return Err(transport(&t)),
            };
            let status = response.status();
            if (200..300).contains(&status) {
                return Ok(status);
            }
            let location = response.header("Location").and_then(|l| url.join(l).ok());
            match (status, location) {
                (307 | 308, Some(next)) if matches!(next.scheme(), "http" | "https") => url = next,
                (status, location) => {
                    let location = location.map_or_else(|| "nowhere (no Location)".to_string(), |l| redact(l.as_str()));
                    return Err(Failure::Final(PushError::Redirected { status, location }));
                }
            }
        }
        Err(Failure::Final(PushError::Redirected {
            status: 307,
            location: format!("more than {MAX_REDIRECTS} places"),
        }))
    }
}

/// Names the cause of a transport failure, without the URL (which ureq's own message holds).
fn transport(t: &ureq::Transport) -> Failure {
    let source = std::error::Error::source(t).map(|s| s.to_string()).unwrap_or_default();
    let io_kind =
        std::error::Error::source(t).and_then(|s| s.downcast_ref::<std::io::Error>()).map(std::io::Error::kind);
    let detail = if source.is_empty() { t.message().unwrap_or("").to_string() } else { source };
    match t.kind() {
        ureq::ErrorKind::Dns => Failure::Final(PushError::Dns(format!("cannot resolve the host ({detail})"))),
        ureq::ErrorKind::ConnectionFailed if t.message().is_some_and(|m| m.contains("tls")) => {
            Failure::Final(PushError::Tls(detail))
        }
        _ if io_kind == Some(std::io::ErrorKind::ConnectionRefused) => Failure::Retry("connection refused".into()),
        _ if matches!(io_kind, Some(std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock)) => {
            Failure::Retry("timed out".into())
        }
        ureq::ErrorKind::ConnectionFailed => Failure::Retry(format!("connection failed ({detail})")),
        _ => Failure::Retry(format!("{} ({detail})", t.kind())),
    }
}

/// A credential as it may go into a header: no control characters.
fn clean(name: &'static str, value: &str) -> Result<String, EndpointError> {
    if value.chars().any(char::is_control) { Err(EndpointError::Credentials(name)) } else { Ok(value.to_string()) }
}

/// A URL with any `user:password@` taken out, for messages.
pub fn redact(url: &str) -> String {
    match Url::parse(url) {
        Ok(mut u) => {
            let _ = u.set_username("");
            let _ = u.set_password(None);
            u.to_string()
        }
        // Not a URL: drop everything up to an '@' after the scheme.
        Err(_) => match (url.find("://"), url.rfind('@')) {
            (Some(s), Some(at)) if at > s => format!("{}{}", &url[..s + 3], &url[at + 1..]),
            _ => url.to_string(),
        },
    }
}

/// A TLS configuration that trusts the certificates of a PEM file (a private CA).
fn tls_config(path: &Path) -> Result<Arc<rustls::ClientConfig>, EndpointError> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let error = |reason: String| EndpointError::CaCert { path: path.to_path_buf(), reason };
    let mut roots = rustls::RootCertStore::empty();
    let certificates = CertificateDer::pem_file_iter(path).map_err(|e| error(format!("cannot read: {e}")))?;
    for certificate in certificates {
        let certificate = certificate.map_err(|e| error(format!("not a PEM certificate: {e}")))?;
        roots.add(certificate).map_err(|e| error(format!("not a usable certificate: {e}")))?;
    }
    if roots.is_empty() {
        return Err(error("holds no certificate".into()));
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| error(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_come_from_the_environment_or_the_url_and_are_trimmed() {
        // Only this test sets these variables.
        unsafe { std::env::set_var("KGEXPORT_AUTH", "user:pass\r\n") };
        let e = Endpoint::new("http://127.0.0.1:1/store", Duration::from_secs(1), 1, None).unwrap();
        assert_eq!(e.authorization.as_deref(), Some("Basic dXNlcjpwYXNz"));
        unsafe { std::env::set_var("KGEXPORT_AUTH", "user:pa\u{7}ss") };
        let error = Endpoint::new("http://127.0.0.1:1/store", Duration::from_secs(1), 1, None).unwrap_err();
        assert!(!error.to_string().contains("pa"), "{error}");
        unsafe { std::env::remove_var("KGEXPORT_AUTH") };
        let e = Endpoint::new("http://alice:p%40ss@127.0.0.1:1/store", Duration::from_secs(1), 1, None).unwrap();
        assert_eq!(e.authorization, Some(format!("Basic {}", BASE64.encode("alice:p@ss"))));
        assert_eq!(e.address(), "http://127.0.0.1:1/store");
        assert!(!format!("{e:?}").contains("alice"));
    }

    #[test]
    fn only_http_urls_are_endpoints_and_messages_show_no_password() {
        for bad in ["ftp://x.org/store", "not a url", "file:///tmp/x"] {
            assert!(matches!(Endpoint::new(bad, Duration::from_secs(1), 1, None), Err(EndpointError::Url(_))), "{bad}");
        }
        assert_eq!(redact("https://bob:secret@x.org/a"), "https://x.org/a");
        assert_eq!(redact("xx://bob:secret@ x"), "xx:// x");
    }
}
