// Expressive Code (Shiki) options, in their own file so that the <Code> component (used by the generated
// command cheat sheet) renders with the same themes and plugins as fenced code blocks.
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginPagefindIgnoreChrome, pluginPlaceholders } from './src/plugins/expressive-code.ts';

export default defineEcConfig({
  themes: ['github-dark', 'github-light'],
  plugins: [pluginPagefindIgnoreChrome(), pluginPlaceholders()],
  defaultProps: { wrap: true },
  styleOverrides: { codeFontSize: '0.85rem' },
});
