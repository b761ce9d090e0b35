"""One small class per screen of the window."""
