"""The shared foundations every app builds on: base models, the data version and caching,
search, pagination, audit history and back-office mixins. Nothing here imports an app."""
