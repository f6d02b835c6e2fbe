"""The theme engine: embed → (reduce) → cluster → label → link, one typed step each."""
