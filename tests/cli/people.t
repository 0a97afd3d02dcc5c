Departments and people, added one at a time, with Chinese names aligned.

  $ taizhang init . >/dev/null
  $ taizhang --by 李秀英 add department BGS 办公室
  added department BGS (id 1)
  $ taizhang --by 李秀英 add department BGS-WM 文秘组 --parent 办公室
  added department BGS-WM (id 2)
  $ taizhang --by 李秀英 add department RSK 人事科
  added department RSK (id 3)
  $ taizhang --by 李秀英 add person P0001 张三 --dept 办公室 --title 科员 --badge 1001 --joined 2020/3/1
  added person P0001 (id 1)
  $ taizhang --by 李秀英 add person P0002 ab --dept BGS-WM --badge 1002
  added person P0002 (id 2)
  $ taizhang --by 李秀英 add person P0003 欧阳明远 --dept RSK --joined 2019-01-01 --left 2026-06-30
  added person P0003 (id 3)
  $ taizhang list people
  ID  工号   姓名      部门    职务  考勤号  入职日期    离职日期    在职
  ──  ─────  ────────  ──────  ────  ──────  ──────────  ──────────  ────
   1  P0001  张三      办公室  科员  1001    2020-03-01              是
   2  P0002  ab        文秘组        1002                            是
   3  P0003  欧阳明远  人事科                2019-01-01  2026-06-30  否
  $ taizhang list departments
  ID  编码    名称    上级部门  人数
  ──  ──────  ──────  ────────  ────
   1  BGS     办公室               1
   2  BGS-WM  文秘组  办公室       1
   3  RSK     人事科               1

Every format. Machine formats carry no decoration.

  $ taizhang list people --format csv
  id,code,name,department,title,badge,joined,left,active
  1,P0001,张三,BGS,科员,1001,2020-03-01,,true
  2,P0002,ab,BGS-WM,,1002,,,true
  3,P0003,欧阳明远,RSK,,,2019-01-01,2026-06-30,false
  $ taizhang list people --format json
  [
    {
      "id": 1,
      "code": "P0001",
      "name": "张三",
      "department": "BGS",
      "title": "科员",
      "badge": "1001",
      "joined": "2020-03-01",
      "left": null,
      "active": true
    },
    {
      "id": 2,
      "code": "P0002",
      "name": "ab",
      "department": "BGS-WM",
      "title": null,
      "badge": "1002",
      "joined": null,
      "left": null,
      "active": true
    },
    {
      "id": 3,
      "code": "P0003",
      "name": "欧阳明远",
      "department": "RSK",
      "title": null,
      "badge": null,
      "joined": "2019-01-01",
      "left": "2026-06-30",
      "active": false
    }
  ]
  $ taizhang list people --format jsonl
  {"id":1,"code":"P0001","name":"张三","department":"BGS","title":"科员","badge":"1001","joined":"2020-03-01","left":null,"active":true}
  {"id":2,"code":"P0002","name":"ab","department":"BGS-WM","title":null,"badge":"1002","joined":null,"left":null,"active":true}
  {"id":3,"code":"P0003","name":"欧阳明远","department":"RSK","title":null,"badge":null,"joined":"2019-01-01","left":"2026-06-30","active":false}
  $ taizhang list people --format md
  |  ID | 工号  | 姓名     | 部门   | 职务 | 考勤号 | 入职日期   | 离职日期   | 在职 |
  | --: | ----- | -------- | ------ | ---- | ------ | ---------- | ---------- | ---- |
  |   1 | P0001 | 张三     | 办公室 | 科员 | 1001   | 2020-03-01 |            | 是   |
  |   2 | P0002 | ab       | 文秘组 |      | 1002   |            |            | 是   |
  |   3 | P0003 | 欧阳明远 | 人事科 |      |        | 2019-01-01 | 2026-06-30 | 否   |

Filters: a department includes the ones under it; --active is derived from the dates.

  $ taizhang list people --dept 办公室 --format csv
  id,code,name,department,title,badge,joined,left,active
  1,P0001,张三,BGS,科员,1001,2020-03-01,,true
  2,P0002,ab,BGS-WM,,1002,,,true
  $ taizhang list people --active --format csv
  id,code,name,department,title,badge,joined,left,active
  1,P0001,张三,BGS,科员,1001,2020-03-01,,true
  2,P0002,ab,BGS-WM,,1002,,,true
  $ taizhang list people --search 欧阳 --format csv
  id,code,name,department,title,badge,joined,left,active
  3,P0003,欧阳明远,RSK,,,2019-01-01,2026-06-30,false

Codes and badges are unique; an unknown department is named.

  $ taizhang add person P0001 李四 --dept 办公室
  taizhang: 工号 (code) "P0001": a person with this code exists
  [65]
  $ taizhang add person P0009 李四 --dept 办公室 --badge 1001
  taizhang: 考勤号 (badge) "1001": already the badge of P0001 张三
  [65]
  $ taizhang add person P0009 李四 --dept 财务科
  taizhang: 部门 (department) "财务科": no such department (known: 办公室, 文秘组, 人事科)
  [66]
  $ taizhang add person P0009 李四 --dept 办公室 --joined 2026-02-30
  taizhang: 入职日期 (joined) "2026-02-30": not a date (expected YYYY-MM-DD)
  [65]
  $ taizhang add person P0009 李四 --dept 办公室 --joined 2026-01-01 --left 2025-01-01
  taizhang: 离职日期 (left) "2025-01-01": is before the joined date 2026-01-01
  [65]
  $ taizhang add department BGS 办公室
  taizhang: 部门编码 (code) "BGS": a department with this code exists
  [65]
  $ taizhang update department BGS --parent BGS-WM
  taizhang: 上级部门 (parent) "BGS-WM": would make the department its own ancestor
  [65]

Names with quotes, commas, newlines and SQL-looking text are stored and shown verbatim.

  $ taizhang --by 李秀英 add person P0004 "'; DROP TABLE people; --" --dept 办公室
  added person P0004 (id 4)
  $ taizhang --by 李秀英 add person P0005 '王"小,二' --dept 办公室
  added person P0005 (id 5)
  $ taizhang --by 李秀英 add person P0006 "$(printf '多行\n姓名')" --dept 办公室
  added person P0006 (id 6)
  $ taizhang list people --search P000 --format csv | tail -n 4
  6,P0006,"多行
  姓名",BGS,,,,,true
  2,P0002,ab,BGS-WM,,1002,,,true
  3,P0003,欧阳明远,RSK,,,2019-01-01,2026-06-30,false
  $ taizhang show person P0004 --format json
  [
    {
      "id": 4,
      "code": "P0004",
      "name": "'; DROP TABLE people; --",
      "department": "BGS",
      "title": null,
      "badge": null,
      "joined": null,
      "left": null,
      "active": true,
      "voided_at": null,
      "void_reason": null
    }
  ]
  $ taizhang list people --format table --dept BGS | tail -n 3
   5  P0005  王"小,二                  办公室                                      是
   6  P0006  多行↵姓名                 办公室                                      是
   2  P0002  ab                        文秘组        1002                          是

Update, show with history, void.

  $ taizhang --by 王主任 update person P0001 --title 副科长 --badge ''
  updated person P0001
  $ taizhang update person P0001
  taizhang: nothing to update: give at least one --field (see `taizhang update person --help`)
  [64]
  $ taizhang show person P0001
  ID        1
  工号      P0001
  姓名      张三
  部门      办公室
  职务      副科长
  考勤号
  入职日期  2020-03-01
  离职日期
  在职      是
  作废时间
  作废原因
  
  ID  时间                 操作人  操作    类别    记录ID  内容                                                                              命令
  ──  ───────────────────  ──────  ──────  ──────  ──────  ────────────────────────────────────────────────────────────────────────────────  ────────────────────────────────────────────────────────────────────────────────────────────────────
   4  2026-10-15 09:00:00  李秀英  add     person       1  code=P0001; name=张三; department=BGS; title=科员; badge=1001; joined=2020-03-01  taizhang --by 李秀英 add person P0001 张三 --dept 办公室 --title 科员 --badge 1001 --joined 2020/3/1
  10  2026-10-15 09:00:00  王主任  update  person       1  title: 科员 → 副科长; badge: 1001 → ∅                                             taizhang --by 王主任 update person P0001 --title 副科长 --badge ''
  $ taizhang void person P0002
  taizhang: --reason is required (taizhang void person --help)
  [64]
  $ taizhang --by 王主任 void person P0002 --reason 重复录入
  voided person P0002
  $ taizhang void person P0002 --reason again
  taizhang: person P0002 is already voided
  [65]
  $ taizhang update person P0002 --name x
  taizhang: person P0002 is voided and cannot be changed
  [65]
  $ taizhang list people --format csv
  id,code,name,department,title,badge,joined,left,active
  1,P0001,张三,BGS,副科长,,2020-03-01,,true
  4,P0004,'; DROP TABLE people; --,BGS,,,,,true
  5,P0005,"王""小,二",BGS,,,,,true
  6,P0006,"多行
  姓名",BGS,,,,,true
  3,P0003,欧阳明远,RSK,,,2019-01-01,2026-06-30,false
  $ taizhang list people --all --format csv | grep P0002
  2,P0002,ab,BGS-WM,,1002,,,true,2026-10-15T01:00:00Z,重复录入
  $ taizhang void department RSK --reason 撤销
  taizhang: department RSK still has 1 people and 0 sub-departments; move them first
  [65]
  $ taizhang show person P9999
  taizhang: no person 'P9999'
  [66]
  $ taizhang update person P9999 --name x
  taizhang: no person 'P9999'
  [66]

A voided record's code may be used again; its id is new, and ids never renumber.

  $ taizhang add person P0002 新ab --dept 文秘组
  added person P0002 (id 7)
  $ sqlite3 taizhang.db "SELECT by_user = '$(id -un)' FROM changes ORDER BY id DESC LIMIT 1"
  1
  $ taizhang list people --all --format csv | grep P0002
  2,P0002,ab,BGS-WM,,1002,,,true,2026-10-15T01:00:00Z,重复录入
  7,P0002,新ab,BGS-WM,,,,,true,,

The change log: who, when (in the office's time zone), what.

  $ taizhang list changes --kind person --format csv | cut -d, -f1-7
  id,at,by,action,kind,record_id,summary
  4,2026-10-15 09:00:00,李秀英,add,person,1,code=P0001; name=张三; department=BGS; title=科员; badge=1001; joined=2020-03-01
  5,2026-10-15 09:00:00,李秀英,add,person,2,code=P0002; name=ab; department=BGS-WM; badge=1002
  6,2026-10-15 09:00:00,李秀英,add,person,3,code=P0003; name=欧阳明远; department=RSK; joined=2019-01-01; left=2026-06-30
  7,2026-10-15 09:00:00,李秀英,add,person,4,code=P0004; name='; DROP TABLE people; --; department=BGS
  8,2026-10-15 09:00:00,李秀英,add,person,5,"code=P0005; name=王""小
  9,2026-10-15 09:00:00,李秀英,add,person,6,"code=P0006; name=多行
  姓名; department=BGS","taizhang --by 李秀英 add person P0006 '多行
  姓名' --dept 办公室"
  10,2026-10-15 09:00:00,王主任,update,person,1,title: 科员 → 副科长; badge: 1001 → ∅
  11,2026-10-15 09:00:00,王主任,void,person,2,voided_at: ∅ → 2026-10-15T01:00:00Z; void_reason: ∅ → 重复录入
  12,2026-10-15 09:00:00,root,add,person,7,code=P0002; name=新ab; department=BGS-WM
  $ taizhang list changes --since 2026-10-16
  ID  时间  操作人  操作  类别  记录ID  内容  命令
  ──  ────  ──────  ────  ────  ──────  ────  ────
  $ taizhang list changes --since 2026-13-01
  taizhang: --since '2026-13-01' is not a date (YYYY-MM-DD)
  [65]
