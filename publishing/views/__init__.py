"""Pages of the publishing area: management (articles, advanced models, bulletins) and the public portal."""
