// jsdom ships no type declarations (and @types/jsdom is not a dependency): the part tests/site uses.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    /** The window of the parsed document; its `document` is a standard DOM Document. */
    readonly window: Window & typeof globalThis;
  }
}
