"""The synonyms search starts with: everyday and formal words for the same thing, in both languages.
Staff change them in the admin; this only adds the first list."""

from django.db import migrations

GROUPS = [
    ("交, 缴, 缴纳, 交纳, 上交", "Everyday 交 and formal 缴 (pay)"),
    ("缴费, 交费, 交钱", "Paying contributions"),
    ("医保, 医疗保险, 基本医疗保险", "Medical insurance: the everyday short word and the law's"),
    ("社保, 社会保险", "Social insurance"),
    ("断, 断了, 断缴, 断保, 中断, 停保", "A lapse in paying"),
    ("补交, 补缴, 补费", "Making up missed contributions"),
    ("公司, 单位, 用人单位, 雇主, 老板", "The employer"),
    ("换城市, 异地, 外地, 转移, 转移接续, 跨统筹地区, 搬家", "Moving to another city"),
    ("孩子, 儿童, 小孩, 子女, 未成年人, 宝宝", "Children"),
    ("新生儿, 婴儿, 刚出生", "Newborns"),
    ("退休, 退休人员, 退休后", "Retirement"),
    ("农民, 农村, 城乡居民", "Rural residents"),
    ("学生, 大学生, 在校学生", "Students"),
    ("失业, 下岗, 失业人员, 失业保险金", "Unemployment"),
    ("个体, 个体户, 个体工商户, 灵活就业, 灵活就业人员, 自由职业, 自由职业者, 打零工", "Working for oneself"),
    ("网上, 线上, 在线, 手机, 互联网", "Paying online"),
    ("pay, paying, payment, contribute, contribution", "Paying"),
    ("retire, retirement, pension", "Retirement"),
    ("employer, company, boss, work unit", "The employer (employed, employment and employee are other words)"),
    ("move, moving, relocate, transfer", "Moving to another city"),
    ("child, children, kid, baby, minor", "Children"),
    ("lapse, gap, break, missed, arrears", "A lapse in paying"),
    ("freelance, self-employed, flexible, gig", "Working for oneself"),
    ("health, medical", "Health insurance is medical insurance"),
    ("online, internet, app, phone", "Paying online"),
    ("farmer, rural", "Rural residents"),
    ("student, university, college", "Students"),
    ("unemployed, unemployment, jobless", "Unemployment"),
]


def add_synonyms(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    Synonym.objects.bulk_create(Synonym(words=words, note=note) for words, note in GROUPS)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(add_synonyms, migrations.RunPython.noop)]
