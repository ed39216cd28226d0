"""A learned relation classifier over entity pairs of a sentence, after the hand rules."""
