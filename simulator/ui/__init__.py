"""The trainee's window (pygame-ce). Drives the engine through its public API only."""
