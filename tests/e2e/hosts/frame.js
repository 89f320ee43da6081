// Builds the iframe a course site (Moodle, WordPress) would write: `?src=` the scan's
// address, `sandbox=` its sandbox tokens (absent: no sandbox attribute at all) and
// `allow=` its permissions policy.

const params = new URLSearchParams(location.search);
const frame = document.createElement('iframe');
frame.id = 'scan-frame';
frame.title = 'Netwerkscan';
if (params.has('sandbox')) frame.setAttribute('sandbox', params.get('sandbox'));
if (params.has('allow')) frame.setAttribute('allow', params.get('allow'));
frame.src = params.get('src') ?? 'about:blank';
document.body.append(frame);
