// Saving the response as a file (a download, nothing leaves the browser) and reading a
// response file back. The core writes and checks the JSON; this module only moves text.

/** A file-name-safe version of the alias ("Anna de Vries" -> "Anna-de-Vries"). */
function slug(text) {
  return String(text ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** yyyy-mm-dd in the respondent's own time zone. */
function isoDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `netwerkscan-<alias or 'antwoorden'>-<yyyy-mm-dd>.json` */
export function responseFileName(response, date = new Date()) {
  const alias = slug(response?.respondent?.alias) || 'antwoorden';
  return `netwerkscan-${alias}-${isoDate(date)}.json`;
}

/** Offers the response as a download; returns the file name. Throws when the core rejects it. */
export function saveResponse(scan, response) {
  const text = scan.responseToJson(response);
  const name = responseFileName(response);
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is released a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** Reads and checks a chosen file; resolves to the response object or rejects with the core's message in `lang`. */
export async function readResponseFile(scan, file, lang) {
  const text = await file.text();
  return scan.parseResponse(text, lang);
}
