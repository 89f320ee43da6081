// Registers <netwerk-scan>. A page that loads the module twice (two copies of the
// widget, a bundler and a script tag) keeps the first definition.

import { NetwerkScan } from './element.js';

NetwerkScan.define();
