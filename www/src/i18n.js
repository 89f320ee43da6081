// UI strings of the page itself ("chrome"). Every question, label and advice text
// comes from the instrument (scan.instrument()); only the words around them live here.

export const LANGS = ['nl', 'en'];

const STRINGS = {
  nl: {
    title: 'Netwerkscan',
    groupTitle: 'Netwerkscan voor de procesbegeleider',
    groupSubtitle: 'Leg de antwoorden van alle partners naast elkaar.',
    openingTitle: 'Waar staat jullie samenwerking?',
    openingText: 'Met deze scan kijk je naar je samenwerkingsverband: de gezamenlijke opgave, hoe jullie samenwerken, de zes begrippen van gezonde relaties, de belangen van de partners en de rol van de overheid. De grafieken laten meteen zien waar jullie staan.',
    openingFacts: 'Ongeveer 15 minuten.',
    openingPrivacy: 'Je antwoorden blijven in deze browser. Aan het eind sla je ze op als bestand en lever je dat in bij je trainer of procesbegeleider.',
    openingStart: 'Begin de scan',
    loadWasmError: 'het rekenhart van de scan kon niet worden geladen ({message}). Laad de pagina opnieuw; blijft dit gebeuren, vraag dan je trainer om hulp',
    instrumentFetchError: 'de vragenlijst {url} kon niet worden opgehaald ({message})',
    instrumentInvalid: 'de vragenlijst {url} klopt niet: {message}',
    subtitle: 'Scan voor netwerkregie: waar staat jullie samenwerking?',
    loading: 'De scan wordt geladen…',
    skip: 'Naar de vragen',
    langGroup: 'Taal',
    save: 'Antwoorden opslaan',
    open: 'Antwoorden openen',
    restart: 'Begin opnieuw',
    saveShort: 'Opslaan',
    openShort: 'Openen',
    restartShort: 'Opnieuw',
    dismiss: 'Sluiten',
    stepsNav: 'Stappen van de scan',
    stepAbout: 'Over jou',
    stepResult: 'Resultaat',
    stepOf: 'Stap {n} van {total}',
    prev: 'Vorige',
    next: 'Volgende',
    toResult: 'Naar het resultaat',
    progress: '{n} van {total} vragen beantwoord',
    stepProgress: '{n} van {total} beantwoord',
    aboutIntro: 'Een paar gegevens over jou en je organisatie. Ze helpen je trainer de antwoorden van de groep te ordenen. Alles blijft in deze browser tot je het zelf opslaat.',
    alias: 'Naam of alias',
    aliasHint: 'Een voornaam of alias is genoeg. Die komt in de bestandsnaam als je opslaat.',
    organisation: 'Organisatie',
    organisationHint: 'Bijvoorbeeld: Gemeente Deventer, Zorggroep Oost, Woonstichting De Brug.',
    roles: 'Welke rol heeft je organisatie bij de opgave?',
    rolesHint: 'Kies alles wat past.',
    position: 'Waar staat je organisatie in het netwerk?',
    positionNone: 'Weet ik niet',
    commentHint: 'Dit begrip scoort bij jou onder de 3,0. Beschrijf gerust wat zou helpen.',
    commentHintModule: 'Dit onderdeel scoort bij jou onder de 3,0. Beschrijf gerust wat zou helpen.',
    interestsTitle: 'Belang, halen en brengen',
    influenceTitle: 'Bronnen van invloed',
    ladderCurrent: 'Nu',
    ladderDesired: 'Gewenst',
    chartsTitle: 'Je scan in beeld',
    chartsHelp: 'De grafieken veranderen bij elk antwoord.',
    chartConcepts: 'Zes begrippen van gezonde relaties',
    chartModules: 'Opgave, organisatie en relaties',
    chartLadder: 'Participatieladder',
    chartInfluence: 'Bronnen van invloed',
    showTable: 'Waarden als tabel',
    colConcept: 'Begrip',
    colModule: 'Onderdeel',
    colSource: 'Bron van invloed',
    colScore: 'Score',
    colBand: 'Oordeel',
    colRung: 'Trede',
    noScore: 'geen score',
    chosen: 'gekozen',
    notChosen: 'niet gekozen',
    band_sterk: 'sterk',
    band_aandacht: 'aandacht',
    band_zorg: 'zorg',
    resultIntro: 'Scores lopen van 1 tot 5. Vanaf 4,0 is een onderdeel sterk, vanaf 3,0 vraagt het aandacht, daaronder is er zorg. Een score ontbreekt als minder dan de helft van de vragen is beantwoord.',
    resultConcepts: 'De zes begrippen',
    resultModules: 'De drie kernvragen',
    trustTitle: 'Vertrouwen en zijn fundament',
    trustMissing: 'Er zijn nog te weinig antwoorden om vertrouwen met zijn fundament te vergelijken. Vertrouwen groeit als de andere vijf begrippen op orde zijn; beantwoord die vragen om dit te zien.',
    trustNumbers: 'Vertrouwen scoort {trust}. Het fundament, het gemiddelde van de andere vijf begrippen, is {foundation}. Het verschil is {gap}.',
    trust_voor: 'Vertrouwen loopt vóór op zijn fundament. Dat is kwetsbaar: vertrouwen dat niet rust op gelijkwaardigheid, respect, vrijheid, verantwoording en transparantie kan snel omslaan als verwachtingen niet uitkomen.',
    trust_achter: 'Vertrouwen blijft achter bij zijn fundament. De andere vijf begrippen zijn beter op orde dan het vertrouwen; maak verwachtingen uitspreekbaar, zodat het vertrouwen kan meegroeien.',
    trust_none: 'Vertrouwen en zijn fundament zijn met elkaar in balans.',
    ladderTitle: 'Rol van de overheid op de participatieladder',
    ladderMissing: 'Je hebt nog niet aangegeven waar de overheid nu staat en waar je haar graag ziet.',
    ladderOnlyCurrent: 'Je ziet de overheid nu op trede {n}, {rung}. Waar je haar graag ziet, heb je nog niet aangegeven.',
    ladderOnlyDesired: 'Je ziet de overheid graag op trede {n}, {rung}. Waar zij nu staat, heb je nog niet aangegeven.',
    ladderSame: 'Je ziet de overheid nu op trede {n}, {rung}, en daar hoort zij volgens jou ook.',
    ladderLower: 'Je ziet de overheid nu op trede {n}, {rung}, en ziet haar liever {k} lager: op trede {m}, {rung2}. Dat vraagt een overheid die meer loslaat.',
    ladderHigher: 'Je ziet de overheid nu op trede {n}, {rung}, en ziet haar liever {k} hoger: op trede {m}, {rung2}. Dat vraagt een overheid die meer sturing geeft.',
    rungsOne: 'één trede',
    rungsMany: '{k} treden',
    adviceTitle: 'Adviezen',
    adviceNone: 'Er zijn nog geen adviezen. Ze verschijnen zodra je antwoorden daar aanleiding toe geven.',
    adviceMore: 'Meer adviezen ({n})',
    sources: 'Bronnen',
    restartTitle: 'Opnieuw beginnen?',
    restartText: 'Alle antwoorden in deze browser worden gewist. Sla ze eerst op als je ze wilt bewaren.',
    restartConfirm: 'Ja, wis alles',
    replaceTitle: 'Antwoorden vervangen?',
    replaceText: 'De antwoorden uit “{file}” vervangen je huidige antwoorden. Sla die eerst op als je ze wilt bewaren.',
    replaceConfirm: 'Vervangen',
    cancel: 'Annuleren',
    savedAs: 'Je antwoorden zijn opgeslagen als “{file}”.',
    opened: 'De antwoorden uit “{file}” zijn geopend.',
    cleared: 'Alle antwoorden zijn gewist. Je begint met een lege scan.',
    restored: 'Je eerdere antwoorden in deze browser zijn teruggezet.',
    openError: '“{file}” kon niet worden geopend: {message}. Je huidige antwoorden zijn niet veranderd.',
    saveError: 'De antwoorden konden niet worden opgeslagen: {message}',
    storageCorrupt: 'De antwoorden die in deze browser waren bewaard, waren beschadigd en konden niet worden teruggezet ({message}). Een kopie staat onder de sleutel “{key}”. Je begint met een lege scan.',
    storageUnavailable: 'Deze browser bewaart je antwoorden niet automatisch ({message}). Sla ze op voordat je de pagina sluit.',
    error: 'Er ging iets mis: {message}',
    loadError: 'De scan kon niet worden geladen: {message}',
  },
  en: {
    title: 'Network scan',
    groupTitle: 'Network scan for the facilitator',
    groupSubtitle: "Set all partners' answers side by side.",
    openingTitle: 'Where does your collaboration stand?',
    openingText: "This scan looks at your collaboration: the joint task, how you work together, the six concepts of healthy relations, the partners' interests and the government's role. The charts show at once where you stand.",
    openingFacts: 'About 15 minutes.',
    openingPrivacy: 'Your answers stay in this browser. At the end you save them as a file and hand it to your trainer or facilitator.',
    openingStart: 'Start the scan',
    loadWasmError: "the scan's engine could not be loaded ({message}). Reload the page; if it keeps happening, ask your trainer for help",
    instrumentFetchError: 'the questionnaire {url} could not be fetched ({message})',
    instrumentInvalid: 'the questionnaire {url} is not valid: {message}',
    subtitle: 'Scan for network governance: where does your collaboration stand?',
    loading: 'Loading the scan…',
    skip: 'Skip to the questions',
    langGroup: 'Language',
    save: 'Save answers',
    open: 'Open answers',
    restart: 'Start again',
    saveShort: 'Save',
    openShort: 'Open',
    restartShort: 'Restart',
    dismiss: 'Close',
    stepsNav: 'Steps of the scan',
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
    roles: 'Which role does your organisation have in the task?',
    rolesHint: 'Choose all that apply.',
    position: 'Where does your organisation stand in the network?',
    positionNone: "I don't know",
    commentHint: 'You score this concept below 3.0. Feel free to describe what would help.',
    commentHintModule: 'You score this part below 3.0. Feel free to describe what would help.',
    interestsTitle: 'Interest, give and take',
    influenceTitle: 'Sources of influence',
    ladderCurrent: 'Now',
    ladderDesired: 'Desired',
    chartsTitle: 'Your scan at a glance',
    chartsHelp: 'The charts change with every answer.',
    chartConcepts: 'Six concepts of healthy relations',
    chartModules: 'Task, organisation and relations',
    chartLadder: 'Participation ladder',
    chartInfluence: 'Sources of influence',
    showTable: 'Values as a table',
    colConcept: 'Concept',
    colModule: 'Part',
    colSource: 'Source of influence',
    colScore: 'Score',
    colBand: 'Rating',
    colRung: 'Rung',
    noScore: 'no score',
    chosen: 'chosen',
    notChosen: 'not chosen',
    band_sterk: 'strong',
    band_aandacht: 'attention',
    band_zorg: 'concern',
    resultIntro: 'Scores run from 1 to 5. From 4.0 a part is strong, from 3.0 it needs attention, below that there is concern. A score is missing when fewer than half of its questions are answered.',
    resultConcepts: 'The six concepts',
    resultModules: 'The three core questions',
    trustTitle: 'Trust and its foundation',
    trustMissing: 'There are too few answers yet to compare trust with its foundation. Trust grows when the other five concepts are in order; answer those questions to see this.',
    trustNumbers: 'Trust scores {trust}. The foundation, the mean of the other five concepts, is {foundation}. The difference is {gap}.',
    trust_voor: 'Trust runs ahead of its foundation. That is fragile: trust that does not rest on equivalence, respect, freedom, accountability and transparency can quickly turn when expectations are not met.',
    trust_achter: 'Trust lags behind its foundation. The other five concepts are in better order than trust; make expectations explicit so that trust can grow along.',
    trust_none: 'Trust and its foundation are in balance.',
    ladderTitle: 'Role of government on the participation ladder',
    ladderMissing: 'You have not yet said where government stands now and where you would like it to be.',
    ladderOnlyCurrent: 'You see government now on rung {n}, {rung}. You have not yet said where you would like it to be.',
    ladderOnlyDesired: 'You would like government on rung {n}, {rung}. You have not yet said where it stands now.',
    ladderSame: 'You see government now on rung {n}, {rung}, which is also where you would like it to be.',
    ladderLower: 'You see government now on rung {n}, {rung}, and would like it {k} lower: on rung {m}, {rung2}. That asks for a government that lets go more.',
    ladderHigher: 'You see government now on rung {n}, {rung}, and would like it {k} higher: on rung {m}, {rung2}. That asks for a government that steers more.',
    rungsOne: 'one rung',
    rungsMany: '{k} rungs',
    adviceTitle: 'Advice',
    adviceNone: 'There is no advice yet. It appears as soon as your answers give reason for it.',
    adviceMore: 'More advice ({n})',
    sources: 'Sources',
    restartTitle: 'Start again?',
    restartText: 'All answers in this browser will be cleared. Save them first if you want to keep them.',
    restartConfirm: 'Yes, clear everything',
    replaceTitle: 'Replace answers?',
    replaceText: 'The answers from “{file}” replace your current answers. Save those first if you want to keep them.',
    replaceConfirm: 'Replace',
    cancel: 'Cancel',
    savedAs: 'Your answers have been saved as “{file}”.',
    opened: 'The answers from “{file}” have been opened.',
    cleared: 'All answers have been cleared. You start with an empty scan.',
    restored: 'Your earlier answers in this browser have been restored.',
    openError: '“{file}” could not be opened: {message}. Your current answers have not changed.',
    saveError: 'The answers could not be saved: {message}',
    storageCorrupt: 'The answers kept in this browser were damaged and could not be restored ({message}). A copy is kept under the key “{key}”. You start with an empty scan.',
    storageUnavailable: 'This browser does not keep your answers automatically ({message}). Save them before you close the page.',
    error: 'Something went wrong: {message}',
    loadError: 'The scan could not be loaded: {message}',
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
