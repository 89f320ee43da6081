// The host page's side of the embedding: it hears the scan's events on the document,
// as a course site that stores or forwards the answers itself would. The tests read
// `window.heard`.

window.heard = [];
for (const type of ['netwerkscan-change', 'netwerkscan-complete', 'netwerkscan-error']) {
  document.addEventListener(type, (event) => {
    const detail = event.detail ?? {};
    window.heard.push({
      type,
      target: event.target?.id ?? null,
      composed: event.composed,
      bubbles: event.bubbles,
      response: detail.response ? JSON.parse(JSON.stringify(detail.response)) : null,
      report: detail.report ? JSON.parse(JSON.stringify(detail.report)) : null,
      message: typeof detail.message === 'string' ? detail.message : null,
    });
  });
}
