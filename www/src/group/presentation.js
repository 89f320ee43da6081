// Presentation mode, for discussing the results in the room: full screen, large type,
// one chart at a time with the advice that goes with it, and a last slide with the top
// advice. Arrows (and Page Up/Down, Home, End, Space) move on, Escape leaves; every
// slide is announced to screen readers. Where the browser refuses full screen (a frame
// without allowfullscreen), the slides fill the window instead.

import { h, replaceChildren } from '../dom.js';
import { CHARTS, paint } from './charts.js';
import { w } from './words.js';

/** Which advice belongs with which chart, by its trigger. */
const RELEVANT = {
  concepts: (when) => when.startsWith('concept:') || when.startsWith('trust:'),
  modules: (when) => when.startsWith('module:') || when === 'divergent',
  ladder: (when) => when.startsWith('ladder:'),
  influence: (when) => when.startsWith('interests:') || when.startsWith('role:') || when.startsWith('connection:'),
};

function topAdvice(advice, key, count) {
  const list = advice ?? [];
  const test = RELEVANT[key];
  const own = test ? list.filter((a) => test(a.when ?? '')) : [];
  return (own.length ? own : list).slice(0, count);
}

/**
 * Opens the presentation. `source` = {scan, L, lang, handle, report, options(def)};
 * `host` is where the overlay goes; `onClose()` is called after it has closed.
 */
export function openPresentation(host, source, onClose) {
  const { scan, L, lang } = source;
  const slides = [...CHARTS.filter((def) => def.slide !== false).map((def) => ({ def, title: L.say(def.title, lang) })), { def: null, title: w(lang, 'adviceSlide') }];
  let index = 0;
  let fullscreen = false;
  let closed = false;

  const stage = h('div', { class: 'slide' });
  const counter = h('span', { class: 'slide-counter', 'aria-hidden': 'true' });
  const live = h('p', { class: 'sr-only', 'aria-live': 'assertive', role: 'status' });
  const prev = h('button', { type: 'button', class: 'button button-quiet', dataset: { action: 'prev-slide' } }, '← ', w(lang, 'prevSlide'));
  const next = h('button', { type: 'button', class: 'button button-quiet', dataset: { action: 'next-slide' } }, w(lang, 'nextSlide'), ' →');
  const close = h('button', { type: 'button', class: 'button button-primary', dataset: { action: 'close-presentation' } }, w(lang, 'closePresentation'));
  const overlay = h(
    'div',
    { class: 'presentation', role: 'dialog', 'aria-modal': 'true', 'aria-label': w(lang, 'presentationLabel'), tabindex: '-1' },
    stage,
    h('div', { class: 'present-bar' }, prev, counter, h('span', { class: 'present-help' }, w(lang, 'presentHelp')), next, close),
    live,
  );

  function show(i) {
    index = Math.max(0, Math.min(slides.length - 1, i));
    const slide = slides[index];
    const report = source.report();
    // On a chart slide the chart draws its own title; the heading is there for screen readers.
    const heading = h('h2', { class: slide.def ? 'slide-title sr-only' : 'slide-title', id: 'slide-title' }, slide.title);
    if (slide.def) {
      const canvas = h('canvas', { class: 'slide-chart', role: 'img', 'aria-labelledby': 'slide-title', dataset: { chart: slide.def.key } });
      const advice = topAdvice(report.advice, slide.def.key, 2);
      replaceChildren(
        stage,
        h(
          'div',
          { class: 'slide-grid' },
          h('div', { class: 'slide-figure' }, heading, canvas),
          h(
            'aside',
            { class: 'slide-advice', 'aria-label': w(lang, 'topAdvice') },
            h('h3', {}, w(lang, 'topAdvice')),
            advice.length ? advice.map((a) => h('div', { class: 'slide-advice-item' }, h('p', { class: 'slide-advice-title' }, a.title?.[lang] ?? ''), h('p', {}, a.finding?.[lang] ?? ''))) : h('p', {}, L.say('advice.none', lang)),
          ),
        ),
      );
      requestAnimationFrame(() => {
        // The room sees the legend in the chart (mean, band, baseline, groups, lines).
        if (!closed) paint(scan, canvas, slide.def, source.handle(), lang, slide.def.overlays ? { ...source.options(slide.def), legend: true } : undefined);
      });
    } else {
      const advice = (report.advice ?? []).slice(0, 3);
      replaceChildren(
        stage,
        h(
          'div',
          { class: 'slide-advice-only' },
          heading,
          advice.length
            ? h(
                'ol',
                { class: 'slide-advice-list' },
                advice.map((a) => h('li', {}, h('p', { class: 'slide-advice-title' }, a.title?.[lang] ?? ''), h('p', {}, a.finding?.[lang] ?? ''), h('p', { class: 'slide-advice-text' }, a.text?.[lang] ?? ''))),
              )
            : h('p', {}, L.say('advice.none', lang)),
        ),
      );
    }
    counter.textContent = `${index + 1} / ${slides.length}`;
    prev.disabled = index === 0;
    next.disabled = index === slides.length - 1;
    live.textContent = w(lang, 'slideOf', { n: index + 1, total: slides.length, title: slide.title });
    overlay.dataset.slide = String(index);
  }

  function finish() {
    if (closed) return;
    closed = true;
    document.removeEventListener('fullscreenchange', onFullscreen);
    if (fullscreen && document.fullscreenElement) document.exitFullscreen().catch(() => {});
    overlay.remove();
    onClose?.();
  }

  function onFullscreen() {
    // Leaving full screen (the browser's own Escape) ends the presentation.
    if (fullscreen && !document.fullscreenElement) finish();
  }

  overlay.addEventListener('keydown', (event) => {
    const keys = {
      ArrowRight: 1,
      ArrowDown: 1,
      PageDown: 1,
      ' ': 1,
      ArrowLeft: -1,
      ArrowUp: -1,
      PageUp: -1,
    };
    if (event.key === 'Escape') {
      event.preventDefault();
      finish();
    } else if (event.key in keys && !(event.key === ' ' && event.target.closest('button'))) {
      event.preventDefault();
      show(index + keys[event.key]);
    } else if (event.key === 'Home') {
      event.preventDefault();
      show(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      show(slides.length - 1);
    } else if (event.key === 'Tab') {
      // Keep the focus inside the presentation.
      const focusable = [prev, next, close].filter((b) => !b.disabled);
      const at = focusable.indexOf(event.target);
      event.preventDefault();
      const step = event.shiftKey ? -1 : 1;
      const target = focusable[(at + step + focusable.length) % focusable.length] ?? close;
      target.focus();
    }
  });
  prev.addEventListener('click', () => show(index - 1));
  next.addEventListener('click', () => show(index + 1));
  close.addEventListener('click', finish);

  host.append(overlay);
  document.addEventListener('fullscreenchange', onFullscreen);
  if (overlay.requestFullscreen) {
    overlay
      .requestFullscreen()
      .then(() => {
        fullscreen = true;
        show(index); // The stage has its full-screen size now.
      })
      .catch(() => {
        fullscreen = false; // The window-filling overlay is the fallback.
      });
  }
  show(0);
  overlay.focus();
  return { close: finish, show, get index() { return index; } };
}
