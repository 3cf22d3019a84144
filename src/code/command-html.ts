// Light markup for a shell command (the cheat sheet's command lines): the command as text, with each `<name>`
// placeholder in a <var>. No Shiki tokens: on the cheat sheet they were 7,500 of its 16,600 elements.

/** A placeholder such as <pod>, <ns> or <node.name> (also used by the Expressive Code placeholder plugin). */
export const PLACEHOLDER = /<[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*>/g;

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The command as HTML for the inside of a <pre>: escaped text, placeholders in <var>. textContent is the command. */
export function commandHtml(cmd: string): string {
  let html = '';
  let at = 0;
  for (const m of cmd.matchAll(PLACEHOLDER)) {
    html += `${escapeHtml(cmd.slice(at, m.index))}<var>${escapeHtml(m[0])}</var>`;
    at = m.index + m[0].length;
  }
  return html + escapeHtml(cmd.slice(at));
}
