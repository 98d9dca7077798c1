//! The command line describes itself: shell completions, the man pages in `doc/`, and `help`.

use crate::common::*;
use std::process::{Command, Stdio};

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn completions_for_every_shell_name_the_commands_and_bash_reads_its_script() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = kgexport(&["completions", shell]);
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        for word in ["kgexport", "completions", "man", "format", "view", "focus", "since"] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
    let bash = kgexport(&["completions", "bash"]);
    let mut check =
        Command::new("bash").arg("-n").stdin(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("bash runs");
    use std::io::Write;
    check.stdin.take().unwrap().write_all(&bash.stdout).unwrap();
    let checked = check.wait_with_output().unwrap();
    assert!(checked.status.success(), "bash -n: {}", String::from_utf8_lossy(&checked.stderr));
    let o = kgexport(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2), "an unknown shell is a usage error");
}

#[test]
fn the_man_pages_in_doc_are_what_kgexport_man_writes_and_groff_reads_them() {
    let o = kgexport(&["man"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(o.stdout, std::fs::read(repo("doc/kgexport.1")).unwrap(), "doc/ drifted: run `kgexport man --dir doc`");
    let dir = scratch("man-pages");
    let o = kgexport(&["man", "--dir", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    for name in &names {
        let committed = std::fs::read(repo("doc").join(name)).unwrap_or_else(|_| panic!("doc/{name} is committed"));
        assert_eq!(
            std::fs::read(dir.join(name)).unwrap(),
            committed,
            "doc/{name} drifted: run `kgexport man --dir doc`"
        );
    }
    assert!(names.contains(&"kgexport-load.1".to_string()) && names.len() >= 8, "{names:?}");
    let page = String::from_utf8(std::fs::read(repo("doc/kgexport.1")).unwrap()).unwrap();
    for word in ["\\-\\-view", "\\-\\-focus", "completions", "plover"] {
        assert!(page.contains(word), "the man page names {word}");
    }
    let o = Command::new("groff")
        .args(["-k", "-man", "-Tutf8", "-ww"])
        .arg(repo("doc/kgexport.1"))
        .output()
        .expect("groff is installed");
    assert!(o.status.success() && o.stderr.is_empty(), "groff: {}", stderr(&o));
    assert!(stdout(&o).contains("kgexport - Turns news articles"), "{}", stdout(&o));
}

#[test]
fn help_describes_itself_and_every_command() {
    let o = kgexport(&["help", "--help"]);
    assert!(o.status.success(), "help --help: {}", stderr(&o));
    assert!(stdout(&o).contains("Usage: kgexport help [COMMAND]..."), "{}", stdout(&o));
    let o = kgexport(&["help"]);
    assert!(o.status.success() && stdout(&o).contains("Usage: kgexport [OPTIONS] [INPUT]..."), "{}", stdout(&o));
    for command in ["load", "query", "push", "parse", "completions", "man"] {
        let o = kgexport(&["help", command]);
        assert!(o.status.success(), "help {command}: {}", stderr(&o));
        assert!(stdout(&o).contains(&format!("Usage: kgexport {command}")), "help {command}: {}", stdout(&o));
    }
    let o = kgexport(&["help", "nosuch"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = kgexport(&["--help"]);
    assert!(stdout(&o).contains("--view <VIEW>") && stdout(&o).contains("completions"), "{}", stdout(&o));
}
