// Copy buttons of code blocks, with one delegated click listener for the whole page instead of work per block.
// Two kinds of button use it:
//   - Expressive Code blocks (`.expressive-code button.copy`): the text is in `data-code`, lines joined by U+007F;
//     the button has no holder (src/plugins/expressive-code.ts), so its "copied" tooltip goes inside it;
//   - light command lines (`button.kb-copy`, src/components/CommandCheatSheet.astro): the text is the `<pre>` before it.
// Shipped twice from this one source: bundled by Astro on the cheat sheet (which has no Expressive Code block), and
// as Expressive Code's only script module on pages with code blocks (ec.config.mjs takes `copyScript`).
// The function must stay self-contained (no imports, no outer variables): its source text is the module.

/** Installs the delegated copy handler once per document. */
export function installCopyButtons(): void {
  const root = document.documentElement;
  if (root.dataset.kbCopy) return;
  root.dataset.kbCopy = '';
  let live: HTMLElement | undefined;
  const announce = (text: string) => {
    if (!live) {
      live = document.createElement('div');
      live.setAttribute('aria-live', 'polite');
      live.className = 'sr-only';
      document.body.append(live);
    }
    live.textContent = '';
    // A change the screen reader sees even when the same text is announced twice in a row.
    setTimeout(() => live && (live.textContent = text), 50);
  };
  document.addEventListener('click', async (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const button = target.closest<HTMLButtonElement>('button.kb-copy, .expressive-code button.copy');
    if (!button) return;
    const text = button.classList.contains('kb-copy')
      ? (button.previousElementSibling?.textContent ?? '')
      : (button.dataset.code ?? '').replace(/\u007f/g, '\n');
    // The Clipboard API needs a secure context: GitHub Pages (https) and localhost are. No execCommand fallback.
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      return;
    }
    const message = button.dataset.copied || '复制成功！';
    announce(message);
    const inside = button.classList.contains('copy');
    const holder = inside ? button : button.parentElement;
    if (!holder || holder.querySelector(':scope > .feedback')) return;
    const feedback = document.createElement('span');
    feedback.className = 'feedback';
    feedback.setAttribute('aria-hidden', 'true');
    feedback.textContent = message;
    if (inside) button.append(feedback);
    else button.before(feedback);
    requestAnimationFrame(() => feedback.classList.add('show'));
    setTimeout(() => feedback.classList.remove('show'), 1500);
    setTimeout(() => feedback.remove(), 1800);
  });
}

/** The handler as the source of a script module (for Expressive Code's `jsModules`). */
export const copyScript = `(${installCopyButtons.toString()})();`;
