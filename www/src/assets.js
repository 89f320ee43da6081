// Where the element's other files are: beside the module itself, found relative to
// import.meta.url, so the widget folder can be copied anywhere. The single-file build
// replaces this module with one that hands out inlined bytes (www/build.mjs).

export const SINGLE_FILE = false;

/** The small wasm module that draws the first chart. */
export const firstWasm = () => new URL('./first_bg.wasm', import.meta.url);

/** The full wasm module. */
export const fullWasm = () => new URL('./full_bg.wasm', import.meta.url);
