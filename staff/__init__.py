"""Staff: who may sign in to the staff pages, with which roles; settings that are data."""
