"""Geography: places in their country or state ("Klamath Falls, Ore.", "the city of X, Y")."""
