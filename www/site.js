// The site around the element: `?lang=en` picks the language, the service worker makes
// the site work offline after one visit, and a short note says when an update waits
// for the next visit. The widget on a course site does none of this: it is the host
// page's business, not the element's.

const scan = document.querySelector('netwerk-scan');
const lang = new URLSearchParams(location.search).get('lang');
if (lang === 'nl' || lang === 'en') {
  document.documentElement.lang = lang;
  scan?.setAttribute('lang', lang);
}

// The page speaks the scan's language: the participant's NL/EN toggle sets the
// element's `lang`, and the page follows, so assistive technology reads it right.
if (scan) {
  new MutationObserver(() => {
    const current = scan.getAttribute('lang');
    if (current === 'nl' || current === 'en') document.documentElement.lang = current;
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

const workers = serviceWorkers();
if (workers) {
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
