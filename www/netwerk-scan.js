// The Netwerkscan element: `<script type="module" src=".../netwerk-scan.js"></script>`
// and `<netwerk-scan lang="nl"></netwerk-scan>`. Importing this module defines the
// element (once, however often it is loaded) and exports its class.

export { NetwerkScan } from './src/element.js';
import './src/define.js';
