//! kgexport's integration tests, in one binary: each module tests one side of the program from
//! outside (the command line, the exports, the outside validators, the store, the syntax layer …).

mod attacks;
mod cli;
mod common;
mod dates;
mod docs;
mod durability;
mod exports;
mod external;
mod extraction;
mod fuzz;
mod gazetteer;
mod identity;
mod ontology;
mod parsers;
mod push;
mod robustness;
mod scale;
mod server;
mod spark;
mod store;
mod syntax;
mod views;
