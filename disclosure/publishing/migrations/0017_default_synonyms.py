"""The national default groups of synonyms: villagers' words beside those of the books. Counties
add their own in the admin."""

from django.db import migrations

DEFAULT_GROUPS = [
    "修路 道路 村道 公路 硬化 路面 道路硬化",
    "低保 最低生活保障 低保金",
    "特困 特困供养 五保 五保户",
    "土地承包 承包 发包 土地流转 流转",
    "水利 沟渠 水渠 灌溉 塘坝 修渠",
    "保洁 环卫 垃圾清运 卫生保洁",
    "招待 接待 工作餐 误餐",
    "补贴 补助 津贴",
    "路灯 照明",
    "自来水 饮水 供水 管网",
    "危房 危房改造",
    "医保 医疗保险",
]


def load(apps, schema_editor):
    SynonymGroup = apps.get_model("publishing", "SynonymGroup")
    SynonymGroup.objects.bulk_create(SynonymGroup(region=None, words=words) for words in DEFAULT_GROUPS)


class Migration(migrations.Migration):
    dependencies = [("publishing", "0016_synonym_groups")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
