"""Provisions that reports on older cases and on protests cite: the 1997 Criminal Code's articles on incitement and
on calls to overthrow the order (in force until 2015), and the Administrative Offences Code's articles on
associations and on assemblies. Titles in our own words. Added only where missing."""

from django.db import migrations

ROWS = [
    # uid, code, article, edition, title_en, title_ru, title_kk
    ("CC@1997-164", "CC", "164", "1997", "Incitement of social, national, clan, racial or religious discord (1997 Code)",
     "Возбуждение социальной, национальной, родовой, расовой или религиозной вражды (УК 1997 года)",
     "Әлеуметтік, ұлттық, рулық, нәсілдік немесе діни араздықты қоздыру (1997 жылғы ҚК)"),
    ("CC@1997-170", "CC", "170", "1997", "Calls for the violent seizure of power or overthrow of the constitutional order (1997 Code)",
     "Призывы к насильственному захвату власти или свержению конституционного строя (УК 1997 года)",
     "Билікті күшпен басып алуға немесе конституциялық құрылысты құлатуға шақыру (1997 жылғы ҚК)"),
    ("CC@1997-337", "CC", "337", "1997", "Running or taking part in an association that was not registered or was banned (1997 Code)",
     "Руководство или участие в незарегистрированном либо запрещённом объединении (УК 1997 года)",
     "Тіркелмеген немесе тыйым салынған бірлестікке басшылық ету не қатысу (1997 жылғы ҚК)"),
    ("AOC-489", "AOC", "489", "2014", "Breaking the law on public associations (taking part in an unregistered or banned one)",
     "Нарушение законодательства об общественных объединениях",
     "Қоғамдық бірлестіктер туралы заңнаманы бұзу"),
]


def add(apps, schema_editor):
    Provision = apps.get_model("records", "Provision")
    for uid, code, article, edition, en, ru, kk in ROWS:
        if not Provision.objects.filter(uid=uid).exists():
            Provision.objects.create(uid=uid, code=code, article=article, edition=edition, title_en=en, title_ru=ru,
                                     title_kk=kk, sensitivity="public")


def remove(apps, schema_editor):
    apps.get_model("records", "Provision").objects.filter(uid__in=[row[0] for row in ROWS], act_provisions__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("records", "0006_merged_persons")]
    operations = [migrations.RunPython(add, remove)]
