//! Distributed run: PySpark in local[2] mode pipes JSON Lines articles through kgexport on each
//! partition; the union of the partitions' N-Quads equals the single-machine run.

use crate::common::*;
use std::collections::BTreeSet;
use std::process::Command;

/// A JSON Lines sample built from the dev articles in the repository.
fn sample(dir: &std::path::Path) -> std::path::PathBuf {
    let mut lines = Vec::new();
    for folder in ["tests/dev-de", "tests/dev-en-wikinews"] {
        let mut files: Vec<_> = std::fs::read_dir(repo(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            let (header, body) = text.split_once("\n\n").unwrap();
            let mut article = serde_json::Map::new();
            for line in header.lines() {
                if let Some((k, v)) = line.split_once(':') {
                    article.insert(k.trim().to_string(), serde_json::Value::String(v.trim().to_string()));
                }
            }
            article.insert("text".into(), serde_json::Value::String(body.to_string()));
            lines.push(serde_json::Value::Object(article).to_string());
        }
    }
    let path = dir.join("sample.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

#[test]
fn spark_partitions_together_equal_the_single_machine_run() {
    let dir = scratch("spark");
    let articles = sample(&dir);
    let single = kgexport(&["-q", "-f", "nq", "-o", "-", articles.to_str().unwrap()]);
    assert!(single.status.success(), "{}", stderr(&single));
    let single: BTreeSet<String> = String::from_utf8(single.stdout).unwrap().lines().map(str::to_string).collect();
    let o = Command::new(python())
        .args([
            repo("tests/spark/pipe.py").to_str().unwrap(),
            env!("CARGO_BIN_EXE_kgexport"),
            articles.to_str().unwrap(),
            "2",
        ])
        .current_dir(&dir)
        .output()
        .expect("python3 runs");
    assert!(
        o.status.success(),
        "PySpark failed (python3 -m pip install pyspark; tests/run.sh does it):\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let spark: BTreeSet<String> = String::from_utf8(o.stdout).unwrap().lines().map(str::to_string).collect();
    assert!(single.len() > 1000, "a real sample: {} quads", single.len());
    assert_eq!(spark, single);
}
