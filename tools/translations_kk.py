"""Kazakh translations of the interface; `python tools/translations_kk.py` fills locale/kk and compiles it.

Kept as a table so that a translator can review it in one place; the .po file is regenerated from the
code first (`python tools/translations.py --extract`, i.e. makemessages -l ru -l kk). Terminology follows
the official Kazakh texts: Қылмыстық кодекс, Әкімшілік құқық бұзушылық туралы кодекс, саяси тұтқын,
үй қамағы, АЕК (айлық есептік көрсеткіш); an Urgent Action is a Шұғыл әрекет. Kazakh nouns do not change
after numerals, so both plural forms (Django's kk rule, nplurals=2) read the same where the sentence allows.
A plural entry's value is a tuple, one string per form.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translations import fill  # noqa: E402

KK = {
    'Administrator':
        'Әкімші',
    'Editor':
        'Редактор',
    'Reviewer':
        'Тексеруші',
    'Campaigner':
        'Науқан жүргізуші',
    'Viewer':
        'Оқырман',
    'May read confidential records and fields.':
        'Құпия жазбалар мен өрістерді оқи алады.',
    'Political prisoner':
        'Саяси тұтқын',
    'Prisoner of conscience':
        'Ар-ождан тұтқыны',
    'Other':
        'Басқа',
    'administrative detention':
        'әкімшілік қамаққа алу',
    'imprisonment':
        'бас бостандығынан айыру',
    'Article':
        'Бап',
    'People':
        'Адамдар',
    'Region':
        'Облыс',
    'Acts':
        'Әрекеттер',
    'Added':
        'Қосылды',
    'Number':
        'Нөмір',
    'As NGOs write it: 63/18.':
        'ҮЕҰ жазатындай: 63/18.',
    'Headline':
        'Тақырып',
    'Issue date':
        'Шыққан күні',
    'Deadline':
        'Мерзімі',
    'Persons concerned':
        'Қатысты адамдар',
    'Identifiers, separated by commas (per_…).':
        'Үтірмен бөлінген идентификаторлар (per_…).',
    'Acts concerned':
        'Қатысты әрекеттер',
    'What to ask for':
        'Не сұрау керек',
    'One request per line.':
        'Әр жолға бір өтініш.',
    'Background':
        'Алғышарттар',
    'Languages for appeals':
        'Үндеу тілдері',
    'Write to':
        'Кімге жазу керек',
    'Who may see it':
        'Кім көре алады',
    'No such person: %(uids)s.':
        'Мұндай адам жоқ: %(uids)s.',
    'Say at least one thing to ask for.':
        'Кем дегенде бір өтінішті жазыңыз.',
    'The deadline cannot come before the issue date.':
        'Мерзім шыққан күннен бұрын бола алмайды.',
    "Authorities' response":
        'Билік жауабы',
    'Impact':
        'Нәтижесі',
    'Status':
        'Күйі',
    'What did you do?':
        'Не істедіңіз?',
    'How many?':
        'Қанша?',
    'Your country (optional)':
        'Еліңіз (міндетті емес)',
    'Two letters, e.g. DE. Nothing else about you is asked or kept.':
        'Екі әріп, мысалы DE. Сіз туралы басқа ештеңе сұралмайды және сақталмайды.',
    'Postal address':
        'Пошта мекенжайы',
    'One line per line.':
        'Мекенжайдың әр жолы жаңа жолдан.',
    'Emails':
        'Эл. пошта',
    'Separated by commas.':
        'Үтірмен бөлініп.',
    'Holds the office from':
        'Лауазымда',
    'Until':
        'Дейін',
    'Office':
        'Лауазым',
    'Holder':
        'Лауазым иесі',
    'Fax':
        'Факс',
    'Phone':
        'Телефон',
    'Salutation (English)':
        'Өтініш сөзі (ағыл.)',
    'Salutation (Russian)':
        'Өтініш сөзі (орыс.)',
    'Salutation (Kazakh)':
        'Өтініш сөзі (қаз.)',
    'Open':
        'Ашық',
    'Updated':
        'Жаңартылды',
    'Closed':
        'Жабық',
    'No response':
        'Жауап жоқ',
    'Denied':
        'Бас тартылды',
    'Token response':
        'Формалды жауап',
    'Investigation opened':
        'Тергеу басталды',
    'Person released':
        'Адам босатылды',
    'Letter':
        'Хат',
    'Email':
        'Эл. пошта',
    'Call':
        'Қоңырау',
    'Tweet':
        'Твит',
    'Other social media':
        'Басқа әлеуметтік желілер',
    '%(names)s at risk':
        '%(names)s қауіп төніп тұр',
    'New Urgent Action':
        'Жаңа шұғыл әрекет',
    'Urgent Action saved.':
        'Шұғыл әрекет сақталды.',
    'Edit UA %(number)s':
        'UA %(number)s өңдеу',
    'Update to UA %(number)s':
        'UA %(number)s жаңартуы',
    'Response recorded.':
        'Жауап жазылды.',
    'The response was not recorded: %(errors)s':
        'Жауап жазылмады: %(errors)s',
    'No such language.':
        'Мұндай тіл жоқ.',
    'No such target for this Urgent Action.':
        'Бұл шұғыл әрекетте мұндай адресат жоқ.',
    'No such Urgent Action.':
        'Мұндай шұғыл әрекет жоқ.',
    'Thank you — that is a lot of actions':
        'Рақмет — бұл көп әрекет',
    'New target':
        'Жаңа адресат',
    'Target saved.':
        'Адресат сақталды.',
    'Edit target':
        'Адресатты өңдеу',
    'Published':
        'Жарияланды',
    'Publisher':
        'Баспагер',
    'Title':
        'Атауы',
    'Language':
        'Тіл',
    'Kind':
        'Түрі',
    'Reliability':
        'Сенімділігі',
    'Address (URL)':
        'Мекенжай (URL)',
    'Index number':
        'Индекс',
    'Text':
        'Мәтін',
    'Report':
        'Баяндама',
    'Urgent action':
        'Шұғыл әрекет',
    'News article':
        'Жаңалық',
    'Court paper':
        'Сот құжаты',
    'Social-media post':
        'Әлеуметтік желідегі жазба',
    'Testimony':
        'Куәлік',
    'Web page':
        'Веб-бет',
    'Highly reliable':
        'Толық сенімді',
    'Mostly reliable':
        'Негізінен сенімді',
    'Fairly reliable':
        'Жеткілікті сенімді',
    'Not usually reliable':
        'Әдетте сенімсіз',
    'Highly unreliable':
        'Мүлдем сенімсіз',
    'Unknown':
        'Белгісіз',
    'Nothing to review':
        'Тексеретін ештеңе жоқ',
    'Awaiting review':
        'Тексеруді күтуде',
    'Reviewed':
        'Тексерілді',
    'Entered by hand':
        'Қолмен енгізілді',
    'Waiting':
        'Кезекте',
    'Reading':
        'Оқылуда',
    'Finding facts':
        'Фактілер ізделуде',
    'Done':
        'Дайын',
    'Failed':
        'Қате',
    "The publisher's index number.":
        'Баспагердегі құжат индексі.',
    'Percent done while processing.':
        'Өңдеу барысының пайызы.',
    'Offsets where each page starts.':
        'Беттердің басталу орындары.',
    '(offset, footnote number) pairs.':
        '(орын, сілтеме нөмірі) жұптары.',
    "This document's text is above your clearance; a cleared reviewer must review it.":
        'Бұл құжаттың мәтіні сіздің рұқсатыңыздан жоғары; оны рұқсаты бар тексеруші тексеруі керек.',
    'No such proposal.':
        'Мұндай ұсыныс жоқ.',
    'Accept or reject.':
        'Қабылдаңыз немесе қабылдамаңыз.',
    '%(office)s is in the directory of targets.':
        '%(office)s адресаттар анықтамалығында бар.',
    '%(count)s proposals accepted; the document is reviewed.':
        'Қабылданған ұсыныстар: %(count)s; құжат тексерілді.',
    'The file is %(size).1f MB; the limit is %(limit)d MB.':
        'Файл көлемі %(size).1f МБ; шегі — %(limit)d МБ.',
    'This file is already here.':
        'Бұл файл бұрыннан бар.',
    'Add documents':
        'Құжаттар қосу',
    'New document':
        'Жаңа құжат',
    'Document saved.':
        'Құжат сақталды.',
    'A year (2018), a month (2018-03) or a day (2018-03-21).':
        'Жыл (2018), ай (2018-03) немесе күн (2018-03-21).',
    'Roles':
        'Рөлдері',
    'Home place':
        'Тұрғылықты жері',
    'Primary name':
        'Негізгі аты',
    'Given name':
        'Аты',
    'Family name':
        'Тегі',
    'Patronymic':
        'Әкесінің аты',
    'Gender':
        'Жынысы',
    'Birth year':
        'Туған жылы',
    'Consent to publication':
        'Жариялауға келісім',
    'Contact details (confidential)':
        'Байланыс деректері (құпия)',
    'Notes':
        'Ескертпелер',
    'Who may see this person':
        'Бұл адамды кім көре алады',
    'A birth year between 1900 and today, please.':
        'Туған жылын 1900 жыл мен бүгінгі күн аралығында көрсетіңіз.',
    'This person refused publication: they cannot be public.':
        'Бұл адам жариялаудан бас тартты: жазба жария бола алмайды.',
    'Name':
        'Аты',
    'Alias':
        'Басқа аты',
    'Transliteration':
        'Транслитерация',
    'Misspelling':
        'Қате жазылуы',
    'Maiden name':
        'Қыз кезіндегі тегі',
    'Place':
        'Орын',
    'Web site':
        'Сайт',
    'Start':
        'Басы',
    'End':
        'Соңы',
    'Type':
        'Түрі',
    'Places':
        'Орындар',
    'Description':
        'Сипаттамасы',
    'The end cannot come before the start.':
        'Соңы басынан бұрын бола алмайды.',
    'Code':
        'Кодекс',
    'Part':
        'Бөлік',
    'Edition':
        'Редакция',
    'Title (English)':
        'Атауы (ағыл.)',
    'Title (Russian)':
        'Атауы (орыс.)',
    'Title (Kazakh)':
        'Атауы (қаз.)',
    'There is no provision %(uid)s. Write it like CC-174 or AOC-488, or add it on the provisions page first.':
        '%(uid)s нормасы жоқ. CC-174 немесе AOC-488 сияқты жазыңыз, не алдымен оны нормалар бетінде қосыңыз.',
    '“%(relation)s” is not one of: %(choices)s.':
        '«%(relation)s» мыналардың бірі емес: %(choices)s.',
    'What was done':
        'Не істелді',
    'Date':
        'Күні',
    'Provisions':
        'Нормалар',
    'For example: CC-174:charged, CC-274:convicted':
        'Мысалы: CC-174:charged, CC-274:convicted',
    'Penalty':
        'Жаза',
    'Amount':
        'Мөлшері',
    'Unit':
        'Бірлік',
    'days':
        'күн',
    'months':
        'ай',
    'years':
        'жыл',
    'MCI':
        'АЕК',
    'Alleged':
        'Болжамды',
    'Confirmed':
        'Расталған',
    'Disputed':
        'Дауланады',
    'Say what kind of penalty this amount is.':
        'Бұл мөлшер жазаның қай түріне жататынын көрсетіңіз.',
    'Say whether the amount is in days, months, years or money.':
        'Мөлшер неде екенін көрсетіңіз: күн, ай, жыл немесе ақша.',
    'Suggested':
        'Ұсынылды',
    'Accepted':
        'Қабылданды',
    'Rejected':
        'Қабылданбады',
    'suspected':
        'күдікті',
    'charged':
        'айып тағылды',
    'convicted':
        'сотталды',
    'acquitted':
        'ақталды',
    'dropped':
        'айып алынып тасталды',
    'restriction of freedom':
        'бас бостандығын шектеу',
    'suspended sentence':
        'шартты жаза',
    'fine':
        'айыппұл',
    'activity ban':
        'қызметке тыйым',
    'internet ban':
        'интернетке тыйым',
    'compulsory treatment':
        'мәжбүрлеп емдеу',
    'other':
        'басқа',
    'ordered':
        'бұйырды',
    'carried out':
        'орындады',
    'investigated':
        'тергеді',
    'prosecuted':
        'айыптады',
    'judged':
        'соттады',
    'complained':
        'арыз берді',
    'failed to act':
        'әрекетсіздік танытты',
    'Public':
        'Жария',
    'Internal':
        'Ішкі',
    'Confidential':
        'Құпия',
    'Latin':
        'Латын',
    'Cyrillic':
        'Кирилл',
    'English':
        'Ағылшын',
    'Russian':
        'Орыс',
    'Kazakh':
        'Қазақ',
    'Primary':
        'Негізгі',
    'Abbreviation':
        'Қысқартпа',
    'Former name':
        'Бұрынғы атауы',
    'Protest':
        'Наразылық',
    'Dispersal of a protest':
        'Наразылықты тарату',
    'Trial':
        'Сот процесі',
    'Raid':
        'Тінту',
    'Ban':
        'Тыйым',
    'Crackdown':
        'Қуғын-сүргін',
    'Internet disruption':
        'Интернеттің үзілуі',
    'Legislation':
        'Заңнама',
    'precedes':
        'алдында болды',
    'causes':
        'себеп болады',
    'part of':
        'бөлігі',
    'follows':
        'кейін болды',
    'consequence of':
        'салдары',
    'parallel to':
        'қатар жүрді',
    'NGO':
        'ҮЕҰ',
    'Party or movement':
        'Партия немесе қозғалыс',
    'Media outlet':
        'БАҚ',
    'State body':
        'Мемлекеттік орган',
    'Court':
        'Сот',
    'Police unit':
        'Полиция',
    "Prosecutor's office":
        'Прокуратура',
    'Security service':
        'Арнаулы қызмет',
    'Company':
        'Компания',
    'International body':
        'Халықаралық ұйым',
    'Female':
        'Әйел',
    'Male':
        'Ер',
    'Granted':
        'Берілді',
    'Refused':
        'Бас тартты',
    'Activist':
        'Белсенді',
    'Blogger':
        'Блогер',
    'Journalist':
        'Журналист',
    'Human rights defender':
        'Құқық қорғаушы',
    'Lawyer':
        'Адвокат',
    'Politician':
        'Саясаткер',
    'Official':
        'Лауазымды тұлға',
    'Judge':
        'Судья',
    'Prosecutor':
        'Прокурор',
    'Investigator':
        'Тергеуші',
    'Police':
        'Полиция',
    'Doctor':
        'Дәрігер',
    'Businessperson':
        'Кәсіпкер',
    'Relative':
        'Туысы',
    'Witness':
        'Куә',
    'The primary name, as most sources write it.':
        'Негізгі аты, дереккөздердің көбі жазғандай.',
    'Set when a reviewer merged this record into another; undone by unmerge.':
        'Тексеруші бұл жазбаны басқасымен біріктіргенде толтырылады; ажырату арқылы болдырылмайды.',
    'child of':
        'баласы',
    'parent of':
        'ата-анасы',
    'sibling of':
        'бауыры',
    'spouse of':
        'жұбайы',
    'relative of':
        'туысы',
    'lawyer of':
        'адвокаты',
    'colleague of':
        'әріптесі',
    'Country':
        'Ел',
    'City':
        'Қала',
    'District':
        'Аудан',
    'Village':
        'Ауыл',
    'Facility':
        'Мекеме',
    'Site':
        'Орын',
    'Criminal Code':
        'Қылмыстық кодекс',
    'Code of Administrative Offences':
        'Әкімшілік құқық бұзушылық туралы кодекс',
    'Code of Criminal Procedure':
        'Қылмыстық-процестік кодекс',
    'Constitution':
        'Конституция',
    'Your role does not allow this.':
        'Сіздің рөліңіз бұған рұқсат бермейді.',
    'New person':
        'Жаңа адам',
    'Person added.':
        'Адам қосылды.',
    'Edit %(name)s':
        'Өңдеу: %(name)s',
    'Changes saved.':
        'Өзгерістер сақталды.',
    'Name added.':
        'Аты қосылды.',
    'The name was not added: %(errors)s':
        'Аты қосылмады: %(errors)s',
    'New act against %(name)s':
        '%(name)s қатысты жаңа әрекет',
    'Act recorded.':
        'Әрекет жазылды.',
    'Edit act':
        'Әрекетті өңдеу',
    'New organisation':
        'Жаңа ұйым',
    'Organisation added.':
        'Ұйым қосылды.',
    'New event':
        'Жаңа оқиға',
    'Event saved.':
        'Оқиға сақталды.',
    'New provision':
        'Жаңа норма',
    'Provision added.':
        'Норма қосылды.',
    'Same person':
        'Бір адам',
    'Different people':
        'Әртүрлі адамдар',
    'Unsure':
        'Сенімді емес',
    'Say same, different or unsure.':
        'Көрсетіңіз: бір адам, әртүрлі адамдар немесе сенімді емес.',
    'Judgement recorded.':
        'Шешім жазылды.',
    'Unmerged: the two records are separate again.':
        'Екі жазба қайта бөлінді.',
    'Sign in':
        'Кіру',
    'Save':
        'Сақтау',
    'Person':
        'Адам',
    'Since':
        'Бастап',
    'Nobody recorded.':
        'Ешкім жазылмаған.',
    'Dashboard':
        'Шолу',
    'Persons':
        'Адамдар',
    'Organisations':
        'Ұйымдар',
    'Events':
        'Оқиғалар',
    'Documents':
        'Құжаттар',
    'Urgent Actions':
        'Шұғыл әрекеттер',
    'cleared':
        'рұқсаты бар',
    'Sign out':
        'Шығу',
    'Actions reported over time':
        'Уақыт бойынша хабарланған әрекеттер',
    '%(total)s actions reported, %(first)s to %(last)s.':
        'Хабарланған әрекеттер: %(total)s, %(first)s – %(last)s.',
    'update':
        'жаңарту',
    'issued':
        'шықты',
    'Please write':
        'Өтініш, жазыңыз',
    'before':
        'дейін',
    'Additional information':
        'Қосымша ақпарат',
    'Printable page':
        'Басып шығаруға арналған нұсқа',
    'Let us know you took action':
        'Не істегеніңізді бізге хабарлаңыз',
    'Thank you. Your action has been counted.':
        'Рақмет. Сіздің әрекетіңіз есепке алынды.',
    'Count my action':
        'Әрекетімді есепке алу',
    'Actions so far':
        'Осы уақытқа дейінгі әрекеттер',
    'Letter to':
        'Хат:',
    'To paste into an email:':
        'Хатқа қою үшін:',
    'Offices to write to':
        'Адресаттар',
    'Add an office':
        'Адресат қосу',
    'Contact':
        'Байланыс',
    'Valid':
        'Жарамды',
    'edit':
        'өңдеу',
    'None yet.':
        'Әзірге жоқ.',
    'PDF':
        'PDF',
    'Public action page':
        'Әрекеттің жария беті',
    'Edit':
        'Өңдеу',
    'Issue an update':
        'Жаңарту шығару',
    'Versions':
        'Нұсқалар',
    'original':
        'бастапқы',
    'Actions reported by supporters':
        'Қолдаушылар хабарлаған әрекеттер',
    'Afterwards':
        'Нәтижелері',
    'Issued':
        'Шықты',
    'Accept':
        'Қабылдау',
    'Reject':
        'Қабылдамау',
    'correct':
        'түзету',
    'This file could not be read:':
        'Бұл файлды оқу мүмкін болмады:',
    'Read and analysed.':
        'Оқылды және талданды.',
    'Review the proposals':
        'Ұсыныстарды тексеру',
    'Address':
        'Мекенжай',
    'Pages':
        'Беттер',
    'Footnotes':
        'Сілтемелер',
    'What this document supports':
        'Бұл құжат нені растайды',
    'Record':
        'Жазба',
    'Passage':
        'Үзінді',
    'Review':
        'Тексеру',
    'characters':
        'таңбалар',
    'page':
        'бет',
    'the document as a whole':
        'құжат тұтасымен',
    'No records cite this document yet.':
        'Бұл құжатқа әзірге ешбір жазба сілтеме жасамайды.',
    'Nothing found.':
        'Ештеңе табылмады.',
    'Documents awaiting review':
        'Тексеруді күтетін құжаттар',
    'Document':
        'Құжат',
    'Nothing awaits review.':
        'Тексеруді ештеңе күтпейді.',
    '%(waiting)s proposal waits for a decision.':
        ('Шешім күтетін ұсыныстар: %(waiting)s.', 'Шешім күтетін ұсыныстар: %(waiting)s.'),
    'Accept all remaining, having read the document':
        'Қалғандарының бәрін қабылдау (құжат оқылды)',
    'Urgent Action':
        'Шұғыл әрекет',
    'deadline':
        'мерзімі',
    'None.':
        'Жоқ.',
    'Counted victims':
        'Есептелген зардап шеккендер',
    'Persons named':
        'Аталған адамдар',
    'Organisations and places':
        'Ұйымдар мен орындар',
    'In the directory of targets':
        'Адресаттар анықтамалығында',
    'Add to the directory of targets':
        'Адресаттар анықтамалығына қосу',
    'Sources':
        'Дереккөздер',
    'suggested':
        'ұсынылды',
    'previous':
        'артқа',
    'page %(n)s of %(total)s':
        '%(total)s беттің %(n)s-і',
    'next':
        'алға',
    'When':
        'Қашан',
    'at least':
        'кемінде',
    'Chain of events':
        'Оқиғалар тізбегі',
    'No named victims recorded.':
        'Аты аталған зардап шеккендер жазылмаған.',
    'Event':
        'Оқиға',
    'Cancel':
        'Бас тарту',
    'Search':
        'Іздеу',
    'Also written':
        'Басқаша жазылуы',
    'Record an act against it':
        'Оған қатысты әрекетті жазу',
    'What was done to it':
        'Оған не істелді',
    'Involved as perpetrator':
        'Жасаушы ретінде қатысты',
    'Other names':
        'Басқа аттары',
    'Born':
        'Туған',
    'Home':
        'Тұрғылықты жері',
    'Affiliations':
        'Байланыстары',
    'Relations':
        'Туыстық',
    'Recognised':
        'Танылған',
    'confidential':
        'құпия',
    'Start an Urgent Action':
        'Шұғыл әрекет бастау',
    'Record an act':
        'Әрекетті жазу',
    'Add another spelling':
        'Басқа жазылуын қосу',
    'Add name':
        'Атын қосу',
    'Possibly the same as':
        'Мүмкін, мынамен бір адам:',
    'Same':
        'Бір адам',
    'Different':
        'Әртүрлі адамдар',
    'Merged from':
        'Біріктірілген',
    'Unmerge':
        'Ажырату',
    'Timeline':
        'Хронология',
    'No acts recorded.':
        'Әрекеттер жазылмаған.',
    'Nobody matches “%(q)s”.':
        '«%(q)s» сұрауы бойынша ешкім табылмады.',
    'No persons yet.':
        'Әзірге ешкім жоқ.',
    'In':
        'Ішінде',
    'Also called':
        'Басқа атаулары',
    'former':
        'бұрынғы',
    'Acts here':
        'Мұндағы әрекеттер',
    'None recorded.':
        'Ештеңе жазылмаған.',
    'part':
        'бөлік',
    'Acts under this provision':
        'Осы норма бойынша әрекеттер',
    'Provision':
        'Норма',
    'Possibly the same person':
        'Мүмкін, бір адам',
    'Score':
        'Баға',
    'Nothing to judge.':
        'Шешетін ештеңе жоқ.',
    'Perpetrators':
        'Жасаушылар',
    'internal':
        'ішкі',
    'Find a person by any spelling':
        'Адамды кез келген жазылуы бойынша табу',
    'Currently deprived of liberty':
        'Қазір бас бостандығынан айырылғандар',
    'The review queue':
        'Тексеру кезегі',
    'Recently recorded acts':
        'Жуырда жазылған әрекеттер',
    'Persecution documented':
        'Қудалау құжатталды',
    'Qorgau: documented persecution of activists, journalists and bloggers':
        'Qorgau: белсенділер, журналистер мен блогерлерді қудалаудың құжатталған деректері',
    'This public site shows only records the monitors have made public: %(person_count)s persons.':
        'Бұл жария сайт тек мониторлар жариялаған жазбаларды көрсетеді: адамдар саны — %(person_count)s.',
    'Recent acts':
        'Соңғы әрекеттер',
    'Nothing yet.':
        'Әзірге ештеңе жоқ.',
    'That user name and password do not match. Please try again.':
        'Пайдаланушы аты мен құпиясөз сәйкес келмейді. Қайталап көріңіз.',
    'User name':
        'Пайдаланушы аты',
    'Password':
        'Құпиясөз',
    'date unknown':
        'күні белгісіз',
    'Ask with at most 200 characters.':
        'Сұрау 200 таңбадан аспауы керек.',
    'No such person.':
        'Мұндай адам жоқ.',
    'Not found.':
        'Табылмады.',
    'Not found':
        'Табылмады',
    'There is nothing here, or you may not see it.':
        'Мұнда ештеңе жоқ немесе сізге көруге рұқсат жоқ.',
    'Not allowed.':
        'Рұқсат етілмейді.',
    'Not allowed':
        'Рұқсат етілмейді',
    'Something went wrong; nothing was changed.':
        'Бірдеңе дұрыс болмады; ештеңе өзгерген жоқ.',
    'Something went wrong':
        'Бірдеңе дұрыс болмады',
    'Nothing was changed. Please try again.':
        'Ештеңе өзгерген жоқ. Қайталап көріңіз.',
    'File':
        'Файл',
    'PDF, DOCX, HTML, Markdown or plain text.':
        'PDF, DOCX, HTML, Markdown немесе қарапайым мәтін.',
    'Detect':
        'Анықтау',
    'You signed in with a recovery code; %(n)d is left.':
        ('Сіз резервтік кодпен кірдіңіз; %(n)d код қалды.', 'Сіз резервтік кодпен кірдіңіз; %(n)d код қалды.'),
    'That code is not right, or it was used already. Wait for the next code and try again.':
        'Код қате немесе бұрын қолданылған. Келесі кодты күтіп, қайталап көріңіз.',
    'That code is not right. Check the time on your phone, wait for the next code and try again.':
        'Код қате. Телефоныңыздағы уақытты тексеріп, келесі кодты күтіп, қайталап көріңіз.',
    'Sign-in is locked for now':
        'Кіру уақытша бұғатталды',
    'There were too many wrong passwords for this account or from this connection. Try again in %(minutes)d minutes, or ask an administrator to unlock it.':
        'Бұл тіркелгі үшін немесе осы қосылымнан тым көп қате құпиясөз енгізілді. %(minutes)d минуттан кейін қайталап көріңіз немесе әкімшіден бұғаттан шығаруды сұраңыз.',
    'Persecuted, not detained':
        'Қудаланады, қамауда емес',
    'Released':
        'Босатылды',
    'Criteria no longer met':
        'Енді өлшемдерге сәйкес келмейді',
    'Died':
        'Қайтыс болды',
    'police custody':
        'полицияда ұстау',
    'pre-trial detention':
        'тергеу изоляторында қамау',
    'house arrest':
        'үй қамағы',
    'psychiatric detention':
        'психиатриялық стационарға мәжбүрлеп орналастыру',
    'restricted freedom':
        'бас бостандығын шектеу',
    'bar':
        'бағандар',
    'line':
        'сызық',
    'single number':
        'бір сан',
    'Listed for anonymous visitors (computed from public data for them).':
        'Анонимді келушілерге көрсетіледі (олар үшін жария деректерден есептеледі).',
    'People by article':
        'Баптар бойынша адамдар',
    'A person charged under two articles counts under each: the rows do not add up to the number of people.':
        'Екі бап бойынша айып тағылған адам әрқайсысында есептеледі: жолдардың қосындысы адамдар санына тең емес.',
    'People by region of the act':
        'Әрекет болған облыс бойынша адамдар',
    'A person with acts in two regions counts in each.':
        'Екі облыста әрекеттері бар адам әрқайсысында есептеледі.',
    'Acts by group and month':
        'Топтар мен айлар бойынша әрекеттер',
    'Month and group':
        'Ай және топ',
    'This table counts acts, not people; a year alone is shown where the month is unknown.':
        'Бұл кестеде адамдар емес, әрекеттер есептеледі; айы белгісіз болса, тек жылы көрсетіледі.',
    'People prosecuted, by the year the prosecution began':
        'Қудаланған адамдар, қудалау басталған жыл бойынша',
    'Year':
        'Жыл',
    'Prosecutions (cases) are counted separately in the next table.':
        'Қудалаулар (істер) келесі кестеде бөлек есептеледі.',
    'Prosecutions by the year they began':
        'Басталған жылы бойынша қудалаулар',
    'Prosecutions':
        'Қудалаулар',
    "One person may have several prosecutions. A person's prosecution acts less than two years apart are taken as one prosecution.":
        'Бір адамның бірнеше қудалауы болуы мүмкін. Бір адамға қатысты екі жылдан аз аралықпен болған әрекеттер бір қудалау деп есептеледі.',
    'Prison sentences by length (years)':
        'Бас бостандығынан айыру мерзімдері (жыл)',
    'Years':
        'Жыл',
    'Sentences':
        'Үкімдер',
    'People certainly in custody on the first of the month':
        'Айдың бірінші күні қамауда болғаны анық адамдар',
    'Month':
        'Ай',
    'Every month, or every few months over a long range; from the custody episodes.':
        'Әр ай сайын немесе ұзақ кезеңде бірнеше ай сайын; қамауда болу эпизодтары бойынша.',
    'List entries added per year':
        'Тізімге жыл сайын қосылған жазбалар',
    'List entries removed per year (released, died, criteria no longer met)':
        'Тізімнен жыл сайын шығарылған жазбалар (босатылды, қайтыс болды, енді өлшемдерге сәйкес келмейді)',
    'Removed':
        'Шығарылды',
    'No such table.':
        'Мұндай кесте жоқ.',
    'Choose a day.':
        'Күнді таңдаңыз.',
    'No such list.':
        'Мұндай тізім жоқ.',
    'No such snapshot.':
        'Мұндай сурет (снимок) жоқ.',
    'Published %(name)s.':
        'Жарияланды: %(name)s.',
    'Give the chart a title.':
        'Диаграммаға атау беріңіз.',
    'No such chart.':
        'Мұндай диаграмма жоқ.',
    'This Urgent Action is closed':
        'Бұл шұғыл әрекет жабылды',
    'It no longer takes reports. Thank you for your support.':
        'Енді хабарламалар қабылданбайды. Қолдауыңызға рақмет.',
    'We have received many reports from your connection for this Urgent Action. Please try again tomorrow.':
        'Осы шұғыл әрекет бойынша сіздің қосылымыңыздан көп хабарлама алдық. Ертең қайталап көріңіз.',
    'now: “%(value)s”':
        'қазір: «%(value)s»',
    'now: withheld':
        'қазір: жасырылған',
    '%(field)s (by %(who)s at %(when)s; %(now)s)':
        '%(field)s (%(who)s, %(when)s; %(now)s)',
    'its links or level':
        'оның байланыстары немесе қол жеткізу деңгейі',
    'Not saved: someone saved this record after you opened it. Changed since: %(changed)s. Open the page again to edit the current version.':
        'Сақталмады: сіз ашқаннан кейін біреу бұл жазбаны сақтады. Өзгергені: %(changed)s. Ағымдағы нұсқаны өңдеу үшін бетті қайта ашыңыз.',
    'Not deleted: %(reason)s':
        'Жойылмады: %(reason)s',
    'Person deleted. An administrator can restore it from the list of deleted records.':
        'Адам жойылды. Әкімші оны жойылған жазбалар тізімінен қалпына келтіре алады.',
    '(withheld)':
        '(жасырылған)',
    '%(uid)s restored.':
        '%(uid)s қалпына келтірілді.',
    'Tick at least one pair and say same, different or unsure.':
        'Кем дегенде бір жұпты белгілеп, көрсетіңіз: бір адам, әртүрлі адамдар немесе сенімді емес.',
    'Judgements recorded: %(n)d.':
        'Жазылған шешімдер: %(n)d.',
    'Resolution run: %(merged)d pairs linked, %(queued)d queued for review, %(apart)d kept apart by earlier judgements.':
        'Салыстыру орындалды: байланыстырылған жұптар — %(merged)d, тексеруге жіберілгені — %(queued)d, бұрынғы шешімдермен бөлек қалғаны — %(apart)d.',
    'Set up two-factor sign-in':
        'Екі факторлы кіруді баптау',
    'Your account can read confidential records or administer Qorgau, so signing in needs a second step: a code from an authenticator app on your phone (for example FreeOTP, Aegis or Google Authenticator).':
        'Сіздің тіркелгіңіз құпия жазбаларды оқи алады немесе Qorgau-ды басқара алады, сондықтан кіру үшін екінші қадам қажет: телефоныңыздағы аутентификатор қолданбасының коды (мысалы, FreeOTP, Aegis немесе Google Authenticator).',
    'Open your authenticator app and scan this code:':
        'Аутентификатор қолданбасын ашып, осы кодты сканерлеңіз:',
    'Or type this key into the app:':
        'Немесе бұл кілтті қолданбаға енгізіңіз:',
    'Type the 6-digit code the app shows:':
        'Қолданба көрсеткен 6 таңбалы кодты енгізіңіз:',
    'Confirm':
        'Растау',
    'Your recovery codes':
        'Сіздің резервтік кодтарыңыз',
    'Two-factor sign-in is set up':
        'Екі факторлы кіру бапталды',
    'Keep these recovery codes somewhere safe, away from your phone (on paper, for example). Each one lets you sign in once without the app. They are shown only now.':
        'Бұл резервтік кодтарды телефоннан бөлек қауіпсіз жерде сақтаңыз (мысалы, қағазда). Әрқайсысы қолданбасыз бір рет кіруге мүмкіндік береді. Олар тек қазір көрсетіледі.',
    'I have kept them: continue':
        'Мен оларды сақтадым: жалғастыру',
    'Sign in: second step':
        'Кіру: екінші қадам',
    'The 6-digit code from your authenticator app, or one of your recovery codes':
        'Аутентификатор қолданбасының 6 таңбалы коды немесе резервтік кодтарыңыздың бірі',
    'Lost your phone and your recovery codes? An administrator can reset your second factor with `qorgau users reset-two-factor`.':
        'Телефоныңыз бен резервтік кодтарыңыз жоғалды ма? Әкімші екінші факторды `qorgau users reset-two-factor` командасымен қалпына келтіре алады.',
    'Withheld to protect people who have not consented to publication':
        'Жариялауға келісім бермеген адамдарды қорғау үшін жасырылған',
    'Nothing recorded.':
        'Ештеңе жазылмаған.',
    '%(n)s cell is withheld: it holds few people, some of whom have not consented to publication.':
        ('%(n)s ұяшық жасырылған: онда адамдар аз және олардың кейбірі жариялауға келісім бермеген.', '%(n)s ұяшық жасырылған: әрқайсысында адамдар аз және олардың кейбірі жариялауға келісім бермеген.'),
    'Download CSV':
        'CSV жүктеп алу',
    'Save this view as':
        'Бұл көріністі былай сақтау',
    'list it publicly':
        'жария тізімде көрсету',
    'Briefing':
        'Анықтама',
    'Write a briefing':
        'Анықтама құрастыру',
    'Per case: a summary and a timeline of acts with provisions and penalties, every fact footnoted to its source.':
        'Әр іс бойынша: қысқаша мазмұны және нормалары мен жазалары бар әрекеттер хронологиясы, әр фактінің дереккөзіне сілтемесі бар.',
    'Persons (record ids, separated by spaces)':
        'Адамдар (жазба идентификаторлары бос орынмен)',
    'or everyone currently on a list':
        'немесе қазір тізімдегілердің бәрі',
    'Format':
        'Пішім',
    'Public version: only what an anonymous visitor may see':
        'Жария нұсқа: тек анонимді келуші көре алатыны',
    'Download the briefing':
        'Анықтаманы жүктеп алу',
    'Census':
        'Санақ',
    'Who was deprived of liberty on a date':
        'Белгілі бір күні кім бас бостандығынан айырылды',
    'List':
        'Тізім',
    'everyone recorded':
        'барлық жазылғандар',
    'Changes since':
        'Мына күннен бергі өзгерістер',
    'Count':
        'Саны',
    'people certainly in custody on':
        'адам мына күні қамауда болғаны анық:',
    'more possibly (partial dates, or status unverified)':
        'тағы болуы мүмкін (толық емес күндер немесе мәртебесі тексерілмеген)',
    'Custody':
        'Қамауда',
    '%(n)s further person is counted but not named.':
        ('Тағы %(n)s адам есептелді, бірақ аты аталмады.', 'Тағы %(n)s адам есептелді, бірақ аттары аталмады.'),
    'Possibly in custody':
        'Қамауда болуы мүмкін',
    'since':
        'бастап',
    'status unverified since':
        'мәртебесі мына күннен бері тексерілмеген:',
    'end not recorded':
        'аяқталуы жазылмаған',
    'Restricted freedom, not counted above':
        'Бас бостандығын шектеу, жоғарыда есептелмеген',
    'Statistics':
        'Статистика',
    'How we count':
        'Біз қалай есептейміз',
    'an episode of custody opens with a detention and ends with a release, an acquittal, parole, death or the end of a fixed term; only reviewed facts count.':
        'қамауда болу эпизоды ұстаудан басталып, босатумен, ақтаумен, шартты түрде мерзімінен бұрын босатумен, қайтыс болумен немесе мерзімнің аяқталуымен бітеді; тек тексерілген фактілер есептеледі.',
    'Filters':
        'Сүзгілер',
    'none':
        'жоқ',
    'Computed at your own level of access.':
        'Сіздің қол жеткізу деңгейіңізде есептелді.',
    'Embeddable version':
        'Енгізуге арналған нұсқа',
    'Political-prisoner lists':
        'Саяси тұтқындар тізімдері',
    'No lists yet.':
        'Әзірге тізімдер жоқ.',
    'Census on a date':
        'Белгілі күнгі санақ',
    'Criteria':
        'Өлшемдер',
    'As of':
        'Мына күнгі жағдай бойынша',
    'any':
        'кез келген',
    'Sort':
        'Сұрыптау',
    'name':
        'аты',
    'newest first':
        'алдымен жаңалары',
    'oldest first':
        'алдымен ескілері',
    'Show':
        'Көрсету',
    'on the list as of':
        'мына күнгі тізімде:',
    'Criteria met':
        'Өлшемдерге сәйкес',
    'Nobody on the list on that date.':
        'Бұл күні тізімде ешкім жоқ.',
    'Removed from the list':
        'Тізімнен шығарылғандар',
    'Open data':
        'Ашық деректер',
    'Public records as a Frictionless data package (CSV files with their schemas in datapackage.json) and one spreadsheet (XLSX). Each snapshot is dated, so you can cite the data as of that day.':
        'Жария жазбалар Frictionless деректер пакеті (схемалары datapackage.json ішіндегі CSV файлдары) және бір кесте (XLSX) түрінде. Әр суреттің күні бар, сондықтан деректерге сол күнгі күйінде сілтеме жасауға болады.',
    'No snapshot has been published yet.':
        'Әзірге ешбір сурет жарияланбаған.',
    "Publish a snapshot of today's public data":
        'Бүгінгі жария деректердің суретін жариялау',
    'custody':
        'қамауда',
    'open':
        'аяқталмаған',
    'from':
        'бастап',
    'Derived from':
        'Мыналардан шығарылды',
    'No act you may see.':
        'Сіз көре алатын әрекет жоқ.',
    'No custody recorded.':
        'Қамауда болу жазылмаған.',
    'How episodes are derived':
        'Эпизодтар қалай шығарылады',
    'Counted from every accepted fact you may read.':
        'Сіз оқи алатын барлық қабылданған фактілер бойынша есептелді.',
    'Counted from published, reviewed facts only.':
        'Тек жарияланған, тексерілген фактілер бойынша есептелді.',
    'From':
        'Бастап',
    'To':
        'Дейін',
    'Role':
        'Рөлі',
    'Apply':
        'Қолдану',
    'Saved charts':
        'Сақталған диаграммалар',
    'Lists':
        'Тізімдер',
    'Deleted records':
        'Жойылған жазбалар',
    'A deleted record is hidden from every page, search, export and the API. Restoring it brings back what was deleted with it (its acts, names and links) and the fields cleared on other records.':
        'Жойылған жазба барлық беттерден, іздеуден, экспорттан және API-дан жасырылады. Қалпына келтіру онымен бірге жойылғанды (әрекеттерін, аттарын және байланыстарын) және басқа жазбаларда тазартылған өрістерді қайтарады.',
    'Deleted':
        'Жойылды',
    'With it':
        'Онымен бірге',
    'Restore':
        'Қалпына келтіру',
    'Nothing is deleted.':
        'Ештеңе жойылмаған.',
    'All pairs awaiting review':
        'Тексеруді күтетін барлық жұптар',
    'Why we think so':
        'Неліктен біз осылай ойлаймыз',
    'Pairs scored from %(review)s up, best first. Each line of evidence adds its weight in bits (positive: one person; negative: two people); the sum with the prior gives the score. Pairs from %(auto)s are linked automatically unless one is confidential, their levels differ, or more than one record could be meant.':
        '%(review)s бастап бағаланған жұптар, ең жақсылары алдымен. Әр негіз өз салмағын биттермен қосады (оң — бір адам; теріс — екі адам); априорлық бағамен қосындысы бағаны береді. %(auto)s бастап жұптар автоматты түрде байланыстырылады, егер біреуі құпия болмаса, деңгейлері бірдей болса және бірнеше жазба меңзелмесе.',
    'Run resolution now':
        'Салыстыруды қазір іске қосу',
    'Select this pair':
        'Осы жұпты таңдау',
    'The ticked pairs are:':
        'Белгіленген жұптар:',
    'You were signed out: %(minutes)s minutes passed without activity, or the session reached its maximum length. Please sign in again.':
        'Сіз жүйеден шығарылдыңыз: %(minutes)s минут әрекетсіз өтті немесе сеанс ең ұзақ мерзіміне жетті. Қайта кіріңіз.',
    'Person deleted.':
        'Адам жойылды.',
    'Evidence':
        'Негіздер',
    'Words in the title or text':
        'Атаудағы немесе мәтіндегі сөздер',
    'Search documents':
        'Құжаттарды іздеу',
    'Add an event':
        'Оқиға қосу',
    'Search events':
        'Оқиғаларды іздеу',
    'Add an organisation':
        'Ұйым қосу',
    'Search organisations':
        'Ұйымдарды іздеу',
    'Add a person':
        'Адам қосу',
    'Any spelling, Latin or Cyrillic':
        'Кез келген жазылуы, латын немесе кирилл',
    'Search persons':
        'Адамдарды іздеу',
    'Legal provisions':
        'Құқықтық нормалар',
    'Add a provision':
        'Норма қосу',
    'Search provisions':
        'Нормаларды іздеу',
    'Add a document':
        'Құжат қосу',
}


# Read API, spreadsheets, facets, emergency lock (session 3).
KK.update({'Reading stopped before it finished (the server may have restarted); nothing was extracted. Add the file again.': 'Оқу '
                                                                                                                   'аяқталмай '
                                                                                                                   'тоқтады '
                                                                                                                   '(сервер '
                                                                                                                   'қайта '
                                                                                                                   'іске '
                                                                                                                   'қосылған '
                                                                                                                   'болуы '
                                                                                                                   'мүмкін); '
                                                                                                                   'ештеңе '
                                                                                                                   'алынбады. '
                                                                                                                   'Файлды '
                                                                                                                   'қайта '
                                                                                                                   'қосыңыз.',
 'Qorgau is locked. An administrator with the master key can unlock it.': 'Qorgau бұғатталған. Оны бас кілті бар '
                                                                          'әкімші аша алады.',
 'Type %(confirmation)s to confirm': 'Растау үшін %(confirmation)s деп теріңіз',
 '6-digit code': '6 таңбалы код',
 'Emergency lock': 'Шұғыл бұғаттау',
 'This ends every session, including yours, and locks the keys: nobody can read the data until someone with the master key runs “qorgau unlock”. If the master key also lives outside the data directory, the copy inside it is deleted.': 'Бұл '
                                                                                                                                                                                                                                           'барлық '
                                                                                                                                                                                                                                           'сеанстарды, '
                                                                                                                                                                                                                                           'соның '
                                                                                                                                                                                                                                           'ішінде '
                                                                                                                                                                                                                                           'сіздікін '
                                                                                                                                                                                                                                           'де '
                                                                                                                                                                                                                                           'аяқтап, '
                                                                                                                                                                                                                                           'кілттерді '
                                                                                                                                                                                                                                           'бұғаттайды: '
                                                                                                                                                                                                                                           'бас '
                                                                                                                                                                                                                                           'кілті '
                                                                                                                                                                                                                                           'бар '
                                                                                                                                                                                                                                           'адам '
                                                                                                                                                                                                                                           '«qorgau '
                                                                                                                                                                                                                                           'unlock» '
                                                                                                                                                                                                                                           'орындамайынша '
                                                                                                                                                                                                                                           'ешкім '
                                                                                                                                                                                                                                           'деректерді '
                                                                                                                                                                                                                                           'оқи '
                                                                                                                                                                                                                                           'алмайды. '
                                                                                                                                                                                                                                           'Бас '
                                                                                                                                                                                                                                           'кілт '
                                                                                                                                                                                                                                           'деректер '
                                                                                                                                                                                                                                           'каталогынан '
                                                                                                                                                                                                                                           'тыс '
                                                                                                                                                                                                                                           'та '
                                                                                                                                                                                                                                           'сақталса, '
                                                                                                                                                                                                                                           'каталог '
                                                                                                                                                                                                                                           'ішіндегі '
                                                                                                                                                                                                                                           'көшірмесі '
                                                                                                                                                                                                                                           'жойылады.',
 'Lock everything now': 'Бәрін қазір бұғаттау',
 'Locked': 'Бұғатталған',
 'Qorgau is locked': 'Qorgau бұғатталған',
 'Download': 'Жүктеп алу',
 '%(n)s result': ('%(n)s нәтиже', '%(n)s нәтиже'),
 'clear all filters': 'барлық сүзгілерді алып тастау',
 'Act': 'Әрекет',
 'Victim': 'Жәбірленуші',
 'Articles': 'Баптар',
 'No acts match these filters.': 'Бұл сүзгілерге сай әрекет жоқ.',
 'Read API': 'Оқуға арналған API',
 'Read-only JSON over every kind of record, at your level: anonymous readers get public records, staff internal ones, cleared staff everything. The OpenAPI 3 description is this address asked with “Accept: application/json” (or ?format=json).': 'Жазбалардың '
                                                                                                                                                                                                                                                     'барлық '
                                                                                                                                                                                                                                                     'түрі '
                                                                                                                                                                                                                                                     'бойынша '
                                                                                                                                                                                                                                                     'тек '
                                                                                                                                                                                                                                                     'оқуға '
                                                                                                                                                                                                                                                     'арналған '
                                                                                                                                                                                                                                                     'JSON, '
                                                                                                                                                                                                                                                     'сіздің '
                                                                                                                                                                                                                                                     'қол '
                                                                                                                                                                                                                                                     'жеткізу '
                                                                                                                                                                                                                                                     'деңгейіңізде: '
                                                                                                                                                                                                                                                     'анонимді '
                                                                                                                                                                                                                                                     'оқырмандар '
                                                                                                                                                                                                                                                     'жария '
                                                                                                                                                                                                                                                     'жазбаларды, '
                                                                                                                                                                                                                                                     'қызметкерлер '
                                                                                                                                                                                                                                                     'ішкі '
                                                                                                                                                                                                                                                     'жазбаларды, '
                                                                                                                                                                                                                                                     'рұқсаты '
                                                                                                                                                                                                                                                     'бар '
                                                                                                                                                                                                                                                     'қызметкерлер '
                                                                                                                                                                                                                                                     'бәрін '
                                                                                                                                                                                                                                                     'алады. '
                                                                                                                                                                                                                                                     'OpenAPI '
                                                                                                                                                                                                                                                     '3 '
                                                                                                                                                                                                                                                     'сипаттамасы '
                                                                                                                                                                                                                                                     '— '
                                                                                                                                                                                                                                                     'осы '
                                                                                                                                                                                                                                                     'мекенжай '
                                                                                                                                                                                                                                                     '«Accept: '
                                                                                                                                                                                                                                                     'application/json» '
                                                                                                                                                                                                                                                     'тақырыбымен '
                                                                                                                                                                                                                                                     '(немесе '
                                                                                                                                                                                                                                                     '?format=json).',
 'Pages: each answer is {"results": […], "next": CURSOR}; ask again with ?cursor=CURSOR until next is null; limit=1…200 rows (default 50). Errors: {"error": {"code": …, "message": …}}.': 'Беттер: '
                                                                                                                                                                                           'әр '
                                                                                                                                                                                           'жауап '
                                                                                                                                                                                           '— '
                                                                                                                                                                                           '{"results": '
                                                                                                                                                                                           '[…], '
                                                                                                                                                                                           '"next": '
                                                                                                                                                                                           'CURSOR}; '
                                                                                                                                                                                           'next '
                                                                                                                                                                                           'null '
                                                                                                                                                                                           'болғанша '
                                                                                                                                                                                           '?cursor=CURSOR '
                                                                                                                                                                                           'арқылы '
                                                                                                                                                                                           'қайта '
                                                                                                                                                                                           'сұраңыз; '
                                                                                                                                                                                           'limit=1…200 '
                                                                                                                                                                                           'жол '
                                                                                                                                                                                           '(әдепкі '
                                                                                                                                                                                           '50). '
                                                                                                                                                                                           'Қателер: '
                                                                                                                                                                                           '{"error": '
                                                                                                                                                                                           '{"code": '
                                                                                                                                                                                           '…, '
                                                                                                                                                                                           '"message": '
                                                                                                                                                                                           '…}}.',
 "Scripts sign in with a token: “Authorization: Bearer qgt_…”. A token reads as its user, at that user's level now; make and revoke yours at": 'Скрипттер '
                                                                                                                                               'токенмен '
                                                                                                                                               'кіреді: '
                                                                                                                                               '«Authorization: '
                                                                                                                                               'Bearer '
                                                                                                                                               'qgt_…». '
                                                                                                                                               'Токен '
                                                                                                                                               'өз '
                                                                                                                                               'пайдаланушысының '
                                                                                                                                               'атынан, '
                                                                                                                                               'оның '
                                                                                                                                               'қазіргі '
                                                                                                                                               'деңгейінде '
                                                                                                                                               'оқиды; '
                                                                                                                                               'өз '
                                                                                                                                               'токендеріңізді '
                                                                                                                                               'мына '
                                                                                                                                               'жерде '
                                                                                                                                               'жасап, '
                                                                                                                                               'кері '
                                                                                                                                               'қайтарып '
                                                                                                                                               'аласыз:',
 'or with': 'немесе мына командамен',
 'API tokens': 'API токендері',
 'A token lets a script read the API as you, at your level. It is shown once; only its fingerprint is kept. Revoke a token you no longer use.': 'Токен '
                                                                                                                                                'скриптке '
                                                                                                                                                'API-ді '
                                                                                                                                                'сіздің '
                                                                                                                                                'атыңыздан, '
                                                                                                                                                'сіздің '
                                                                                                                                                'деңгейіңізде '
                                                                                                                                                'оқуға '
                                                                                                                                                'мүмкіндік '
                                                                                                                                                'береді. '
                                                                                                                                                'Ол '
                                                                                                                                                'бір '
                                                                                                                                                'рет '
                                                                                                                                                'көрсетіледі; '
                                                                                                                                                'тек '
                                                                                                                                                'оның '
                                                                                                                                                'ізі '
                                                                                                                                                'сақталады. '
                                                                                                                                                'Пайдаланбайтын '
                                                                                                                                                'токенді '
                                                                                                                                                'кері '
                                                                                                                                                'қайтарып '
                                                                                                                                                'алыңыз.',
 'Your new token (copy it now, it will not be shown again):': 'Жаңа токеніңіз (оны қазір көшіріп алыңыз, ол қайта '
                                                              'көрсетілмейді):',
 'What it is for': 'Не үшін',
 'Make a token': 'Токен жасау',
 'Token': 'Токен',
 'For': 'Мақсаты',
 'Made': 'Жасалды',
 'Last used': 'Соңғы пайдаланылуы',
 'revoked': 'кері қайтарылған',
 'Revoke': 'Кері қайтару',
 'No tokens.': 'Токендер жоқ.',
 'Import a spreadsheet': 'Кестені импорттау',
 'to': 'дейін',
 'remove filter': 'сүзгіні алып тастау',
 'One act per row. Columns: name, name_ru, name_kk, gender, birth_year, roles, act_type, date, date_end, articles, place, source_url, description, status; several values in one cell separated by “|”; dates as 2018, 2018-03 or 2018-03-21. Rows naming the same person make one person.': 'Әр '
                                                                                                                                                                                                                                                                                             'жолда '
                                                                                                                                                                                                                                                                                             'бір '
                                                                                                                                                                                                                                                                                             'әрекет. '
                                                                                                                                                                                                                                                                                             'Бағандар: '
                                                                                                                                                                                                                                                                                             'name, '
                                                                                                                                                                                                                                                                                             'name_ru, '
                                                                                                                                                                                                                                                                                             'name_kk, '
                                                                                                                                                                                                                                                                                             'gender, '
                                                                                                                                                                                                                                                                                             'birth_year, '
                                                                                                                                                                                                                                                                                             'roles, '
                                                                                                                                                                                                                                                                                             'act_type, '
                                                                                                                                                                                                                                                                                             'date, '
                                                                                                                                                                                                                                                                                             'date_end, '
                                                                                                                                                                                                                                                                                             'articles, '
                                                                                                                                                                                                                                                                                             'place, '
                                                                                                                                                                                                                                                                                             'source_url, '
                                                                                                                                                                                                                                                                                             'description, '
                                                                                                                                                                                                                                                                                             'status; '
                                                                                                                                                                                                                                                                                             'бір '
                                                                                                                                                                                                                                                                                             'ұяшықтағы '
                                                                                                                                                                                                                                                                                             'бірнеше '
                                                                                                                                                                                                                                                                                             'мән '
                                                                                                                                                                                                                                                                                             '«|» '
                                                                                                                                                                                                                                                                                             'арқылы '
                                                                                                                                                                                                                                                                                             'бөлінеді; '
                                                                                                                                                                                                                                                                                             'күндер '
                                                                                                                                                                                                                                                                                             '2018, '
                                                                                                                                                                                                                                                                                             '2018-03 '
                                                                                                                                                                                                                                                                                             'немесе '
                                                                                                                                                                                                                                                                                             '2018-03-21 '
                                                                                                                                                                                                                                                                                             'түрінде. '
                                                                                                                                                                                                                                                                                             'Бір '
                                                                                                                                                                                                                                                                                             'адамды '
                                                                                                                                                                                                                                                                                             'атайтын '
                                                                                                                                                                                                                                                                                             'жолдар '
                                                                                                                                                                                                                                                                                             'бір '
                                                                                                                                                                                                                                                                                             'адам '
                                                                                                                                                                                                                                                                                             'жазбасын '
                                                                                                                                                                                                                                                                                             'құрайды.',
 'Next: match the columns': 'Келесі: бағандарды сәйкестендіру',
 'File: %(name)s (created at level %(level)s). Say what each column holds.': 'Файл: %(name)s (жазбалар %(level)s '
                                                                             'деңгейінде жасалады). Әр бағанда не '
                                                                             'бар екенін көрсетіңіз.',
 'Column in the file': 'Файлдағы баған',
 'Holds': 'Мазмұны',
 '(ignore)': '(өткізіп жіберу)',
 'Preview (nothing is written)': 'Алдын ала қарау (ештеңе жазылмайды)',
 'File: %(name)s (created at level %(level)s).': 'Файл: %(name)s (жазбалар %(level)s деңгейінде жасалады).',
 '%(n)s bad row: nothing will be written until it is fixed': ('%(n)s қате жол: ол түзелмейінше ештеңе жазылмайды',
                                                              '%(n)s қате жол: олар түзелмейінше ештеңе жазылмайды'),
 'What each row will do': 'Әр жолмен не болады',
 'Row': 'Жол',
 'Outcome': 'Нәтиже',
 'Import all rows': 'Барлық жолдарды импорттау',
 'Change the columns': 'Бағандарды өзгерту',
 'Nobody matches these filters.': 'Бұл сүзгілерге ешкім сай келмейді.',
 'This token is not valid, or was revoked.': 'Бұл токен жарамсыз немесе кері қайтарылған.',
 'The API only reads: use GET.': 'API тек оқиды: GET пайдаланыңыз.',
 'limit is a number from 1 to %(max)d.': 'limit — 1-ден %(max)d-ге дейінгі сан.',
 'This cursor was not made by this API; start again without one.': 'Бұл курсорды осы API бермеген; онсыз қайта '
                                                                   'бастаңыз.',
 'No such record.': 'Мұндай жазба жоқ.',
 'Token revoked.': 'Токен кері қайтарылды.',
 'Import cancelled; nothing was written.': 'Импорт тоқтатылды; ештеңе жазылмады.',
 'Give a .csv or .xlsx file.': '.csv немесе .xlsx файлын беріңіз.',
 'The file is larger than %(limit)d MB.': 'Файл %(limit)d МБ-тан үлкен.',
 'The uploaded file is gone; upload it again.': 'Жүктелген файл жоқ болып кетті; оны қайта жүктеңіз.',
 'Imported %(rows)d rows: %(new)d new persons, %(linked)d linked to ours, %(acts)d acts.': '%(rows)d жол '
                                                                                           'импортталды: жаңа '
                                                                                           'адамдар — %(new)d, '
                                                                                           'біздің жазбаларға '
                                                                                           'байланыстырылғаны — '
                                                                                           '%(linked)d, әрекеттер — '
                                                                                           '%(acts)d.'})


KK.update({'On political-prisoner lists': 'Саяси тұтқындар тізімдерінде', 'added': 'енгізілді', 'removed': 'шығарылды', 'criteria': 'өлшемдер', 'Custody episodes': 'Бас бостандығынан айыру кезеңдері'})


# Urgent Action letters, states, consent and the person picker (session 4).
KK.update({
    'Search by name and pick; or type identifiers, separated by commas (per_…).':
        'Аты бойынша тауып таңдаңыз немесе идентификаторларды үтір арқылы жазыңыз (per_…).',
    'Publish although consent to publication is not recorded': 'Жариялауға келісім жазылмаса да жариялау',
    'Only when the person or their family asked for the campaign, or the case is already public.':
        'Адамның өзі немесе отбасы науқанды сұраса не іс бұрыннан жария болса ғана.',
    'Consent to publication is not recorded for %(names)s: a public Urgent Action names them to everyone.':
        'Мына адамдардың жариялауға келісімі жазылмаған: %(names)s. Жария шұғыл әрекет олардың атын бәріне көрсетеді.',
    "Consent to publication is not recorded for %(names)s. Record it on the person's page, keep the Urgent Action internal, or confirm below that it may be published.":
        'Мына адамдардың жариялауға келісімі жазылмаған: %(names)s. Оны адамның бетінде жазыңыз, шұғыл әрекетті '
        'ішкі қалдырыңыз немесе төменде жариялауға болатынын растаңыз.',
    'URGENT ACTION': 'ШҰҒЫЛ ӘРЕКЕТ', 'update %(n)s': '%(n)s-жаңарту', 'issued %(date)s': 'шыққан күні: %(date)s',
    'This Urgent Action is closed. No further appeals are requested.':
        'Бұл шұғыл әрекет жабылды. Жаңа өтініштер қажет емес.',
    'What was asked': 'Не сұралды',
    'Please write immediately in %(languages)s or your own language':
        'Дереу жазыңыз: %(languages)s тілінде немесе өз тіліңізде',
    'Please write immediately': 'Дереу жазыңыз',
    'Please send appeals before %(date)s': 'Өтініштерді %(date)s дейін жіберіңіз',
    'Please send appeals as soon as possible': 'Өтініштерді мүмкіндігінше тез жіберіңіз',
    'Salutation': 'Қаратпа сөз', 'Index': 'Индекс',
    'Please send appeals before %(date)s.': 'Өтініштерді %(date)s дейін жіберіңіз.',
    'Find a person by any spelling…': 'Адамды кез келген жазылуы бойынша табу…', 'No person found.': 'Ешкім табылмады.',
    'No further appeals are requested. Thank you to everyone who wrote.':
        'Жаңа өтініштер қажет емес. Жазған әркімге рахмет.',
    'The deadline has passed': 'Мерзімі өтті',
    'Appeals were asked for before %(date)s. Please check with the issuing organisation before you write.':
        'Өтініштерді %(date)s дейін жіберу сұралған. Жазбас бұрын әрекетті шығарған ұйымнан нақтылаңыз.',
    'This Urgent Action is closed. No further appeals are requested: please do not send this letter.':
        'Бұл шұғыл әрекет жабылды. Жаңа өтініштер қажет емес: бұл хатты жібермеңіз.',
    '%(n)s other entry for this office': ('осы лауазым туралы тағы %(n)s жазба', 'осы лауазым туралы тағы %(n)s жазба'),
    'Find a person by any spelling': 'Адамды кез келген жазылуы бойынша табу',
    'Postal address in Russian': 'Орысша пошта мекенжайы',
    'For letters in Russian; leave empty for an address abroad.': 'Орысша хаттар үшін; шетелдегі мекенжай үшін бос қалдырыңыз.',
    'Postal address in Kazakh': 'Қазақша пошта мекенжайы',
    'For letters in Kazakh; leave empty for an address abroad.': 'Қазақша хаттар үшін; шетелдегі мекенжай үшін бос қалдырыңыз.',
    'Office in Russian': 'Лауазымы орысша', 'Office in Kazakh': 'Лауазымы қазақша',
    'and %(n)s other person whose name is withheld': ('және аты-жөні жария етілмеген тағы %(n)s адам', 'және аты-жөні жария етілмеген тағы %(n)s адам'),
    'Cannot act itself (a UN body, a foreign government, an embassy)':
        'Өзі әрекет ете алмайды (БҰҰ органы, шетел үкіметі, елшілік)',
})


# Consent in public analysis (session 4).
KK.update({
    '%(n)s further person is counted but not named: their consent to publication is not recorded.': (
        'Тағы %(n)s адам есепке алынды, бірақ аты аталмады: жариялауға келісімі жазылмаған.',
        'Тағы %(n)s адам есепке алынды, бірақ аты аталмады: жариялауға келісімі жазылмаған.'),
    'Some people are counted but not named: their consent to publication is not recorded, and the count is too small to show.':
        'Кейбір адамдар есепке алынды, бірақ аты аталмады: жариялауға келісімі жазылмаған, ал саны көрсетуге тым аз.',
    '%(n)s person on the list is not named: their consent to publication is not recorded.': (
        'Тізімдегі %(n)s адамның аты аталмады: жариялауға келісімі жазылмаған.',
        'Тізімдегі %(n)s адамның аты аталмады: жариялауға келісімі жазылмаған.'),
    'Some people on the list are not named: their consent to publication is not recorded, and the count is too small to show.':
        'Тізімдегі кейбір адамдардың аты аталмады: жариялауға келісімі жазылмаған, ал саны көрсетуге тым аз.',
})
# issue 14, session 4 (h14-work): act form, bulk actions, language per user, relatives, photos, places
KK.update({'“%(name)s” names more than one person or organisation: write its id (per_… or org_…) instead.': '«%(name)s» деп бірнеше адам немесе ұйым аталады: оның орнына идентификаторын (per_… немесе org_…) жазыңыз.', 'There is no person or organisation “%(name)s”. Write its name as recorded or its id (per_… or org_…), or add it first.': '«%(name)s» деген адам немесе ұйым жоқ. Атын жазылғандай немесе идентификаторын (per_… немесе org_…) жазыңыз, не алдымен оны қосыңыз.', '“%(role)s” is not one of: %(choices)s.': '«%(role)s» мыналардың бірі емес: %(choices)s.', 'Persons or organisations, by name or id, each with its role after a colon, for example: Almaty city police:carried_out, per_…:ordered. Roles: %(roles)s.': 'Адамдар немесе ұйымдар — аты не идентификаторы бойынша, рөлі қос нүктеден кейін, мысалы: Алматы қаласының полициясы:carried_out, per_…:ordered. Рөлдер: %(roles)s.', 'Source': 'Дереккөз', 'The document that reports this act.': 'Бұл әрекет туралы хабарлайтын құжат.', 'Page': 'Бет', 'The words of the source that report it (up to 500 characters).': 'Дереккөздің бұл туралы хабарлайтын сөздері (500 таңбаға дейін).', 'Choose the document the page or passage is from.': 'Бет не үзінді алынған құжатты таңдаңыз.', 'Select': 'Таңдау', 'With the ticked proposals': 'Белгіленген ұсыныстармен', 'waiting for review': 'тексеруді күтуде', 'Merge two persons': 'Екі адамды біріктіру', "The resolver's probability that these records are one person: %(p)s.": 'Бұл жазбалардың бір адам екенінің ықтималдығы (салыстыру бағасы бойынша): %(p)s.', 'Why they are one person (kept with the judgement)': 'Неге бұл бір адам (шешіммен бірге сақталады)', 'The older record, %(kept)s, is kept; the merge can be undone from the resolution page.': 'Ескі жазба, %(kept)s, сақталады; біріктіруді салыстыру бетінде болдырмауға болады.', 'Merge': 'Біріктіру', 'With the ticked rows': 'Белгіленген жолдармен', 'Level': 'Деңгей', 'Set the level': 'Деңгейді белгілеу', 'Add to the list': 'Тізімге қосу', 'Merge the two ticked persons': 'Белгіленген екі адамды біріктіру', 'You may not set a level above your own clearance.': 'Өз рұқсатыңыздан жоғары деңгей белгілей алмайсыз.', 'Tick two different persons.': 'Екі түрлі адамды белгілеңіз.', 'Choose what to do with the ticked rows.': 'Белгіленген жолдармен не істеу керектігін таңдаңыз.', 'Tick at least one row.': 'Кемінде бір жолды белгілеңіз.', 'At most %(n)d rows at a time.': 'Бір рет ең көбі %(n)d жол.', 'Some ticked rows are not available to you (above your clearance, deleted or unknown). Nothing was changed.': 'Белгіленген кейбір жолдар сізге қолжетімсіз (рұқсатыңыздан жоғары, жойылған немесе белгісіз). Ештеңе өзгертілген жоқ.', 'Rows whose level changed: %(n)d.': 'Деңгейі өзгерген жолдар: %(n)d.', 'Choose a list.': 'Тізімді таңдаңыз.', 'Added to %(list)s: %(n)d.': '«%(list)s» тізіміне қосылды: %(n)d.', 'Proposals accepted: %(n)d.': 'Қабылданған ұсыныстар: %(n)d.', 'Proposals rejected: %(n)d.': 'Қабылданбаған ұсыныстар: %(n)d.', 'Tick exactly two persons to merge.': 'Біріктіру үшін дәл екі адамды белгілеңіз.', '%(other)s is merged into %(kept)s.': '%(other)s мен %(kept)s біріктірілді.'})

KK.update({'The file is empty.': 'Файл бос.', 'The file is larger than 10 MB.': 'Файл 10 МБ-тан үлкен.', 'Only photos (JPEG, PNG, GIF, WebP) and PDF files can be attached.': 'Тек фотосуреттерді (JPEG, PNG, GIF, WebP) және PDF файлдарын тіркеуге болады.', 'Photo or file': 'Фотосурет немесе файл', 'JPEG, PNG, GIF, WebP or PDF, at most 10 MB. Stored encrypted.': 'JPEG, PNG, GIF, WebP немесе PDF, ең көбі 10 МБ. Шифрланып сақталады.', 'Caption': 'Жазу', 'No such attachment.': 'Мұндай тіркеме жоқ.', 'The file is not in the files directory.': 'Файл файлдар каталогында жоқ.', 'Attachment added.': 'Тіркеме қосылды.', 'Nothing was attached: %(errors)s': 'Ештеңе тіркелмеді: %(errors)s', 'Attachment removed.': 'Тіркеме жойылды.', 'This person is': 'Бұл адам —', 'Of': 'Кімнің', "A person's name as recorded, or their id.": 'Адамның жазылған аты немесе идентификаторы.', 'client of': 'қорғалушысы', 'Relative added.': 'Туысы қосылды.', 'The relative was not added: %(errors)s': 'Туысы қосылмады: %(errors)s', 'No such link.': 'Мұндай байланыс жоқ.', 'Relative removed.': 'Туысы жойылды.', 'Relatives': 'Туыстары', 'Remove': 'Жою', 'Add a relative': 'Туысын қосу', 'Photos and attachments': 'Фотосуреттер мен тіркемелер', 'Attach': 'Тіркеу'})

KK.update({'Menu': 'Мәзір', 'Any kind': 'Кез келген түрі', '%(n)s place': ('%(n)s орын', '%(n)s орын'), 'No place matches.': 'Сәйкес орын жоқ.', 'Act group': 'Әрекеттер тобы', 'Act type': 'Әрекет түрі', 'On the list': 'Тізімде', 'CSV or XLSX file': 'CSV немесе XLSX файлы', 'Level of what is created': 'Жасалатын жазбалардың деңгейі'})

# Act types and groups (records/models/acts.py ACT_TYPE_LABELS, GROUP_LABELS)
KK.update({'detained': 'ұстау', 'arrested': 'қамауға алу', 'pretrial detention': 'сотқа дейін күзетпен ұстау', 'imprisoned': 'бас бостандығынан айыру', 'tried': 'сот процесі', 'civil lawsuit': 'азаматтық талап', 'sentenced': 'үкім', 'fined': 'айыппұл', 'sentence increased': 'жазаны ауырлату', 'released': 'босату', 'sentence reduced': 'жазаны жеңілдету', 'paroled': 'шартты түрде мерзімінен бұрын босату', 'summoned': 'шақыру', 'interrogated': 'жауапқа алу', 'searched': 'тінту', 'threatened': 'қорқыту', 'surveilled': 'аңду', 'device seized': 'құрылғыларды алу', 'assets frozen': 'мүлікке тыйым салу', 'dismissed': 'жұмыстан шығару', 'travel restricted': 'шетелге шығуға тыйым', 'attacked': 'шабуыл', 'property damaged': 'мүлікті бүлдіру', 'account hacked': 'аккаунтты бұзу', 'parole denied': 'ШМБ-дан бас тарту', 'extradition sought': 'экстрадиция сұрау', 'ill treatment': 'қатыгез қарау', 'death in custody': 'қамауда қайтыс болу', 'banned': 'тыйым салу', 'closed': 'жабылды', 'blocked': 'бұғаттау', 'registration denied': 'тіркеуден бас тарту', 'suspended': 'қызметін тоқтата тұру', 'Deprivation of liberty': 'Бас бостандығынан айыру', 'Prosecution': 'Қылмыстық қудалау', 'Release': 'Босату', 'Harassment': 'Қысым көрсету', 'Violence': 'Зорлық-зомбылық', 'Acts against organisations': 'Ұйымдарға қарсы әрекеттер'})


KK.update({'One of the two records changed since you read the evidence: nothing was merged. Tick them again to read it anew.': 'Дәлелдерді оқып отырғанда екі жазбаның бірі өзгерді: ештеңе біріктірілмеді. Қайта оқу үшін оларды қайтадан белгілеңіз.'})
KK.update({'A record changed since you read the evidence: nothing was merged. Read the pair anew.': 'Дәлелдерді оқып отырғанда жазба өзгерді: ештеңе біріктірілмеді. Жұпты қайта ашыңыз.'})
KK.update({'Someone else judged this pair while you were reading it: your judgement was not recorded.': 'Сіз оқып отырғанда бұл жұп туралы басқа біреу шешім шығарды: сіздің шешіміңіз жазылмады.'})

def main():
    missing = fill("kk", KK)
    if missing:
        print("untranslated:", *missing, sep="\n  ")
        return 1
    return 0

KK.update({'A request may not contain a NUL character.': 'Сұрауда NUL таңбасы болмауы керек.'})

KK.update({'The browser takes at most %(rows)s rows; on the server, an administrator can import larger tables with qorgau import-table.': 'Браузер арқылы ең көбі %(rows)s жол жүктеуге болады; бұдан үлкен кестелерді әкімші серверде qorgau import-table командасымен жүктей алады.'})

KK.update({'Another upload replaced the file this page was for: nothing was written. Check the columns and the preview of the current file.': 'Бұл бет арналған файлды басқа жүктеу алмастырды: ештеңе жазылмады. Қазіргі файлдың бағандары мен алдын ала көрінісін тексеріңіз.'})

KK.update({'This photo cannot be shown: its file is damaged.': 'Бұл фотосуретті көрсету мүмкін емес: оның файлы бүлінген.', "The photo's file is damaged: it was not attached.": 'Фотосурет файлы бүлінген: ол тіркелмеді.', 'Someone changed %(uids)s since you read the list: no level was set. Read the list again.': 'Сіз тізімді ашқаннан кейін біреу %(uids)s өзгертті: деңгей қойылмады. Тізімді қайта ашыңыз.', 'This form does not say when the list was read: no level was set. Read the list again.': 'Пішінде тізімнің қашан оқылғаны көрсетілмеген: деңгей қойылмады. Тізімді қайта ашыңыз.'})

KK.update({'term served': 'жаза мерзімі өтелді', 'non-custodial sentence': 'бас бостандығынан айыруға байланысты емес жаза', 'taken into custody': 'қамауға алынды'})  # custody end reasons (session 12 review)

KK.update({'Someone changed this entry since you read the list: nothing was written.': 'Тізімді ашқаннан кейін біреу бұл жазбаны өзгертті: ештеңе жазылмады.'})  # list entry change (session 12)

KK.update({'Licence': 'Лицензия'})  # open-data page (session 12)

KK.update({'No such saved chart.': 'Мұндай сақталған диаграмма жоқ.'})  # briefing page (session 12)

KK.update({'The PDF file is damaged or protected by a password: it was not attached.': 'PDF файлы бүлінген немесе құпиясөзбен қорғалған: ол тіркелмеді.', 'This file cannot be shown: it is damaged.': 'Бұл файлды көрсету мүмкін емес: ол бүлінген.', 'The list of persons is too long: give at most %(n)s record ids.': 'Адамдар тізімі тым ұзын: %(n)s-ден аспайтын жазба идентификаторын көрсетіңіз.'})  # PDF attachments, briefing page (session 13)

KK.update({'At most %(most)s persons by id in one briefing; %(n)s were given. Use a list or the statistics filter for more.': 'Бір анықтамада идентификатор бойынша ең көбі %(most)s адам; %(n)s көрсетілді. Көбірек болса, тізімді немесе статистика сүзгісін пайдаланыңыз.', 'No such person: %(ids)s and %(n)s more.': 'Мұндай адам жоқ: %(ids)s және тағы %(n)s.', 'No such person: %(ids)s.': 'Мұндай адам жоқ: %(ids)s.', 'Consent to publication is not recorded for %(ids)s: a public briefing does not name them.': '%(ids)s үшін жариялауға келісім жазылмаған: ашық анықтама оларды атамайды.', 'No list “%(list)s” with current entries.': 'Ағымдағы жазбалары бар «%(list)s» тізімі жоқ.', '%(n)s persons are chosen; a briefing holds at most %(most)s. Narrow the choice with the statistics filter (an article, a region, dates).': 'Таңдалған адамдар: %(n)s; анықтамаға ең көбі %(most)s сыяды. Таңдауды статистика сүзгісімен тарылтыңыз (бап, өңір, күндер).'})  # briefing selection messages (session 14 audit)

KK.update({'Change your password': 'Құпиясөзді өзгерту', 'Current password': 'Қазіргі құпиясөз', 'New password': 'Жаңа құпиясөз', 'The new password again': 'Жаңа құпиясөз тағы бір рет', 'Change password': 'Құпиясөзді өзгерту', 'When the password changes, every other session signed in as you ends (this one stays), and your read-API tokens are revoked.': 'Құпиясөз өзгергенде сіздің атыңыздан ашылған басқа сеанстардың бәрі аяқталады (осы сеанс қалады), ал оқуға арналған API токендеріңіз кері қайтарылады.', 'You have %(n)s live token.': ('Сізде %(n)s жарамды токен бар.', 'Сізде %(n)s жарамды токен бар.'), 'Forgot your password? An administrator sets a new one with `qorgau users set-password NAME`.': 'Құпиясөзді ұмыттыңыз ба? Әкімші жаңасын `qorgau users set-password АТЫ` командасымен орнатады.', 'That is not your current password: nothing was changed.': 'Бұл сіздің қазіргі құпиясөзіңіз емес: ештеңе өзгертілмеді.', 'The two new passwords differ: nothing was changed.': 'Екі жаңа құпиясөз сәйкес келмейді: ештеңе өзгертілмеді.', 'The new password is the same as the current one: nothing was changed.': 'Жаңа құпиясөз қазіргісімен бірдей: ештеңе өзгертілмеді.', 'Your password is changed. Other sessions ended: %(sessions)d; read-API tokens revoked: %(tokens)d.': 'Құпиясөз өзгертілді. Аяқталған басқа сеанстар: %(sessions)d; кері қайтарылған API токендері: %(tokens)d.'})  # password change page (session 16)

KK.update({"Resolution run finished. The pairs you may read are in the queue; linked records show on the persons' pages.": 'Салыстыру аяқталды. Сізге қолжетімді жұптар кезекте; біріктірілген жазбалар адамдардың беттерінде көрінеді.'})  # resolution run, uncleared reader (session 16)

if __name__ == "__main__":
    sys.exit(main())
