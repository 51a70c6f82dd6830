"""Ship the PACE Resolution 1900 (2012) criteria for political prisoners as a criteria set, in our own words."""

from django.db import migrations

PACE = {
    "code": "pace-1900", "version": "2012",
    "name": "PACE Resolution 1900 (2012): political prisoner",
    "name_ru": "Резолюция ПАСЕ 1900 (2012): политический заключённый",
    "name_kk": "ЕКПА 1900 (2012) қарары: саяси тұтқын",
    "source_url": "https://assembly.coe.int/nw/xml/XRef/Xref-XML2HTML-en.asp?fileid=19150",
    "items": [
        ("a", "Held in breach of a basic Convention right: thought, conscience and religion; expression and "
              "information; or assembly and association.",
         "Лишение свободы нарушает одно из основных прав по Конвенции: свободу мысли, совести и религии, "
         "выражения мнений и информации, собраний и объединений.",
         "Бас бостандығынан айыру Конвенциядағы негізгі құқықтардың бірін бұзады: ой, ар-ождан және дін, "
         "пікір және ақпарат, жиналыс және бірлестік бостандығы."),
        ("b", "Held for purely political reasons, with no link to any offence.",
         "Лишение свободы по чисто политическим причинам, без связи с каким-либо правонарушением.",
         "Ешқандай құқық бұзушылыққа қатысы жоқ, таза саяси себептермен бас бостандығынан айыру."),
        ("c", "For political motives, the length or the conditions of detention are plainly out of proportion "
              "to the offence the person was found guilty of or is suspected of.",
         "По политическим мотивам срок или условия содержания явно несоразмерны правонарушению, в котором "
         "человека признали виновным или подозревают.",
         "Саяси себептермен қамау мерзімі немесе жағдайы кінәлі деп танылған не күдік келтірілген құқық "
         "бұзушылыққа мүлдем сәйкес келмейді."),
        ("d", "For political motives, the person is held in a discriminatory way compared with other people.",
         "По политическим мотивам человека содержат дискриминационно по сравнению с другими людьми.",
         "Саяси себептермен адам басқалармен салыстырғанда кемсітушілікпен ұсталады."),
        ("e", "The detention results from proceedings that were plainly unfair, and this seems linked to "
              "political motives.",
         "Лишение свободы стало итогом явно несправедливого разбирательства, и это, по-видимому, связано с "
         "политическими мотивами.",
         "Бас бостандығынан айыру анық әділетсіз сот ісінің нәтижесі, және бұл саяси себептермен байланысты "
         "сияқты."),
    ],
}


def ship(apps, schema_editor):
    CriteriaSet = apps.get_model("analysis", "CriteriaSet")
    Criterion = apps.get_model("analysis", "Criterion")
    items = PACE["items"]
    fields = {k: v for k, v in PACE.items() if k != "items"}
    criteria_set, _ = CriteriaSet.objects.get_or_create(code=fields.pop("code"), version=fields.pop("version"),
                                                        defaults=fields)
    for code, text, text_ru, text_kk in items:
        Criterion.objects.get_or_create(criteria_set=criteria_set, code=code,
                                        defaults={"text": text, "text_ru": text_ru, "text_kk": text_kk})


class Migration(migrations.Migration):
    dependencies = [("analysis", "0001_lists_criteria_and_custody_episodes")]
    operations = [migrations.RunPython(ship, migrations.RunPython.noop)]
