"""The JSON API (Django REST framework): read for everyone, writes for editors."""
