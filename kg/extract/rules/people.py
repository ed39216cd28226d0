"""People and organisations: membership, residence and seats (memberOf, livesIn, basedIn)."""
