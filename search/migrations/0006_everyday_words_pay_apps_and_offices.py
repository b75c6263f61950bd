"""Everyday words the slip correction kept out until it corrected only towards the site's words: 支付宝 and
小程序 among the ways of paying, 医保中心 among the offices (DOMAIN.md: the agency is often called so), and
外地人 among the words for not having local household registration. A row staff have changed since 0005 is
left as they made it."""

from django.db import migrations

CHANNELS = "微信, 手机银行, 银行, 电子税务局, 国家医保服务平台, wechat, alipay, mini program, mobile banking, bank"
OFFICES = (
    "电话, 热线, 客服, 咨询电话, 打电话, 12333, 12366, 12345, 找谁, 在哪办, 去哪办, 哪里办, 地址, 窗口, 大厅, "
    "办事大厅, 政务大厅, 政务中心, 便民服务中心, 医保局, 医保所, 社保局, 社保中心, 社保所, 人社局, "
    "hotline, phone number, who to call, call them, helpline, office, local office, who to ask, where to go, "
    "address, medical insurance bureau, social security bureau"
)
NON_LOCAL = "外地户口, 非本地户籍, 没有本地户口, no local hukou, non-local"

# (the row's words as 0005 left them) -> its words now
ADDED_WORDS = [
    (CHANNELS, "微信, 支付宝, 小程序, " + CHANNELS.removeprefix("微信, ")),
    (OFFICES, OFFICES.replace("医保局, 医保所,", "医保局, 医保中心, 医保所,")),
    (NON_LOCAL, "外地户口, 外地人, " + NON_LOCAL.removeprefix("外地户口, ")),
]


def add_words(apps, schema_editor):
    EverydayTerm = apps.get_model("search", "EverydayTerm")
    for old, new in ADDED_WORDS:
        EverydayTerm.objects.filter(words=old).update(words=new)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_everyday_words_second_reading")]

    operations = [migrations.RunPython(add_words, migrations.RunPython.noop)]
