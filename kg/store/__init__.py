"""RDF store: namespaces, graph building and provenance."""
