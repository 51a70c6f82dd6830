"""Russian translations of the interface; `python tools/translations_ru.py` fills locale/ru and compiles it.

Kept as a table so that a translator can review it in one place; the .po file
is regenerated from the code first (`python tools/translations.py --extract`).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translations import fill  # noqa: E402

RU = {
    "Administrator": "Администратор", "Editor": "Редактор", "Reviewer": "Рецензент", "Campaigner": "Кампании",
    "Viewer": "Читатель", "May read confidential records and fields.": "Может читать конфиденциальные записи и поля.",
    "Open": "Открыта", "Updated": "Обновлена", "Closed": "Закрыта", "No response": "Нет ответа", "Denied": "Отказ",
    "Token response": "Формальный ответ", "Investigation opened": "Начато расследование",
    "Person released": "Человек освобождён", "Letter": "Письмо", "Email": "Эл. почта", "Fax": "Факс",
    "Call": "Звонок", "Tweet": "Твит", "Other social media": "Другие соцсети",
    "As NGOs write it: 63/18.": "Как пишут НКО: 63/18.", "Published": "Опубликован", "Publisher": "Издатель",
    "Title": "Название", "Language": "Язык", "Kind": "Вид", "Reliability": "Надёжность",
    "Address (URL)": "Адрес (URL)", "Index number": "Индекс", "Text": "Текст", "Who may see it": "Кто может видеть",
    "Report": "Доклад", "Urgent action": "Срочная акция", "News article": "Новость", "Court paper": "Судебный документ",
    "Social-media post": "Пост в соцсети", "Testimony": "Свидетельство", "Web page": "Веб-страница", "Other": "Другое",
    "Highly reliable": "Вполне надёжен", "Mostly reliable": "В основном надёжен", "Fairly reliable": "Достаточно надёжен",
    "Not usually reliable": "Обычно ненадёжен", "Highly unreliable": "Совсем ненадёжен", "Unknown": "Неизвестно",
    "Nothing to review": "Проверять нечего", "Awaiting review": "Ждёт проверки", "Reviewed": "Проверен",
    "The publisher's index number.": "Индекс документа у издателя.", "Document saved.": "Документ сохранён.",
    "New document": "Новый документ",
    "A year (2018), a month (2018-03) or a day (2018-03-21).": "Год (2018), месяц (2018-03) или день (2018-03-21).",
    "Roles": "Роли", "Home place": "Место жительства", "Primary name": "Основное имя", "Given name": "Имя",
    "Family name": "Фамилия", "Patronymic": "Отчество", "Gender": "Пол", "Birth year": "Год рождения",
    "Consent to publication": "Согласие на публикацию", "Contact details (confidential)": "Контакты (конфиденциально)",
    "Notes": "Заметки", "Who may see this person": "Кто может видеть этого человека",
    "A birth year between 1900 and today, please.": "Укажите год рождения между 1900 и текущим годом.",
    "This person refused publication: they cannot be public.": "Человек отказался от публикации: запись не может быть публичной.",
    "Name": "Имя", "Alias": "Другое имя", "Transliteration": "Транслитерация", "Misspelling": "Опечатка",
    "Maiden name": "Девичья фамилия", "Place": "Место", "Web site": "Сайт", "Start": "Начало", "End": "Конец",
    "Type": "Тип", "Places": "Места", "Description": "Описание",
    "The end cannot come before the start.": "Конец не может быть раньше начала.",
    "Code": "Кодекс", "Article": "Статья", "Part": "Часть", "Edition": "Редакция",
    "Title (English)": "Название (англ.)", "Title (Russian)": "Название (рус.)", "Title (Kazakh)": "Название (каз.)",
    "There is no provision %(uid)s. Write it like CC-174 or AOC-488, or add it on the provisions page first.":
        "Нормы %(uid)s нет. Пишите как CC-174 или AOC-488 или сначала добавьте её на странице норм.",
    "“%(relation)s” is not one of: %(choices)s.": "«%(relation)s» — не одно из: %(choices)s.",
    "What was done": "Что было сделано", "Date": "Дата", "Until": "До", "Provisions": "Нормы",
    "For example: CC-174:charged, CC-274:convicted": "Например: CC-174:charged, CC-274:convicted",
    "Penalty": "Наказание", "Amount": "Размер", "Unit": "Единица", "days": "дней", "months": "месяцев",
    "years": "лет", "MCI": "МРП", "Alleged": "Утверждается", "Confirmed": "Подтверждено", "Disputed": "Оспаривается",
    "Status": "Статус", "Say what kind of penalty this amount is.": "Укажите вид наказания для этого размера.",
    "Say whether the amount is in days, months, years or money.": "Укажите, в чём размер: дни, месяцы, годы или деньги.",
    "Suggested": "Предложено", "Accepted": "Принято", "Rejected": "Отклонено", "suspected": "подозревается",
    "charged": "обвинён", "convicted": "осуждён", "acquitted": "оправдан", "dropped": "обвинение снято",
    "imprisonment": "лишение свободы", "restriction of freedom": "ограничение свободы",
    "suspended sentence": "условный срок", "administrative detention": "административный арест", "fine": "штраф",
    "activity ban": "запрет деятельности", "internet ban": "запрет интернета",
    "compulsory treatment": "принудительное лечение", "other": "другое", "ordered": "приказал",
    "carried out": "исполнил", "investigated": "расследовал", "prosecuted": "обвинял", "judged": "судил",
    "complained": "заявитель", "failed to act": "бездействовал", "Public": "Публично", "Internal": "Внутреннее",
    "Confidential": "Конфиденциально", "Latin": "Латиница", "Cyrillic": "Кириллица", "English": "Английский",
    "Russian": "Русский", "Kazakh": "Казахский", "Primary": "Основное", "Abbreviation": "Сокращение",
    "Former name": "Прежнее название", "Protest": "Протест", "Dispersal of a protest": "Разгон протеста",
    "Trial": "Суд", "Raid": "Обыск", "Ban": "Запрет", "Crackdown": "Репрессии",
    "Internet disruption": "Сбой интернета", "Legislation": "Законодательство", "precedes": "предшествует",
    "causes": "вызывает", "part of": "часть", "follows": "следует за", "consequence of": "следствие",
    "parallel to": "параллельно с", "NGO": "НКО", "Party or movement": "Партия или движение",
    "Media outlet": "СМИ", "State body": "Госорган", "Court": "Суд", "Police unit": "Полиция",
    "Prosecutor's office": "Прокуратура", "Security service": "Спецслужба", "Company": "Компания",
    "International body": "Международная организация", "Female": "Женский", "Male": "Мужской",
    "Granted": "Дано", "Refused": "Отказ", "Activist": "Активист", "Blogger": "Блогер", "Journalist": "Журналист",
    "Human rights defender": "Правозащитник", "Lawyer": "Адвокат", "Politician": "Политик",
    "Official": "Должностное лицо", "Judge": "Судья", "Prosecutor": "Прокурор", "Investigator": "Следователь",
    "Police": "Полиция", "Doctor": "Врач", "Businessperson": "Предприниматель", "Relative": "Родственник",
    "Witness": "Свидетель", "The primary name, as most sources write it.": "Основное имя, как его пишет большинство источников.",
    "child of": "ребёнок", "parent of": "родитель", "sibling of": "брат или сестра", "spouse of": "супруг(а)",
    "relative of": "родственник", "lawyer of": "адвокат", "colleague of": "коллега", "Country": "Страна",
    "Region": "Область", "City": "Город", "District": "Район", "Village": "Село", "Facility": "Учреждение",
    "Site": "Место", "Criminal Code": "Уголовный кодекс", "Code of Administrative Offences": "Кодекс об административных правонарушениях",
    "Code of Criminal Procedure": "Уголовно-процессуальный кодекс", "Constitution": "Конституция",
    "Political prisoner": "Политзаключённый", "Prisoner of conscience": "Узник совести",
    "Your role does not allow this.": "Ваша роль этого не позволяет.", "Person added.": "Человек добавлен.",
    "New person": "Новый человек", "Changes saved.": "Изменения сохранены.", "Edit %(name)s": "Правка: %(name)s",
    "Name added.": "Имя добавлено.", "The name was not added: %(errors)s": "Имя не добавлено: %(errors)s",
    "Person deleted.": "Запись удалена.", "Act recorded.": "Действие записано.",
    "New act against %(name)s": "Новое действие против: %(name)s", "Edit act": "Правка действия",
    "Organisation added.": "Организация добавлена.", "New organisation": "Новая организация",
    "Event saved.": "Событие сохранено.", "New event": "Новое событие", "Provision added.": "Норма добавлена.",
    "New provision": "Новая норма", "Same person": "Один человек", "Different people": "Разные люди",
    "Unsure": "Не уверен", "Dashboard": "Обзор", "Persons": "Персоны", "Organisations": "Организации",
    "Events": "События", "Documents": "Документы", "cleared": "допуск", "Sign out": "Выйти", "Sign in": "Войти",
    "Address": "Адрес", "Edit": "Править", "What this document supports": "Что подтверждает этот документ",
    "Record": "Запись", "Passage": "Фрагмент", "Review": "Проверка", "characters": "символы", "page": "стр.",
    "the document as a whole": "документ целиком", "No records cite this document yet.": "Пока ни одна запись не ссылается на документ.",
    "Add a document": "Добавить документ", "Words in the title or text": "Слова из названия или текста",
    "Search documents": "Поиск документов", "Search": "Поиск", "Nothing found.": "Ничего не найдено.",
    "Sources": "Источники", "suggested": "предложено", "previous": "назад", "page %(n)s of %(total)s": "стр. %(n)s из %(total)s",
    "next": "вперёд", "When": "Когда", "Counted victims": "Подсчитанные пострадавшие", "at least": "не менее",
    "Chain of events": "Цепочка событий", "Acts": "Действия", "No named victims recorded.": "Поимённо пострадавшие не записаны.",
    "Add an event": "Добавить событие", "Search events": "Поиск событий", "Event": "Событие", "Save": "Сохранить",
    "Cancel": "Отмена", "Also written": "Другие написания", "People": "Люди",
    "Record an act against it": "Записать действие против неё", "What was done to it": "Что с ней сделали",
    "Involved as perpetrator": "Участвовал как исполнитель", "Add an organisation": "Добавить организацию",
    "Search organisations": "Поиск организаций", "Other names": "Другие имена", "Born": "Родился(ась)",
    "Home": "Место жительства", "Affiliations": "Связи", "Relations": "Родство", "Recognised": "Признан(а)",
    "Contact": "Контакты", "confidential": "конфиденциально", "Urgent Action": "Срочная акция",
    "Record an act": "Записать действие", "Add another spelling": "Добавить написание", "Add name": "Добавить имя",
    "Timeline": "Хронология", "edit": "править", "No acts recorded.": "Действий не записано.",
    "Add a person": "Добавить человека", "Any spelling, Latin or Cyrillic": "Любое написание, латиницей или кириллицей",
    "Search persons": "Поиск людей", "Nobody matches “%(q)s”.": "Никто не найден по запросу «%(q)s».",
    "No persons yet.": "Пока никого нет.", "In": "В", "Also called": "Другие названия", "former": "прежнее",
    "Acts here": "Действия здесь", "None recorded.": "Ничего не записано.", "part": "часть",
    "Acts under this provision": "Действия по этой норме", "Legal provisions": "Правовые нормы",
    "Add a provision": "Добавить норму", "Search provisions": "Поиск норм", "Provision": "Норма",
    "Perpetrators": "Исполнители", "internal": "внутреннее", "Find a person by any spelling": "Найти человека по любому написанию",
    "Currently deprived of liberty": "Сейчас лишены свободы", "Person": "Человек", "Since": "С",
    "Nobody recorded.": "Никто не записан.", "Documents awaiting review": "Документы на проверке",
    "Nothing awaits review.": "Проверять нечего.", "Urgent Actions": "Срочные акции", "deadline": "срок",
    "None.": "Нет.", "Recently recorded acts": "Недавно записанные действия",
    "Persecution documented": "Преследования задокументированы",
    "Qorgau: documented persecution of activists, journalists and bloggers": "Qorgau: задокументированные преследования активистов, журналистов и блогеров",
    "This public site shows only records the monitors have made public: %(person_count)s persons.":
        "Этот публичный сайт показывает только записи, открытые мониторами: людей — %(person_count)s.",
    "Recent acts": "Недавние действия", "Nothing yet.": "Пока ничего.", "update": "обновление",
    "That user name and password do not match. Please try again.": "Имя пользователя и пароль не совпадают. Попробуйте ещё раз.",
    "User name": "Имя пользователя", "Password": "Пароль", "date unknown": "дата неизвестна",
    "Ask with at most 200 characters.": "Запрос — не больше 200 символов.", "No such person.": "Такого человека нет.",
    "Not found.": "Не найдено.", "Not found": "Не найдено",
    "There is nothing here, or you may not see it.": "Здесь ничего нет, или у вас нет доступа.",
    "Not allowed.": "Не разрешено.", "Not allowed": "Не разрешено",
    "Something went wrong; nothing was changed.": "Что-то пошло не так; ничего не изменено.",
    "Something went wrong": "Что-то пошло не так", "Nothing was changed. Please try again.": "Ничего не изменено. Попробуйте ещё раз.",
    # Urgent Actions
    "Number": "Номер", "Headline": "Заголовок", "Issue date": "Дата выпуска", "Deadline": "Срок",
    "Persons concerned": "Кого касается", "Identifiers, separated by commas (per_…).": "Идентификаторы через запятую (per_…).",
    "Acts concerned": "Какие действия", "What to ask for": "О чём просить", "One request per line.": "Одна просьба в строке.",
    "Background": "Предыстория", "Languages for appeals": "Языки обращений", "Write to": "Кому писать",
    "No such person: %(uids)s.": "Нет такого человека: %(uids)s.", "Say at least one thing to ask for.": "Укажите хотя бы одну просьбу.",
    "The deadline cannot come before the issue date.": "Срок не может быть раньше даты выпуска.",
    "Authorities' response": "Ответ властей", "Impact": "Результат", "What did you do?": "Что вы сделали?",
    "How many?": "Сколько?", "Your country (optional)": "Ваша страна (необязательно)",
    "Two letters, e.g. DE. Nothing else about you is asked or kept.": "Две буквы, например DE. Больше мы ничего о вас не спрашиваем и не храним.",
    "Postal address": "Почтовый адрес", "One line per line.": "Каждая строка адреса — с новой строки.",
    "Emails": "Эл. почта", "Separated by commas.": "Через запятую.", "Holds the office from": "В должности с",
    "Office": "Должность", "Holder": "Кто занимает", "Phone": "Телефон", "Salutation (English)": "Обращение (англ.)",
    "Salutation (Russian)": "Обращение (рус.)", "Salutation (Kazakh)": "Обращение (каз.)",
    "%(names)s at risk": "%(names)s в опасности", "New Urgent Action": "Новая срочная акция",
    "Urgent Action saved.": "Срочная акция сохранена.", "Edit UA %(number)s": "Правка UA %(number)s",
    "Update to UA %(number)s": "Обновление UA %(number)s", "Response recorded.": "Ответ записан.",
    "The response was not recorded: %(errors)s": "Ответ не записан: %(errors)s", "No such language.": "Такого языка нет.",
    "No such target for this Urgent Action.": "У этой акции нет такого адресата.",
    "Thank you — that is a lot of actions": "Спасибо — это много действий",
    "We have received many reports from your connection just now. Please try again in a few minutes.":
        "С вашего подключения только что пришло много сообщений. Попробуйте через несколько минут.",
    "Thank you. Your action has been counted.": "Спасибо. Ваше действие учтено.", "New target": "Новый адресат",
    "Target saved.": "Адресат сохранён.", "Edit target": "Правка адресата", "Actions reported over time": "Действия по дням",
    "%(total)s actions reported, %(first)s to %(last)s.": "Сообщено действий: %(total)s, с %(first)s по %(last)s.",
    "issued": "выпущена", "Please write": "Пожалуйста, напишите", "before": "до",
    "Additional information": "Дополнительная информация", "Printable page": "Версия для печати",
    "Let us know you took action": "Сообщите нам, что вы сделали", "Count my action": "Учесть моё действие",
    "Actions so far": "Действий на сегодня", "Letter to": "Письмо:", "To paste into an email:": "Для вставки в письмо:",
    "Offices to write to": "Адресаты", "Add an office": "Добавить адресата", "Valid": "Действует",
    "PDF": "PDF", "Public action page": "Публичная страница акции", "Issue an update": "Выпустить обновление",
    "Versions": "Версии", "original": "исходная", "Actions reported by supporters": "Действия сторонников",
    "Afterwards": "Итоги", "Issued": "Выпущена", "None yet.": "Пока нет.", "Start an Urgent Action": "Начать срочную акцию",
    # Documents and review
    "No such Urgent Action.": "Такой срочной акции нет.", "Entered by hand": "Введён вручную", "Waiting": "В очереди",
    "Reading": "Чтение", "Finding facts": "Поиск фактов", "Done": "Готово", "Failed": "Ошибка",
    "Percent done while processing.": "Процент выполнения обработки.",
    "Offsets where each page starts.": "Смещения начала страниц.", "(offset, footnote number) pairs.": "Пары (смещение, номер сноски).",
    "%(count)s proposals accepted; the document is reviewed.": "Принято предложений: %(count)s; документ проверен.",
    "The file is %(size).1f MB; the limit is %(limit)d MB.": "Файл весит %(size).1f МБ; предел — %(limit)d МБ.",
    "This file is already here.": "Этот файл уже загружен.", "Add documents": "Добавить документы", "Accept": "Принять",
    "Reject": "Отклонить", "correct": "исправить", "This file could not be read:": "Этот файл не удалось прочитать:",
    "Read and analysed.": "Прочитан и разобран.", "Review the proposals": "Проверить предложения", "Pages": "Страницы",
    "Footnotes": "Сноски", "Document": "Документ", "Added": "Добавлен",
    "%(waiting)s proposal waits for a decision.": "Предложений, ждущих решения: %(waiting)s.",
    "%(waiting)s proposals wait for a decision.": "Предложений, ждущих решения: %(waiting)s.",
    "Accept all remaining, having read the document": "Принять все оставшиеся (документ прочитан)",
    "%(office)s is in the directory of targets.": "%(office)s — в справочнике адресатов.",
    "In the directory of targets": "В справочнике адресатов",
    "This document's text is above your clearance; a cleared reviewer must review it.":
        "Текст этого документа выше вашего допуска; его должен проверить сотрудник с допуском.",
    "Add to the directory of targets": "Добавить в справочник адресатов",
    "Persons named": "Названные люди", "Organisations and places": "Организации и места",
    "The review queue": "Очередь на проверку", "File": "Файл",
    "PDF, DOCX, HTML, Markdown or plain text.": "PDF, DOCX, HTML, Markdown или простой текст.", "Detect": "Определить",
    "No such proposal.": "Такого предложения нет.", "Accept or reject.": "Примите или отклоните.",
    # Resolution
    "Set when a reviewer merged this record into another; undone by unmerge.":
        "Заполняется, когда рецензент объединил эту запись с другой; отменяется разъединением.",
    "Say same, different or unsure.": "Укажите: один человек, разные люди или не уверены.",
    "Judgement recorded.": "Решение записано.", "Unmerged: the two records are separate again.": "Записи снова разделены.",
    "Possibly the same as": "Возможно, тот же человек, что и", "Same": "Один человек", "Different": "Разные люди",
    "Merged from": "Объединено с", "Unmerge": "Разъединить", "Possibly the same person": "Возможно, один человек",
    "Score": "Оценка", "Evidence": "Основания", "Nothing to judge.": "Решать нечего.",
    # Emergency lock (qorgau/keys)
    "Emergency lock": "Экстренная блокировка", "Locked": "Заблокировано", "Qorgau is locked": "Qorgau заблокирован",
    "This ends every session, including yours, and locks the keys: nobody can read the data until someone with "
    "the master key runs “qorgau unlock”. If the master key also lives outside the data directory, the copy "
    "inside it is deleted.": "Все сеансы, включая ваш, будут завершены, а ключи заблокированы: никто не сможет "
    "прочитать данные, пока человек с мастер-ключом не выполнит «qorgau unlock». Если мастер-ключ хранится и вне "
    "каталога данных, копия внутри каталога будет удалена.",
    "Type %(confirmation)s to confirm": "Введите %(confirmation)s для подтверждения",
    "Lock everything now": "Заблокировать всё сейчас",
    "Qorgau is locked. An administrator with the master key can unlock it.":
        "Qorgau заблокирован. Разблокировать может администратор с мастер-ключом.",
}

# Versions (no lost edit), soft delete and restore.
RU.update({
    "Not saved: someone saved this record after you opened it. Changed since: %(changed)s. "
    "Open the page again to edit the current version.":
        "Не сохранено: после того как вы открыли запись, её сохранил кто-то другой. С тех пор изменено: "
        "%(changed)s. Откройте страницу заново, чтобы править текущую версию.",
    "now: “%(value)s”": "сейчас: «%(value)s»", "now: withheld": "сейчас: скрыто",
    "%(field)s (by %(who)s at %(when)s; %(now)s)": "%(field)s (%(who)s, %(when)s; %(now)s)",
    "its links or level": "связи или уровень доступа", "Not deleted: %(reason)s": "Не удалено: %(reason)s",
    "Person deleted. An administrator can restore it from the list of deleted records.":
        "Человек удалён. Администратор может восстановить запись из списка удалённых.",
    "(withheld)": "(скрыто)", "%(uid)s restored.": "%(uid)s восстановлена.", "Deleted records": "Удалённые записи",
    "A deleted record is hidden from every page, search, export and the API. Restoring it brings back what was "
    "deleted with it (its acts, names and links) and the fields cleared on other records.":
        "Удалённая запись скрыта со всех страниц, из поиска, экспорта и API. Восстановление возвращает и то, что "
        "было удалено вместе с ней (её действия, имена и связи), и поля, очищенные в других записях.",
    "Record": "Запись", "Deleted": "Удалена", "With it": "Вместе с ней", "Restore": "Восстановить",
    "Nothing is deleted.": "Ничего не удалено.",
})


# Sign-in, two factors, sessions, reporting limits (issue 10).
RU.update({
    "Sign in: second step": "Вход: второй шаг",
    "The 6-digit code from your authenticator app, or one of your recovery codes":
        "6-значный код из приложения-аутентификатора или один из резервных кодов",
    "Lost your phone and your recovery codes? An administrator can reset your second factor with `qorgau users reset-two-factor`.":
        "Потеряли телефон и резервные коды? Администратор может сбросить второй фактор командой `qorgau users reset-two-factor`.",
    "Set up two-factor sign-in": "Настройка двухфакторного входа",
    "Your account can read confidential records or administer Qorgau, so signing in needs a second step: a code from an authenticator app on your phone (for example FreeOTP, Aegis or Google Authenticator).":
        "Ваша учётная запись может читать конфиденциальные записи или управлять Qorgau, поэтому для входа нужен второй "
        "шаг: код из приложения-аутентификатора на телефоне (например, FreeOTP, Aegis или Google Authenticator).",
    "Open your authenticator app and scan this code:": "Откройте приложение-аутентификатор и отсканируйте этот код:",
    "Or type this key into the app:": "Или введите в приложение этот ключ:",
    "Type the 6-digit code the app shows:": "Введите 6-значный код, который показывает приложение:",
    "6-digit code": "6-значный код", "Confirm": "Подтвердить",
    "Your recovery codes": "Ваши резервные коды",
    "Two-factor sign-in is set up": "Двухфакторный вход настроен",
    "Keep these recovery codes somewhere safe, away from your phone (on paper, for example). Each one lets you sign in once without the app. They are shown only now.":
        "Храните эти резервные коды в надёжном месте, отдельно от телефона (например, на бумаге). Каждый позволяет "
        "один раз войти без приложения. Они показываются только сейчас.",
    "I have kept them: continue": "Я их сохранил(а): продолжить",
    "You were signed out: %(minutes)s minutes passed without activity, or the session reached its maximum length. Please sign in again.":
        "Вы вышли из системы: %(minutes)s минут без активности или сеанс достиг предельной длительности. Войдите снова.",
    "Sign-in is locked for now": "Вход временно заблокирован",
    "There were too many wrong passwords for this account or from this connection. Try again in %(minutes)d minutes, or ask an administrator to unlock it.":
        "Слишком много неверных паролей для этой учётной записи или с этого подключения. Попробуйте через "
        "%(minutes)d мин. или попросите администратора снять блокировку.",
    "That code is not right, or it was used already. Wait for the next code and try again.":
        "Код неверен или уже использован. Дождитесь следующего кода и попробуйте снова.",
    "That code is not right. Check the time on your phone, wait for the next code and try again.":
        "Код неверен. Проверьте время на телефоне, дождитесь следующего кода и попробуйте снова.",
    "You signed in with a recovery code; %(n)d is left.": "Вы вошли по резервному коду; осталось: %(n)d.",
    "You signed in with a recovery code; %(n)d are left.": "Вы вошли по резервному коду; осталось: %(n)d.",
    "This Urgent Action is closed": "Эта срочная акция закрыта",
    "It no longer takes reports. Thank you for your support.": "Она больше не принимает отчёты. Спасибо за поддержку.",
    "We have received many reports from your connection for this Urgent Action. Please try again tomorrow.":
        "Мы получили много отчётов с вашего подключения по этой срочной акции. Попробуйте завтра.",
})


# Added with the Kazakh catalogue (statistics, lists, two-factor sign-in, custody, act types...).
# A plural entry's value is a tuple: one, few, many.
RU.update({
    'You signed in with a recovery code; %(n)d is left.':
        ('Вы вошли с резервным кодом; остался %(n)d.', 'Вы вошли с резервным кодом; осталось %(n)d.', 'Вы вошли с резервным кодом; осталось %(n)d.'),
    'That code is not right, or it was used already. Wait for the next code and try again.':
        'Код неверный или уже использован. Дождитесь следующего кода и попробуйте ещё раз.',
    'That code is not right. Check the time on your phone, wait for the next code and try again.':
        'Код неверный. Проверьте время на телефоне, дождитесь следующего кода и попробуйте ещё раз.',
    'Sign-in is locked for now':
        'Вход временно заблокирован',
    'There were too many wrong passwords for this account or from this connection. Try again in %(minutes)d minutes, or ask an administrator to unlock it.':
        'Для этой учётной записи или с этого подключения было слишком много неверных паролей. Попробуйте снова через %(minutes)d мин. или попросите администратора разблокировать вход.',
    'Persecuted, not detained':
        'Преследуется, не под стражей',
    'Released':
        'Освобождён',
    'Criteria no longer met':
        'Больше не отвечает критериям',
    'Died':
        'Умер',
    'police custody':
        'задержание в полиции',
    'pre-trial detention':
        'содержание под стражей до суда',
    'house arrest':
        'домашний арест',
    'psychiatric detention':
        'принудительное помещение в психиатрический стационар',
    'restricted freedom':
        'ограничение свободы',
    'bar':
        'столбцы',
    'line':
        'линия',
    'single number':
        'одно число',
    'Listed for anonymous visitors (computed from public data for them).':
        'Показывается анонимным посетителям (вычисляется для них по открытым данным).',
    'People by article':
        'Люди по статьям',
    'A person charged under two articles counts under each: the rows do not add up to the number of people.':
        'Человек, обвиняемый по двум статьям, учитывается в каждой: сумма строк не равна числу людей.',
    'People by region of the act':
        'Люди по области действия',
    'A person with acts in two regions counts in each.':
        'Человек с действиями в двух областях учитывается в каждой.',
    'Acts by group and month':
        'Действия по группам и месяцам',
    'Month and group':
        'Месяц и группа',
    'This table counts acts, not people; a year alone is shown where the month is unknown.':
        'В этой таблице считаются действия, а не люди; если месяц неизвестен, указан только год.',
    'People prosecuted, by the year the prosecution began':
        'Преследуемые люди по году начала преследования',
    'Year':
        'Год',
    'Prosecutions (cases) are counted separately in the next table.':
        'Преследования (дела) считаются отдельно в следующей таблице.',
    'Prosecutions by the year they began':
        'Преследования по году начала',
    'Prosecutions':
        'Преследования',
    "One person may have several prosecutions. A person's prosecution acts less than two years apart are taken as one prosecution.":
        'У одного человека может быть несколько преследований. Действия против человека с промежутком меньше двух лет считаются одним преследованием.',
    'Prison sentences by length (years)':
        'Сроки лишения свободы (лет)',
    'Years':
        'Лет',
    'Sentences':
        'Приговоры',
    'People certainly in custody on the first of the month':
        'Люди, точно находившиеся под стражей на первое число месяца',
    'Month':
        'Месяц',
    'Every month, or every few months over a long range; from the custody episodes.':
        'Каждый месяц или, на длинном отрезке, раз в несколько месяцев; по эпизодам содержания под стражей.',
    'List entries added per year':
        'Записи, добавленные в список, по годам',
    'List entries removed per year (released, died, criteria no longer met)':
        'Записи, исключённые из списка, по годам (освобождён, умер, больше не отвечает критериям)',
    'Removed':
        'Исключено',
    'No such table.':
        'Такой таблицы нет.',
    'Choose a day.':
        'Выберите день.',
    'No such list.':
        'Такого списка нет.',
    'No such snapshot.':
        'Такого снимка нет.',
    'Published %(name)s.':
        'Опубликовано: %(name)s.',
    'Give the chart a title.':
        'Дайте диаграмме название.',
    'No such chart.':
        'Такой диаграммы нет.',
    'This Urgent Action is closed':
        'Эта срочная акция закрыта',
    'It no longer takes reports. Thank you for your support.':
        'Сообщения больше не принимаются. Спасибо за поддержку.',
    'We have received many reports from your connection for this Urgent Action. Please try again tomorrow.':
        'Мы получили много сообщений с вашего подключения по этой срочной акции. Попробуйте завтра.',
    'now: “%(value)s”':
        'сейчас: «%(value)s»',
    'now: withheld':
        'сейчас: скрыто',
    '%(field)s (by %(who)s at %(when)s; %(now)s)':
        '%(field)s (%(who)s, %(when)s; %(now)s)',
    'its links or level':
        'её связи или уровень доступа',
    'Not saved: someone saved this record after you opened it. Changed since: %(changed)s. Open the page again to edit the current version.':
        'Не сохранено: кто-то сохранил эту запись после того, как вы её открыли. Изменено: %(changed)s. Откройте страницу заново, чтобы править текущую версию.',
    'Not deleted: %(reason)s':
        'Не удалено: %(reason)s',
    'Person deleted. An administrator can restore it from the list of deleted records.':
        'Человек удалён. Администратор может восстановить запись из списка удалённых.',
    '(withheld)':
        '(скрыто)',
    '%(uid)s restored.':
        '%(uid)s восстановлено.',
    'Tick at least one pair and say same, different or unsure.':
        'Отметьте хотя бы одну пару и укажите: один человек, разные люди или не уверены.',
    'Judgements recorded: %(n)d.':
        'Записано решений: %(n)d.',
    'Resolution run: %(merged)d pairs linked, %(queued)d queued for review, %(apart)d kept apart by earlier judgements.':
        'Сопоставление выполнено: связано пар — %(merged)d, отправлено на проверку — %(queued)d, разделено прежними решениями — %(apart)d.',
    'Set up two-factor sign-in':
        'Настройка двухфакторного входа',
    'Your account can read confidential records or administer Qorgau, so signing in needs a second step: a code from an authenticator app on your phone (for example FreeOTP, Aegis or Google Authenticator).':
        'Ваша учётная запись может читать конфиденциальные записи или администрировать Qorgau, поэтому для входа нужен второй шаг: код из приложения-аутентификатора на телефоне (например, FreeOTP, Aegis или Google Authenticator).',
    'Open your authenticator app and scan this code:':
        'Откройте приложение-аутентификатор и отсканируйте этот код:',
    'Or type this key into the app:':
        'Или введите этот ключ в приложение:',
    'Type the 6-digit code the app shows:':
        'Введите 6-значный код из приложения:',
    'Confirm':
        'Подтвердить',
    'Your recovery codes':
        'Ваши резервные коды',
    'Two-factor sign-in is set up':
        'Двухфакторный вход настроен',
    'Keep these recovery codes somewhere safe, away from your phone (on paper, for example). Each one lets you sign in once without the app. They are shown only now.':
        'Храните эти резервные коды в надёжном месте отдельно от телефона (например, на бумаге). Каждый позволяет один раз войти без приложения. Они показываются только сейчас.',
    'I have kept them: continue':
        'Я их сохранил(а): продолжить',
    'Sign in: second step':
        'Вход: второй шаг',
    'The 6-digit code from your authenticator app, or one of your recovery codes':
        '6-значный код из приложения-аутентификатора или один из резервных кодов',
    'Lost your phone and your recovery codes? An administrator can reset your second factor with `qorgau users reset-two-factor`.':
        'Потеряли телефон и резервные коды? Администратор может сбросить второй фактор командой `qorgau users reset-two-factor`.',
    'Withheld to protect people who have not consented to publication':
        'Скрыто, чтобы защитить людей, не давших согласия на публикацию',
    'Nothing recorded.':
        'Ничего не записано.',
    '%(n)s cell is withheld: it holds few people, some of whom have not consented to publication.':
        ('%(n)s ячейка скрыта: в ней мало людей, и не все согласились на публикацию.', '%(n)s ячейки скрыты: в каждой мало людей, и не все согласились на публикацию.', '%(n)s ячеек скрыто: в каждой мало людей, и не все согласились на публикацию.'),
    'Download CSV':
        'Скачать CSV',
    'Save this view as':
        'Сохранить этот вид как',
    'list it publicly':
        'показывать публично',
    'Briefing':
        'Справка',
    'Write a briefing':
        'Составить справку',
    'Per case: a summary and a timeline of acts with provisions and penalties, every fact footnoted to its source.':
        'По каждому делу: краткое изложение и хронология действий с нормами и наказаниями, у каждого факта — сноска на источник.',
    'Persons (record ids, separated by spaces)':
        'Люди (идентификаторы записей через пробел)',
    'or everyone currently on a list':
        'или все, кто сейчас в списке',
    'Format':
        'Формат',
    'Public version: only what an anonymous visitor may see':
        'Публичная версия: только то, что видит анонимный посетитель',
    'Download the briefing':
        'Скачать справку',
    'Census':
        'Перепись',
    'Who was deprived of liberty on a date':
        'Кто был лишён свободы на дату',
    'List':
        'Список',
    'everyone recorded':
        'все записанные',
    'Changes since':
        'Изменения с',
    'Count':
        'Число',
    'people certainly in custody on':
        'человек точно под стражей на',
    'more possibly (partial dates, or status unverified)':
        'ещё, возможно (неполные даты или статус не проверен)',
    'Custody':
        'Под стражей',
    '%(n)s further person is counted but not named.':
        ('Ещё %(n)s человек учтён, но не назван.', 'Ещё %(n)s человека учтены, но не названы.', 'Ещё %(n)s человек учтены, но не названы.'),
    'Possibly in custody':
        'Возможно, под стражей',
    'since':
        'с',
    'status unverified since':
        'статус не проверен с',
    'end not recorded':
        'окончание не записано',
    'Restricted freedom, not counted above':
        'Ограничение свободы, выше не учтено',
    'Statistics':
        'Статистика',
    'How we count':
        'Как мы считаем',
    'an episode of custody opens with a detention and ends with a release, an acquittal, parole, death or the end of a fixed term; only reviewed facts count.':
        'эпизод содержания под стражей начинается с задержания и заканчивается освобождением, оправданием, УДО, смертью или окончанием срока; учитываются только проверенные факты.',
    'Filters':
        'Фильтры',
    'none':
        'нет',
    'Computed at your own level of access.':
        'Вычислено на вашем уровне доступа.',
    'Embeddable version':
        'Версия для встраивания',
    'Political-prisoner lists':
        'Списки политзаключённых',
    'No lists yet.':
        'Списков пока нет.',
    'Census on a date':
        'Перепись на дату',
    'Criteria':
        'Критерии',
    'As of':
        'По состоянию на',
    'any':
        'любой',
    'Sort':
        'Сортировка',
    'name':
        'имя',
    'newest first':
        'сначала новые',
    'oldest first':
        'сначала старые',
    'Show':
        'Показать',
    'on the list as of':
        'в списке на',
    'Criteria met':
        'Отвечает критериям',
    'Nobody on the list on that date.':
        'На эту дату в списке никого нет.',
    'Removed from the list':
        'Исключены из списка',
    'Open data':
        'Открытые данные',
    'Public records as a Frictionless data package (CSV files with their schemas in datapackage.json) and one spreadsheet (XLSX). Each snapshot is dated, so you can cite the data as of that day.':
        'Публичные записи как пакет данных Frictionless (CSV-файлы со схемами в datapackage.json) и одна таблица (XLSX). У каждого снимка есть дата, так что данные можно цитировать на этот день.',
    'No snapshot has been published yet.':
        'Снимков пока не опубликовано.',
    "Publish a snapshot of today's public data":
        'Опубликовать снимок сегодняшних открытых данных',
    'custody':
        'под стражей',
    'open':
        'не закончен',
    'from':
        'с',
    'Derived from':
        'Выведено из',
    'No act you may see.':
        'Нет действий, доступных вам.',
    'No custody recorded.':
        'Содержание под стражей не записано.',
    'How episodes are derived':
        'Как выводятся эпизоды',
    'Counted from every accepted fact you may read.':
        'Подсчитано по всем принятым фактам, доступным вам.',
    'Counted from published, reviewed facts only.':
        'Подсчитано только по опубликованным проверенным фактам.',
    'From':
        'С',
    'To':
        'По',
    'Role':
        'Роль',
    'Apply':
        'Применить',
    'Saved charts':
        'Сохранённые диаграммы',
    'Lists':
        'Списки',
    'Deleted records':
        'Удалённые записи',
    'A deleted record is hidden from every page, search, export and the API. Restoring it brings back what was deleted with it (its acts, names and links) and the fields cleared on other records.':
        'Удалённая запись скрыта со всех страниц, из поиска, экспорта и API. Восстановление возвращает то, что было удалено вместе с ней (её действия, имена и связи), и поля, очищенные в других записях.',
    'Deleted':
        'Удалено',
    'With it':
        'Вместе с ней',
    'Restore':
        'Восстановить',
    'Nothing is deleted.':
        'Ничего не удалено.',
    'All pairs awaiting review':
        'Все пары, ожидающие проверки',
    'Why we think so':
        'Почему мы так считаем',
    'Pairs scored from %(review)s up, best first. Each line of evidence adds its weight in bits (positive: one person; negative: two people); the sum with the prior gives the score. Pairs from %(auto)s are linked automatically unless one is confidential, their levels differ, or more than one record could be meant.':
        'Пары с оценкой от %(review)s, лучшие первыми. Каждое основание добавляет свой вес в битах (положительный — один человек, отрицательный — два человека); сумма с априорной оценкой даёт итог. Пары от %(auto)s связываются автоматически, если ни одна запись не конфиденциальна, уровни доступа совпадают и не подходит больше одной записи.',
    'Run resolution now':
        'Запустить сопоставление',
    'Select this pair':
        'Выбрать эту пару',
    'The ticked pairs are:':
        'Отмеченные пары:',
    'You were signed out: %(minutes)s minutes passed without activity, or the session reached its maximum length. Please sign in again.':
        'Вы вышли из системы: %(minutes)s мин. без активности, или сеанс достиг предельной длительности. Войдите снова.',
    'Person deleted.':
        'Человек удалён.',
    'Evidence':
        'Основания',
    'Words in the title or text':
        'Слова в названии или тексте',
    'Search documents':
        'Искать документы',
    'Add an event':
        'Добавить событие',
    'Search events':
        'Искать события',
    'Add an organisation':
        'Добавить организацию',
    'Search organisations':
        'Искать организации',
    'Add a person':
        'Добавить человека',
    'Any spelling, Latin or Cyrillic':
        'Любое написание, латиница или кириллица',
    'Search persons':
        'Искать людей',
    'Legal provisions':
        'Правовые нормы',
    'Add a provision':
        'Добавить норму',
    'Search provisions':
        'Искать нормы',
    'Add a document':
        'Добавить документ',
})


# Read API, spreadsheets, facets, emergency lock (session 3).
RU.update({'Reading stopped before it finished (the server may have restarted); nothing was extracted. Add the file again.': 'Чтение '
                                                                                                                   'прервалось, '
                                                                                                                   'не '
                                                                                                                   'закончившись '
                                                                                                                   '(возможно, '
                                                                                                                   'сервер '
                                                                                                                   'перезапустили); '
                                                                                                                   'ничего '
                                                                                                                   'не '
                                                                                                                   'извлечено. '
                                                                                                                   'Добавьте '
                                                                                                                   'файл '
                                                                                                                   'снова.',
 'Qorgau is locked. An administrator with the master key can unlock it.': 'Qorgau заблокирован. Разблокировать его '
                                                                          'может администратор с мастер-ключом.',
 'Type %(confirmation)s to confirm': 'Введите %(confirmation)s для подтверждения',
 '6-digit code': '6-значный код',
 'Emergency lock': 'Экстренная блокировка',
 'This ends every session, including yours, and locks the keys: nobody can read the data until someone with the master key runs “qorgau unlock”. If the master key also lives outside the data directory, the copy inside it is deleted.': 'Это '
                                                                                                                                                                                                                                           'завершит '
                                                                                                                                                                                                                                           'все '
                                                                                                                                                                                                                                           'сеансы, '
                                                                                                                                                                                                                                           'включая '
                                                                                                                                                                                                                                           'ваш, '
                                                                                                                                                                                                                                           'и '
                                                                                                                                                                                                                                           'заблокирует '
                                                                                                                                                                                                                                           'ключи: '
                                                                                                                                                                                                                                           'никто '
                                                                                                                                                                                                                                           'не '
                                                                                                                                                                                                                                           'сможет '
                                                                                                                                                                                                                                           'читать '
                                                                                                                                                                                                                                           'данные, '
                                                                                                                                                                                                                                           'пока '
                                                                                                                                                                                                                                           'человек '
                                                                                                                                                                                                                                           'с '
                                                                                                                                                                                                                                           'мастер-ключом '
                                                                                                                                                                                                                                           'не '
                                                                                                                                                                                                                                           'выполнит '
                                                                                                                                                                                                                                           '«qorgau '
                                                                                                                                                                                                                                           'unlock». '
                                                                                                                                                                                                                                           'Если '
                                                                                                                                                                                                                                           'мастер-ключ '
                                                                                                                                                                                                                                           'хранится '
                                                                                                                                                                                                                                           'и '
                                                                                                                                                                                                                                           'вне '
                                                                                                                                                                                                                                           'каталога '
                                                                                                                                                                                                                                           'данных, '
                                                                                                                                                                                                                                           'копия '
                                                                                                                                                                                                                                           'внутри '
                                                                                                                                                                                                                                           'него '
                                                                                                                                                                                                                                           'будет '
                                                                                                                                                                                                                                           'удалена.',
 'Lock everything now': 'Заблокировать всё сейчас',
 'Locked': 'Заблокировано',
 'Qorgau is locked': 'Qorgau заблокирован',
 'Download': 'Скачать',
 '%(n)s result': ('%(n)s результат', '%(n)s результата', '%(n)s результатов'),
 'clear all filters': 'сбросить все фильтры',
 'Act': 'Действие',
 'Victim': 'Пострадавший',
 'Articles': 'Статьи',
 'No acts match these filters.': 'Под эти фильтры не подходит ни одно действие.',
 'Read API': 'API для чтения',
 'Read-only JSON over every kind of record, at your level: anonymous readers get public records, staff internal ones, cleared staff everything. The OpenAPI 3 description is this address asked with “Accept: application/json” (or ?format=json).': 'JSON '
                                                                                                                                                                                                                                                     'только '
                                                                                                                                                                                                                                                     'для '
                                                                                                                                                                                                                                                     'чтения '
                                                                                                                                                                                                                                                     'по '
                                                                                                                                                                                                                                                     'всем '
                                                                                                                                                                                                                                                     'видам '
                                                                                                                                                                                                                                                     'записей, '
                                                                                                                                                                                                                                                     'на '
                                                                                                                                                                                                                                                     'вашем '
                                                                                                                                                                                                                                                     'уровне '
                                                                                                                                                                                                                                                     'доступа: '
                                                                                                                                                                                                                                                     'анонимные '
                                                                                                                                                                                                                                                     'читатели '
                                                                                                                                                                                                                                                     'получают '
                                                                                                                                                                                                                                                     'публичные '
                                                                                                                                                                                                                                                     'записи, '
                                                                                                                                                                                                                                                     'сотрудники '
                                                                                                                                                                                                                                                     '— '
                                                                                                                                                                                                                                                     'внутренние, '
                                                                                                                                                                                                                                                     'сотрудники '
                                                                                                                                                                                                                                                     'с '
                                                                                                                                                                                                                                                     'допуском '
                                                                                                                                                                                                                                                     '— '
                                                                                                                                                                                                                                                     'всё. '
                                                                                                                                                                                                                                                     'Описание '
                                                                                                                                                                                                                                                     'OpenAPI '
                                                                                                                                                                                                                                                     '3 '
                                                                                                                                                                                                                                                     '— '
                                                                                                                                                                                                                                                     'этот '
                                                                                                                                                                                                                                                     'же '
                                                                                                                                                                                                                                                     'адрес '
                                                                                                                                                                                                                                                     'с '
                                                                                                                                                                                                                                                     'заголовком '
                                                                                                                                                                                                                                                     '«Accept: '
                                                                                                                                                                                                                                                     'application/json» '
                                                                                                                                                                                                                                                     '(или '
                                                                                                                                                                                                                                                     '?format=json).',
 'Pages: each answer is {"results": […], "next": CURSOR}; ask again with ?cursor=CURSOR until next is null; limit=1…200 rows (default 50). Errors: {"error": {"code": …, "message": …}}.': 'Страницы: '
                                                                                                                                                                                           'каждый '
                                                                                                                                                                                           'ответ '
                                                                                                                                                                                           '— '
                                                                                                                                                                                           '{"results": '
                                                                                                                                                                                           '[…], '
                                                                                                                                                                                           '"next": '
                                                                                                                                                                                           'CURSOR}; '
                                                                                                                                                                                           'запрашивайте '
                                                                                                                                                                                           'снова '
                                                                                                                                                                                           'с '
                                                                                                                                                                                           '?cursor=CURSOR, '
                                                                                                                                                                                           'пока '
                                                                                                                                                                                           'next '
                                                                                                                                                                                           'не '
                                                                                                                                                                                           'станет '
                                                                                                                                                                                           'null; '
                                                                                                                                                                                           'limit=1…200 '
                                                                                                                                                                                           'строк '
                                                                                                                                                                                           '(по '
                                                                                                                                                                                           'умолчанию '
                                                                                                                                                                                           '50). '
                                                                                                                                                                                           'Ошибки: '
                                                                                                                                                                                           '{"error": '
                                                                                                                                                                                           '{"code": '
                                                                                                                                                                                           '…, '
                                                                                                                                                                                           '"message": '
                                                                                                                                                                                           '…}}.',
 "Scripts sign in with a token: “Authorization: Bearer qgt_…”. A token reads as its user, at that user's level now; make and revoke yours at": 'Скрипты '
                                                                                                                                               'входят '
                                                                                                                                               'с '
                                                                                                                                               'токеном: '
                                                                                                                                               '«Authorization: '
                                                                                                                                               'Bearer '
                                                                                                                                               'qgt_…». '
                                                                                                                                               'Токен '
                                                                                                                                               'читает '
                                                                                                                                               'от '
                                                                                                                                               'имени '
                                                                                                                                               'своего '
                                                                                                                                               'пользователя, '
                                                                                                                                               'на '
                                                                                                                                               'его '
                                                                                                                                               'нынешнем '
                                                                                                                                               'уровне '
                                                                                                                                               'доступа; '
                                                                                                                                               'создать '
                                                                                                                                               'и '
                                                                                                                                               'отозвать '
                                                                                                                                               'свои '
                                                                                                                                               'токены '
                                                                                                                                               'можно '
                                                                                                                                               'на '
                                                                                                                                               'странице',
 'or with': 'или командой',
 'API tokens': 'Токены API',
 'A token lets a script read the API as you, at your level. It is shown once; only its fingerprint is kept. Revoke a token you no longer use.': 'Токен '
                                                                                                                                                'позволяет '
                                                                                                                                                'скрипту '
                                                                                                                                                'читать '
                                                                                                                                                'API '
                                                                                                                                                'от '
                                                                                                                                                'вашего '
                                                                                                                                                'имени, '
                                                                                                                                                'на '
                                                                                                                                                'вашем '
                                                                                                                                                'уровне '
                                                                                                                                                'доступа. '
                                                                                                                                                'Он '
                                                                                                                                                'показывается '
                                                                                                                                                'один '
                                                                                                                                                'раз; '
                                                                                                                                                'хранится '
                                                                                                                                                'только '
                                                                                                                                                'его '
                                                                                                                                                'отпечаток. '
                                                                                                                                                'Отзывайте '
                                                                                                                                                'токены, '
                                                                                                                                                'которыми '
                                                                                                                                                'больше '
                                                                                                                                                'не '
                                                                                                                                                'пользуетесь.',
 'Your new token (copy it now, it will not be shown again):': 'Ваш новый токен (скопируйте его сейчас, больше он '
                                                              'показан не будет):',
 'What it is for': 'Для чего он',
 'Make a token': 'Создать токен',
 'Token': 'Токен',
 'For': 'Для',
 'Made': 'Создан',
 'Last used': 'Последнее использование',
 'revoked': 'отозван',
 'Revoke': 'Отозвать',
 'No tokens.': 'Токенов нет.',
 'Import a spreadsheet': 'Импорт таблицы',
 'to': 'по',
 'remove filter': 'убрать фильтр',
 'One act per row. Columns: name, name_ru, name_kk, gender, birth_year, roles, act_type, date, date_end, articles, place, source_url, description, status; several values in one cell separated by “|”; dates as 2018, 2018-03 or 2018-03-21. Rows naming the same person make one person.': 'Одно '
                                                                                                                                                                                                                                                                                             'действие '
                                                                                                                                                                                                                                                                                             'в '
                                                                                                                                                                                                                                                                                             'строке. '
                                                                                                                                                                                                                                                                                             'Столбцы: '
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
                                                                                                                                                                                                                                                                                             'несколько '
                                                                                                                                                                                                                                                                                             'значений '
                                                                                                                                                                                                                                                                                             'в '
                                                                                                                                                                                                                                                                                             'одной '
                                                                                                                                                                                                                                                                                             'ячейке '
                                                                                                                                                                                                                                                                                             'разделяются '
                                                                                                                                                                                                                                                                                             '«|»; '
                                                                                                                                                                                                                                                                                             'даты '
                                                                                                                                                                                                                                                                                             'в '
                                                                                                                                                                                                                                                                                             'виде '
                                                                                                                                                                                                                                                                                             '2018, '
                                                                                                                                                                                                                                                                                             '2018-03 '
                                                                                                                                                                                                                                                                                             'или '
                                                                                                                                                                                                                                                                                             '2018-03-21. '
                                                                                                                                                                                                                                                                                             'Строки '
                                                                                                                                                                                                                                                                                             'с '
                                                                                                                                                                                                                                                                                             'одним '
                                                                                                                                                                                                                                                                                             'и '
                                                                                                                                                                                                                                                                                             'тем '
                                                                                                                                                                                                                                                                                             'же '
                                                                                                                                                                                                                                                                                             'человеком '
                                                                                                                                                                                                                                                                                             'дают '
                                                                                                                                                                                                                                                                                             'одну '
                                                                                                                                                                                                                                                                                             'запись '
                                                                                                                                                                                                                                                                                             'о '
                                                                                                                                                                                                                                                                                             'человеке.',
 'Next: match the columns': 'Далее: сопоставить столбцы',
 'File: %(name)s (created at level %(level)s). Say what each column holds.': 'Файл: %(name)s (записи создаются с '
                                                                             'уровнем %(level)s). Укажите, что '
                                                                             'содержит каждый столбец.',
 'Column in the file': 'Столбец в файле',
 'Holds': 'Содержит',
 '(ignore)': '(пропустить)',
 'Preview (nothing is written)': 'Предпросмотр (ничего не записывается)',
 'File: %(name)s (created at level %(level)s).': 'Файл: %(name)s (записи создаются с уровнем %(level)s).',
 '%(n)s bad row: nothing will be written until it is fixed': ('%(n)s ошибочная строка: ничего не будет записано, '
                                                              'пока её не исправят',
                                                              '%(n)s ошибочные строки: ничего не будет записано, '
                                                              'пока их не исправят',
                                                              '%(n)s ошибочных строк: ничего не будет записано, пока '
                                                              'их не исправят'),
 'What each row will do': 'Что произойдёт с каждой строкой',
 'Row': 'Строка',
 'Outcome': 'Результат',
 'Import all rows': 'Импортировать все строки',
 'Change the columns': 'Изменить столбцы',
 'Nobody matches these filters.': 'Под эти фильтры никто не подходит.',
 'This token is not valid, or was revoked.': 'Этот токен недействителен или отозван.',
 'The API only reads: use GET.': 'API только для чтения: используйте GET.',
 'limit is a number from 1 to %(max)d.': 'limit — число от 1 до %(max)d.',
 'This cursor was not made by this API; start again without one.': 'Этот курсор выдан не этим API; начните заново '
                                                                   'без него.',
 'No such record.': 'Такой записи нет.',
 'Token revoked.': 'Токен отозван.',
 'Import cancelled; nothing was written.': 'Импорт отменён; ничего не записано.',
 'Give a .csv or .xlsx file.': 'Загрузите файл .csv или .xlsx.',
 'The file is larger than %(limit)d MB.': 'Файл больше %(limit)d МБ.',
 'The uploaded file is gone; upload it again.': 'Загруженный файл пропал; загрузите его снова.',
 'Imported %(rows)d rows: %(new)d new persons, %(linked)d linked to ours, %(acts)d acts.': 'Импортировано строк: '
                                                                                           '%(rows)d; новых людей: '
                                                                                           '%(new)d, связано с '
                                                                                           'нашими записями: '
                                                                                           '%(linked)d, действий: '
                                                                                           '%(acts)d.'})


RU.update({'On political-prisoner lists': 'В списках политзаключённых', 'added': 'включён', 'removed': 'исключён', 'criteria': 'критерии', 'Custody episodes': 'Периоды лишения свободы'})


# Urgent Action letters, states, consent and the person picker (session 4).
RU.update({
    'Search by name and pick; or type identifiers, separated by commas (per_…).':
        'Найдите по имени и выберите или введите идентификаторы через запятую (per_…).',
    'Publish although consent to publication is not recorded': 'Опубликовать, хотя согласие на публикацию не записано',
    'Only when the person or their family asked for the campaign, or the case is already public.':
        'Только если человек или его семья просили о кампании или дело уже публично.',
    'Consent to publication is not recorded for %(names)s: a public Urgent Action names them to everyone.':
        'Согласие на публикацию не записано для: %(names)s. Публичная срочная акция называет их имена всем.',
    "Consent to publication is not recorded for %(names)s. Record it on the person's page, keep the Urgent Action internal, or confirm below that it may be published.":
        'Согласие на публикацию не записано для: %(names)s. Запишите его на странице человека, оставьте срочную '
        'акцию внутренней или подтвердите ниже, что её можно опубликовать.',
    'URGENT ACTION': 'СРОЧНАЯ АКЦИЯ', 'update %(n)s': 'обновление %(n)s', 'issued %(date)s': 'выпущена %(date)s',
    'This Urgent Action is closed. No further appeals are requested.':
        'Эта срочная акция закрыта. Новых обращений не требуется.',
    'What was asked': 'О чём просили',
    'Please write immediately in %(languages)s or your own language':
        'Пожалуйста, напишите немедленно на языках: %(languages)s — или на своём языке',
    'Please write immediately': 'Пожалуйста, напишите немедленно',
    'Please send appeals before %(date)s': 'Пожалуйста, отправьте обращения до %(date)s',
    'Please send appeals as soon as possible': 'Пожалуйста, отправьте обращения как можно скорее',
    'Salutation': 'Обращение', 'Index': 'Индекс',
    'Please send appeals before %(date)s.': 'Пожалуйста, отправьте обращения до %(date)s.',
    'Find a person by any spelling…': 'Найти человека в любом написании…', 'No person found.': 'Никто не найден.',
    'No further appeals are requested. Thank you to everyone who wrote.':
        'Новых обращений не требуется. Спасибо всем, кто написал.',
    'The deadline has passed': 'Срок истёк',
    'Appeals were asked for before %(date)s. Please check with the issuing organisation before you write.':
        'Обращения просили отправить до %(date)s. Прежде чем писать, уточните у организации, выпустившей акцию.',
    'This Urgent Action is closed. No further appeals are requested: please do not send this letter.':
        'Эта срочная акция закрыта. Новых обращений не требуется: пожалуйста, не отправляйте это письмо.',
    '%(n)s other entry for this office': ('ещё %(n)s запись об этой должности', 'ещё %(n)s записи об этой должности',
                                          'ещё %(n)s записей об этой должности'),
    'Find a person by any spelling': 'Найти человека в любом написании',
    'Postal address in Russian': 'Почтовый адрес на русском',
    'For letters in Russian; leave empty for an address abroad.': 'Для писем на русском; для адреса за рубежом оставьте пустым.',
    'Postal address in Kazakh': 'Почтовый адрес на казахском',
    'For letters in Kazakh; leave empty for an address abroad.': 'Для писем на казахском; для адреса за рубежом оставьте пустым.',
    'Office in Russian': 'Должность на русском', 'Office in Kazakh': 'Должность на казахском',
    'and %(n)s other person whose name is withheld': ('и ещё %(n)s человек, имя которого не раскрывается', 'и ещё %(n)s человека, имена которых не раскрываются', 'и ещё %(n)s человек, имена которых не раскрываются'),
    'Cannot act itself (a UN body, a foreign government, an embassy)':
        'Не может действовать сам (орган ООН, иностранное правительство, посольство)',
})


# Consent in public analysis (session 4).
RU.update({
    '%(n)s further person is counted but not named: their consent to publication is not recorded.': (
        'Ещё %(n)s человек учтён, но не назван: его согласие на публикацию не записано.',
        'Ещё %(n)s человека учтены, но не названы: их согласие на публикацию не записано.',
        'Ещё %(n)s человек учтены, но не названы: их согласие на публикацию не записано.'),
    'Some people are counted but not named: their consent to publication is not recorded, and the count is too small to show.':
        'Некоторые люди учтены, но не названы: их согласие на публикацию не записано, а их число слишком мало, чтобы его показать.',
    '%(n)s person on the list is not named: their consent to publication is not recorded.': (
        '%(n)s человек в списке не назван: его согласие на публикацию не записано.',
        '%(n)s человека в списке не названы: их согласие на публикацию не записано.',
        '%(n)s человек в списке не названы: их согласие на публикацию не записано.'),
    'Some people on the list are not named: their consent to publication is not recorded, and the count is too small to show.':
        'Некоторые люди в списке не названы: их согласие на публикацию не записано, а их число слишком мало, чтобы его показать.',
})
# issue 14, session 4 (h14-work): act form, bulk actions, language per user, relatives, photos, places
RU.update({'“%(name)s” names more than one person or organisation: write its id (per_… or org_…) instead.': '«%(name)s» — так названы несколько лиц или организаций: укажите идентификатор (per_… или org_…).', 'There is no person or organisation “%(name)s”. Write its name as recorded or its id (per_… or org_…), or add it first.': 'Нет лица или организации «%(name)s». Укажите имя, как оно записано, или идентификатор (per_… или org_…), либо сначала добавьте запись.', '“%(role)s” is not one of: %(choices)s.': '«%(role)s» не входит в список: %(choices)s.', 'Persons or organisations, by name or id, each with its role after a colon, for example: Almaty city police:carried_out, per_…:ordered. Roles: %(roles)s.': 'Лица или организации — по имени или идентификатору, роль после двоеточия, например: Полиция города Алматы:carried_out, per_…:ordered. Роли: %(roles)s.', 'Source': 'Источник', 'The document that reports this act.': 'Документ, в котором сообщается об этом действии.', 'Page': 'Страница', 'The words of the source that report it (up to 500 characters).': 'Слова источника, сообщающие об этом (до 500 знаков).', 'Choose the document the page or passage is from.': 'Выберите документ, из которого взяты страница или отрывок.', 'Select': 'Выбрать', 'With the ticked proposals': 'С отмеченными предложениями', 'waiting for review': 'ждёт проверки', 'Merge two persons': 'Объединить двух лиц', "The resolver's probability that these records are one person: %(p)s.": 'Вероятность того, что эти записи — одно лицо (по оценке сопоставления): %(p)s.', 'Why they are one person (kept with the judgement)': 'Почему это одно лицо (сохраняется вместе с решением)', 'The older record, %(kept)s, is kept; the merge can be undone from the resolution page.': 'Сохраняется более старая запись, %(kept)s; объединение можно отменить на странице сопоставления.', 'Merge': 'Объединить', 'With the ticked rows': 'С отмеченными строками', 'Level': 'Уровень', 'Set the level': 'Установить уровень', 'Add to the list': 'Добавить в список', 'Merge the two ticked persons': 'Объединить двух отмеченных лиц', 'You may not set a level above your own clearance.': 'Нельзя установить уровень выше вашего допуска.', 'Tick two different persons.': 'Отметьте двух разных лиц.', 'Choose what to do with the ticked rows.': 'Выберите, что сделать с отмеченными строками.', 'Tick at least one row.': 'Отметьте хотя бы одну строку.', 'At most %(n)d rows at a time.': 'Не более %(n)d строк за раз.', 'Some ticked rows are not available to you (above your clearance, deleted or unknown). Nothing was changed.': 'Некоторые отмеченные строки вам недоступны (выше вашего допуска, удалены или неизвестны). Ничего не изменено.', 'Rows whose level changed: %(n)d.': 'Строк с изменённым уровнем: %(n)d.', 'Choose a list.': 'Выберите список.', 'Added to %(list)s: %(n)d.': 'Добавлено в «%(list)s»: %(n)d.', 'Proposals accepted: %(n)d.': 'Принято предложений: %(n)d.', 'Proposals rejected: %(n)d.': 'Отклонено предложений: %(n)d.', 'Tick exactly two persons to merge.': 'Для объединения отметьте ровно двух лиц.', '%(other)s is merged into %(kept)s.': '%(other)s объединено с %(kept)s.'})

RU.update({'The file is empty.': 'Файл пуст.', 'The file is larger than 10 MB.': 'Файл больше 10 МБ.', 'Only photos (JPEG, PNG, GIF, WebP) and PDF files can be attached.': 'Можно прикрепить только фотографии (JPEG, PNG, GIF, WebP) и файлы PDF.', 'Photo or file': 'Фотография или файл', 'JPEG, PNG, GIF, WebP or PDF, at most 10 MB. Stored encrypted.': 'JPEG, PNG, GIF, WebP или PDF, не больше 10 МБ. Хранится в зашифрованном виде.', 'Caption': 'Подпись', 'No such attachment.': 'Такого вложения нет.', 'The file is not in the files directory.': 'Файла нет в каталоге файлов.', 'Attachment added.': 'Вложение добавлено.', 'Nothing was attached: %(errors)s': 'Ничего не прикреплено: %(errors)s', 'Attachment removed.': 'Вложение удалено.', 'This person is': 'Этот человек —', 'Of': 'Кому', "A person's name as recorded, or their id.": 'Имя человека, как оно записано, или его идентификатор.', 'client of': 'подзащитный', 'Relative added.': 'Родственник добавлен.', 'The relative was not added: %(errors)s': 'Родственник не добавлен: %(errors)s', 'No such link.': 'Такой связи нет.', 'Relative removed.': 'Родственник удалён.', 'Relatives': 'Родственники', 'Remove': 'Удалить', 'Add a relative': 'Добавить родственника', 'Photos and attachments': 'Фотографии и вложения', 'Attach': 'Прикрепить'})

RU.update({'Menu': 'Меню', 'Any kind': 'Любой вид', '%(n)s place': ('%(n)s место', '%(n)s места', '%(n)s мест'), 'No place matches.': 'Подходящих мест нет.', 'Act group': 'Группа действий', 'Act type': 'Вид действия', 'On the list': 'В списке', 'CSV or XLSX file': 'Файл CSV или XLSX', 'Level of what is created': 'Уровень создаваемых записей'})

# Act types and groups (records/models/acts.py ACT_TYPE_LABELS, GROUP_LABELS)
RU.update({'detained': 'задержание', 'arrested': 'арест', 'pretrial detention': 'содержание под стражей до суда', 'imprisoned': 'лишение свободы', 'tried': 'судебный процесс', 'civil lawsuit': 'гражданский иск', 'sentenced': 'приговор', 'fined': 'штраф', 'sentence increased': 'ужесточение наказания', 'released': 'освобождение', 'sentence reduced': 'смягчение наказания', 'paroled': 'условно-досрочное освобождение', 'summoned': 'вызов', 'interrogated': 'допрос', 'searched': 'обыск', 'threatened': 'угрозы', 'surveilled': 'слежка', 'device seized': 'изъятие устройств', 'assets frozen': 'арест имущества', 'dismissed': 'увольнение', 'travel restricted': 'запрет на выезд', 'attacked': 'нападение', 'property damaged': 'порча имущества', 'account hacked': 'взлом аккаунта', 'parole denied': 'отказ в УДО', 'extradition sought': 'запрос об экстрадиции', 'ill treatment': 'жестокое обращение', 'death in custody': 'смерть под стражей', 'banned': 'запрет', 'closed': 'закрыто', 'blocked': 'блокировка', 'registration denied': 'отказ в регистрации', 'suspended': 'приостановление деятельности', 'Deprivation of liberty': 'Лишение свободы', 'Prosecution': 'Уголовное преследование', 'Release': 'Освобождение', 'Harassment': 'Давление', 'Violence': 'Насилие', 'Acts against organisations': 'Действия против организаций'})


RU.update({'One of the two records changed since you read the evidence: nothing was merged. Tick them again to read it anew.': 'Одна из двух записей изменилась, пока вы читали доводы: ничего не объединено. Отметьте их снова, чтобы прочитать заново.'})
RU.update({'A record changed since you read the evidence: nothing was merged. Read the pair anew.': 'Запись изменилась, пока вы читали доводы: ничего не объединено. Откройте пару заново.'})
RU.update({'Someone else judged this pair while you were reading it: your judgement was not recorded.': 'Кто-то другой вынес решение по этой паре, пока вы её читали: ваше решение не записано.'})

def main():
    missing = fill("ru", RU)
    if missing:
        print("untranslated:", *missing, sep="\n  ")
        return 1
    return 0

RU.update({'A request may not contain a NUL character.': 'Запрос не может содержать символ NUL.'})

RU.update({'The browser takes at most %(rows)s rows; on the server, an administrator can import larger tables with qorgau import-table.': 'Через браузер можно загрузить не более %(rows)s строк; таблицы больше администратор может загрузить на сервере командой qorgau import-table.'})

RU.update({'Another upload replaced the file this page was for: nothing was written. Check the columns and the preview of the current file.': 'Файл, для которого открыта эта страница, заменён другой загрузкой: ничего не записано. Проверьте столбцы и предпросмотр текущего файла.'})

RU.update({'This photo cannot be shown: its file is damaged.': 'Эту фотографию нельзя показать: её файл повреждён.', "The photo's file is damaged: it was not attached.": 'Файл фотографии повреждён: она не прикреплена.', 'Someone changed %(uids)s since you read the list: no level was set. Read the list again.': 'Кто-то изменил %(uids)s после того, как вы открыли список: уровень не установлен. Откройте список заново.', 'This form does not say when the list was read: no level was set. Read the list again.': 'В форме не указано, когда был прочитан список: уровень не установлен. Откройте список заново.'})

RU.update({'term served': 'срок отбыт', 'non-custodial sentence': 'наказание, не связанное с лишением свободы', 'taken into custody': 'взят(а) под стражу'})  # custody end reasons (session 12 review)

RU.update({'Someone changed this entry since you read the list: nothing was written.': 'Кто-то изменил эту запись после того, как вы открыли список: ничего не записано.'})  # list entry change (session 12)

RU.update({'Licence': 'Лицензия'})  # open-data page (session 12)

RU.update({'No such saved chart.': 'Нет такой сохранённой диаграммы.'})  # briefing page (session 12)

RU.update({'The PDF file is damaged or protected by a password: it was not attached.': 'Файл PDF повреждён или защищён паролем: он не прикреплён.', 'This file cannot be shown: it is damaged.': 'Этот файл нельзя показать: он повреждён.', 'The list of persons is too long: give at most %(n)s record ids.': 'Список людей слишком длинный: укажите не более %(n)s идентификаторов записей.'})  # PDF attachments, briefing page (session 13)

RU.update({'At most %(most)s persons by id in one briefing; %(n)s were given. Use a list or the statistics filter for more.': 'Не более %(most)s человек по идентификаторам в одной справке; указано %(n)s. Для большего числа используйте список или фильтр статистики.', 'No such person: %(ids)s and %(n)s more.': 'Нет такого человека: %(ids)s и ещё %(n)s.', 'No such person: %(ids)s.': 'Нет такого человека: %(ids)s.', 'Consent to publication is not recorded for %(ids)s: a public briefing does not name them.': 'Согласие на публикацию не записано для %(ids)s: публичная справка их не называет.', 'No list “%(list)s” with current entries.': 'Нет списка «%(list)s» с текущими записями.', '%(n)s persons are chosen; a briefing holds at most %(most)s. Narrow the choice with the statistics filter (an article, a region, dates).': 'Выбрано человек: %(n)s; справка вмещает не более %(most)s. Сузьте выбор фильтром статистики (статья, регион, даты).'})  # briefing selection messages (session 14 audit)

RU.update({'Change your password': 'Смена пароля', 'Current password': 'Текущий пароль', 'New password': 'Новый пароль', 'The new password again': 'Новый пароль ещё раз', 'Change password': 'Сменить пароль', 'When the password changes, every other session signed in as you ends (this one stays), and your read-API tokens are revoked.': 'При смене пароля все другие сеансы под вашим именем завершаются (этот остаётся), а ваши токены API для чтения отзываются.', 'You have %(n)s live token.': ('У вас %(n)s действующий токен.', 'У вас %(n)s действующих токена.', 'У вас %(n)s действующих токенов.'), 'Forgot your password? An administrator sets a new one with `qorgau users set-password NAME`.': 'Забыли пароль? Администратор задаёт новый командой `qorgau users set-password ИМЯ`.', 'That is not your current password: nothing was changed.': 'Это не ваш текущий пароль: ничего не изменено.', 'The two new passwords differ: nothing was changed.': 'Два новых пароля не совпадают: ничего не изменено.', 'The new password is the same as the current one: nothing was changed.': 'Новый пароль совпадает с текущим: ничего не изменено.', 'Your password is changed. Other sessions ended: %(sessions)d; read-API tokens revoked: %(tokens)d.': 'Пароль изменён. Завершено других сеансов: %(sessions)d; отозвано токенов API для чтения: %(tokens)d.'})  # password change page (session 16)

RU.update({"Resolution run finished. The pairs you may read are in the queue; linked records show on the persons' pages.": 'Сопоставление завершено. Пары, которые вам доступны, — в очереди; объединённые записи видны на страницах людей.'})  # resolution run, uncleared reader (session 16)

if __name__ == "__main__":
    sys.exit(main())
