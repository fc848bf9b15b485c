"""Records of ISO 10001 and the rules about them. Standard library only."""
