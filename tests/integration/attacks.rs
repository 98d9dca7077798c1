//! Attacks of a hostile or careless user (issue 17), replayed: each asserts that no data is lost,
//! no file destroyed, the error is clear, and time and memory stay bounded.

mod push;

use crate::common::*;
use std::io::Write;
use std::os::unix::fs::FileTypeExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SEED: &str = "seeds/000_6896b54b9ced829e.txt";

fn article_line(id: &str, url: &str, text: &str) -> String {
    format!(r#"{{"id":"{id}","date":"2023-10-18","lang":"en","url":"{url}","text":"{text}"}}"#)
}

/// The article graphs of an N-Quads document (not the actors graph).
fn graphs(nq: &str) -> std::collections::BTreeSet<String> {
    let article = |g: &&str| !g.ends_with("/graph/actors>");
    nq.lines().filter_map(|l| l.rsplit(' ').nth(1)).filter(article).map(str::to_string).collect()
}

/// Hidden temporary files left in a folder.
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n.contains("tmp"))
        .collect()
}

// Output safety.

#[test]
fn output_to_dev_null_leaves_it_a_device() {
    use std::os::unix::fs::MetadataExt;
    let before = std::fs::metadata("/dev/null").unwrap();
    assert!(before.file_type().is_char_device(), "/dev/null was replaced before this test, by something else");
    let o = kgexport(&["-q", "-o", "/dev/null", SEED]);
    assert!(o.status.success(), "{}", stderr(&o));
    let after = std::fs::metadata("/dev/null").unwrap();
    assert!(after.file_type().is_char_device(), "/dev/null is still a character device");
    assert_eq!(after.ino(), before.ino(), "the same file, not a new one");
}

#[test]
fn output_to_a_fifo_reaches_its_reader_and_the_fifo_stays() {
    let dir = scratch("attack-fifo");
    let fifo = dir.join("out.nt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let o = kgexport(&["-q", "-f", "nt", "-o", fifo.to_str().unwrap(), SEED]);
    assert!(o.status.success(), "{}", stderr(&o));
    let got = reader.join().unwrap();
    assert!(got.lines().count() > 100 && got.lines().all(|l| l.ends_with(" .")), "the reader got the N-Triples");
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(temporaries(&dir).is_empty());
}

#[test]
fn output_through_a_symlink_keeps_the_link_and_fills_its_target() {
    let dir = scratch("attack-symlink");
    std::fs::create_dir(dir.join("real")).unwrap();
    std::fs::write(dir.join("real/kg.ttl"), "old").unwrap();
    std::os::unix::fs::symlink("real/kg.ttl", dir.join("link.ttl")).unwrap();
    let o = kgexport_in(&dir, &["-q", "-o", "link.ttl", &repo(SEED).display().to_string()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::symlink_metadata(dir.join("link.ttl")).unwrap().file_type().is_symlink());
    let written = std::fs::read_to_string(dir.join("real/kg.ttl")).unwrap();
    assert!(written.starts_with("@prefix") && written.contains("kgx:Visit"));
    assert!(temporaries(&dir).is_empty() && temporaries(&dir.join("real")).is_empty());
}

#[test]
fn an_output_that_is_an_input_is_refused_and_the_input_kept() {
    let dir = scratch("attack-overwrite");
    std::fs::copy(repo(SEED), dir.join("a.txt")).unwrap();
    std::os::unix::fs::symlink("a.txt", dir.join("alias.ttl")).unwrap();
    let before = std::fs::read(dir.join("a.txt")).unwrap();
    for output in ["a.txt", "alias.ttl"] {
        let o = kgexport_in(&dir, &["-q", "-o", output, "a.txt"]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("the output would overwrite the input a.txt"), "{}", stderr(&o));
        assert_eq!(std::fs::read(dir.join("a.txt")).unwrap(), before);
    }
    // An article file inside an input folder is an input too.
    std::fs::create_dir(dir.join("news")).unwrap();
    std::fs::copy(repo(SEED), dir.join("news/b.txt")).unwrap();
    let o = kgexport_in(&dir, &["-q", "-f", "nt", "-o", "news/b.txt", "news"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(std::fs::read(dir.join("news/b.txt")).unwrap(), before);
}

#[test]
fn a_mistyped_command_or_a_missing_input_writes_nothing() {
    let dir = scratch("attack-lod");
    std::fs::create_dir_all(dir.join("exports")).unwrap();
    std::fs::create_dir_all(dir.join("news")).unwrap();
    std::fs::copy(repo(SEED), dir.join("news/a.txt")).unwrap();
    std::fs::write(dir.join("exports/kg.ttl"), "the last export").unwrap();
    let o = kgexport_in(&dir, &["lod", "news/"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("did you mean `kgexport load`?"), "{}", stderr(&o));
    let o = kgexport_in(&dir, &["news/", "missing.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("missing.txt: no such file or directory; nothing written"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(dir.join("exports/kg.ttl")).unwrap(), "the last export");
    assert!(temporaries(&dir.join("exports")).is_empty());
}

#[test]
fn several_formats_into_one_stream_are_refused() {
    let o = kgexport(&["-q", "-f", "ttl,nq", "-o", "-", SEED]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("several formats (ttl,nq) cannot share standard output"), "{}", stderr(&o));
}

/// Starts an export that writes N-Triples to `out.nt` from standard input and waits until its
/// temporary file exists; standard input stays open, so the process waits there.
fn export_waiting_on_stdin(dir: &Path) -> std::process::Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kgexport"))
        .args(["-q", "-f", "nt", "-o", "out.nt", "-"])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let line = article_line("a", "https://example.org/a", "Putin visited China on Tuesday.");
    child.stdin.as_mut().unwrap().write_all(format!("{line}\n").as_bytes()).unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while temporaries(dir).is_empty() {
        assert!(Instant::now() < deadline, "the temporary file appears");
        std::thread::sleep(Duration::from_millis(20));
    }
    child
}

#[test]
fn sigterm_and_sigint_remove_the_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    for signal in [libc::SIGTERM, libc::SIGINT] {
        let dir = scratch(&format!("attack-signal-{signal}"));
        let mut child = export_waiting_on_stdin(&dir);
        assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, signal) }, 0);
        let status = child.wait().unwrap();
        assert_eq!(status.signal(), Some(signal), "the process ends by the signal");
        assert!(temporaries(&dir).is_empty(), "left behind: {:?}", temporaries(&dir));
        assert!(!dir.join("out.nt").exists(), "no partial output");
    }
}

#[test]
fn a_temporary_file_left_by_sigkill_is_removed_by_the_next_run() {
    let dir = scratch("attack-sigkill");
    let mut child = export_waiting_on_stdin(&dir);
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(temporaries(&dir).len(), 1, "SIGKILL cannot be caught");
    let o = kgexport_in(&dir, &["-q", "-o", "out.ttl", &repo(SEED).display().to_string()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(temporaries(&dir).is_empty(), "left behind: {:?}", temporaries(&dir));
}

// Input safety.

/// Runs kgexport as an unprivileged user when the tests run as root (as root every folder is
/// readable), so that a folder without permissions is really unreadable.
fn kgexport_unprivileged(dir: &Path, args: &[&str]) -> std::process::Output {
    let bin = env!("CARGO_BIN_EXE_kgexport");
    let mut command = if unsafe { libc::geteuid() } == 0 {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", bin]);
        c
    } else {
        Command::new(bin)
    };
    command.args(args).current_dir(dir).output().expect("kgexport runs")
}

#[test]
fn an_unreadable_sub_folder_is_reported_and_the_rest_exported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("attack-unreadable");
    std::fs::create_dir_all(dir.join("in/b-locked")).unwrap();
    std::fs::copy(repo(SEED), dir.join("in/a.txt")).unwrap();
    std::fs::copy(repo(SEED), dir.join("in/c.txt")).unwrap();
    std::fs::write(dir.join("in/b-locked/x.txt"), "Text.").unwrap();
    for d in [&dir, &dir.join("in")] {
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    std::fs::set_permissions(dir.join("in/b-locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let o = kgexport_unprivileged(&dir, &["-f", "nq", "-o", "-", "in"]);
    std::fs::set_permissions(dir.join("in/b-locked"), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("in/b-locked: permission denied"), "{}", stderr(&o));
    assert!(stderr(&o).contains("2 article(s) exported, 1 skipped"), "{}", stderr(&o));
    assert_eq!(graphs(&String::from_utf8(o.stdout).unwrap()).len(), 2, "a.txt and c.txt (same text, kept apart)");
}

#[test]
fn symlink_loops_are_not_followed() {
    let dir = scratch("attack-loops");
    std::fs::create_dir_all(dir.join("d/sub")).unwrap();
    std::fs::copy(repo(SEED), dir.join("d/sub/a.txt")).unwrap();
    std::os::unix::fs::symlink(".", dir.join("d/l")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("d/sub/up")).unwrap();
    std::os::unix::fs::symlink("a.txt", dir.join("d/sub/same.txt")).unwrap();
    let started = Instant::now();
    let o = kgexport_in(&dir, &["-f", "nq", "-o", "-", "d"]);
    assert!(started.elapsed() < Duration::from_secs(60));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 article(s) exported, 0 skipped"), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning: d/l: a folder already read"), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning: d/sub/same.txt: the same file as an earlier input"), "{}", stderr(&o));
}

#[test]
fn articles_with_equal_urls_are_kept_apart_and_reported() {
    let dir = scratch("attack-same-url");
    let url = "https://example.org/news/1";
    let lines = [
        article_line("a", url, "Putin visited China on Tuesday."),
        article_line("b", url, "Lavrov met Kim Jong-un on Wednesday."),
        article_line("c", "https://example.org/news/2", "Scholz visited Paris on Monday."),
    ];
    std::fs::write(dir.join("in.jsonl"), lines.join("\n")).unwrap();
    let o = kgexport_in(&dir, &["-f", "nq", "-o", "-", "in.jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let graphs = graphs(&String::from_utf8_lossy(&o.stdout));
    assert_eq!(graphs.len(), 3, "three articles, three graphs: {graphs:?}");
    // The first article keeps the key of its URL alone, so earlier exports stay valid.
    use sha2::Digest;
    let first: String = sha2::Sha256::digest(url).iter().map(|b| format!("{b:02x}")).collect();
    assert!(graphs.contains(&format!("<https://w3id.org/kgexport/id/graph/{}>", &first[..12])), "{graphs:?}");
    assert!(stderr(&o).contains(&format!("warning: in.jsonl:2: the same URL ({url}) as an earlier article")));
}

#[test]
fn a_50_mb_article_is_skipped_quickly_and_the_others_exported() {
    let dir = scratch("attack-huge");
    let mut big = String::from("title: big\n\n");
    while big.len() < 50_000_000 {
        big.push_str("Lawrow besuchte Pjöngjang ohne einen Punkt ");
    }
    std::fs::write(dir.join("big.txt"), big).unwrap();
    std::fs::copy(repo(SEED), dir.join("small.txt")).unwrap();
    let started = Instant::now();
    let o = kgexport_in(&dir, &["-f", "nq", "-o", "-", "big.txt", "small.txt"]);
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("big.txt: article of 500000"), "{}", stderr(&o));
    assert!(stderr(&o).contains("is larger than --max-article-bytes 5000000; skipped"), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 article(s) exported, 1 skipped"), "{}", stderr(&o));
    // The limit is an option.
    let o = kgexport_in(&dir, &["-q", "-f", "nq", "-o", "-", "--max-article-bytes", "1000", "small.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("larger than --max-article-bytes 1000"), "{}", stderr(&o));
}

/// Peak resident memory of a running process, in kB.
fn peak_rss_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn a_200_mb_json_lines_record_is_skipped_with_bounded_memory() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kgexport"))
        .args(["-f", "nq", "-o", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(br#"{"id":"big","lang":"en","text":""#).unwrap();
    let chunk = "Putin visited China. ".repeat(50_000);
    for _ in 0..(200_000_000 / chunk.len()) {
        stdin.write_all(chunk.as_bytes()).unwrap();
    }
    stdin.write_all(b"\"}\n").unwrap();
    stdin
        .write_all(format!("{}\n", article_line("ok", "https://example.org/ok", "Putin visited China.")).as_bytes())
        .unwrap();
    stdin.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let peak = peak_rss_kb(child.id());
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    assert!(peak < 150_000, "peak memory {peak} kB while reading a 200 MB line");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("standard input:1: article of 1995000"), "{}", stderr(&o));
    assert_eq!(graphs(&String::from_utf8(o.stdout).unwrap()).len(), 1, "the good record is exported");
}

#[test]
fn a_byte_order_mark_is_accepted_in_every_input_form() {
    let dir = scratch("attack-bom");
    let bom = "\u{feff}";
    let line = article_line("j", "https://example.org/j", "Putin visited China on Tuesday.");
    std::fs::write(dir.join("a.jsonl"), format!("{bom}{line}\n")).unwrap();
    std::fs::write(dir.join("b.json"), format!("{bom}{}", line.replace("/j", "/k"))).unwrap();
    std::fs::write(dir.join("c.txt"), format!("{bom}lang: en\n\nPutin visited China on Tuesday.")).unwrap();
    let o = kgexport_in(&dir, &["-f", "nq", "-o", "-", "a.jsonl", "b.json", "c.txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("3 article(s) exported, 0 skipped"), "{}", stderr(&o));
}

#[test]
fn a_text_that_is_not_a_string_is_an_error_naming_file_and_line() {
    let dir = scratch("attack-text-42");
    let good = article_line("a", "https://example.org/a", "Putin visited China on Tuesday.");
    std::fs::write(dir.join("in.jsonl"), format!("{good}\n{{\"id\":\"b\",\"text\":42}}\n")).unwrap();
    let o = kgexport_in(&dir, &["-f", "nq", "-o", "-", "in.jsonl"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("in.jsonl:2: field \"text\" must be a string, not a number"), "{}", stderr(&o));
    assert_eq!(graphs(&String::from_utf8(o.stdout).unwrap()).len(), 1);
}

// IRIs.

#[test]
fn a_base_iri_that_would_break_every_iri_is_a_usage_error() {
    for base in ["https://x.org/a#", "https://x.org/a", "urn:x:", "https://x.org/a?b/"] {
        for command in [&["-q", "-f", "nt", "-o", "-"][..], &["load", "-q", "--store", "/nonexistent/store"][..]] {
            let mut args = command.to_vec();
            args.extend(["--base-iri", base, SEED]);
            let o = kgexport(&args);
            assert_eq!(o.status.code(), Some(2), "{base}: {}", stderr(&o));
            assert!(stderr(&o).contains("--base-iri"), "{}", stderr(&o));
            assert!(o.stdout.is_empty());
        }
    }
}

#[test]
fn urls_other_than_web_addresses_are_literals() {
    let dir = scratch("attack-urls");
    let lines = [
        article_line("a", "javascript:alert(1)", "Putin visited China on Tuesday."),
        article_line("b", "file:///etc/passwd", "Putin visited China on Tuesday."),
        article_line("c", "https://example.org/c", "Putin visited China on Tuesday."),
    ];
    std::fs::write(dir.join("in.jsonl"), lines.join("\n")).unwrap();
    let o = kgexport_in(&dir, &["-q", "-f", "nt", "-o", "-", "in.jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let nt = String::from_utf8(o.stdout).unwrap();
    assert!(nt.contains("<https://schema.org/url> \"javascript:alert(1)\" ."), "{nt}");
    assert!(nt.contains("<https://schema.org/url> \"file:///etc/passwd\" ."));
    assert!(nt.contains("<https://schema.org/url> <https://example.org/c> ."));
    assert!(!nt.contains("<javascript:") && !nt.contains("<file:"));
}

// DOT.

#[test]
fn dot_labels_with_a_nul_or_100000_characters_render() {
    let dir = scratch("attack-dot");
    let long = "Putin ".repeat(20_000);
    let lines = [
        r#"{"id":"a","date":"2023-10-18","lang":"en","url":"https://example.org/a","title":"A\u0000B\u001b","text":"Putin visited\u0000 China on Tuesday."}"#.to_string(),
        format!(
            r#"{{"id":"b","date":"2023-10-18","lang":"en","url":"https://example.org/b","title":"{long}","text":"Putin visited China on Tuesday."}}"#
        ),
    ];
    std::fs::write(dir.join("in.jsonl"), lines.join("\n")).unwrap();
    let o = kgexport_in(&dir, &["-q", "-f", "dot", "-o", "kg.dot", "in.jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dot = std::fs::read_to_string(dir.join("kg.dot")).unwrap();
    assert!(!dot.bytes().any(|b| b < 0x20 && b != b'\n'), "no control character in the file");
    assert!(dot.lines().all(|l| l.chars().count() < 1000), "no label of 100,000 characters");
    assert!(dot.contains('…'), "the long title is cut with an ellipsis");
    let o = Command::new("dot")
        .args(["-Tsvg", "kg.dot", "-o", "kg.svg"])
        .current_dir(&dir)
        .output()
        .expect("Graphviz runs");
    assert!(o.status.success(), "dot refused the file: {}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::metadata(dir.join("kg.svg")).unwrap().len() > 1000);
}

// query.

#[test]
fn an_update_given_to_query_says_what_to_use() {
    let dir = scratch("attack-update");
    let store = dir.join("store").display().to_string();
    assert!(kgexport(&["load", "-q", "--store", &store, SEED]).status.success());
    let o = kgexport(&["query", "--store", &store, "INSERT DATA { <urn:a> <urn:b> <urn:c> }"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("only SELECT, ASK, CONSTRUCT and DESCRIBE: use `kgexport load`"), "{}", stderr(&o));
    let o = kgexport(&["query", "--store", &store, "SELEC ?x WHERE { ?x ?y ?z }"]);
    assert!(stderr(&o).contains("SPARQL syntax error"), "a broken query is still a syntax error: {}", stderr(&o));
}
