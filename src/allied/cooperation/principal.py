"""Who is asking: a user's role and nation scope, as every service function receives them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["staff", "ally", "partner", "public"]
ROLES: tuple[Role, ...] = ("staff", "ally", "partner", "public")
#: The roles tied to one nation (staff work for NATO, the public for nobody).
NATIONAL_ROLES = ("ally", "partner")


@dataclass(frozen=True, slots=True)
class Principal:
    """An authenticated user: id, e-mail, role and (for an Ally or a partner) nation."""

    user_id: int
    email: str
    role: Role
    nation: str | None = None

    @property
    def is_staff(self) -> bool:
        """NATO staff: every object, every write."""
        return self.role == "staff"

    @property
    def reads_all(self) -> bool:
        """Staff and Ally delegations read every programme, registration and package."""
        return self.role in ("staff", "ally")

    @property
    def is_partner(self) -> bool:
        """A partner mission: its own objects and the catalogue entries open to it."""
        return self.role == "partner"


#: The principal of the system itself (the demo loader, a catalogue import run by staff).
SYSTEM = Principal(0, "system", "staff")
