"""The everyday words and slips search starts with, written from the guide's domain notes and the texts:
what people type for a life event or a thing, and the words the guide and the law use for it. Staff
change them in the admin; this only adds the first list, and a few synonyms."""

from django.db import migrations

# (what people type, the site's words for it, whether they are slips, note)
EVERYDAY = [
    (
        "辞职, 离职, 辞工, 不干了, 离开单位, 没工作, 没工作了, 没有工作, 无业, 待业, "
        "quit, quit my job, resign, resigned, left my job, between jobs, no job",
        "灵活就业, 哪种医保, 失业, flexible workers, which insurance",
        False,
        "Leaving a job: employee insurance as a flexible worker, or residents' insurance (SIL 23(2), 25)",
    ),
    (
        "被辞退, 辞退, 被开除, 开除, 被裁员, 裁员, 失去工作, 丢了工作, 公司倒闭, 单位倒闭, 倒闭, "
        "fired, got fired, laid off, lay off, layoff, lost my job, made redundant, redundancy, dismissed, out of work",
        "失业, 失业保险金, 失业人员, unemployment benefits, unemployed",
        False,
        "Losing a job: unemployment benefits pay the contributions while received (SIL 48)",
    ),
    (
        "打零工, 零工, 跑外卖, 送外卖, 外卖员, 外卖骑手, 骑手, 快递员, 网约车, 网约车司机, 开滴滴, 滴滴司机, "
        "开出租, 主播, 新就业形态, 自己干, 开小店, 摆摊, 没雇人, "
        "freelancer, freelancing, gig, gig worker, delivery rider, delivery driver, courier, rideshare driver, "
        "ride-hailing driver, driver, self employed, own business, sole trader",
        "灵活就业人员, 灵活就业, 无雇工的个体工商户, flexible workers, self-employed",
        False,
        "Gig and freelance work: flexible workers (SIL 23(2), 58(2))",
    ),
    (
        "低保, 低保户, 吃低保, 低收入, 困难家庭, 特困, 贫困, 残疾人, 残疾, 重度残疾, "
        "low income, poor, poverty, minimum living allowance, dibao, disabled, disability",
        "最低生活保障, 丧失劳动能力, 低收入家庭, 补贴, minimum living allowance, subsidy",
        False,
        "The government subsidises their contribution (SIL 25(3))",
    ),
    (
        "老人, 爸妈, 父母, 家里老人, 六十岁以上, 60岁以上, elderly, elderly parents, old people, parents, senior",
        "老年人, 居民医保, 低收入家庭, older people, residents' insurance",
        False,
        "Older people without employee insurance are residents (SIL 25)",
    ),
    (
        "新农合, 农合, 新型农村合作医疗, 农村医保, 农保",
        "新型农村合作医疗, 城乡居民基本医疗保险, 居民医保",
        False,
        "The old rural scheme, merged into residents' insurance (SIL 24, 25)",
    ),
    (
        "中介, 代缴, 代交, 代办, 代理, 代理公司, 代缴公司, 人事代理, 第三方, agency, agent, through an agency, third party",
        "委托, 代缴, agency, entrust",
        False,
        "Entrusting an agency (SIL 4(1), 74(4))",
    ),
    (
        "挂靠, 假挂靠, 虚假劳动关系, 虚构劳动关系, 骗保, 套保, 借医保卡, 借卡, 借给别人, 给别人用, 出借, 冒用, "
        "fake employer, fake job, fraud, cheat, sham employment, lend my card",
        "骗取, 欺诈, 挂靠, 伪造, fraud",
        False,
        "Enrolment through a made-up employment relationship is fraud (SIL 88)",
    ),
    (
        "有没有医保, 有没有参保, 参保了吗, 查医保, 查社保, 查参保, 查缴费, 缴费记录, 参保记录, 哪种医保, 什么医保, "
        "医保类型, am i insured, am i covered, do i have insurance, which insurance, what insurance, which scheme, "
        "check my insurance, payment record, contribution record, my record",
        "哪种医保, 参保缴费记录, 缴费记录, 个人权益记录, 查询, which insurance, contribution records, look up",
        False,
        "Looking up one's own record is free (SIL 74(4); HR 32)",
    ),
    (
        "生孩子, 生了孩子, 生宝宝, 刚生, 出生, 上户口, 没上户口, had a baby, new baby, newborn baby, just born, birth",
        "新生儿, newborn",
        False,
        "Newborns",
    ),
    (
        "上学, 幼儿园, 小学, 中学, 高中, 上大学, 学校, 开学, school, kindergarten, college student, university student",
        "学生, 在校学生, 大学生, 儿童, student, child",
        False,
        "Children and students are residents",
    ),
    (
        "回老家, 回家乡, 老家, 户籍地, 换工作, 跳槽, 去外地, 到外地, 外省, 跨省, 迁户口, "
        "hometown, back home, going back, go back, move back, another province, change job, new job",
        "转移接续, 统筹地区, 转移, another city, transfer",
        False,
        "Moving to another pooling area (SIL 32; HR 13)",
    ),
    (
        "快退休, 退休前, 到退休年龄, 退休年龄, 差几年, 年限不够, 交够, 交满, 交多少年, 交几年, "
        "close to retirement, retirement age, how many years, years of contributions",
        "缴费年限, 退休, years of contributions, retirement",
        False,
        "Years of contributions at retirement (SIL 27)",
    ),
    (
        "不给交, 没给交, 不交, 欠费, 拖欠, 漏缴, 少交, 扣了钱没交, 扣钱, 工资里扣, 克扣, "
        "won't pay, does not pay, doesn't pay, not paying, unpaid, owes",
        "欠缴, 未按时足额缴纳, 用人单位, employer, arrears",
        False,
        "The employer does not pay (SIL 58(1), 63, 86)",
    ),
    (
        "投诉, 告公司, 维权, 劳动仲裁, 起诉, report, complain, complaint, sue",
        "举报, 投诉, 仲裁, 诉讼, report, complaint, arbitration, lawsuit",
        False,
        "Reporting, complaining, arbitration and lawsuits (SIL 82, 83)",
    ),
    (
        "停了, 漏交, 忘了交, 忘记交, 错过, 过了缴费期, 截止, 截止了, 过期, 逾期, 没赶上, "
        "missed the deadline, missed payment, forgot to pay, deadline",
        "断缴, 错过, 补缴, lapse, make up, collection period",
        False,
        "A lapse, or missing the collection period",
    ),
    (
        "电话, 热线, 客服, 咨询电话, 打电话, 找谁, 在哪办, 去哪办, 哪里办, 窗口, 大厅, 办事大厅, 社保局, 医保局, "
        "hotline, phone number, call, helpline, office, who to ask",
        "12393, 热线, 医保经办机构, 政务服务中心, hotline, medical insurance agency",
        False,
        "Who to contact (HR 28, 29; the hotline is practice)",
    ),
    (
        "带什么, 要带, 材料, 证件, 资料, 手续, 准备什么, documents, papers, what to bring, bring",
        "身份证, 居民身份证, 社会保障卡, 材料, resident id card, social security card",
        False,
        "What to bring (HR 31)",
    ),
    (
        "医保码, 电子医保卡, 医保电子码, 电子社保卡, medical insurance code, e-card, qr code",
        "医保电子凭证, e-certificate",
        False,
        "The medical insurance e-certificate (HR 6, 7)",
    ),
    ("医保卡, 社保卡", "社会保障卡, social security card", False, "The social security card"),
    ("儿子, 女儿, son, daughter, kids", "孩子, 子女, 儿童, child, children", False, "Paying for a child"),
    ("断交, 段缴, 短缴, 断教", "断缴", True, "断交 is the common slip for 断缴 (a lapse)"),
    ("医宝, 衣保", "医保", True, "Slips for 医保"),
    ("社宝", "社保", True, "A slip for 社保"),
    ("零活就业, 灵活就叶", "灵活就业", True, "Slips for 灵活就业"),
    ("滞纳经, 置纳金", "滞纳金", True, "Slips for 滞纳金"),
    ("缴废, 交废", "缴费", True, "Slips for 缴费"),
]
SYNONYMS = [
    ("social security, social insurance", "Social insurance (the law's English) is often called social security"),
    ("等待期, 待遇等待期, waiting period", "The waiting period before cover starts"),
]


def add_words(apps, schema_editor):
    EverydayTerm = apps.get_model("search", "EverydayTerm")
    Synonym = apps.get_model("search", "Synonym")
    EverydayTerm.objects.bulk_create(
        EverydayTerm(words=words, means=means, is_slip=is_slip, note=note) for words, means, is_slip, note in EVERYDAY
    )
    Synonym.objects.bulk_create(Synonym(words=words, note=note) for words, note in SYNONYMS)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_everyday_words_and_search_counts")]

    operations = [migrations.RunPython(add_words, migrations.RunPython.noop)]
