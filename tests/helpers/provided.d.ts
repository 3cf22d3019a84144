// What tests/helpers/global-setup.ts provides to the site tests (vitest's inject()).
declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
    base: string;
    siteUrl: string;
    origin: string;
  }
}
export {};
