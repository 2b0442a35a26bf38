from typing import NamedTuple, Optional

class Employee(NamedTuple):
    name: str
    dept: str
    salary: int = 50000
    manager: Optional[str] = None

staff = [Employee('ann', 'eng', 120000), Employee('bob', 'ops'), Employee('cy', 'eng', 95000, 'ann')]
for e in sorted(staff, key=lambda e: -e.salary):
    print(e)
print(staff[1].salary, staff[2]._asdict(), staff[0]._replace(dept='mgmt'))
name, dept, *_ = staff[0]
print(name, dept, len(staff[0]), staff[0] == ('ann', 'eng', 120000, None))
