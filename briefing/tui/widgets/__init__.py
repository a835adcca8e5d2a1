"""Small pieces shared by the screens."""
