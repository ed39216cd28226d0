"""RDF store: namespaces, graph building and provenance, and the folder of incremental builds."""
