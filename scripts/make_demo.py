#!/usr/bin/env python3
"""Writes the bundled demo data set into Templates/demo/.

The institution 北辰职业技术学院 and every person in it are fictional. The script is
deterministic (stdlib only, fixed seed): running it again gives byte-identical files.
It ends with a self-check that reads the files back, asserts the contract rules and
prints a summary.    Usage: python3 scripts/make_demo.py
"""
import csv
import os
import random
import re
from collections import Counter
from datetime import date, timedelta

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Templates", "demo")
rng = random.Random(20210220)
START, END = date(2021, 2, 20), date(2021, 8, 31)
LAGGING = "NM"  # the counted unit that holds no branch study in July 2021

# ---------------------------------------------------------------- organizations
# id, parent, kind, secretary, members (0 = sum of its branches), name
ORG_TABLE = """\
BC   -   committee      王建国    0 中共北辰职业技术学院委员会
JG   BC  general_branch 张国庆    0 机关党总支
JG01 JG  branch         许文杰   24 机关第一党支部
JG02 JG  branch         冯雪梅   21 机关第二党支部
JG03 JG  branch         邓海波   19 机关第三党支部
JD   BC  general_branch 杨卫东    0 机电工程学院党总支
JD01 JD  branch         宋立新   18 机电工程学院教工第一党支部
JD02 JD  branch         曹文静   16 机电工程学院教工第二党支部
JD03 JD  branch         彭志远   37 机电工程学院学生党支部
XX   BC  general_branch 黄志强    0 信息工程学院党总支
XX01 XX  branch         曾晓燕   22 信息工程学院教工党支部
XX02 XX  branch         田永红   34 信息工程学院学生第一党支部
XX03 XX  branch         董海燕   29 信息工程学院学生第二党支部
JJ   BC  general_branch 吴秀梅    0 经济管理学院党总支
JJ01 JJ  branch         袁立军   20 经济管理学院教工党支部
JJ02 JJ  branch         潘晓明   41 经济管理学院学生党支部
YH   BC  general_branch 郭丽华    0 医学护理学院党总支
YH01 YH  branch         蒋春燕   23 医学护理学院教工党支部
YH02 YH  branch         萨仁高娃 45 医学护理学院护理系学生党支部
YH03 YH  branch         余婷婷   31 医学护理学院医学技术系学生党支部
NM   BC  general_branch 巴特尔    0 农牧工程学院党总支
NM01 NM  branch         杜建平   17 农牧工程学院教工党支部
NM02 NM  branch         苏日娜   26 农牧工程学院学生党支部
MY   BC  direct_branch  何建军   16 马克思主义学院直属党支部
TS   BC  direct_branch  林静     13 图书馆直属党支部
HQ   BC  direct_branch  马德胜   22 后勤服务中心直属党支部
LT   BC  direct_branch  韩振邦   38 离退休干部直属党支部"""
ORGS = [(i, n, k, "" if p == "-" else p, s, int(z)) for i, p, k, s, z, n in map(str.split, ORG_TABLE.splitlines())]
SUBS = {}
for o in ORGS:
    if o[2] == "branch":
        SUBS.setdefault(o[3], []).append(o[0])
NAME, SECRETARY = ({o[0]: o[i] for o in ORGS} for i in (1, 4))
SIZE = {o[0]: o[5] or sum(x[5] for x in ORGS if x[3] == o[0]) for o in ORGS}
TOP = [o[0] for o in ORGS if o[3] == "BC"]
COUNTED = [u for u in TOP if u != "LT"]
ALL_UNITS = [o[0] for o in ORGS if o[0] != "BC"]
LEADERS = ["王建国", "李文博", "陈晓东", "刘志刚", "赵明华", "孙丽娟", "周海涛"]  # 院领导 who claim matters
INSPECTORS = ["刘志刚", "孙丽娟", "周海涛", "陈晓东", "白永胜", "何秀英"]
MEMBERS = "许丹 高翔 梁晓彤 朱海峰 韩雪 胡立伟 王晓宇 乌云 张敏 李佳琪 马瑞 刘洋 孟凡强 赵亚楠".split()
KINDS = {"central_group_study": "党委理论学习中心组集体学习", "reading_class": "读书班", "seminar": "专题研讨",
         "branch_study": "基层党组织集中学习", "lecture": "专题讲座", "party_lecture": "讲党课",
         "micro_lecture": "微党课", "youth_class": "青马班", "event": "主题活动", "volunteer": "志愿服务",
         "supervision": "督查督导", "news_post": "宣传动态", "briefing": "简报", "media_report": "媒体刊发"}
PUBLICITY = {"news_post", "briefing", "media_report"}


def month_end(m):
    return (date(2021, m + 1, 1) - timedelta(days=1)).day


def rday(m, lo=1, hi=31, weekday=True):
    """A random day of month m of 2021 inside the campaign, mostly on weekdays."""
    lo, hi = max(lo, 20 if m == 2 else 1), min(hi, month_end(m))
    while True:
        d = date(2021, m, rng.randint(lo, hi))
        if not weekday or d.weekday() < 5 or rng.random() < 0.1:
            return d


def between(a, b):
    return a + timedelta(days=rng.randint(0, (b - a).days))


def crowd(u):  # participants of an open event: members plus students and staff
    return rng.randint(100, 300) if u == "BC" else rng.randint(40, 180) if u in SUBS else SIZE[u] + rng.randint(0, 20)


# ---------------------------------------------------------------- activities
acts = []


def add(d, unit, kind, title, hours=None, part=None, count=None, level="", lead="", note=""):
    acts.append(dict(date=d, unit=unit, kind=kind, title=title, hours=hours, participants=part,
                     count=count, level=level, lead=lead, note=note))


for md, t in [  # 党委理论学习中心组: (month-day, title)
        ("2-26", "学习习近平总书记在党史学习教育动员大会上的重要讲话"), ("3-9", "传达学习全国两会精神"),
        ("3-18", "专题学习《中国共产党简史》第一章至第三章"), ("3-30", "学习习近平总书记在福建考察时的重要讲话精神"),
        ("4-8", "专题学习《论中国共产党历史》"), ("4-16", "学习习近平总书记对职业教育工作作出的重要指示"),
        ("4-27", "学习习近平总书记在清华大学考察时的重要讲话精神"), ("5-13", "专题学习新民主主义革命时期历史"),
        ("5-27", "专题学习《毛泽东、邓小平、江泽民、胡锦涛关于中国共产党历史论述摘编》"),
        ("6-3", "专题学习社会主义革命和建设时期历史"), ("6-17", "专题学习改革开放和社会主义现代化建设新时期历史"),
        ("6-29", "围绕“学史力行、为民办实事”开展专题学习"),
        ("7-6", "学习习近平总书记在庆祝中国共产党成立100周年大会上的重要讲话"), ("7-22", "专题学习党的十八大以来的历史"),
        ("8-12", '深入学习"七一"重要讲话精神, 交流研讨学习体会'), ("8-26", "专题学习《习近平新时代中国特色社会主义思想学习问答》")]:
    m, d = map(int, md.split("-"))
    add(date(2021, m, d), "BC", "central_group_study", t, rng.choice([2, 2.5, 3, 3, 3.5, 4]),
        rng.randint(15, 25), lead="王建国")

for md, u, t, h, p, lead in [
        ("3-15", "BC", "党史学习教育处级干部专题读书班", 32, 86, "王建国"),
        ("4-19", "JD", "机电工程学院党员骨干党史学习读书班", 16, 48, "杨卫东"),
        ("5-10", "XX", "信息工程学院“学党史、强信念”读书班", 20, 62, "黄志强"),
        ("6-7", "BC", "全院党支部书记党史学习教育专题读书班", 24, 112, "陈晓东")]:
    add(date(2021, *map(int, md.split("-"))), u, "reading_class", t, h, p, lead=lead)

SEMINARS = ["“学党史、悟思想”专题研讨", "“学史明理”专题研讨交流", "“学史增信”专题研讨交流", "“学史崇德”专题研讨交流",
            "“学史力行”专题研讨交流", "“百年党史与职业教育发展”专题研讨", "围绕“坚定理想信念、践行初心使命”开展专题研讨",
            "'学党史、悟思想'专题研讨", "学习《中国共产党简史》,交流心得体会"]
SEMINARS_7 = ["学习“七一”重要讲话精神专题研讨", "“弘扬伟大建党精神”专题研讨"] * 3
for m in range(3, 9):
    for _ in range(rng.randint(2, 4)):
        u = rng.choice(["BC"] + COUNTED)
        part = rng.randint(15, 25) if u == "BC" else rng.randint(12, max(13, SIZE[u] // 2))
        add(rday(m), u, "seminar", rng.choice(SEMINARS + (SEMINARS_7 if m >= 7 else [])),
            rng.choice([2, 2.5, 3]), part, lead=SECRETARY[u])

STUDY = ["专题学习《中国共产党简史》第{c}章"] * 2 + [
    "学习《论中国共产党历史》重要篇目", "集中观看文献纪录片《敢教日月换新天》", "主题党日：重温入党誓词",
    "学习党史人物故事，交流学习体会", "围绕“我为群众办实事”开展主题党日活动",
    "集中学习《习近平新时代中国特色社会主义思想学习问答》"]
STUDY_2 = ["学习习近平总书记在党史学习教育动员大会上的重要讲话", "传达党史学习教育动员大会精神，部署支部学习计划"]
STUDY_7 = ["集中学习习近平总书记“七一”重要讲话精神", "学习“七一勋章”获得者先进事迹"] * 2


def branch_study(m, host):
    chapter = "一二三四五六七八九十"[min(9, (m - 3) * 2 + rng.randint(0, 1))]  # 《简史》 read in order
    t = rng.choice(STUDY_2) if m == 2 else rng.choice(STUDY + (STUDY_7 if m >= 7 else [])).format(c=chapter)
    part = max(5, SIZE[host] - rng.randint(0, max(2, SIZE[host] // 6)))
    note = "暑期线上学习" if m == 8 and "学生" in NAME[host] else ""
    add(rday(m), host, "branch_study", t, rng.choice([1.5, 2, 2, 2.5, 3]), part,
        lead=SECRETARY[host] if rng.random() < 0.7 else "", note=note)


for m in range(2, 9):  # 1-3 sessions per counted unit per month, mostly held by its sub-branches
    for u in COUNTED:
        if m == 2:
            n = rng.randint(0, 1)
        elif u == LAGGING:
            n = {6: 1, 7: 0, 8: 1}.get(m, rng.randint(1, 2))
        else:
            n = rng.choice([1, 2, 2, 3])
        for _ in range(n):
            branch_study(m, rng.choice(SUBS[u]) if u in SUBS and rng.random() < 0.8 else u)
for m in (3, 4, 6, 7):
    branch_study(m, "LT")

for md, u, t, lead in [
        ("3-24", "BC", "邀请自治区党校教授作“百年党史的光辉历程与宝贵经验”专题讲座", "郑立群"),
        ("4-14", "JD", "“红色基因传承与新时代工匠精神”专题讲座", "宋立新"),
        ("4-28", "YH", "“从党史中汲取白衣天使的初心力量”专题讲座", "郭丽华"),
        ("5-19", "NM", "“中国共产党百年奋斗与乡村振兴”专题讲座", "乌兰图雅"),
        ("5-26", "JJ", "“党的百年历程中的经济建设”专题讲座", "吴秀梅"), ("6-9", "XX", "“数字时代如何讲好党史故事”专题讲座", "黄志强"),
        ("6-16", "MY", "“马克思主义中国化的百年历程”专题讲座", "何建军"), ("7-14", "JG", "“学党史、守纪律”警示教育专题讲座", "刘志刚")]:
    add(date(2021, *map(int, md.split("-"))), u, "lecture", t, rng.choice([1.5, 2, 2.5]), rng.randint(60, 320), lead=lead)

THEMES = ["学习百年党史，汲取奋进力量", "赓续红色血脉，办好人民满意的职业教育", "从党史中汲取初心使命的力量",
          "传承红色基因，争做新时代合格党员", "学史力行，为师生办实事解难题"]
add(date(2021, 6, 28), "BC", "party_lecture", "党委书记讲专题党课：“学习百年党史，汲取奋进力量”", 2, 420, lead="王建国")
for u in COUNTED + ["LT"]:
    d = rday(6, 18) if rng.random() < 0.6 else rday(7, 1, 16)
    add(d, u, "party_lecture", f"书记讲“七一”专题党课：“{rng.choice(THEMES)}”", rng.choice([1.5, 2]),
        max(10, SIZE[u] - rng.randint(0, 8)), lead=SECRETARY[u])

for t in ["红船精神代代传", "一封家书", "黄大年的赤子情怀", "草原上的红色记忆", "焦裕禄：县委书记的榜样",
          "“两弹一星”精神", "张桂梅：燃灯校长", "百年党史中的青年力量"]:
    add(rday(rng.randint(4, 7)), rng.choice(COUNTED), "micro_lecture", f"微党课《{t}》", 1, rng.randint(20, 50),
        lead=rng.choice(MEMBERS))

for m, t in [(4, "第五期“青马工程”培训班开班仪式暨党史专题学习"), (5, "青马班学员赴革命纪念馆开展现场教学"),
             (5, "青马班“学党史、跟党走”主题分享会"), (6, "青马班专题辅导：青年与百年党史"), (7, "青马班结业仪式暨党史知识测试")]:
    add(rday(m), rng.choice(["BC", "JG"]), "youth_class", t, rng.choice([2, 3, 4]), rng.randint(50, 80),
        lead=rng.choice(["陈晓东", "孙丽娟", "高翔"]))

EVENTS = ["“红心向党”合唱比赛", "党史知识竞赛", "参观革命历史纪念馆", "“讲红色故事”演讲比赛", "“我心中的党史人物”征文活动",
          "“永远跟党走”主题团日活动", "赴红色教育基地开展现场教学", '"光影百年"红色电影展映', "重温入党誓词，开展“政治生日”活动"]
for m in range(3, 9):
    for _ in range(rng.randint(2, 4) if m < 8 else 1):
        u = rng.choice(["BC", "BC", "JD", "XX", "JJ", "YH", "NM", "JG", "MY", "TS", "HQ"])
        add(rday(m), u, "event", rng.choice(EVENTS), rng.choice([2, 2.5, 3, 4]), crowd(u),
            lead=SECRETARY[u] if rng.random() < 0.5 else "")
for u in ["BC", "JD", "XX", "YH", "MY", "LT"]:
    add(date(2021, 7, 1), u, "event", "组织党员收看庆祝中国共产党成立100周年大会直播", 2.5,
        rng.randint(120, 300) if u == "BC" else max(10, SIZE[u] - rng.randint(0, 6)))

VOLUNTEER = {"JD": "开展“义务维修家电”志愿服务", "XX": "开展“电脑义诊”志愿服务", "YH": "深入社区开展义诊志愿服务",
             "NM": "开展“科技助农”志愿服务", "JJ": "开展防范电信诈骗宣传志愿服务", "MY": "开展理论宣讲进社区志愿服务",
             "TS": "开展“红色书香”捐书志愿服务", "HQ": "开展校园环境整治志愿服务", "JG": "赴敬老院开展志愿服务"}
for m in range(3, 9):
    for _ in range(rng.randint(2, 3)):
        u = rng.choice(list(VOLUNTEER))
        add(rday(m, weekday=False), u, "volunteer", rng.choice([VOLUNTEER[u], "深入社区开展“我为群众办实事”志愿服务"]),
            rng.choice([2, 3, 3.5, 4]), rng.randint(8, 40), lead=SECRETARY[u] if rng.random() < 0.4 else "")

visits = [(rday(rng.choice([4, 5])), u, "第一轮") for u in COUNTED]  # 22 visits: two rounds + spot checks
visits += [(rday(7, 20) if u == LAGGING else rday(rng.choice([6, 7]), 1, 25), u, "第二轮") for u in COUNTED]
visits += [(rday(8, 1, 20), s, "随机抽查") for s in rng.sample([s for u in COUNTED for s in SUBS.get(u, [])], 4)]
for d, u, rnd in visits:
    timed = rng.random() < 0.3
    add(d, u, "supervision", f"党史学习教育督导组到{NAME[u]}开展{rnd}督导", 2 if timed else None,
        rng.randint(8, 15) if timed else None, lead=rng.choice(INSPECTORS),
        note="学习进度滞后，已督促整改" if u == LAGGING and rnd == "第二轮" else "")

add(date(2021, 2, 28), "BC", "news_post", "2月宣传动态", count=4)
for m in range(3, 9):
    for u in ["BC"] + TOP:
        c = rng.randint(8, 12) if u == "BC" else rng.randint(3, 4) if u == "LT" else rng.randint(4, 12)
        add(date(2021, m, month_end(m)), u, "news_post", f"{m}月宣传动态", count=c)

counts = [2] * 33  # 33 rows standing for 66 numbered issues: some single, some combined
for k, i in enumerate(rng.sample(range(33), 16)):
    counts[i] = 1 if k < 8 else 3
issue = 1
for i, c in enumerate(counts):
    t = f"党史学习教育简报（第{issue}期）" if c == 1 else f"党史学习教育简报（第{issue}—{issue + c - 1}期）"
    add(date(2021, 2, 26) + timedelta(days=int(i * 5.6) + rng.randint(0, 2)), "BC", "briefing", t, count=c)
    issue += c

OUTLETS = {"regional": ["自治区教育厅官网", "自治区日报客户端", "自治区广播电视台"],
           "league": ["盟融媒体中心", "盟委宣传部微信公众号", "盟电视台"],
           "institution": ["学院官网", "学院官方微信公众号", "《北辰职院报》"]}
TOPICS = ["我院党史学习教育动员部署情况", "我院“我为群众办实事”实践活动", "我院师生“红心向党”合唱比赛",
          "我院开展党史学习教育进社区活动", "我院党史学习教育读书班", "我院青年学生学党史心得"]
add(date(2021, 4, 21), "BC", "media_report", "中国教育新闻网刊发我院党史学习教育特色做法", count=1, level="national")
add(date(2021, 7, 12), "NM", "media_report", "学习强国学习平台刊发我院“科技助农”志愿服务", count=1, level="national")
total = 2
while total < 50:
    m = rng.randint(3, 8)
    level = rng.choices(["regional", "league", "institution"], [7, 48, 45])[0]
    c = min(rng.choice([1, 1, 2, 3]), 50 - total)
    topic = rng.choice(TOPICS + (["我院学习贯彻“七一”重要讲话精神"] * 2 if m >= 7 else []))
    outlet = rng.choice(OUTLETS[level])
    add(rday(m), rng.choice(["BC"] + COUNTED), "media_report",
        f"{outlet}{'报道' if '电视' in outlet else '刊发'}{topic}", count=c, level=level)
    total += c

NOTES = {"branch_study": ["线上线下相结合", "邀请离退休老党员参加", "部分党员线上参加", "补录", "邀请入党积极分子列席, 线上线下相结合"],
         "seminar": ["线上线下相结合", "补录"], "event": ["与社区党支部联合开展", "补录"],
         "volunteer": ["与社区党支部联合开展", "联合共青团开展"]}
for a in acts:
    if not a["note"] and a["kind"] in NOTES and rng.random() < 0.06:
        a["note"] = rng.choice(NOTES[a["kind"]])
acts.sort(key=lambda a: (a["date"], a["unit"], a["kind"]))

# ---------------------------------------------------------------- matters (我为群众办实事 ledger)
MATTERS = [line.split("|") for line in """\
改善学生宿舍热水供应|HQ|学生宿舍热水供应时间短、水温不稳定
增设图书馆自习座位|TS|考试周图书馆自习座位紧张，经常一座难求
食堂增加清真窗口|HQ|食堂清真窗口只有一个，就餐高峰排队时间长
延长图书馆晚间开放时间|TS|图书馆晚上九点就闭馆，开放时间偏早
修缮南区篮球场地面|HQ|南区篮球场地面开裂，存在安全隐患
教学楼增设直饮水设备|HQ|教学楼饮水点少，课间接水不方便
优化宿舍区校园网络覆盖|JG|宿舍区校园网晚间网速慢、经常掉线
开通校园一卡通线上充值|JG|校园一卡通只能到服务点现场充值
增加校内快递收发点|HQ|校内快递点只有一处，取件要排长队
更新机电实训车间老旧设备|JD|机电实训车间部分设备老化，影响实训教学
增设宿舍楼电动车充电桩|HQ|电动车在楼道里充电，存在消防隐患
开通心理咨询线上预约|JG|心理咨询需要现场排队预约，不够方便
解决东区道路照明不足问题|HQ|东区道路路灯损坏较多，夜间照明不足
建立毕业生就业岗位推送机制|JG|毕业生就业信息分散，获取不及时
简化学生请销假审批流程|JG|学生请假需要多人签字，流程繁琐
完善助学金评定公示制度|JG|助学金评定过程不够公开透明
护理实训室课余时段开放|YH|护理实训室课余时间不开放，学生练习技能机会少
开通农牧实训基地通勤班车|NM|去农牧实训基地没有班车，往返很不方便
开设职业技能等级证书培训班|XX|考取职业技能等级证书缺少系统辅导
维修更换教室损坏桌椅|HQ|部分教室桌椅损坏，长期无人维修
增加新老校区班车班次|HQ|新老校区之间班车班次少，师生候车时间长
解决教职工子女入园难问题|JG|教职工子女就近入园困难
增设教工食堂午餐窗口|HQ|教工食堂午餐窗口少，排队时间长
开展老同志智能手机使用培训|LT|不少老同志不会使用健康码和手机支付，出行就医不方便
为高龄老党员送学上门|LT|部分高龄老党员行动不便，无法参加集中学习
规范校园共享单车停放|HQ|共享单车在教学楼门口乱停乱放，影响通行
增设学生社团活动排练场地|JG|学生社团缺少固定的排练场地
升级经管学院实训机房电脑|JJ|经管学院机房电脑配置低、运行卡顿
开展专升本考试辅导|JG|专升本备考缺少系统辅导
完善宿舍楼门禁管理|HQ|宿舍楼门禁经常失灵，外来人员随意进出
延长运动场夜间照明时间|HQ|运动场晚上照明关得早，夜跑不方便
建设党史学习资料共享平台|MY|党史学习资料分散，查找不便
增加勤工助学岗位|JG|家庭经济困难学生勤工助学岗位偏少
改善医学检验实验室通风条件|YH|医学检验实验室通风差，气味较大
设立师生“一站式”服务大厅|JG|师生办事要跑多个部门，来回奔波
推行职称评审材料线上提交|JG|职称评审材料要反复打印纸质版，负担重
整治校门口道路交通秩序|JG|校门口上下学时段车辆拥堵，存在安全隐患
开通图书馆电子资源校外访问|TS|在校外无法访问图书馆电子资源""".splitlines()]
KEY = {0, 6, 10, 12, 20, 34}  # indexes of key projects (重点项目)
MNOTES = {11: "资金已列入下半年预算", 30: "分两期实施", 35: "已纳入学院年度重点工作", 37: "需协调属地交通管理部门"}
raised = sorted(between(date(2021, 3, 1), date(2021, 7, 20)) for _ in MATTERS)  # ids follow the ledger order
res_month = dict(zip(sorted(rng.sample(range(22), 10)), [5, 5, 6, 6, 7, 7, 7, 8, 8, 8]))
other_claimed = set(rng.sample([i for i in range(38) if i not in res_month], 13))
claimed_idx = set(res_month) | other_claimed
early_open = [i for i in range(38) if i not in claimed_idx and raised[i] <= date(2021, 5, 31)]
overdue = set(rng.sample(sorted(other_claimed & set(range(20))), 2) + rng.sample(early_open, 2))
owners = rng.sample(LEADERS * 4, 28)  # spread the claims over the leaders
matters = []
for i, (title, unit, _) in enumerate(MATTERS):
    r, owner, claimed, resolved = raised[i], "", None, None
    if i in claimed_idx:
        owner, claimed = owners.pop(), r + timedelta(days=rng.randint(1, 12))
    if i in res_month:
        status, resolved = "resolved", max(claimed + timedelta(days=14), rday(res_month[i]))
        due = max(r + timedelta(days=30), resolved + timedelta(days=rng.randint(-10, 25)))  # mostly on time
    else:
        status = "in_progress" if claimed else "open"
        if i in overdue:  # due before the end of July, still not resolved
            due = min(r + timedelta(days=rng.randint(30, 55)), date(2021, 7, 25))
        else:
            due = r + timedelta(days=rng.randint(60, 150))
            if due < date(2021, 8, 10):
                due = between(date(2021, 8, 15), date(2021, 12, 31))
    matters.append([f"M{i + 1:03d}", title, unit, r, owner, claimed, due, status, resolved,
                    "yes" if i in KEY else "no", MNOTES.get(i + 1, "")])

# ---------------------------------------------------------------- feedback (意见建议)
CHANNELS = ["座谈会", "意见箱", "问卷调查", "网络留言", "个别访谈"]
PHRASES = ["{p}，建议尽快解决。", "有{w}反映{p}，希望学校予以重视。", "{p}，给{w}带来不便，建议相关部门改进。",
           "{p}，建议{t}。", "多名{w}反映{p}，建议{t}。", "{p}，希望学校想办法解决。"]
REJECTED = """取消学生早晚自习 寒假延长至两个月 允许外卖人员进入宿舍区送餐 宿舍楼取消晚间熄灯断电 体育课全部改为选修课
开通学校至市区的直达公交专线 期末考试全部改为开卷 允许学生在校内停放私家车 每学期组织一次校外春游秋游
提高全体教职工绩效工资标准 食堂饭菜价格统一下调一半 学校修建室内游泳馆 在校内开设银行营业网点
学生宿舍允许使用大功率电器 把"早操"改为自愿参加 学校统一为学生配发笔记本电脑 图书馆实行24小时开放 将顶岗实习期缩短为三个月
允许学生在宿舍饲养宠物 教师办公室全部改为单人间 在校内建设电影院 取消公共英语课程 放宽奖学金评定中的成绩要求
学校为教职工提供免费午餐 在校门口设置网约车专用停车场""".split()
targets = list(range(38)) + [rng.randrange(38) for _ in range(137 - 25 - 38)]  # every matter at least once
fb = []
for i in targets:
    title, unit, problem = MATTERS[i]
    hi = min(raised[i], date(2021, 7, 15))
    local = unit == "LT" or unit in ("JD", "XX", "JJ", "YH", "NM") and rng.random() < 0.7
    src = unit if local else rng.choice([u for u in ALL_UNITS if u != "LT"])
    if src in SUBS and rng.random() < 0.8:
        src = rng.choice(SUBS[src])
    content = rng.choice(PHRASES).format(p=problem, t=title, w="老同志" if unit == "LT" else "师生")
    fb.append([between(max(date(2021, 2, 25), hi - timedelta(days=40)), hi), src, rng.choice(CHANNELS),
               content, f"M{i + 1:03d}"])
for text in REJECTED:
    fb.append([between(date(2021, 2, 25), date(2021, 7, 15)), rng.choice([u for u in ALL_UNITS if u != "LT"]),
               rng.choice(CHANNELS), f"建议{text}。", ""])
fb.sort(key=lambda f: (f[0], f[4] or "~"))
fb = [[f"F{n:03d}"] + f for n, f in enumerate(fb, 1)]

# ---------------------------------------------------------------- messy-but-valid variations
# ~80% of activities carry an id; 10 name the unit by its name, 10 the kind by its Chinese
# name, and 6 are dated the way people type dates (2021/7/3, 2021年7月3日).
n = 0
for a in acts:
    has_id = rng.random() < 0.8
    n += has_id
    a["id"], a["date_text"] = f"A{n:04d}" if has_id else "", a["date"].isoformat()
for a in rng.sample(acts, 10):
    a["unit_text"] = NAME[a["unit"]]
for a in rng.sample(acts, 10):
    a["kind_text"] = KINDS[a["kind"]]
for k, a in enumerate(rng.sample([a for a in acts if a["kind"] not in PUBLICITY], 6)):
    d = a["date"]
    a["date_text"] = f"{d.year}/{d.month}/{d.day}" if k % 2 else f"{d.year}年{d.month}月{d.day}日"


# ---------------------------------------------------------------- write
def write(name, header, rows):
    text = lambda v: "" if v is None else v.isoformat() if isinstance(v, date) else str(v)  # noqa: E731
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header.split(","))
        w.writerows([[text(c) for c in r] for r in rows])


def hours(x):
    return "" if x is None else str(int(x)) if float(x).is_integer() else f"{x:.1f}"


os.makedirs(OUT, exist_ok=True)
write("organizations.csv", "id,name,kind,parent,counted",
      [(o[0], o[1], o[2], o[3], "no" if o[0] == "LT" else "yes") for o in ORGS])
write("activities.csv", "id,date,unit,kind,title,hours,participants,count,level,lead,note",
      [(a["id"], a["date_text"], a.get("unit_text", a["unit"]), a.get("kind_text", a["kind"]), a["title"],
        hours(a["hours"]), a["participants"], a["count"], a["level"], a["lead"], a["note"]) for a in acts])
write("matters.csv", "id,title,unit,raised,owner,claimed,due,status,resolved,key_project,note", matters)
write("feedback.csv", "id,date,unit,channel,content,matter", fb)
write("settings.csv", "key,value", [("institution", "北辰职业技术学院"), ("campaign", "党史学习教育"),
                                    ("campaign_start", "2021-02-20"), ("rate_divisor", "consolidated")])


# ---------------------------------------------------------------- self-check (reads the files back)
def read(name):
    with open(os.path.join(OUT, name), encoding="utf-8", newline="") as f:
        raw = f.read()
    assert not raw.startswith("\ufeff") and "\r" not in raw and raw.endswith("\n"), name
    return list(csv.DictReader(raw.splitlines(keepends=True)))


def day(text):  # the forms the Swift Day parser accepts; date() rejects days that do not exist
    m = re.fullmatch(r"(\d{4})(?:-|/|年)(\d{1,2})(?:-|/|月)(\d{1,2})日?", text)
    assert m, text
    return date(*map(int, m.groups()))


def unique(rows, key="id"):
    ids = [r[key] for r in rows if r[key]]
    assert len(ids) == len(set(ids)), f"duplicate {key}"


def check():
    orgs, acts_, mats, fbs, sets = (read(f + ".csv") for f in
                                    ("organizations", "activities", "matters", "feedback", "settings"))
    for rows, key in ((orgs, "id"), (orgs, "name"), (acts_, "id"), (mats, "id"), (fbs, "id")):
        unique(rows, key)
    ids, by_name = {o["id"] for o in orgs}, {o["name"]: o["id"] for o in orgs}
    par = {o["id"]: o["parent"] for o in orgs}
    assert [(o["id"], o["kind"]) for o in orgs if not o["parent"]] == [("BC", "committee")]
    for o in orgs:
        assert o["kind"] in ("committee", "general_branch", "direct_branch", "branch")
        assert o["counted"] in ("yes", "no", "") and (o["counted"] == "no") == (o["id"] == "LT")
        seen, x = set(), o["id"]
        while par[x]:
            assert par[x] in ids and x not in seen, f"bad parent chain at {o['id']}"
            seen.add(x)
            x = par[x]
    top = {o["id"] for o in orgs if o["parent"] == "BC"}
    for g in (o["id"] for o in orgs if o["kind"] == "general_branch"):
        assert 2 <= sum(p == g for p in par.values()) <= 4, g

    def unit_of(text):  # the top-level unit a record rolls up to
        x = text if text in ids else by_name[text]
        while x not in top and x != "BC":
            x = par[x]
        return x

    code = {v: k for k, v in KINDS.items()}
    july, cum, july_bs = Counter(), Counter(), Counter()
    assert 350 <= len(acts_) <= 450 and any(a["id"] for a in acts_) and any(not a["id"] for a in acts_)
    assert sum(a["unit"] in by_name for a in acts_) == 10 and sum(a["kind"] in code for a in acts_) == 10
    for a in acts_:
        d, k, u = day(a["date"]), code.get(a["kind"], a["kind"]), unit_of(a["unit"])
        assert START <= d <= END and k in KINDS and a["title"], a
        for f, pat in (("hours", r"\d+(\.\d)?"), ("participants", r"\d+"), ("count", r"[1-9]\d*")):
            assert a[f] == "" or re.fullmatch(pat, a[f]), (f, a)
        if k in PUBLICITY:
            assert a["hours"] == a["participants"] == "" and a["count"], a
        elif k != "supervision":
            assert a["hours"] and a["participants"], a
        assert (a["level"] in ("national", "regional", "league", "institution")) == (k == "media_report"), a
        assert k != "supervision" or a["lead"], a
        cum[k] += int(a["count"] or 1)
        if (d.year, d.month) == (2021, 7):
            july[k] += int(a["count"] or 1)
            july_bs[u] += k == "branch_study"
    assert july_bs[LAGGING] == 0 and all(july_bs[u] > 0 for u in top - {LAGGING, "LT"})
    assert cum["reading_class"] == 4 and 20 <= cum["supervision"] <= 25 and 60 <= cum["briefing"] <= 70
    assert 45 <= cum["media_report"] <= 55 and 450 <= cum["news_post"] <= 550
    assert 1 <= sum(a["level"] == "national" for a in acts_) <= 2

    assert [m["id"] for m in mats] == [f"M{i:03d}" for i in range(1, 39)]
    for m in mats:
        r, due = day(m["raised"]), day(m["due"])
        assert m["unit"] in ids and date(2021, 3, 1) <= r <= date(2021, 7, 20) and due >= r, m
        assert bool(m["owner"]) == bool(m["claimed"]) and (m["status"] == "resolved") == bool(m["resolved"]), m
        assert m["status"] in ("open", "in_progress", "resolved") and (m["status"] == "open") == (not m["owner"]), m
        assert not m["claimed"] or day(m["claimed"]) >= r, m
        if m["resolved"]:
            assert day(m["claimed"]) <= day(m["resolved"]) <= END, m
    res_months = Counter(day(m["resolved"]).month for m in mats if m["resolved"])
    overdue_ = [m["id"] for m in mats if not m["resolved"] and day(m["due"]) < date(2021, 7, 31)]
    assert sum(bool(m["owner"]) for m in mats) == 23 and sum(res_months.values()) == 10
    assert min(res_months) == 5 and res_months[7] and res_months[8] and 3 <= len(overdue_) <= 5
    assert sum(m["key_project"] == "yes" for m in mats) == 6

    assert [f["id"] for f in fbs] == [f"F{i:03d}" for i in range(1, 138)]
    raised_on = {m["id"]: day(m["raised"]) for m in mats}
    for f in fbs:
        d = day(f["date"])
        assert date(2021, 2, 25) <= d <= date(2021, 7, 15) and f["unit"] in ids, f
        assert f["channel"] in CHANNELS and f["content"] and (not f["matter"] or d <= raised_on[f["matter"]]), f
    assert {f["matter"] for f in fbs if f["matter"]} == set(raised_on) and sum(not f["matter"] for f in fbs) == 25
    assert dict((x["key"], x["value"]) for x in sets)["institution"] == "北辰职业技术学院"

    print("rows:", ", ".join(f"{n} {len(r)}" for n, r in zip(
        ("organizations", "activities", "matters", "feedback", "settings"), (orgs, acts_, mats, fbs, sets))))
    print(f"{'kind (sum of count)':22}{'Jul 2021':>9}{'to 2021-08-31':>15}")
    for k in KINDS:
        print(f"{k:22}{july[k]:>9}{cum[k]:>15}")
    print("branch_study rows in July 2021 by unit:", ", ".join(f"{u} {july_bs[u]}" for u in TOP))
    print("matters: claimed 23, resolved 10 by month", dict(sorted(res_months.items())),
          "| not resolved and due before 2021-07-31:", ", ".join(overdue_))
    print("feedback: merged", sum(bool(f["matter"]) for f in fbs), "| not adopted 25")


check()
