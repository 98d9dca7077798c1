//! kgexport: news articles in, a knowledge graph of reported events and claims out.
//!
//! The pipeline is a straight line of plain function calls:
//!
//! ```text
//! article (input) → text (sentences, tokens) → syntax (lemmas, tags, trees) → mentions (actors)
//!   → events and claims (with time) → graph (IRIs, RDF)
//!   → export (Turtle, N-Triples, N-Quads, TriG, JSON-LD, DOT, CSV, PLOVER, GraphML)
//! ```
//!
//! ```
//! let article = kgexport::article::parse_text("a.txt", "date: 2023-10-18\nlang: de\n\nLawrow besuchte Pjöngjang.")?;
//! let graph = kgexport::graph::build(&article, &kgexport::analyse(&article, None), &kgexport::graph::Base::default());
//! assert!(graph.triples().len() > 10);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod analysis;
pub mod article;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod graph;
pub mod lang;
pub mod mentions;
pub mod model;
pub mod push;
pub mod stages;
pub mod store;
pub mod syntax;
pub mod text;
pub mod time;
pub mod vocab;

use article::{Article, Lang};
use model::Extraction;

/// The language an article is read in: the override, the article's own, else detected.
pub fn language(article: &Article, override_lang: Option<Lang>) -> Lang {
    override_lang.or(article.lang).unwrap_or_else(|| lang::detect(&article.text))
}

/// Runs text, entity and event extraction over one article.
pub fn analyse(article: &Article, override_lang: Option<Lang>) -> Extraction {
    use stages::{Stage, enter};
    let text = enter(Stage::Text);
    let lang = language(article, override_lang);
    let rules = lang::rules(lang);
    let sentences = text::segment(&article.text, rules);
    drop(text);
    let grammar = {
        let _load = enter(Stage::Load);
        syntax::model(lang)
    };
    let _extract = enter(Stage::Extract);
    let on = article.date.map_or_else(|| chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid"), |d| d.last_day());
    let mut resolver = mentions::Resolver::new(rules, grammar, lang.tag(), on);
    let mut extraction = extract::extract(&sentences, &mut resolver, rules, grammar, article.date);
    extraction.lang = lang.tag().to_string();
    extraction
}
