// The page's own words: buttons, steps, messages, hints. Every question, label and
// advice text, and every word the report, the charts and the tables show (band names,
// column heads, chart titles, "geen score"), comes from the instrument
// (`instrument.words`, read through respondent/words.js); only the words around them
// live here.

export const LANGS = ['nl', 'en'];

const STRINGS = {
  nl: {
    // The frame (shell.js) and loading.
    title: 'Netwerkscan',
    subtitle: 'Scan voor netwerkregie: waar staat jullie samenwerking?',
    groupTitle: 'Netwerkscan voor de procesbegeleider',
    groupSubtitle: 'Leg de antwoorden van alle partners naast elkaar.',
    // The group view's first card, drawn by the shell before the group view has loaded.
    groupIntakeTitle: 'Antwoorden inlezen',
    groupIntakeHelp: 'Lees de antwoordbestanden van de partners in (.json of .jsonl), meerdere tegelijk. Alles blijft in deze browser.',
    loading: 'De scan wordt geladen…',
    langGroup: 'Taal',
    stepsNav: 'Stappen van de scan',
    chartsTitle: 'Je scan in beeld',
    chartsHelp: 'De grafieken veranderen bij elk antwoord.',
    // The caption of the first radar until the instrument's own word replaces it.
    chartConcepts: 'Gezonde relaties',
    loadError: 'De scan kon niet worden geladen: {message}',
    loadWasmError: 'het rekenhart van de scan kon niet worden geladen ({message}). Laad de pagina opnieuw; blijft dit gebeuren, vraag dan je trainer om hulp',
    instrumentFetchError: 'de vragenlijst {url} kon niet worden opgehaald ({message})',
    instrumentInvalid: 'de vragenlijst {url} klopt niet: {message}',
    // The opening screen.
    openingTitle: 'Waar staat jullie samenwerking?',
    openingText: 'Met deze scan kijk je naar je samenwerkingsverband: de gezamenlijke opgave, hoe jullie samenwerken, de zes begrippen van gezonde relaties, de belangen van de partners en de rol van de overheid. De grafieken laten meteen zien waar jullie staan.',
    openingFacts: 'Ongeveer 15 minuten.',
    openingCount: '{questions} vragen, ongeveer {minutes} minuten.',
    openingCountOpen: '{questions} vragen en {open} open vragen, ongeveer {minutes} minuten.',
    openingCountOpenOne: '{questions} vragen en 1 open vraag, ongeveer {minutes} minuten.',
    openingPrivacy: 'Je antwoorden blijven in deze browser. Aan het eind sla je ze op als bestand en lever je dat in bij je trainer of procesbegeleider.',
    openingStart: 'Begin de scan',
    // The header's file actions.
    save: 'Antwoorden opslaan',
    open: 'Antwoorden openen',
    restart: 'Begin opnieuw',
    saveShort: 'Opslaan',
    openShort: 'Openen',
    restartShort: 'Opnieuw',
    dismiss: 'Sluiten',
    // Steps and progress.
    stepAbout: 'Over jou',
    stepResult: 'Resultaat',
    stepOf: 'Stap {n} van {total}',
    prev: 'Vorige',
    next: 'Volgende',
    toResult: 'Naar het resultaat',
    progress: '{n} van {total} vragen beantwoord',
    stepProgress: '{n} van {total} beantwoord',
    // Questions.
    aboutIntro: 'Een paar gegevens over jou en je organisatie. Ze helpen je trainer de antwoorden van de groep te ordenen. Alles blijft in deze browser tot je het zelf opslaat.',
    alias: 'Naam of alias',
    aliasHint: 'Een voornaam of alias is genoeg. Die komt in de bestandsnaam als je opslaat.',
    organisation: 'Organisatie',
    organisationHint: 'Bijvoorbeeld: Gemeente Deventer, Zorggroep Oost, Woonstichting De Brug.',
    openHint: 'Schrijf in je eigen woorden; een paar zinnen is genoeg. Je mag dit ook leeg laten.',
    commentHint: 'Dit begrip scoort bij jou onder de 3,0. Beschrijf gerust wat zou helpen.',
    commentHintModule: 'Dit onderdeel scoort bij jou onder de 3,0. Beschrijf gerust wat zou helpen.',
    interestsTitle: 'Belang, halen en brengen',
    influenceTitle: 'Bronnen van invloed',
    closingTitle: 'Tot slot',
    // Charts and tables (the tables' words come from the instrument).
    showTable: 'Waarden als tabel',
    chosen: 'gekozen',
    notChosen: 'niet gekozen',
    // The result.
    resultIntro: 'Scores lopen van 1 tot 5. Vanaf 4,0 is een onderdeel sterk, vanaf 3,0 vraagt het aandacht, daaronder is er zorg. Een score ontbreekt als minder dan de helft van de vragen is beantwoord.',
    trustScore: 'vertrouwen',
    ladderRung: 'trede {n}: {rung}',
    notAnswered: 'nog niet beantwoord',
    adviceMore: 'Meer adviezen ({n})',
    sources: 'Bronnen',
    commentsNone: 'Je hebt geen opmerkingen geschreven.',
    // Handing over.
    handoverTitle: 'Lever je antwoorden in',
    handoverText: 'Je antwoorden staan alleen in deze browser. Je trainer of procesbegeleider krijgt ze pas als jij ze opstuurt: bewaar ze als bestand en stuur dat bestand op.',
    handoverTo: 'Stuur het bestand naar je trainer of procesbegeleider, bijvoorbeeld als bijlage bij een e-mail.',
    handoverToName: 'Stuur dit bestand naar {name}.',
    handoverToNameEmail: 'Stuur dit bestand naar {name} ({email}).',
    handoverToEmail: 'Stuur dit bestand naar {email}.',
    saveFile: 'Bewaar als bestand',
    shareFile: 'Deel het bestand',
    copyText: 'Kopieer als tekst',
    mailLink: 'Schrijf een e-mail aan {name}',
    mailNote: 'Deze link opent je e-mailprogramma met het onderwerp en een begin van het bericht, maar zonder het bestand: een link kan geen bijlage toevoegen. Voeg het bewaarde bestand zelf toe.',
    mailSubject: 'Mijn antwoorden op de Netwerkscan',
    mailBody: 'Hallo {name},\n\nIn de bijlage vind je mijn antwoorden op de Netwerkscan: het bestand {file}.\n\nMet vriendelijke groet,\n{alias}',
    mailSomeone: 'trainer',
    savedPicker: 'Je antwoorden zijn opgeslagen als “{file}”, op de plek die je koos.',
    savedDownload: 'Je browser slaat je antwoorden op als “{file}”, meestal in de map Downloads.',
    savedUnsure: 'De scan heeft je antwoorden als “{file}” aan je browser gegeven om te downloaden. De website waarin de scan staat, kan downloads tegenhouden; dat kan de scan niet zien. Staat het bestand niet in je downloads? Kopieer je antwoorden dan als tekst.',
    downloadBlocked: 'In dit kader van de website kan de scan geen bestand downloaden. Kopieer je antwoorden als tekst en plak ze in een e-mail aan je trainer, of open de scan in een eigen venster om een bestand te bewaren.',
    copied: 'Je antwoorden staan als tekst op het klembord. Plak ze in een e-mail aan je trainer, of in een tekstbestand met de naam “{file}”.',
    copyManual: 'Kopiëren lukte niet vanzelf. De tekst hieronder is geselecteerd: kopieer hem (Ctrl+C, op een Mac Cmd+C) en plak hem in een e-mail aan je trainer.',
    copyLabel: 'Je antwoorden als tekst',
    shared: 'Het bestand is gedeeld.',
    shareError: 'Delen lukte niet: {message}. Bewaar het bestand of kopieer je antwoorden als tekst.',
    // Keeping the result (respondent/exports.js): print, the charts, the scores.
    exportTitle: 'Je resultaat bewaren',
    exportText: 'Druk je resultaat af of bewaar het als pdf, of download de grafieken en je scores. Die bestanden zijn voor jezelf: je trainer krijgt je antwoorden alleen als je ze inlevert.',
    printResult: 'Afdrukken of bewaren als pdf',
    exportCsv: 'Scores als CSV',
    exportCsvLabel: 'Scores als CSV downloaden, voor Excel',
    exportCharts: 'Grafieken downloaden',
    exportPng: 'PNG',
    exportSvg: 'SVG',
    exportChartLabel: '{chart} downloaden als {kind}',
    exportPicker: '“{file}” is opgeslagen op de plek die je koos.',
    exportDownload: 'Je browser slaat “{file}” op, meestal in de map Downloads.',
    exportUnsure: 'De scan heeft “{file}” aan je browser gegeven om te downloaden. De website waarin de scan staat, kan downloads tegenhouden; dat kan de scan niet zien. Staat het bestand niet in je downloads? Druk je resultaat dan af, of open de scan in een eigen venster.',
    exportBlocked: 'In dit kader van de website kan de scan geen bestand downloaden. Druk je resultaat af, of open de scan in een eigen venster om de bestanden te bewaren.',
    exportError: '“{file}” kon niet worden gemaakt: {message}',
    printMeta: 'Resultaat van {who} · {date}',
    printMetaNoName: 'Resultaat · {date}',
    // Dialogs.
    restartTitle: 'Opnieuw beginnen?',
    restartText: 'Alle antwoorden in deze browser worden gewist. Sla ze eerst op als je ze wilt bewaren.',
    restartConfirm: 'Ja, wis alles',
    replaceTitle: 'Antwoorden vervangen?',
    replaceText: 'De antwoorden uit “{file}” vervangen je huidige antwoorden. Sla die eerst op als je ze wilt bewaren.',
    replaceConfirm: 'Vervangen',
    cancel: 'Annuleren',
    // Messages.
    opened: 'De antwoorden uit “{file}” zijn geopend.',
    cleared: 'Alle antwoorden zijn gewist. Je begint met een lege scan.',
    restored: 'Je eerdere antwoorden in deze browser zijn teruggezet.',
    migrated: 'Je antwoorden uit de vorige versie van de scan zijn overgenomen.{replaced}',
    openError: '“{file}” kon niet worden geopend: {message}. Je huidige antwoorden zijn niet veranderd.',
    setError: 'Deze antwoorden konden niet worden geladen: {message}. De huidige antwoorden zijn niet veranderd.',
    saveError: 'De antwoorden konden niet worden opgeslagen: {message}',
    storageFull: 'Je browser heeft geen ruimte meer om je antwoorden automatisch te bewaren. Ze staan nog wel in deze pagina. Sla ze op als bestand voordat je de pagina sluit; bij je volgende antwoord probeert de scan het opnieuw.',
    storageBack: 'Je antwoorden worden weer automatisch bewaard.',
    storageRefusedFrame: 'In dit kader bewaart de scan je antwoorden niet automatisch: de website waarin de scan staat, staat dat niet toe. Je antwoorden blijven staan zolang deze pagina open is. Sla ze aan het eind op als bestand (of kopieer ze als tekst), of open de scan in een eigen venster.',
    storageRefusedPage: 'Deze browser staat niet toe dat de scan je antwoorden automatisch bewaart. Je antwoorden blijven staan zolang deze pagina open is. Sla ze op als bestand voordat je de pagina sluit.',
    storageOff: 'Op deze pagina worden je antwoorden niet automatisch bewaard. Sla ze op als bestand voordat je de pagina sluit.',
    corruptKept: 'De antwoorden die in deze browser waren bewaard, zijn beschadigd en konden niet worden teruggezet ({message}). Ze zijn ongewijzigd bewaard onder de sleutel “{key}” in deze browser. Je begint met een lege scan.',
    corruptNoRoom: 'De antwoorden die in deze browser waren bewaard, zijn beschadigd en konden niet worden teruggezet ({message}). Er is geen ruimte om er een kopie van te bewaren. Download ze eerst als bestand: tot je kiest, bewaart de scan niets automatisch, zodat ze niet worden overschreven.',
    corruptDownload: 'Download de beschadigde antwoorden',
    corruptContinue: 'Ga verder zonder ze',
    corruptDownloaded: 'De beschadigde antwoorden zijn aangeboden als “{file}”. Vanaf nu bewaart de scan je nieuwe antwoorden weer automatisch.',
    error: 'Er ging iets mis: {message}',
  },
  en: {
    title: 'Network scan',
    subtitle: 'Scan for network governance: where does your collaboration stand?',
    groupTitle: 'Network scan for the facilitator',
    groupSubtitle: "Set all partners' answers side by side.",
    groupIntakeTitle: 'Read responses',
    groupIntakeHelp: "Read the partners' response files (.json or .jsonl), several at once. Everything stays in this browser.",
    loading: 'Loading the scan…',
    langGroup: 'Language',
    stepsNav: 'Steps of the scan',
    chartsTitle: 'Your scan at a glance',
    chartsHelp: 'The charts change with every answer.',
    chartConcepts: 'Healthy relations',
    loadError: 'The scan could not be loaded: {message}',
    loadWasmError: "the scan's engine could not be loaded ({message}). Reload the page; if it keeps happening, ask your trainer for help",
    instrumentFetchError: 'the questionnaire {url} could not be fetched ({message})',
    instrumentInvalid: 'the questionnaire {url} is not valid: {message}',
    openingTitle: 'Where does your collaboration stand?',
    openingText: "This scan looks at your collaboration: the joint task, how you work together, the six concepts of healthy relations, the partners' interests and the government's role. The charts show at once where you stand.",
    openingFacts: 'About 15 minutes.',
    openingCount: '{questions} questions, about {minutes} minutes.',
    openingCountOpen: '{questions} questions and {open} open questions, about {minutes} minutes.',
    openingCountOpenOne: '{questions} questions and 1 open question, about {minutes} minutes.',
    openingPrivacy: 'Your answers stay in this browser. At the end you save them as a file and hand it to your trainer or facilitator.',
    openingStart: 'Start the scan',
    save: 'Save answers',
    open: 'Open answers',
    restart: 'Start again',
    saveShort: 'Save',
    openShort: 'Open',
    restartShort: 'Restart',
    dismiss: 'Close',
    stepAbout: 'About you',
    stepResult: 'Result',
    stepOf: 'Step {n} of {total}',
    prev: 'Previous',
    next: 'Next',
    toResult: 'To the result',
    progress: '{n} of {total} questions answered',
    stepProgress: '{n} of {total} answered',
    aboutIntro: 'A few details about you and your organisation. They help your trainer order the answers of the group. Everything stays in this browser until you save it yourself.',
    alias: 'Name or alias',
    aliasHint: 'A first name or alias is enough. It goes into the file name when you save.',
    organisation: 'Organisation',
    organisationHint: 'For example: Municipality of Deventer, Care group East, Housing association De Brug.',
    openHint: 'Write in your own words; a few sentences are enough. You may also leave this empty.',
    commentHint: 'You score this concept below 3.0. Feel free to describe what would help.',
    commentHintModule: 'You score this part below 3.0. Feel free to describe what would help.',
    interestsTitle: 'Interest, give and take',
    influenceTitle: 'Sources of influence',
    closingTitle: 'Finally',
    showTable: 'Values as a table',
    chosen: 'chosen',
    notChosen: 'not chosen',
    resultIntro: 'Scores run from 1 to 5. From 4.0 a part is strong, from 3.0 it needs attention, below that there is concern. A score is missing when fewer than half of its questions are answered.',
    trustScore: 'trust',
    ladderRung: 'rung {n}: {rung}',
    notAnswered: 'not answered yet',
    adviceMore: 'More advice ({n})',
    sources: 'Sources',
    commentsNone: 'You have not written any comments.',
    handoverTitle: 'Hand in your answers',
    handoverText: 'Your answers are only in this browser. Your trainer or facilitator only gets them when you send them: save them as a file and send that file.',
    handoverTo: 'Send the file to your trainer or facilitator, for example attached to an e-mail.',
    handoverToName: 'Send this file to {name}.',
    handoverToNameEmail: 'Send this file to {name} ({email}).',
    handoverToEmail: 'Send this file to {email}.',
    saveFile: 'Save as a file',
    shareFile: 'Share the file',
    copyText: 'Copy as text',
    mailLink: 'Write an e-mail to {name}',
    mailNote: 'This link opens your e-mail program with the subject and the start of the message, but without the file: a link cannot add an attachment. Attach the saved file yourself.',
    mailSubject: 'My answers to the Network scan',
    mailBody: 'Hello {name},\n\nAttached are my answers to the Network scan: the file {file}.\n\nKind regards,\n{alias}',
    mailSomeone: 'trainer',
    savedPicker: 'Your answers have been saved as “{file}”, in the place you chose.',
    savedDownload: 'Your browser saves your answers as “{file}”, usually in the Downloads folder.',
    savedUnsure: 'The scan has given your answers to your browser to download as “{file}”. The website around the scan may block downloads, which the scan cannot see. Is the file not in your downloads? Then copy your answers as text.',
    downloadBlocked: 'In this frame of the website the scan cannot download a file. Copy your answers as text and paste them into an e-mail to your trainer, or open the scan in a window of its own to save a file.',
    copied: 'Your answers are on the clipboard as text. Paste them into an e-mail to your trainer, or into a text file named “{file}”.',
    copyManual: 'Copying did not work by itself. The text below is selected: copy it (Ctrl+C, on a Mac Cmd+C) and paste it into an e-mail to your trainer.',
    copyLabel: 'Your answers as text',
    shared: 'The file has been shared.',
    shareError: 'Sharing did not work: {message}. Save the file or copy your answers as text.',
    exportTitle: 'Keep your result',
    exportText: 'Print your result or save it as a PDF, or download the charts and your scores. Those files are for yourself: your trainer only gets your answers when you hand them in.',
    printResult: 'Print or save as PDF',
    exportCsv: 'Scores as CSV',
    exportCsvLabel: 'Scores as CSV: download them for Excel',
    exportCharts: 'Download the charts',
    exportPng: 'PNG',
    exportSvg: 'SVG',
    exportChartLabel: 'Download {chart} as {kind}',
    exportPicker: '“{file}” has been saved in the place you chose.',
    exportDownload: 'Your browser saves “{file}”, usually in the Downloads folder.',
    exportUnsure: 'The scan has given “{file}” to your browser to download. The website around the scan may block downloads, which the scan cannot see. Is the file not in your downloads? Then print your result, or open the scan in a window of its own.',
    exportBlocked: 'In this frame of the website the scan cannot download a file. Print your result, or open the scan in a window of its own to keep the files.',
    exportError: '“{file}” could not be made: {message}',
    printMeta: 'Result of {who} · {date}',
    printMetaNoName: 'Result · {date}',
    restartTitle: 'Start again?',
    restartText: 'All answers in this browser will be cleared. Save them first if you want to keep them.',
    restartConfirm: 'Yes, clear everything',
    replaceTitle: 'Replace answers?',
    replaceText: 'The answers from “{file}” replace your current answers. Save those first if you want to keep them.',
    replaceConfirm: 'Replace',
    cancel: 'Cancel',
    opened: 'The answers from “{file}” have been opened.',
    cleared: 'All answers have been cleared. You start with an empty scan.',
    restored: 'Your earlier answers in this browser have been restored.',
    migrated: 'Your answers from the previous version of the scan have been taken over.{replaced}',
    openError: '“{file}” could not be opened: {message}. Your current answers have not changed.',
    setError: 'These answers could not be loaded: {message}. The current answers have not changed.',
    saveError: 'The answers could not be saved: {message}',
    storageFull: 'Your browser has no room left to keep your answers automatically. They are still in this page. Save them as a file before you close the page; the scan tries again at your next answer.',
    storageBack: 'Your answers are kept automatically again.',
    storageRefusedFrame: 'In this frame the scan does not keep your answers automatically: the website around the scan does not allow it. Your answers stay as long as this page is open. Save them as a file at the end (or copy them as text), or open the scan in a window of its own.',
    storageRefusedPage: 'This browser does not let the scan keep your answers automatically. Your answers stay as long as this page is open. Save them as a file before you close the page.',
    storageOff: 'On this page your answers are not kept automatically. Save them as a file before you close the page.',
    corruptKept: 'The answers kept in this browser are damaged and could not be restored ({message}). They have been kept unchanged under the key “{key}” in this browser. You start with an empty scan.',
    corruptNoRoom: 'The answers kept in this browser are damaged and could not be restored ({message}). There is no room to keep a copy. Download them as a file first: until you choose, the scan keeps nothing automatically, so they are not overwritten.',
    corruptDownload: 'Download the damaged answers',
    corruptContinue: 'Go on without them',
    corruptDownloaded: 'The damaged answers have been offered as “{file}”. From now on the scan keeps your new answers automatically again.',
    error: 'Something went wrong: {message}',
  },
};

/** Returns the UI string `key` in `lang` with `{name}` placeholders filled from `params`. */
export function t(lang, key, params = {}) {
  const table = STRINGS[lang] ?? STRINGS.nl;
  const template = table[key] ?? STRINGS.nl[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Picks the language from an instrument `Text` ({nl, en}), falling back to Dutch. */
export function tx(text, lang) {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.nl ?? '';
}

/**
 * Formats a score with two decimals in the notation of `lang` ("3,67" / "3.67").
 * toFixed with the decimal comma swapped in: a first Intl.NumberFormat costs 25 ms.
 */
export function formatScore(value, lang) {
  if (value == null || !Number.isFinite(value)) return null;
  const text = (Math.round(value * 100) / 100).toFixed(2);
  return lang === 'en' ? text : text.replace('.', ',');
}

/** Like formatScore, but always with a sign ("+0,47", "−0,90"). */
export function formatSigned(value, lang) {
  const text = formatScore(Math.abs(value), lang);
  if (text == null) return null;
  if (value > 0) return `+${text}`;
  if (value < 0) return `\u2212${text}`;
  return text;
}

/** Turns an Error (or anything thrown) into a readable message. */
export function errorMessage(error) {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
