// The one bundler warning a clean build drops, by code and message; every other warning still prints.

/** A warning as Vite hands it to `build.rolldownOptions.onwarn` (only the fields read here). */
export interface BundlerWarning {
  code?: string;
  message: string;
}

/**
 * Known harmless: Astro marks each content module it wraps for head propagation (`?astroPropagatedAssets`) with the
 * directive "use astro:head-inject" (astro/dist/content/vite-plugin-content-assets.js). Astro reads the marker
 * before bundling; the bundler then reports that it drops the directive, once per page (~50 lines a build).
 */
export function isHarmlessWarning(warning: BundlerWarning): boolean {
  return (
    warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
    warning.message.includes('"use astro:head-inject"') &&
    warning.message.includes('?astroPropagatedAssets')
  );
}

/** `build.rolldownOptions.onwarn`: passes every warning on except the known harmless one. */
export function onBundlerWarning(warning: BundlerWarning, warn: (w: BundlerWarning) => void): void {
  if (!isHarmlessWarning(warning)) warn(warning);
}
