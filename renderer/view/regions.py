"""A small bundled region table for `<picker mode="region">`.

wxsim does not ship China's full administrative division list; this sample (four provinces,
their main cities and a few districts, with division codes and postcodes) is enough to drive
a region picker in tests and previews. Each entry is (name, code, children) for provinces and
cities and (name, code, postcode) for districts.
"""

from __future__ import annotations

REGIONS: list = [
    ("北京市", "110000", [("北京市", "110100", [
        ("东城区", "110101", "100010"), ("西城区", "110102", "100032"),
        ("朝阳区", "110105", "100020"), ("海淀区", "110108", "100080")])]),
    ("上海市", "310000", [("上海市", "310100", [
        ("黄浦区", "310101", "200001"), ("徐汇区", "310104", "200030"), ("浦东新区", "310115", "200135")])]),
    ("浙江省", "330000", [
        ("杭州市", "330100", [("上城区", "330102", "310002"), ("西湖区", "330106", "310013")]),
        ("宁波市", "330200", [("海曙区", "330203", "315000"), ("鄞州区", "330212", "315100")])]),
    ("广东省", "440000", [
        ("广州市", "440100", [("越秀区", "440104", "510030"), ("天河区", "440106", "510630")]),
        ("深圳市", "440300", [("福田区", "440304", "518048"), ("南山区", "440305", "518052")])]),
]
