"""The academy's own rules: required scenarios and the readiness rule (settings
file), and what review answers with them: ready or not yet per trainee, and
cohorts side by side (docs/store.md, "Readiness and cohorts")."""
