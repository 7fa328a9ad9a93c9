"""Site-wide pages that bring the apps together: home, topics, organisations, search,
sitemaps and robots. The top layer: it may import every app."""
