"""Views of the DIP: the public register and its API, and the staff pages of each role."""
