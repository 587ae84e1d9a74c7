"""Pages of the campaigns area, one module per concept."""
