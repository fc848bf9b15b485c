"""Code packs (Annex G) and adopting examples: an association's code reaches its
members, members tailor it, and later versions never overwrite their words silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smallbiz_codes.domain import checks
from smallbiz_codes.domain.examples import UnknownExample, load_example
from smallbiz_codes.domain.packs import ADDED, REMOVED, REWORDED, parse_origin
from smallbiz_codes.domain.records import Code, Indicator, Organization, Procedure, Promise
from smallbiz_codes.store import exchange
from smallbiz_codes.store.adopt import adopt_example
from smallbiz_codes.store.errors import ExchangeError
from smallbiz_codes.store.packs import (
    BadPackId,
    apply_changes,
    export_pack,
    import_pack,
    read_pack,
    update_from_pack,
)
from smallbiz_codes.store.workbook import WorkbookFile

ASSOCIATION = "幸福区烘焙行业协会"
PACK_ID = "xingfu-bakery-code"


def association_workbook(folder: Path) -> WorkbookFile:
    wb = load_example("bakery", "zh")
    wb.organization.name = ASSOCIATION
    wf = WorkbookFile.create(folder / "协会.sbcodes", wb.organization, wb.code)
    wf.replace_all(wb)
    return wf


def member_workbook(folder: Path, name: str = "甜心面包房", lang: str = "zh") -> WorkbookFile:
    wf = WorkbookFile.create(
        folder / f"{name}.sbcodes",
        Organization(id=1, name=name, language=lang),
        Code(id=1, complaints_contact="店主 赵 电话 138-0000-0000"),
    )
    wf.add(Promise(wording="我们自己的承诺：周末 9 点开门。", remedy="送一个面包", owner="店主"))
    return wf


def by_key(wf: WorkbookFile) -> dict[str, Promise]:
    out = {}
    for p in wf.all(Promise):
        parsed = parse_origin(p.origin)
        if parsed:
            out[parsed[1]] = p
    return out


def test_pack_carries_the_code_but_no_business_data(cjk_dir: Path) -> None:
    with association_workbook(cjk_dir) as assoc:
        info = export_pack(
            assoc, cjk_dir / "协会规范.json", PACK_ID, ASSOCIATION, "2026.1", "2026-11-01"
        )
    doc = json.loads((cjk_dir / "协会规范.json").read_text(encoding="utf-8"))
    assert doc["kind"] == "code-pack"
    assert doc["pack"] == {
        "id": PACK_ID,
        "association": ASSOCIATION,
        "version": "2026.1",
        "issued": "2026-11-01",
        "language": "zh",
    }
    assert info.id == PACK_ID
    assert "organization" not in doc["records"] and "feedback" not in doc["records"]
    code = doc["records"]["code"][0]
    assert code["complaints_contact"] == "" and code["approver"] == ""
    assert len(doc["records"]["promise"]) == 5
    assert not any(p["capability_confirmed"] for p in doc["records"]["promise"])
    assert "021-5555 0188" not in json.dumps(doc["records"]["code"], ensure_ascii=False)


def test_full_pack_cycle(cjk_dir: Path) -> None:
    pack1, pack2 = cjk_dir / "规范-1.json", cjk_dir / "规范-2.json"
    assoc = association_workbook(cjk_dir)
    export_pack(assoc, pack1, PACK_ID, ASSOCIATION, "2026.1")

    # A member adopts the pack next to a promise of their own.
    member = member_workbook(cjk_dir)
    own = member.all(Promise)[0]
    added = import_pack(member, pack1)
    assert len(added) == 5
    assert member.code().adopted_from == ASSOCIATION
    assert member.all(Promise)[0] == own  # their own promise untouched
    adopted = by_key(member)
    for p in adopted.values():
        assert p.tailored is False and p.capability_confirmed is False
        assert p.origin.startswith(f"pack:{PACK_ID}/") and p.origin_wording == p.wording
    assert len(member.all(Indicator)) == 5 and len(member.all(Procedure)) == 5
    # Until the member edits or confirms them, the checks say so.
    findings = checks.run_all(member.load())
    assert sum(f.rule == "promise.untailored" for f in findings) == 5
    # Importing the same pack again adds nothing.
    assert import_pack(member, pack1) == []

    # The member tailors the "fresh" promise (key = the association's id of it).
    upstream = {p.origin_wording: k for k, p in adopted.items()}
    assoc_promises = {p.wording: p for p in assoc.all(Promise)}
    fresh = next(p for w, p in assoc_promises.items() if "当天烤" in w)
    cake = next(p for w, p in assoc_promises.items() if "蛋糕在约定时间" in w)
    deposit = next(p for w, p in assoc_promises.items() if "定金全额退还" in w)
    fresh_key, cake_key = str(fresh.id), str(cake.id)
    assert upstream[fresh.wording] == fresh_key
    mine = adopted[fresh_key]
    my_words = "我们的面包都是当天早上 6 点烤的，晚上 8 点后打 5 折，第二天不再卖。"
    member.set_field(Promise, mine.id, "wording", my_words)
    member.set_field(Promise, mine.id, "tailored", True)

    # The association adds one promise, removes one and rewords two; then sends version 2.
    new_promise = assoc.add(
        Promise(
            wording="会员积分 12 个月内有效，到期前 30 天短信提醒。",
            remedy="补回积分",
            owner="店长",
        )
    )
    assoc.delete(Promise, deposit.id)
    assoc.set_field(
        Promise, fresh.id, "wording", "货架上的面包都是当天烤的，闭店前 1 小时打 8 折，不隔夜卖。"
    )
    assoc.set_field(
        Promise, cake.id, "wording", "预订的蛋糕在约定时间准备好；晚 10 分钟以上减免 20%。"
    )
    export_pack(assoc, pack2, PACK_ID, ASSOCIATION, "2027.1")
    assoc.close()

    update = update_from_pack(member, pack2)
    assert update.info.version == "2027.1"
    kinds = sorted((c.kind, c.key) for c in update.changes)
    assert kinds == sorted(
        [
            (ADDED, str(new_promise.id)),
            (REMOVED, str(deposit.id)),
            (REWORDED, fresh_key),
            (REWORDED, cake_key),
        ]
    )
    changes = {(c.kind, c.key): c for c in update.changes}
    fresh_change = changes[(REWORDED, fresh_key)]
    assert fresh_change.member_edited and fresh_change.member_tailored
    assert fresh_change.member_wording == my_words
    assert fresh_change.upstream_old == fresh.wording
    assert "闭店前 1 小时" in fresh_change.upstream_new
    assert fresh_change.warning("zh") and fresh_change.warning("en")
    cake_change = changes[(REWORDED, cake_key)]
    assert not cake_change.member_edited and cake_change.warning("en") == ""
    assert ASSOCIATION in changes[(ADDED, str(new_promise.id))].summary("zh")
    # Looking at the update wrote nothing.
    assert by_key(member)[fresh_key].wording == my_words

    # The member takes the new promise and the cake rewording, nothing else.
    taken = apply_changes(member, [changes[(ADDED, str(new_promise.id))], cake_change])
    assert taken == 2
    now = by_key(member)
    assert now[fresh_key].wording == my_words and now[fresh_key].tailored  # kept
    assert str(deposit.id) in now  # removal not chosen: still there
    assert now[cake_key].wording.startswith("预订的蛋糕在约定时间准备好；晚 10 分钟")
    assert now[cake_key].tailored is False  # to be confirmed by the member
    assert now[str(new_promise.id)].tailored is False
    assert own in member.all(Promise)

    # Asked again, what was declined is still on offer, and nothing else.
    again = update_from_pack(member, pack2)
    assert sorted((c.kind, c.key) for c in again.changes) == sorted(
        [(REMOVED, str(deposit.id)), (REWORDED, fresh_key)]
    )
    # Taking the rewording of the tailored promise replaces the member's words, as chosen.
    apply_changes(member, [c for c in again.changes if c.kind == REWORDED])
    assert by_key(member)[fresh_key].wording.endswith("闭店前 1 小时打 8 折，不隔夜卖。")
    apply_changes(member, [c for c in again.changes if c.kind == REMOVED])
    assert str(deposit.id) not in by_key(member)
    assert update_from_pack(member, pack2).changes == []
    member.close()


def test_apply_is_one_transaction(cjk_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack1, pack2 = cjk_dir / "p1.json", cjk_dir / "p2.json"
    with association_workbook(cjk_dir) as assoc:
        export_pack(assoc, pack1, PACK_ID, ASSOCIATION, "1")
        for p in assoc.all(Promise)[:2]:
            assoc.set_field(Promise, p.id, "wording", p.wording + "（修订）")
        export_pack(assoc, pack2, PACK_ID, ASSOCIATION, "2")
    with member_workbook(cjk_dir) as member:
        import_pack(member, pack1)
        before = member.load()
        changes = update_from_pack(member, pack2).changes
        assert len(changes) == 2
        calls = []
        real_save = WorkbookFile.save

        def failing_save(self: WorkbookFile, record: object) -> None:
            calls.append(record)
            if len(calls) == 2:
                raise OSError("disk full")
            real_save(self, record)

        monkeypatch.setattr(WorkbookFile, "save", failing_save)
        with pytest.raises(OSError):
            apply_changes(member, changes)
        monkeypatch.undo()
        assert member.load() == before  # the first change was rolled back too


def _bad_packs(folder: Path, good: Path) -> dict[str, Path]:
    doc = json.loads(good.read_text(encoding="utf-8"))
    files: dict[str, Path] = {}

    def put(name: str, content: object) -> None:
        path = folder / f"{name}.json"
        path.write_text(
            content if isinstance(content, str) else json.dumps(content, ensure_ascii=False),
            encoding="utf-8",
        )
        files[name] = path

    put("not-json", "{这不是 JSON")
    put("whole-workbook", {**doc, "kind": "workbook"})
    put("no-pack-id", {**doc, "pack": {**doc["pack"], "id": ""}})
    put("slash-in-id", {**doc, "pack": {**doc["pack"], "id": "a/b"}})
    put(
        "no-association",
        {**doc, "pack": {k: v for k, v in doc["pack"].items() if k != "association"}},
    )
    put("bad-language", {**doc, "pack": {**doc["pack"], "language": "fr"}})
    with_org = json.loads(json.dumps(doc))
    with_org["records"]["organization"] = [{"id": 1, "name": "x"}]
    put("business-data", with_org)
    dangling = json.loads(json.dumps(doc))
    dangling["records"]["indicator"][0]["promise_id"] = 999
    put("dangling-link", dangling)
    empty = json.loads(json.dumps(doc))
    empty["records"]["promise"] = []
    empty["records"]["indicator"] = []
    empty["records"]["procedure"] = []
    put("no-promises", empty)
    wrong_type = json.loads(json.dumps(doc))
    wrong_type["records"]["promise"][0]["wording"] = 42
    put("wrong-type", wrong_type)
    return files


def test_bad_pack_files_are_rejected_writing_nothing(cjk_dir: Path) -> None:
    good = cjk_dir / "good.json"
    with association_workbook(cjk_dir) as assoc:
        export_pack(assoc, good, PACK_ID, ASSOCIATION, "1")
    with member_workbook(cjk_dir) as member:
        before = member.load()
        for name, path in _bad_packs(cjk_dir, good).items():
            with pytest.raises(ExchangeError) as info:
                import_pack(member, path)
            assert path.name in info.value.message("zh"), name
            assert "没有" in info.value.message("zh") or "未" in info.value.message("zh"), name
            with pytest.raises(ExchangeError):
                update_from_pack(member, path)
            assert member.load() == before, name


def test_export_refuses_a_bad_id_and_writes_no_file(cjk_dir: Path) -> None:
    with association_workbook(cjk_dir) as assoc:
        for bad in ("", "a/b", "规范", "x" * 65):
            with pytest.raises(BadPackId):
                export_pack(assoc, cjk_dir / "out.json", bad, ASSOCIATION, "1")
    assert not (cjk_dir / "out.json").exists()


def test_member_writing_english_adopts_the_english_side(cjk_dir: Path) -> None:
    pack = cjk_dir / "pack.json"
    with association_workbook(cjk_dir) as assoc:
        export_pack(assoc, pack, PACK_ID, ASSOCIATION, "1")
    with member_workbook(cjk_dir, "Sweet Crumbs", "en") as member:
        import_pack(member, pack)
        adopted = list(by_key(member).values())
    assert adopted[0].wording.startswith("All bread on our shelves")
    assert adopted[0].wording_alt.startswith("货架上的面包")
    assert adopted[0].origin_wording == adopted[0].wording


def test_pack_is_an_ordinary_valid_exchange_file(cjk_dir: Path) -> None:
    pack = cjk_dir / "pack.json"
    with association_workbook(cjk_dir) as assoc:
        export_pack(assoc, pack, PACK_ID, ASSOCIATION, "1")
    kind, wb, header = exchange.read(pack)
    assert kind == "code-pack" and header["id"] == PACK_ID
    info, _wb = read_pack(pack)
    assert info.association == ASSOCIATION


def test_adopt_example_into_an_existing_workbook(cjk_dir: Path) -> None:
    with member_workbook(cjk_dir, "丽人美发") as wf:
        own = wf.all(Promise)
        added = adopt_example(wf, "salon")
        example = load_example("salon", "zh")
        assert [p.wording for p in added] == [p.wording for p in example.promises]
        for p in added:
            assert p.tailored is False and p.capability_confirmed is False
            assert p.origin.startswith("example:salon/") and p.origin_wording == p.wording
            assert p.wording_alt  # the English side comes along for a bilingual notice
        assert len(wf.all(Indicator)) == len(example.indicators)
        assert len(wf.all(Procedure)) == len(example.procedures)
        assert wf.all(Promise)[: len(own)] == own
        # A second adoption adds nothing; one promise of another trade can be picked.
        assert adopt_example(wf, "salon") == []
        one = adopt_example(wf, "webshop", keys=["returns"])
        assert [p.origin for p in one] == ["example:webshop/returns"]
        with pytest.raises(UnknownExample):
            adopt_example(wf, "spaceship")


def test_pack_commands(cjk_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The pack commands, run through a parser built the way cli.build_parser hooks them in."""
    import argparse

    from smallbiz_codes.cli_packs import PACK_COMMANDS, add_pack_commands

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    add_pack_commands(sub)
    assert PACK_COMMANDS == set(sub.choices)

    def run(*argv: str) -> str:
        args = parser.parse_args(list(argv))
        assert args.func(args) == 0
        return capsys.readouterr().out

    assoc_path = cjk_dir / "协会.sbcodes"
    association_workbook(cjk_dir).close()
    pack = cjk_dir / "协会规范.json"
    run(
        "pack-export",
        str(assoc_path),
        "--out",
        str(pack),
        "--id",
        PACK_ID,
        "--association",
        ASSOCIATION,
        "--version",
        "1",
    )
    member_workbook(cjk_dir).close()
    member_path = cjk_dir / "甜心面包房.sbcodes"
    assert "5" in run("pack-import", str(pack), "--into", str(member_path))
    with WorkbookFile.open(assoc_path) as assoc:
        first = assoc.all(Promise)[0]
        assoc.set_field(Promise, first.id, "wording", "新的说法：每天 7 点前出炉。")
    run(
        "pack-export",
        str(assoc_path),
        "--out",
        str(pack),
        "--id",
        PACK_ID,
        "--association",
        ASSOCIATION,
        "--version",
        "2",
    )
    listing = run("pack-update", str(pack), "--into", str(member_path))
    assert f"[{first.id}]" in listing and "新的说法" in listing
    with WorkbookFile.open(member_path) as wf:
        assert by_key(wf)[str(first.id)].wording == first.wording  # listing changed nothing
    run("pack-update", str(pack), "--into", str(member_path), "--take", str(first.id))
    with WorkbookFile.open(member_path) as wf:
        assert by_key(wf)[str(first.id)].wording == "新的说法：每天 7 点前出炉。"


def test_pack_errors_read_in_chinese(cjk_dir: Path) -> None:
    bad = cjk_dir / "整本.json"
    with association_workbook(cjk_dir) as assoc:
        exchange.write(bad, exchange.to_document(assoc.load()))
    with member_workbook(cjk_dir) as member, pytest.raises(ExchangeError) as info:
        import_pack(member, bad)
    assert "这是完整的工作簿，不是规范包" in info.value.message("zh")
    assert "whole workbook, not a code pack" in info.value.message("en")


def test_every_pack_string_is_translated() -> None:
    from babel.messages.pofile import read_po

    from smallbiz_codes.resources_path import resource

    with open(resource("locale", "zh_CN", "LC_MESSAGES", "packs.po"), "rb") as fh:
        catalog = read_po(fh)
    untranslated = [m.id for m in catalog if m.id and not m.string]
    assert untranslated == []
