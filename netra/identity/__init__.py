"""Netra's users: who they are, their role and scope, and how they prove it.

One concern a module: `passwords` (argon2 hashes), `users` (the user record, roles and
scopes), `store` (the users file). Whatever shows personal data in clear (today the NIP reveal
of `netra case`) authenticates through `UserStore.authenticate` and checks `User.may_reveal`.
"""

from netra.identity.passwords import hash_password, verify_password
from netra.identity.store import AuthenticationError, UserStore, UserStoreError
from netra.identity.users import Role, Scope, User

__all__ = [
    "AuthenticationError",
    "Role",
    "Scope",
    "User",
    "UserStore",
    "UserStoreError",
    "hash_password",
    "verify_password",
]
