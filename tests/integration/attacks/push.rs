//! Attacks on `push`: redirects, refused credentials, credentials in messages, causes of failure,
//! a private CA. The server is a scripted HTTP/1.1 server on loopback that records each request.

use crate::common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A request as the server saw it.
#[derive(Clone, Debug)]
struct Seen {
    method: String,
    target: String,
    authorization: Option<String>,
    body_len: usize,
}

/// A loopback server whose answer to each request is chosen by `answer(request, number)`.
struct Scripted {
    port: u16,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Scripted {
    fn start(answer: fn(&Seen, usize, u16) -> String) -> Scripted {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let log = seen.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
                let Some(request) = read_request(&stream) else { continue };
                let number = {
                    let mut log = log.lock().unwrap();
                    log.push(request.clone());
                    log.len()
                };
                let _ = (&stream).write_all(answer(&request, number, port).as_bytes());
            }
        });
        Scripted { port, seen }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/store", self.port)
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

fn read_request(stream: &TcpStream) -> Option<Seen> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next()?.to_string(), parts.next()?.to_string());
    let (mut length, mut authorization) = (0, None);
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':')?;
        match name.to_ascii_lowercase().as_str() {
            "content-length" => length = value.trim().parse().ok()?,
            "authorization" => authorization = Some(value.trim().to_string()),
            _ => {}
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Seen { method, target, authorization, body_len: length })
}

fn answer(status: &str, extra: &str) -> String {
    format!("HTTP/1.1 {status}\r\n{extra}Content-Length: 0\r\nConnection: close\r\n\r\n")
}

fn push(endpoint: &str, inputs: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut args = vec!["push", "-q", "--jobs", "1", "--attempts", "2", "--timeout", "5", "--endpoint", endpoint];
    args.extend(inputs);
    std::process::Command::new(env!("CARGO_BIN_EXE_kgexport"))
        .args(&args)
        .current_dir(root())
        .env_remove("KGEXPORT_AUTH")
        .env_remove("KGEXPORT_TOKEN")
        .env_remove("SSL_CERT_FILE")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

const SEED: &str = "seeds/000_6896b54b9ced829e.txt";
const MANY: &str = "tests/dev-de";

#[test]
fn a_307_or_308_is_followed_with_the_same_method_and_body() {
    for code in ["307 Temporary Redirect", "308 Permanent Redirect"] {
        let server = Scripted::start(if code.starts_with("307") {
            |r, _, _| {
                if r.target.starts_with("/store") {
                    answer("307 Temporary Redirect", &format!("Location: {}\r\n", r.target.replace("/store", "/moved")))
                } else {
                    answer("204 No Content", "")
                }
            }
        } else {
            |r, _, port| {
                if r.target.starts_with("/store") {
                    let location = format!("http://127.0.0.1:{port}{}", r.target.replace("/store", "/moved"));
                    answer("308 Permanent Redirect", &format!("Location: {location}\r\n"))
                } else {
                    answer("201 Created", "")
                }
            }
        });
        let o = push(&server.url(), &[SEED], &[("KGEXPORT_TOKEN", "t0ken")]);
        assert!(o.status.success(), "{code}: {}", stderr(&o));
        // The article's graph, then its actors into the actors graph: each redirected once.
        let seen = server.seen();
        assert_eq!(seen.len(), 4, "{seen:?}");
        assert!(seen[..2].iter().all(|r| r.method == "PUT" && r.body_len > 1000), "{seen:?}");
        assert!(seen[2..].iter().all(|r| r.method == "POST" && r.body_len > 100), "{seen:?}");
        assert!(seen[1].target.starts_with("/moved?graph="), "{seen:?}");
        assert!(seen[3].target.starts_with("/moved?graph=") && seen[3].target.ends_with("actors"), "{seen:?}");
        for r in [&seen[1], &seen[3]] {
            assert_eq!(r.authorization.as_deref(), Some("Bearer t0ken"), "same origin keeps the credentials");
        }
    }
}

#[test]
fn credentials_are_not_sent_to_another_origin_on_a_redirect() {
    // localhost and 127.0.0.1 are two origins on one server.
    let server = Scripted::start(|r, _, port| {
        if r.target.starts_with("/store") {
            answer("307 Temporary Redirect", &format!("Location: http://localhost:{port}/moved\r\n"))
        } else {
            answer("204 No Content", "")
        }
    });
    let o = push(&server.url(), &[SEED], &[("KGEXPORT_AUTH", "user:pw")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let seen = server.seen();
    assert_eq!(seen.len(), 4, "the article's graph and its actors: {seen:?}");
    for pair in seen.chunks(2) {
        assert!(pair[0].authorization.is_some() && pair[1].authorization.is_none(), "{seen:?}");
    }
}

#[test]
fn a_301_302_or_303_is_an_error_that_stops_the_push() {
    let server = Scripted::start(|_, _, _| {
        answer("301 Moved Permanently", "Location: http://user:pw@elsewhere.example/store\r\n")
    });
    let o = push(&server.url(), &[MANY], &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("HTTP 301: the endpoint redirects to http://elsewhere.example/store"), "{err}");
    assert!(err.contains("stopped after pushing 0 graph(s)"), "{err}");
    assert!(!err.contains("user:pw"), "{err}");
    assert_eq!(server.seen().len(), 1, "stopped at the first article");
    assert!(server.seen().iter().all(|r| r.method == "PUT"), "never followed as a GET");
}

#[test]
fn wrong_credentials_stop_the_push_at_once() {
    for status in ["401 Unauthorized", "403 Forbidden"] {
        let server = Scripted::start(if status.starts_with("401") {
            |_, _, _| answer("401 Unauthorized", "WWW-Authenticate: Basic\r\n")
        } else {
            |_, _, _| answer("403 Forbidden", "")
        });
        let o = push(&server.url(), &[MANY], &[("KGEXPORT_AUTH", "user:wrong")]);
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        assert!(err.contains(&format!("HTTP {}: the endpoint refused the credentials", &status[..3])), "{err}");
        assert_eq!(server.seen().len(), 1, "one request, not one per article");
    }
}

#[test]
fn credentials_are_trimmed_and_never_printed() {
    let server = Scripted::start(|_, _, _| answer("500 Internal Server Error", ""));
    let endpoint = format!("http://alice:pa55word@127.0.0.1:{}/store", server.port);
    let o = push(&endpoint, &[SEED], &[("KGEXPORT_TOKEN", "s3cr3t-token\r")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("gave up after 2 attempt(s): HTTP 500"), "{err}");
    for secret in ["s3cr3t", "pa55word", "alice"] {
        assert!(!err.contains(secret), "{secret} printed: {err}");
    }
    assert!(server.seen().iter().all(|r| r.authorization.as_deref() == Some("Bearer s3cr3t-token")));
    // The URL's own credentials, when the environment has none, as HTTP Basic.
    let o = push(&endpoint, &[SEED], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!stderr(&o).contains("pa55word"));
    let basic = format!("Basic {}", base64_of("alice:pa55word"));
    assert_eq!(server.seen().last().unwrap().authorization.as_deref(), Some(basic.as_str()));
}

fn base64_of(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
}

#[test]
fn failures_name_their_cause() {
    // DNS: stops at once, no retries.
    let started = Instant::now();
    let o = push("http://no-such-host.invalid/store", &[MANY], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("DNS: cannot resolve the host"), "{}", stderr(&o));
    assert!(started.elapsed() < Duration::from_secs(20));
    // Connection refused: a port nobody listens on.
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let o = push(&format!("http://127.0.0.1:{port}/store"), &[SEED], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("gave up after 2 attempt(s): connection refused"), "{}", stderr(&o));
    // TLS: an https address served by a plain HTTP server.
    let server = Scripted::start(|_, _, _| answer("204 No Content", ""));
    let o = push(&format!("https://127.0.0.1:{}/store", server.port), &[MANY], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("push failed: TLS: "), "{}", stderr(&o));
    // A bad address is a usage error.
    let o = push("ftp://127.0.0.1/store", &[SEED], &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("not an http(s) URL"), "{}", stderr(&o));
}

#[test]
fn a_private_ca_is_trusted_with_cacert() {
    let dir = scratch("attack-cacert");
    let openssl = |args: &[&str]| {
        let o = std::process::Command::new("openssl").args(args).current_dir(&dir).output().expect("openssl runs");
        assert!(o.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    };
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=test CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
    ]);
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    ]);
    std::fs::write(dir.join("ext.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n").unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "ext.cnf",
        "-out",
        "server.pem",
    ]);
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let script = format!(
        "import http.server, ssl\n\
         class H(http.server.BaseHTTPRequestHandler):\n\
         \x20   def do_PUT(self):\n\
         \x20       self.rfile.read(int(self.headers['Content-Length']))\n\
         \x20       self.send_response(204); self.end_headers()\n\
         \x20   do_POST = do_PUT\n\
         \x20   def log_message(self, *a): pass\n\
         s = http.server.HTTPServer(('127.0.0.1', {port}), H)\n\
         c = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); c.load_cert_chain('server.pem', 'server.key')\n\
         s.socket = c.wrap_socket(s.socket, server_side=True)\n\
         s.serve_forever()\n"
    );
    let mut server = std::process::Command::new(python()).args(["-c", &script]).current_dir(&dir).spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "the TLS server did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    let endpoint = format!("https://127.0.0.1:{port}/store");
    let untrusted = push(&endpoint, &[SEED], &[]);
    let ca = dir.join("ca.pem").display().to_string();
    let mut args = vec!["push", "-q", "--cacert", &ca, "--endpoint", &endpoint, SEED];
    let trusted = kgexport(&args);
    args.drain(2..4);
    let from_env = std::process::Command::new(env!("CARGO_BIN_EXE_kgexport"))
        .args(&args)
        .current_dir(root())
        .env("SSL_CERT_FILE", &ca)
        .output()
        .unwrap();
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(untrusted.status.code(), Some(1));
    assert!(stderr(&untrusted).contains("TLS: "), "{}", stderr(&untrusted));
    assert!(trusted.status.success(), "{}", stderr(&trusted));
    assert!(from_env.status.success(), "{}", stderr(&from_env));
}
