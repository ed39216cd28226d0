"""Fighting, killing, presence and visits (attacks, kills, operatesIn, visits)."""
