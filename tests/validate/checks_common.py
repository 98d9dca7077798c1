"""What the checks of check_exports.py share that needs no library: the namespaces and the
failure a check raises (with its reason and indented details)."""
from __future__ import annotations

KGX = "https://w3id.org/kgexport/ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SH = "http://www.w3.org/ns/shacl#"
ONTOLOGY_GRAPH = "urn:x-kgexport-validate:ontology"


class CheckFailed(Exception):
    def __init__(self, reason: str, details: list[str] | str | None = None):
        super().__init__(reason)
        self.reason = reason
        if isinstance(details, str):
            details = details.splitlines()
        self.details = details or []
