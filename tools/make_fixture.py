"""Make the fixture workbooks of every schema, as the program of that time wrote them.

    python tools/make_fixture.py

writes ``tests/fixtures/workbook-schema<N>.sbcodes``: a workbook created by
applying only the first N migrations (migrations are never edited once
released, so stopping before migration N+1 gives exactly schema N) and filling
it with a small bakery's records in Chinese, through plain SQL on the columns
that schema had. ``tests/store/test_migrations.py`` opens each one and checks
it is migrated without losing a value.

Only run this to add the fixture of a new schema: the files of released
schemas are history and stay as committed. Existing fixtures are left alone
unless ``--force`` is given.
"""

# ruff: noqa: E501  (the rows below are data, kept one record to a block)
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlite_utils import Database  # noqa: E402

from smallbiz_codes.store.schema import (  # noqa: E402
    APPLICATION_ID,
    known_migration_names,
    migrations,
)

FIXTURES = ROOT / "tests" / "fixtures"
APPLIED_AT = "2026-11-01 09:00:00.000000+00:00"  # fixed, so the file is reproducible

# Every value a bakery might have typed, by table; columns a schema lacks are skipped.
ROWS: dict[str, list[dict[str, Any]]] = {
    "organization": [{
        "id": 1, "name": "麦香坊烘焙", "name_alt": "Golden Wheat Bakery", "trade": "bakery",
        "staff_count": 6, "products_services": "每天现烤面包、西点；生日蛋糕接受预订。",
        "customers": "周边小区居民、上班族", "channels": json.dumps(["shop", "phone", "deposit"]),
        "address": "幸福路 88 号", "address_alt": "88 Xingfu Road", "phone": "021-5555 0188", "email": "hello@example.com",
        "website": "", "complaint_handling": "店长记在收银台旁的本子上 <当天处理> & 回电",
        "laws_and_rules": "《食品安全法》、《消费者权益保护法》", "language": "zh",
    }],
    "code": [{
        "id": 1, "title": "麦香坊顾客承诺", "purpose": "让顾客放心买到新鲜面包",
        "scope": "门店和电话预订", "exclusions": "外卖平台的配送", "effective_date": "2026-04-01",
        "review_date": "2027-04-01", "status": "published", "version": 2,
        "complaints_contact": "店长 张丽 021-5555 0188", "complaints_contact_alt": "Manager Zhang Li",
        "dispute_route": "12315", "monitoring": "每周一看记录本", "approver": "张丽",
        "route": "short", "current_step": "publish", "adopted_from": "",
        "title_alt": "Golden Wheat promises", "purpose_alt": "Fresh bread you can trust",
        "scope_alt": "Shop and phone orders", "exclusions_alt": "Delivery platforms",
        "dispute_route_alt": "Call 12315",
    }],
    "objective": [{
        "id": 1, "position": 1, "text": "减少蛋糕取货排队", "problem": "周末取蛋糕要等半小时",
        "measure": "取货等待分钟数", "baseline": "30", "target": "10", "target_date": "2026-09-30",
    }],
    "information_item": [{
        "id": 1, "kind": "complaint", "source": "收银台记录本", "summary": "三月有 4 次投诉面包不新鲜",
        "date": "2026-03-31",
    }],
    "party_input": [{
        "id": 1, "party": "老顾客", "method": "店里聊天", "date": "2026-03-05",
        "said": "希望蛋糕能提前一天订 🎂", "decision": "接受预订到前一天晚上八点", "feedback_sent": 1,
    }],
    "promise": [
        {
            "id": 1, "position": 1, "wording": "面包都是当天现烤，不卖隔夜面包。",
            "wording_alt": "All bread is baked the same day.", "category": "quality",
            "covers": "门店出售的面包", "conditions": "不含预包装饼干",
            "conditions_alt": "Packaged biscuits excluded", "remedy": "发现不是当天烤的，当场换新或退款",
            "remedy_alt": "Replaced or refunded on the spot", "owner": "面包师 李强",
            "capability_confirmed": 1, "tailored": 0, "origin": "example:bakery/fresh",
            "origin_wording": "面包都是当天现烤，不卖隔夜面包。",
        },
        {
            "id": 2, "position": 2, "wording": "预订的蛋糕按约定时间做好，迟到 15 分钟以上送一份小点心。",
            "wording_alt": "", "category": "delivery", "covers": "电话和到店预订的蛋糕",
            "conditions": "需提前 24 小时预订", "conditions_alt": "", "remedy": "送一份小点心；迟到一小时以上退定金",
            "remedy_alt": "", "owner": "店长 张丽", "capability_confirmed": 0, "tailored": 1,
            "origin": "", "origin_wording": "",
        },
    ],
    "indicator": [{
        "id": 1, "promise_id": 2, "objective_id": 1, "name": "蛋糕按时做好的比例",
        "measure": "按时做好的单数 ÷ 预订单数", "unit": "%", "target": 95.0, "direction": "up",
        "frequency": "monthly", "source": "预订本", "owner": "店长 张丽",
    }],
    "procedure": [{
        "id": 1, "promise_id": 1, "title": "每天收市检查", "steps": "1. 晚上八点清点剩余面包\n2. 贴上“明日折价”标签",
        "at_risk": "发现隔夜面包已上架，立即撤下并告诉店长", "records": "收市检查表",
        "complaint_link": "投诉记录本", "owner": "值班店员",
    }],
    "communication_item": [{
        "id": 1, "position": 1, "direction": "external", "audience": "到店顾客",
        "purpose": "让顾客知道我们的承诺", "message": "我们的承诺：当天现烤", "method": "收银台告示",
        "timing": "开业前", "start_date": "2026-04-01", "owner": "店长 张丽", "cost": "打印 20 元",
        "accessibility": "大字版", "evaluation": "问 10 位顾客是否看到", "done_on": "2026-03-30",
    }],
    "resource": [{"id": 1, "kind": "time", "description": "每天收市检查 15 分钟", "cost": "", "approved": 1}],
    "implementation_task": [{
        "id": 1, "title": "培训店员", "owner": "店长 张丽", "due": "2026-03-28", "done_on": "",
    }],
    "feedback": [{
        "id": 1, "date": "2026-04-12", "kind": "complaint", "promise_id": 2, "channel": "电话",
        "summary": "生日蛋糕晚了 20 分钟", "customer_ref": "王女士", "remedy_given": "送了一份小点心",
        "status": "closed", "closed_on": "2026-04-12",
    }],
    "measurement": [
        {"id": 1, "indicator_id": 1, "period": "2026-04-01", "value": 92.5, "comment": "四月"},
        {"id": 2, "indicator_id": 1, "period": "2026-05-01", "value": None, "comment": "还没统计"},
    ],
    "satisfaction_result": [{
        "id": 1, "date": "2026-06-01", "method": "小卡片调查", "sample": 40, "awareness": 62.5,
        "clarity": 80.0, "fairness": None, "overall": 88.0, "comment": "",
    }],
    "review": [{
        "id": 1, "date": "2026-06-15", "participants": "店长、两位店员", "inputs": "四到六月记录",
        "decisions": "预订截止时间改到晚上九点", "next_review": "2026-12-15",
    }],
    "improvement_action": [{
        "id": 1, "review_id": 1, "source": "评审", "cause": "周末订单多", "action": "周末加一名早班",
        "owner": "店长 张丽", "due": "2026-07-01", "status": "open", "effectiveness": "",
    }],
    "approval": [{
        "id": 1, "version": 1, "approved_by": "张丽", "approved_on": "2026-03-20",
        "effective_date": "2026-04-01", "snapshot": json.dumps({"promises": ["当天现烤"]}, ensure_ascii=False),
        "fingerprint": "5f2a9c01",
    }],
    "principle_assessment": [
        {"id": 1, "principle": "4.2", "comment": "承诺都写在告示上", "owner_status": "ok"},
        {"id": 2, "principle": "4.10", "comment": "顾客电话只记姓氏", "owner_status": "todo"},
    ],
}


def make(schema: int, dest: Path) -> Path:
    names = known_migration_names()
    dest.unlink(missing_ok=True)
    conn = sqlite3.connect(dest)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db = Database(conn, execute_plugins=False)
    stop = names[schema] if schema < len(names) else None
    migrations.apply(db, stop_before=stop)
    with db.atomic():
        for table, rows in ROWS.items():
            columns = set(db[table].columns_dict)
            for row in rows:
                db[table].insert({k: v for k, v in row.items() if k in columns})
        db.execute("UPDATE _sqlite_migrations SET applied_at = ?", [APPLIED_AT])
    conn.execute("VACUUM")
    conn.execute("PRAGMA journal_mode = WAL")  # as the program leaves a closed workbook
    conn.close()
    return dest


def main(argv: list[str]) -> int:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for schema in range(1, len(known_migration_names()) + 1):
        dest = FIXTURES / f"workbook-schema{schema}.sbcodes"
        if dest.exists() and "--force" not in argv:
            continue
        make(schema, dest)
        print(f"wrote {dest.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
