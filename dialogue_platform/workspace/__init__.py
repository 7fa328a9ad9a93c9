"""Accounts (sign-in, invitations, password reset, two-factor) and the workspace where the
focal points of state bodies and the evaluators of NGOs report on what is addressed to them."""
