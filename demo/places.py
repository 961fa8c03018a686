"""The fictional county of the demo, its townships and villages, and the staff who work there.

Codes start with 99, a province number that the national division codes do not use, so the demo
can never be mistaken for, or clash with, a real place.
"""

from dataclasses import dataclass

from disclosure.regions.models import Level

# Public on purpose: every demo account signs in with it, and demo/README.md lists
# it. The demo is refused in production, so these accounts never exist there.
DEMO_PASSWORD = "cunwu-demo-2025"  # noqa: S105


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    level: str
    parent: str | None = None


@dataclass(frozen=True)
class Account:
    username: str
    display_name: str
    role: str
    region: str
    superuser: bool = False


PROVINCE = Place("990000000000", "示范省", Level.PROVINCE)
CITY = Place("990100000000", "示范市", Level.CITY, PROVINCE.code)
COUNTY = Place("990102000000", "云溪县", Level.COUNTY, CITY.code)
TAOYUAN = Place("990102100000", "桃源镇", Level.TOWNSHIP, COUNTY.code)
BAISHA = Place("990102200000", "白沙乡", Level.TOWNSHIP, COUNTY.code)

XINGHUA = Place("990102100201", "杏花村", Level.VILLAGE, TAOYUAN.code)
LIUWAN = Place("990102100202", "柳湾村", Level.VILLAGE, TAOYUAN.code)
SHIQIAO = Place("990102100203", "石桥村", Level.VILLAGE, TAOYUAN.code)
LONGQUAN = Place("990102200201", "龙泉村", Level.VILLAGE, BAISHA.code)
FENGLIN = Place("990102200202", "枫林村", Level.VILLAGE, BAISHA.code)
GAOPING = Place("990102200203", "高坪村", Level.VILLAGE, BAISHA.code)

# Parents before children, so each place can be linked to one already made.
PLACES = [
    PROVINCE,
    CITY,
    COUNTY,
    TAOYUAN,
    BAISHA,
    XINGHUA,
    LIUWAN,
    SHIQIAO,
    LONGQUAN,
    FENGLIN,
    GAOPING,
]
VILLAGES = [place for place in PLACES if place.level == Level.VILLAGE]
# Villages that do everything by the book: the red list's examples (demo/exemplary.py).
EXEMPLARY = (SHIQIAO, FENGLIN)

# The clerk (村文书) and the supervision committee member (村务监督委员会) of each village.
VILLAGE_STAFF = {
    XINGHUA.code: ("xinghua", "陈秀兰", "刘建国"),
    LIUWAN.code: ("liuwan", "张丽华", "何志强"),
    SHIQIAO.code: ("shiqiao", "王海燕", "周德明"),
    LONGQUAN.code: ("longquan", "李春梅", "吴永福"),
    FENGLIN.code: ("fenglin", "赵晓敏", "孙立军"),
    GAOPING.code: ("gaoping", "杨桂芳", "郑宏伟"),
}


def accounts() -> list[Account]:
    people = []
    for village_code, (prefix, clerk, supervisor) in VILLAGE_STAFF.items():
        people.append(Account(f"{prefix}_clerk", clerk, "clerk", village_code))
        people.append(Account(f"{prefix}_supervisor", supervisor, "supervisor", village_code))
    people.append(Account("taoyuan_official", "马国庆", "township_official", TAOYUAN.code))
    people.append(Account("baisha_official", "林淑珍", "township_official", BAISHA.code))
    people.append(Account("taoyuan_inspector", "黄德胜", "report_handler", TAOYUAN.code))
    people.append(Account("baisha_inspector", "钟美玲", "report_handler", BAISHA.code))
    people.append(Account("county_admin", "云溪县管理员", "administrator", COUNTY.code, True))
    return people


# Numbers the county registers as official: notices show them in full, other mobiles masked.
OFFICIAL_NUMBERS = [(XINGHUA.code, "13905710001", "杏花村村委会值班电话")]
