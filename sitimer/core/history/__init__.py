"""The adherence history: the store, its journal and salvage, the figures drawn from it, and export."""
