//! The `parse` command itself: plain text in (sentence ids, source text, spacing, the language
//! detected), empty and odd input, a sentence of twenty thousand words, the output file, CoNLL-U in
//! (round trip, malformed input) and input that is not UTF-8.

use super::{Sentence, kgexport_stdin, parse_text, read};
use crate::common::*;

// ---- plain text ----------------------------------------------------------------------------

#[test]
fn plain_text_gives_sentence_ids_source_text_and_space_after() {
    let text = "Die Kanzlerin reiste am Dienstag nach Rom. Dort traf sie den Papst (privat).\n";
    let sentences = parse_text("de", text);
    assert_eq!(sentences.len(), 2);
    assert_eq!(sentences[0].comments, ["# sent_id = 1", "# text = Die Kanzlerin reiste am Dienstag nach Rom."]);
    assert_eq!(sentences[1].comments, ["# sent_id = 2", "# text = Dort traf sie den Papst (privat)."]);
    let forms: Vec<&str> = sentences[1].words.iter().map(|w| w.form.as_str()).collect();
    assert_eq!(forms, ["Dort", "traf", "sie", "den", "Papst", "(", "privat", ")", "."]);
    let misc: Vec<&str> = sentences[1].words.iter().map(|w| w.misc.as_str()).collect();
    assert_eq!(misc, ["_", "_", "_", "_", "_", "SpaceAfter=No", "SpaceAfter=No", "SpaceAfter=No", "_"]);
    for s in &sentences {
        s.assert_tree();
        assert!(s.words.iter().all(|w| w.xpos == "_" && w.deps == "_" && w.lemma != "_" && w.upos != "_"));
    }
    assert_eq!(sentences[0].word("reiste").lemma, "reisen");
    assert_eq!(sentences[0].word("Rom").upos, "PROPN");
}

#[test]
fn the_language_is_detected() {
    let o = kgexport_stdin(&["parse", "-"], "The ministers met in Brussels on Tuesday and talked about the war.");
    assert!(o.status.success(), "{}", stderr(&o));
    let s = read(&String::from_utf8(o.stdout).unwrap());
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].word("met").lemma, "meet", "English lemmas:\n{}", s[0].dump());
    let o =
        kgexport_stdin(&["parse", "-"], "Die Minister trafen sich am Dienstag in Brüssel und sprachen über den Krieg.");
    let s = read(&String::from_utf8(o.stdout).unwrap());
    assert_eq!(s[0].word("trafen").lemma, "treffen", "German lemmas:\n{}", s[0].dump());
}

#[test]
fn empty_input_gives_empty_output() {
    for input in ["", "  \n\n \t\n"] {
        let o = kgexport_stdin(&["parse", "-"], input);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(o.stdout.is_empty(), "{:?}", String::from_utf8_lossy(&o.stdout));
        let o = kgexport_stdin(&["parse", "--conllu", "-"], input);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let o = kgexport_stdin(&["parse", "--lang", "fr", "-"], "Le ministre est arrivé.");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("unknown language \"fr\""), "{}", stderr(&o));
}

#[test]
fn odd_input_never_panics() {
    let long_word = "x".repeat(10_000);
    let text = format!(
        "…\n\u{0}\u{7}\t?!?!\n)))) (((( „“ »«\n{long_word} 🙂🙂 Ω≈ç√ 12.3.45 -- 3,14 %\n\u{301}e\u{301} ß ẞ İstanbul\n\
         Sätze ohne Ende und und und oder , , , . . .\nA.\nb.\r\nEin\u{2028}Satz\u{85}mit\u{2029}Umbrüchen\x0b.\n"
    );
    for lang in ["de", "en"] {
        let o = kgexport_stdin(&["parse", "--lang", lang, "-"], &text);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(!out.contains(['\r', '\u{b}', '\u{85}', '\u{2028}', '\u{2029}']), "one line is one line: {out}");
        let sentences = read(&out);
        assert!(sentences.len() >= 7);
        for s in &sentences {
            s.assert_tree();
        }
    }
}

#[test]
fn a_sentence_of_twenty_thousand_words_gets_one_tree() {
    let words = ["der", "Minister", "traf", "den", "Präsidenten", "in", "Berlin", "und", "sprach", "über", "Waffen"];
    let text: Vec<&str> = (0..20_000).map(|i| words[(i * 7 + i / 11) % words.len()]).collect();
    let started = std::time::Instant::now();
    let sentences = parse_text("de", &text.join(" "));
    assert_eq!(sentences.len(), 1);
    assert_eq!(sentences[0].words.len(), 20_000);
    sentences[0].assert_tree();
    assert!(started.elapsed().as_secs() < 120, "took {:?}", started.elapsed());
}

// ---- output --------------------------------------------------------------------------------

#[test]
fn output_file_is_written_and_the_input_never_overwritten() {
    let dir = scratch("parse-output");
    let input = dir.join("in.txt");
    let text = "Der Minister traf den Präsidenten.\n";
    std::fs::write(&input, text).unwrap();
    let out = dir.join("sub/out.conllu");
    let o = kgexport(&["parse", "-o", out.to_str().unwrap(), input.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "nothing on standard output with -o");
    let written = std::fs::read_to_string(&out).unwrap();
    let stdout = kgexport(&["parse", input.to_str().unwrap()]);
    assert_eq!(written, String::from_utf8(stdout.stdout).unwrap(), "-o and standard output agree");
    assert_eq!(read(&written).len(), 1);
    let leftovers: Vec<_> = std::fs::read_dir(dir.join("sub"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != "out.conllu")
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");

    // The output named as the input (also by another path) is refused; the input stays.
    let same = dir.join("sub/../in.txt");
    let o = kgexport(&["parse", "-o", same.to_str().unwrap(), input.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("overwrite the input"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), text);
}

#[test]
fn a_failed_parse_leaves_no_output_file() {
    let dir = scratch("parse-failed");
    let input = dir.join("bad.conllu");
    std::fs::write(&input, "1\tA\t_\n").unwrap();
    let out = dir.join("out.conllu");
    let o = kgexport(&["parse", "--conllu", "-o", out.to_str().unwrap(), input.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(files, ["bad.conllu"], "no output, no temporary file");
}

// ---- CoNLL-U in ----------------------------------------------------------------------------

const GIVEN: &str = "# newdoc id = test\n\
# sent_id = a1\n\
# text = Er fuhr zum Bahnhof.\n\
1\tEr\ter\tPRON\tPPER\tCase=Nom\t2\tnsubj\t2:nsubj\t_\n\
2\tfuhr\tfahren\tVERB\tVVFIN\t_\t0\troot\t0:root\t_\n\
3-4\tzum\t_\t_\t_\t_\t_\t_\t_\t_\n\
3\tzu\tzu\tADP\tAPPR\t_\t5\tcase\t_\t_\n\
4\tdem\tder\tDET\tART\t_\t5\tdet\t_\t_\n\
5\tBahnhof\tBahnhof\tNOUN\tNN\t_\t2\tobl\t_\tSpaceAfter=No\n\
6\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_\n\
\n\
# sent_id = a2\n\
1\tDie\t_\t_\tART\t_\t_\t_\t_\t_\n\
2\tMinisterin\t_\t_\tNN\t_\t_\t_\t_\tNote=x\n\
3\treiste\t_\t_\tVVFIN\t_\t_\t_\t_\t_\n\
4\tab\t_\t_\tPTKVZ\t_\t_\t_\t_\tSpaceAfter=No\n\
5\t.\t_\t_\t$.\t_\t_\t_\t_\t_\n\
\n";

#[test]
fn conllu_round_trip_keeps_words_comments_and_multiword_tokens() {
    let o = kgexport_stdin(&["parse", "--conllu", "-"], GIVEN);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let given = read(GIVEN);
    let got = read(&out);
    assert_eq!(got.len(), 2);
    for (g, s) in given.iter().zip(&got) {
        assert_eq!(s.comments, g.comments);
        assert_eq!(s.ranges, g.ranges);
        let fields = |s: &Sentence| -> Vec<(String, String, String, String)> {
            s.words.iter().map(|w| (w.form.clone(), w.xpos.clone(), w.deps.clone(), w.misc.clone())).collect()
        };
        assert_eq!(fields(s), fields(g), "FORM, XPOS, DEPS and MISC are kept");
        s.assert_tree();
        assert!(s.words.iter().all(|w| w.lemma != "_" && w.upos != "_"), "predicted:\n{}", s.dump());
    }
    assert!(out.contains("2\tfuhr\tfahren\tVERB\tVVFIN\t"), "{out}");
    assert!(
        out.contains("\n3-4\tzum\t_\t_\t_\t_\t_\t_\t_\t_\n3\tzu\t"),
        "the range line stays before its words:\n{out}"
    );
    // Parsing the output again gives the same output.
    let again = kgexport_stdin(&["parse", "--conllu", "--lang", "de", "-"], &out);
    assert_eq!(String::from_utf8(again.stdout).unwrap(), out);
}

#[test]
fn malformed_conllu_names_the_file_and_the_line() {
    let dir = scratch("parse-malformed");
    let cases = [
        ("short.conllu", "# text = A b.\n1\tA\ta\tDET\t_\t_\t2\tdet\t_\t_\n2\tb\n", "line 3"),
        ("order.conllu", "1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n3\tb\t_\t_\t_\t_\t_\t_\t_\t_\n", "line 2"),
        (
            "head.conllu",
            "1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n\n1\tB\t_\t_\t_\t_\t0\troot\t_\t_\n2\tc\t_\t_\t_\t_\t7\tdep\t_\t_\n",
            "line 4",
        ),
    ];
    for (name, text, line) in cases {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let o = kgexport(&["parse", "--conllu", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{name}");
        let err = stderr(&o);
        assert!(err.contains(name) && err.contains(line), "{name}: {err}");
        assert!(!err.contains("internal error"), "{err}");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn input_that_is_not_utf8_names_the_file() {
    let dir = scratch("parse-encoding");
    let path = dir.join("latin1.txt");
    std::fs::write(&path, b"Der Minister traf den Pr\xe4sidenten.\n").unwrap();
    let o = kgexport(&["parse", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("latin1.txt: not valid UTF-8 (byte 24)"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
}
