// The page's own words in Kazakh (the default) and Russian. The documents themselves are never translated.
// Elements carry data-i18n="key" (text), data-i18n-title, data-i18n-placeholder or data-i18n-aria-label.

const words = {
  kk: {
    'page.clerk': 'FormsService — Құжаттарды толтыру',
    'page.designer': 'FormsService — Кеудеше дизайнері',
    'clerk.title': 'Құжаттарды толтыру',
    'clerk.lead': 'Нысанды таңдаңыз, толтырыңыз, қарап шығыңыз және DOCX немесе PDF түрінде жүктеп алыңыз.',
    'nav.clerk': 'Нысандар',
    'nav.designer': 'Кеудеше дизайнері',
    'nav.docs': 'API құжаттамасы',
    'lang.switch': 'Тіл',
    'settings.title': 'Баптаулар',
    'settings.apiKey': 'API кілті',
    'settings.apiKeyHelp': 'Кілт тек осы браузер қойындысында сақталады және әр сұраумен бірге жіберіледі.',
    'settings.save': 'Сақтау',
    'settings.clear': 'Өшіру',
    'settings.saved': 'Кілт сақталды.',
    'settings.cleared': 'Кілт өшірілді.',
    'form.choose': 'Нысан',
    'form.version': 'Нұсқа',
    'form.documentLanguage': 'Құжат тілі',
    'form.documentLanguageOfficial': 'Ресми нысан: оның орыс тіліндегі ресми мәтіні қызметте жоқ, құжат тек қазақ тілінде басылады.',
    'form.act': 'Құқықтық негіз',
    'form.appendix': 'Қосымша',
    'form.registration': 'Тіркеу',
    'form.effective': 'Күшіне енген күні',
    'form.effectiveTo': 'дейін',
    'form.loading': 'Жүктелуде…',
    'form.noSchema': 'Бұл нұсқаның деректер сызбасы әзірге қолжетімсіз.',
    'form.required': 'міндетті',
    'form.requiredNote': '* — міндетті өрістер',
    'form.designerLink': 'Кеудеше үлгісін дизайнерде ашу',
    'form.rule': 'Норма',
    'form.translated': 'аударма',
    'form.titleKk': 'Ресми атауы',
    'form.translatedNote': 'Аударма: бұйрықтың мәтіні қазақ тілінде.',
    'form.datePlaceholder': 'кк.аа.жжжж',
    'form.dateInvalid': 'Күнді кк.аа.жжжж түрінде жазыңыз, мысалы 05.11.2025.',
    'action.example': 'Үлгіні толтыру',
    'action.clear': 'Тазарту',
    'action.preview': 'Алдын ала қарау',
    'action.docx': 'DOCX жүктеу',
    'action.pdf': 'PDF жүктеу',
    'action.blank': 'Бос бланк (PDF)',
    'preview.title': 'Бірінші беттің көрінісі',
    'preview.alt': 'Құжаттың бірінші беті',
    'preview.empty': 'Көріністі көру үшін нысанды толтырыңыз.',
    'preview.stale': 'Көрініс ескірді: өрістерді түзетіңіз.',
    'preview.unavailable': 'Алдын ала қарау қолжетімсіз',
    'deadlines.title': 'Мерзімдер',
    'deadlines.help': 'Үкім келіп түскен күннен бастап, Қазақстанның жұмыс күндері күнтізбесі бойынша есептеледі.',
    'deadlines.who': 'Кім',
    'deadlines.what': 'Не',
    'deadlines.due': 'Мерзімі',
    'deadlines.basis': 'Негіз',
    'deadlines.confirmed': 'Расталған',
    'deadlines.yes': 'иә',
    'deadlines.no': 'жоқ',
    'deadlines.none': 'Мерзімдер жоқ.',
    'status.downloading': 'Құжат дайындалуда…',
    'status.downloaded': 'Жүктелді:',
    'status.invalid': 'Өрістерді тексеріңіз.',
    'error.unauthorized': 'API кілті қажет немесе ол жарамсыз. «Баптаулар» бөлімінде кілтті енгізіңіз.',
    'error.forbidden': 'Бұл API кілтіне рұқсат жоқ.',
    'error.network': 'Қызметке қосылу мүмкін болмады.',
    'error.generic': 'Қате',
    'error.unknownField': 'Өріс',
    'action.addItem': 'Қосу',
    'action.removeItem': 'Жою',
    'status.problems': 'Құжат дайындалмады: өрістерді түзетіңіз (қате саны: {n}).',
    'status.downloadedWithWarnings': 'Жүктелді, бірақ назар аударыңыз:',
    'status.warningsUnread': 'Құжатта ескертулер бар ({n}), бірақ олардың мәтінін алу мүмкін болмады.',
    'preview.outdated': 'Көрініс ескірді: өзгерістер әлі көрсетілмеген. Жаңарту үшін «Алдын ала қарау» басыңыз.',
    'deadlines.monthDue': 'Пробация қызметіне жіберу мерзімі (айдың соңғы жұмыс күні):',
    'deadlines.unconfirmed': 'күнтізбе расталмаған',
    'designer.title': 'Кеудеше үлгісі — дизайнер',
    'designer.lead': 'Параметрлерді өзгертіңіз: көрініс бірден жаңарады. Ресми үлгіге кез келген уақытта қайтуға болады.',
    'designer.view': 'Көрініс',
    'designer.view.front': 'Алдыңғы жағы',
    'designer.view.back': 'Арқа жағы',
    'designer.view.both': 'Екі жағы',
    'designer.color': 'Кеудеше түсі',
    'designer.stripeColor': 'Жолақ түсі',
    'designer.stripeWidthMm': 'Жолақ ені, мм',
    'designer.stripePositionMm': 'Жолақтың орны, мм',
    'designer.stripePositionHelp': 'Бос болса — ресми орны.',
    'designer.letteringScale': 'Жазу өлшемі',
    'designer.dimensions': 'Өлшемдерді көрсету',
    'designer.dpi': 'PNG ажыратымдылығы, dpi',
    'designer.reset': 'Ресми үлгіге қайтару',
    'designer.download': 'Жүктеу',
    'designer.preview': 'Көрініс',
    'designer.previewAlt': 'Кеудеше суреті',
    'designer.loading': 'Жаңартылуда…',
  },
  ru: {
    'page.clerk': 'FormsService — Заполнение документов',
    'page.designer': 'FormsService — Дизайнер жилета',
    'clerk.title': 'Заполнение документов',
    'clerk.lead': 'Выберите форму, заполните, просмотрите и скачайте в DOCX или PDF.',
    'nav.clerk': 'Формы',
    'nav.designer': 'Дизайнер жилета',
    'nav.docs': 'Документация API',
    'lang.switch': 'Язык',
    'settings.title': 'Настройки',
    'settings.apiKey': 'Ключ API',
    'settings.apiKeyHelp': 'Ключ хранится только в этой вкладке браузера и отправляется с каждым запросом.',
    'settings.save': 'Сохранить',
    'settings.clear': 'Удалить',
    'settings.saved': 'Ключ сохранён.',
    'settings.cleared': 'Ключ удалён.',
    'form.choose': 'Форма',
    'form.version': 'Версия',
    'form.documentLanguage': 'Язык документа',
    'form.documentLanguageOfficial': 'Официальная форма: ее официального текста на русском языке в сервисе нет, документ печатается только на казахском языке.',
    'form.act': 'Правовое основание',
    'form.appendix': 'Приложение',
    'form.registration': 'Регистрация',
    'form.effective': 'Дата вступления в силу',
    'form.effectiveTo': 'по',
    'form.loading': 'Загрузка…',
    'form.noSchema': 'Схема данных этой версии пока недоступна.',
    'form.required': 'обязательно',
    'form.requiredNote': '* — обязательные поля',
    'form.designerLink': 'Открыть образец жилета в дизайнере',
    'form.rule': 'Норма',
    'form.translated': 'перевод',
    'form.titleKk': 'Официальное название',
    'form.translatedNote': 'Перевод: текст приказа — на казахском языке.',
    'form.datePlaceholder': 'дд.мм.гггг',
    'form.dateInvalid': 'Введите дату в виде дд.мм.гггг, например 05.11.2025.',
    'action.example': 'Заполнить образцом',
    'action.clear': 'Очистить',
    'action.preview': 'Предпросмотр',
    'action.docx': 'Скачать DOCX',
    'action.pdf': 'Скачать PDF',
    'action.blank': 'Пустой бланк (PDF)',
    'preview.title': 'Первая страница',
    'preview.alt': 'Первая страница документа',
    'preview.empty': 'Заполните форму, чтобы увидеть предпросмотр.',
    'preview.stale': 'Предпросмотр устарел: исправьте поля.',
    'preview.unavailable': 'Предпросмотр недоступен',
    'deadlines.title': 'Сроки',
    'deadlines.help': 'Считаются от даты поступления приговора по календарю рабочих дней Казахстана.',
    'deadlines.who': 'Кто',
    'deadlines.what': 'Что',
    'deadlines.due': 'Срок',
    'deadlines.basis': 'Основание',
    'deadlines.confirmed': 'Подтверждено',
    'deadlines.yes': 'да',
    'deadlines.no': 'нет',
    'deadlines.none': 'Сроков нет.',
    'status.downloading': 'Документ готовится…',
    'status.downloaded': 'Скачано:',
    'status.invalid': 'Проверьте поля.',
    'error.unauthorized': 'Нужен ключ API, или он неверен. Введите ключ в разделе «Настройки».',
    'error.forbidden': 'Этому ключу API доступ запрещён.',
    'error.network': 'Не удалось связаться со службой.',
    'error.generic': 'Ошибка',
    'error.unknownField': 'Поле',
    'action.addItem': 'Добавить',
    'action.removeItem': 'Удалить',
    'status.problems': 'Документ не подготовлен: исправьте поля (ошибок: {n}).',
    'status.downloadedWithWarnings': 'Скачано, но обратите внимание:',
    'status.warningsUnread': 'В документе есть предупреждения ({n}), но их текст получить не удалось.',
    'preview.outdated': 'Предпросмотр устарел: изменения ещё не показаны. Нажмите «Предпросмотр», чтобы обновить.',
    'deadlines.monthDue': 'Срок направления в службу пробации (последний рабочий день месяца):',
    'deadlines.unconfirmed': 'календарь не подтверждён',
    'designer.title': 'Образец жилета — дизайнер',
    'designer.lead': 'Меняйте параметры: предпросмотр обновляется сразу. К официальному образцу можно вернуться в любой момент.',
    'designer.view': 'Вид',
    'designer.view.front': 'Спереди',
    'designer.view.back': 'Сзади',
    'designer.view.both': 'Оба вида',
    'designer.color': 'Цвет жилета',
    'designer.stripeColor': 'Цвет полосы',
    'designer.stripeWidthMm': 'Ширина полосы, мм',
    'designer.stripePositionMm': 'Положение полосы, мм',
    'designer.stripePositionHelp': 'Пусто — официальное положение.',
    'designer.letteringScale': 'Масштаб надписи',
    'designer.dimensions': 'Показать размеры',
    'designer.dpi': 'Разрешение PNG, dpi',
    'designer.reset': 'Вернуть официальный образец',
    'designer.download': 'Скачать',
    'designer.preview': 'Предпросмотр',
    'designer.previewAlt': 'Рисунок жилета',
    'designer.loading': 'Обновление…',
  },
};

const storageKey = 'formsService.lang';
const listeners = new Set();

let current = (() => {
  try {
    return localStorage.getItem(storageKey) === 'ru' ? 'ru' : 'kk';
  } catch {
    return 'kk';
  }
})();

export function lang() {
  return current;
}

export function t(key) {
  return words[lang()][key] ?? words.kk[key] ?? key;
}

/** Applies the current language to every element under root that names a key. */
export function applyI18n(root = document) {
  document.documentElement.lang = lang() === 'ru' ? 'ru' : 'kk';
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  for (const el of root.querySelectorAll('[data-i18n-alt]')) el.alt = t(el.dataset.i18nAlt);
  for (const button of root.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === lang()));
}

export function setLang(value) {
  current = value === 'ru' ? 'ru' : 'kk';
  try {
    localStorage.setItem(storageKey, current);
  } catch {
    // storage may be disabled; the switch then lasts for this page only
  }
  applyI18n();
  for (const listener of listeners) listener(lang());
}

export function onLangChange(listener) {
  listeners.add(listener);
}

/** Wires the ҚАЗ/РУС buttons (elements with data-lang). */
export function initLangSwitch(root = document) {
  for (const button of root.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => setLang(button.dataset.lang));
  }
  applyI18n();
}
