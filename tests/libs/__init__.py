"""Real component libraries from the npm registry, laid out as mini-program projects."""
