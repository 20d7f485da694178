"""Demo content: everything is generated locally, nothing is downloaded."""
