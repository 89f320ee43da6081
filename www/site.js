// The site around the element: `?lang=en` picks the language, the service worker makes
// the site work offline after one visit, and a short note says when an update waits
// for the next visit. The widget on a course site does none of this: it is the host
// page's business, not the element's.

const scan = document.querySelector('netwerk-scan');
const lang = new URLSearchParams(location.search).get('lang');
if (lang === 'nl' || lang === 'en') scan?.setAttribute('lang', lang);

// The site's own words around the element (`data-word`): its links, in the scan's language.
const WORDS = {
  nl: { more: 'Meer', group: 'Voor procesbegeleiders: de antwoorden van alle partners naast elkaar', back: 'Terug naar de scan' },
  en: { more: 'More', group: "For facilitators: all partners' answers side by side", back: 'Back to the scan' },
};

/** The page in `current`: its lang, its words, and links that keep the language. */
function speak(current) {
  document.documentElement.lang = current;
  for (const el of document.querySelectorAll('[data-word]')) {
    const word = WORDS[current][el.dataset.word];
    if (!word) continue;
    if (el.localName === 'nav') el.setAttribute('aria-label', word);
    else el.textContent = word;
  }
  for (const link of document.querySelectorAll('.site-links a[href]')) {
    const url = new URL(link.getAttribute('href'), location.href);
    url.searchParams.set('lang', current);
    link.href = url.href;
  }
}
if (lang === 'nl' || lang === 'en') speak(lang);

// The page speaks the scan's language: the participant's NL/EN toggle sets the
// element's `lang`, and the page follows, so assistive technology reads it right.
if (scan) {
  new MutationObserver(() => {
    const current = scan.getAttribute('lang');
    if (current === 'nl' || current === 'en') speak(current);
  }).observe(scan, { attributes: true, attributeFilter: ['lang'] });
}

const NOTE = {
  nl: 'Er is een nieuwe versie van de scan. Die wordt gebruikt bij je volgende bezoek; je antwoorden blijven bewaard.',
  en: 'A new version of the scan is ready. It is used on your next visit; your answers are kept.',
};

function showUpdateNote() {
  if (document.getElementById('update-note')) return;
  const current = scan?.language ?? document.documentElement.lang;
  const note = document.createElement('p');
  note.id = 'update-note';
  note.className = 'update-note';
  note.setAttribute('role', 'status');
  note.textContent = NOTE[current === 'en' ? 'en' : 'nl'];
  document.querySelector('.site-links')?.prepend(note);
}

/** The service worker container, or null where the browser refuses it (a sandboxed frame throws). */
function serviceWorkers() {
  try {
    return 'serviceWorker' in navigator && location.protocol !== 'file:' ? navigator.serviceWorker : null;
  } catch {
    return null;
  }
}

/**
 * Registers the worker once the page has loaded and is idle: its start and its caching
 * never compete with the scan's own start.
 */
function register(workers) {
  workers
    .register('sw.js')
    .then((registration) => {
      // An update found while this page is controlled waits for the next visit.
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && workers.controller) showUpdateNote();
        });
      });
      if (registration.waiting && workers.controller) showUpdateNote();
    })
    .catch(() => {
      // No service worker (a private window, a sandboxed frame): the site works online as before.
    });
}

const workers = serviceWorkers();
if (workers) {
  const whenIdle = () => (window.requestIdleCallback ? requestIdleCallback(() => register(workers), { timeout: 3000 }) : setTimeout(() => register(workers), 1000));
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
