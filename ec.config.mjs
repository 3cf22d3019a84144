// Expressive Code (Shiki) options, in their own file so that the <Code> component (used by the generated
// command cheat sheet) renders with the same themes and plugins as fenced code blocks.
import { createRenderer, defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginLeanMarkup, pluginPagefindIgnoreChrome, pluginPlaceholders } from './src/plugins/expressive-code.ts';
import { copyScript } from './src/code/copy-client.ts';

export default defineEcConfig({
  themes: ['github-dark', 'github-light'],
  plugins: [pluginPagefindIgnoreChrome(), pluginPlaceholders(), pluginLeanMarkup()],
  defaultProps: { wrap: true },
  styleOverrides: { codeFontSize: '0.85rem' },
  // EC's own scripts add a click listener to every copy button and a ResizeObserver to every block (to make blocks
  // that scroll sideways focusable; with `wrap` on, none scroll). The page gets one delegated listener instead
  // (src/code/copy-client.ts), which also serves the light command lines of the cheat sheet.
  customCreateRenderer: async (options) => {
    const renderer = await createRenderer(options);
    renderer.jsModules = [copyScript];
    return renderer;
  },
});
