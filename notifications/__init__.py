"""Notifications: e-mail to the people a step concerns, sent by a task after commit, once per event."""
