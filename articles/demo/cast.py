def build(**context):
    """Demo content for this part of the site (filled in as the part is built)."""
    return {}
