"""People named in minutes: chairs, attendees, action owners."""

from __future__ import annotations

import strawberry

from records import models
from schema.node import Node


@strawberry.type(description="A person named in minutes, one record per name across meetings.")
class Person(Node):
    name: str = strawberry.field(description="The name as the minutes give it.")

    @classmethod
    def from_model(cls, person: models.Person) -> Person:
        return cls(db_id=person.id, name=person.name)
