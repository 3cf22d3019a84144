// What tests/helpers/global-setup.ts provides to the site tests (vitest's inject()).
declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
    base: string;
    siteUrl: string;
    origin: string;
    /** stdout and stderr of the site build ('' when KB_REUSE_DIST found no saved log). */
    buildLog: string;
  }
}
export {};
