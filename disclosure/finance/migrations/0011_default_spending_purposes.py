"""The national default purposes spending is grouped under on a period's page. Counties replace
them with a set of their own in the admin; these stay for every county that does not."""

from django.db import migrations

DEFAULT_PURPOSES = [
    ("招待和差旅", "招待 误餐 工作餐 餐费 差旅 住宿 车费 油费 交通费", ""),
    ("保洁和环境", "保洁 垃圾 清运 环卫 卫生 绿化 厕所 污水", ""),
    (
        "道路和水利",
        "道路 村道 修路 硬化 路面 桥 路灯 水利 沟渠 水渠 灌溉 塘坝 防汛 自来水 管网",
        "",
    ),
    ("电费和办公", "电费 水费 饮用水 办公 文具 打印 网络 电话 报刊 订阅 村部 会议室", ""),
    ("干部报酬和补贴", "干部 误工 报酬 书记 主任 村会计 小组长 村民代表", "212"),
]


def load(apps, schema_editor):
    SpendingPurpose = apps.get_model("finance", "SpendingPurpose")
    SpendingPurpose.objects.bulk_create(
        SpendingPurpose(
            region=None, name=name, position=position, words=words, account_prefixes=prefixes
        )
        for position, (name, words, prefixes) in enumerate(DEFAULT_PURPOSES, start=1)
    )


class Migration(migrations.Migration):
    dependencies = [("finance", "0010_spending_purposes")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
