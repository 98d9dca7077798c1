//! Push to a real triple store: Oxigraph's own server (`pip install oxigraph`), started on loopback.
//! Required, never skipped: a missing server binary fails the test with the install command.

use crate::common::*;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(name: &str) -> Server {
        let dir = scratch(name);
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(python_tool("oxigraph"))
            .args(["serve", "--location", dir.to_str().unwrap(), "--bind", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the `oxigraph` server runs (python3 -m pip install oxigraph; tests/run.sh does it)");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "the oxigraph server did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        Server { child, port }
    }

    fn store(&self) -> String {
        format!("http://127.0.0.1:{}/store", self.port)
    }

    fn count(&self) -> usize {
        let answer = ureq::get(&format!("http://127.0.0.1:{}/query", self.port))
            .query("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
            .set("Accept", "text/csv")
            .call()
            .unwrap()
            .into_string()
            .unwrap();
        answer.lines().nth(1).unwrap().trim().parse().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn push(endpoint: &str, inputs: &[&str], extra: &[&str]) -> std::process::Output {
    let mut args = vec!["push", "-q", "--endpoint", endpoint];
    args.extend(extra);
    args.extend(inputs);
    kgexport(&args)
}

#[test]
fn pushing_twice_gives_the_embedded_store_contents_without_duplicates() {
    let server = Server::start("push-server");
    let inputs = ["seeds", "tests/dev-de"];
    let o = push(&server.store(), &inputs, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pushed = server.count();
    let o = push(&server.store(), &inputs, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(server.count(), pushed, "a second push replaces each graph");
    // The same articles in the embedded store.
    let store = scratch("push-embedded");
    let mut args = vec!["load", "-q", "--store", store.to_str().unwrap()];
    args.extend(inputs);
    assert!(kgexport(&args).status.success());
    let o = kgexport(&[
        "query",
        "--store",
        store.to_str().unwrap(),
        "--results",
        "csv",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    ]);
    let embedded: usize = String::from_utf8(o.stdout).unwrap().lines().nth(1).unwrap().trim().parse().unwrap();
    assert_eq!(pushed, embedded);
}

#[test]
fn a_refusing_endpoint_is_reported_per_article() {
    let server = Server::start("push-404");
    let o = push(&format!("http://127.0.0.1:{}/no-such-service", server.port), &["seeds"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("push failed: the endpoint refused the graph: HTTP 4"), "{}", stderr(&o));
}

#[test]
fn a_dead_server_is_retried_then_reported() {
    let server = Server::start("push-dead");
    let endpoint = server.store();
    drop(server); // killed before the push
    let started = Instant::now();
    let o = push(&endpoint, &["seeds"], &["--attempts", "3", "--timeout", "2"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("push failed: gave up after 3 attempt(s)"), "{}", stderr(&o));
    assert!(started.elapsed() >= Duration::from_millis(700), "it waited between attempts");
}

#[test]
fn a_server_killed_mid_push_leaves_a_clear_error_and_a_rerun_converges() {
    let server = Server::start("push-mid");
    let endpoint = server.store();
    let child = Command::new(env!("CARGO_BIN_EXE_kgexport"))
        .args([
            "push",
            "-q",
            "--jobs",
            "1",
            "--attempts",
            "2",
            "--timeout",
            "2",
            "--endpoint",
            &endpoint,
            "tests/dev-de",
            "tests/dev-en-wikinews",
            "tests/dev-en-suites",
        ])
        .current_dir(root())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(400));
    drop(server);
    let o = child.wait_with_output().unwrap();
    if o.status.success() {
        return; // The push won the race: nothing to check.
    }
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("push failed") && stderr(&o).contains("unreachable for 3 articles in a row"),
        "{}",
        stderr(&o)
    );
    // A new server and a re-run converge to the full contents.
    let again = Server::start("push-mid-again");
    let o = push(&again.store(), &["tests/dev-de"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(again.count() > 1000);
}
