#!/bin/sh
# Regenerates the README's pictures: the seed's article view (exports/seed-graph.svg, Graphviz
# `dot`) and the actor network of the shared corpus (exports/corpus-network.png, Graphviz `sfdp`,
# as the README advises for a corpus). Run from anywhere, after `cargo build --release`:
#   doc/pictures.sh
# KGEXPORT names another binary, KGX_CORPUS_DIR another corpus (default ../shared/corpus).
set -eu
cd "$(dirname "$0")/.."
kgexport=${KGEXPORT:-${CARGO_TARGET_DIR:-target}/release/kgexport}
corpus=${KGX_CORPUS_DIR:-../shared/corpus}
network=$(mktemp "${TMPDIR:-/tmp}/kgexport-network.XXXXXX")
trap 'rm -f "$network"' EXIT
"$kgexport" -q -f dot -o exports/kg.dot seeds/
dot -Tsvg exports/kg.dot -o exports/seed-graph.svg
"$kgexport" -q -f dot --view network -o "$network" "$corpus"
sfdp -Tpng -Gdpi=80 "$network" -o exports/corpus-network.png
echo "wrote exports/seed-graph.svg and exports/corpus-network.png"
