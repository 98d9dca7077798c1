//! Push: sends article graphs to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol,
//! one `PUT` per article graph, so a re-run replaces instead of duplicating.
//!
//! Credentials come from the environment, never from the command line: `KGEXPORT_AUTH`
//! (`user:password`, sent as HTTP Basic) or `KGEXPORT_TOKEN` (sent as a Bearer token).

use crate::graph::ArticleGraph;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use std::time::Duration;

/// Where and how to push.
#[derive(Clone, Debug)]
pub struct Endpoint {
    url: String,
    authorization: Option<String>,
    timeout: Duration,
    attempts: u32,
    backoff: Duration,
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
    /// Every attempt failed (connection error, timeout or server error).
    #[error("gave up after {attempts} attempt(s): {last}")]
    GaveUp {
        /// How many attempts were made.
        attempts: u32,
        /// The last failure.
        last: String,
    },
}

impl Endpoint {
    /// An endpoint URL (the store's Graph Store Protocol address, e.g. `http://host:7878/store`),
    /// with the credentials of the environment.
    pub fn new(url: &str, timeout: Duration, attempts: u32) -> Endpoint {
        let authorization = match (std::env::var("KGEXPORT_AUTH"), std::env::var("KGEXPORT_TOKEN")) {
            (Ok(user_password), _) if !user_password.is_empty() => {
                Some(format!("Basic {}", BASE64.encode(user_password.as_bytes())))
            }
            (_, Ok(token)) if !token.is_empty() => Some(format!("Bearer {token}")),
            _ => None,
        };
        Endpoint {
            url: url.to_string(),
            authorization,
            timeout,
            attempts: attempts.max(1),
            backoff: Duration::from_millis(250),
        }
    }

    /// Replaces the article's graph on the server (`PUT ?graph=<name>` with N-Triples).
    ///
    /// # Errors
    /// On a 4xx answer at once; on connection errors, timeouts and 5xx after the last retry
    /// (the waits between attempts double).
    pub fn put(&self, graph: &ArticleGraph, body: &[u8]) -> Result<u16, PushError> {
        let agent = ureq::AgentBuilder::new().timeout(self.timeout).build();
        let mut last = String::new();
        let mut wait = self.backoff;
        for attempt in 1..=self.attempts {
            let mut request =
                agent.put(&self.url).query("graph", graph.name().as_str()).set("Content-Type", "application/n-triples");
            if let Some(auth) = &self.authorization {
                request = request.set("Authorization", auth);
            }
            match request.send_bytes(body) {
                Ok(response) => return Ok(response.status()),
                Err(ureq::Error::Status(status, response)) if (400..500).contains(&status) => {
                    let message: String = response.into_string().unwrap_or_default().chars().take(200).collect();
                    return Err(PushError::Refused { status, message: message.trim().to_string() });
                }
                Err(ureq::Error::Status(status, _)) => last = format!("HTTP {status}"),
                Err(e) => last = e.to_string(),
            }
            if attempt < self.attempts {
                std::thread::sleep(wait);
                wait *= 2;
            }
        }
        Err(PushError::GaveUp { attempts: self.attempts, last })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_come_from_the_environment() {
        // Only this test sets these variables.
        unsafe { std::env::set_var("KGEXPORT_AUTH", "user:pass") };
        let e = Endpoint::new("http://127.0.0.1:1/store", Duration::from_secs(1), 1);
        unsafe { std::env::remove_var("KGEXPORT_AUTH") };
        assert_eq!(e.authorization.as_deref(), Some("Basic dXNlcjpwYXNz"));
    }
}
