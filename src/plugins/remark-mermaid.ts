// ```mermaid title="…" fences become inline SVG at build time: one SVG per diagram, its colours switched with the
// theme by CSS custom properties (src/lib/mermaid-themes.ts); the page's diagram font is subset to the characters
// its diagrams show (src/lib/diagram-font.ts) and recorded for the page's <head> (src/components/Head.astro).
import type { Code, Parent, Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { ContentError } from '../lib/content-error.ts';
import { diagramFontFaces, svgText, type DiagramFontFace } from '../lib/diagram-font.ts';
import { diagramHash, renderDiagram } from '../lib/mermaid-renderer.ts';
import { checkDiagramSource } from '../lib/mermaid-safety.ts';

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The `name=value` attributes of a fence's meta string (`title="集群架构" foo=bar`), by name. */
export type FenceMeta = Partial<Record<string, string>>;

export function parseMeta(meta: string | null | undefined): FenceMeta {
  const out: FenceMeta = {};
  for (const m of (meta ?? '').matchAll(/(\w+)=(?:"([^"]*)"|'([^']*)'|(\S+))/g)) out[m[1]] = m[2] ?? m[3] ?? m[4];
  return out;
}

/** Makes mermaid's root <svg> an accessible image named by the diagram's title. */
export function accessibleSvg(svg: string, title: string): string {
  return svg.replace(/^<svg\b([^>]*)>/, (_, attrs: string) => {
    const cleaned = attrs
      .replace(/\srole="[^"]*"/, '')
      .replace(/\saria-roledescription="[^"]*"/, '')
      .replace(/\saria-labelledby="[^"]*"/, '');
    return `<svg${cleaned} role="img" aria-label="${escapeHtml(title)}">`;
  });
}

/** The diagram's natural width in CSS pixels, from its viewBox. */
export function svgWidth(svg: string): number | undefined {
  const m = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"/.exec(svg);
  return m ? Math.round(Number(m[1])) : undefined;
}

/** The diagram's natural height (CSS px), from its viewBox. */
export function svgHeight(svg: string): number | undefined {
  const m = /viewBox="[-\d.]+ [-\d.]+ [\d.]+ ([\d.]+)"/.exec(svg);
  return m ? Math.round(Number(m[1])) : undefined;
}

/** Diagrams wider than this (CSS px) get a "放大查看" link: in the column they shrink below a legible size. */
export const ZOOM_WIDTH = 640;

/** What `figureHtml` turns into a diagram figure. */
export interface DiagramFigure {
  /** The diagram's SVG markup (one for both themes). */
  svg: string;
  /** Unique on the page: the figure's id is `diagram-<hash>`. */
  hash: string;
  /** The fence's `title`: the figure caption and the SVG's accessible name. */
  title: string;
}

export function figureHtml({ svg, hash, title }: DiagramFigure): string {
  const width = svgWidth(svg);
  const id = `diagram-${hash}`;
  // A wide diagram fits the column and offers a full-size view without JavaScript: the link targets the
  // figure (CSS :target shows it full screen at its natural width); "关闭" targets a marker just before it.
  const zoom =
    width !== undefined && width > ZOOM_WIDTH
      ? ` <a class="kb-diagram-zoom" href="#${id}">放大查看</a><a class="kb-diagram-close" href="#${id}-back">关闭</a>`
      : '';
  // The height lets the page reserve the diagram's space while it is not laid out yet (custom.css, issue #14).
  const height = svgHeight(svg);
  const vars = [width ? `--kb-diagram-width:${width}px` : '', height ? `--kb-diagram-height:${height}px` : ''].filter(Boolean);
  const style = vars.length ? ` style="${vars.join(';')}"` : '';
  return (
    `<span id="${id}-back" class="kb-diagram-back"></span>` +
    // tabindex=-1: when opened full size (the fragment target) the figure takes focus, so arrow keys scroll it.
    `<figure class="kb-diagram" id="${id}" tabindex="-1" data-diagram="${hash}" data-pagefind-ignore${style}>` +
    accessibleSvg(svg, title) +
    `<figcaption><span>${escapeHtml(title)}</span>${zoom}</figcaption></figure>`
  );
}

/** What the plugin records in the page's frontmatter (`render(entry).remarkPluginFrontmatter`). */
export interface RemarkMermaidFrontmatter {
  /** Number of ```mermaid fences on the page; absent on pages without diagrams. */
  diagrams?: number;
  /** The page's diagram font: @font-face subsets holding exactly the characters its diagrams show. */
  diagramFonts?: DiagramFontFace[];
}

/** Replaces each ```mermaid fence with its rendered figure (an `html` node). Takes no options. */
const remarkMermaid: Plugin<[], Root> = function () {
  return async (tree: Root, file: VFile) => {
    const fences: Array<{ node: Code; index: number; parent: Parent }> = [];
    visit(tree, 'code', (node, index, parent) => {
      if (node.lang === 'mermaid') {
        // A code node is never the root, so it always has a parent and an index.
        if (!parent || index === undefined) throw new Error('remark-mermaid: a code node without a parent');
        fences.push({ node, index, parent });
      }
    });
    if (!fences.length) return;
    // The same diagram twice on a page still needs unique element ids: the nth copy in page order gets `<hash>xn`
    // (counted here, not as the renders finish, which two browser pages may do in either order).
    const seen = new Map<string, number>();
    const copy = fences.map(({ node }) => {
      const hash = diagramHash(node.value);
      const n = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, n);
      return n;
    });
    const texts: string[] = []; // in page order (the first diagram's characters get their own font file)
    await Promise.all(
      fences.map(async ({ node, index, parent }, order) => {
        const line = node.position?.start.line;
        const { title } = parseMeta(node.meta);
        if (!title) {
          throw new ContentError('a mermaid diagram needs a title: ```mermaid title="图的中文标题"', file.path, line);
        }
        // A diagram's line N is line `line + N` of the file (the fence opens on `line`).
        const problems = checkDiagramSource(node.value);
        if (problems.length) {
          const [first, ...more] = problems;
          const also = more.map((p) => `\n    also line ${line ? line + p.line : `${p.line} of the diagram`}: ${p.message}`).join('');
          throw new ContentError(
            `Mermaid diagram "${title}": ${first.message} (line ${first.line} of the diagram)${also}`,
            file.path,
            line ? line + first.line : undefined,
          );
        }
        const result = await renderDiagram(node.value);
        if (!result.ok && result.kind === 'unsafe') {
          throw new ContentError(
            `Mermaid diagram "${title}" may not load anything from elsewhere, but ${result.message}; diagrams use only the site's own styles (remove the url(), @import or image)`,
            file.path,
            line,
          );
        }
        if (!result.ok && result.kind === 'themes') {
          throw new ContentError(
            `Mermaid diagram "${title}" cannot be shipped as one SVG for both themes: ${result.message} (the renderer compares Mermaid's light and dark drawings; only colours may differ)`,
            file.path,
            line,
          );
        }
        if (!result.ok) {
          const fileLine = line && result.line ? line + result.line : line;
          const detail = result.message.split('\n').map((l) => `    ${l}`).join('\n');
          throw new ContentError(
            `Mermaid diagram "${title}" does not parse${result.line ? ` (line ${result.line} of the diagram)` : ''}:\n${detail}`,
            file.path,
            fileLine,
          );
        }
        const n = copy[order];
        const hash = n === 1 ? result.hash : `${result.hash}x${n}`;
        const svg = n === 1 ? result.svg : result.svg.replaceAll(`mmd-${result.hash}`, `mmd-${hash}`);
        texts[order] = svgText(svg);
        parent.children[index] = { type: 'html', value: figureHtml({ svg, hash, title }) };
      }),
    );
    const diagramFonts = await diagramFontFaces(texts);
    file.data.astro ??= {};
    file.data.astro.frontmatter ??= {};
    file.data.astro.frontmatter.diagrams = fences.length satisfies RemarkMermaidFrontmatter['diagrams'];
    file.data.astro.frontmatter.diagramFonts = diagramFonts satisfies RemarkMermaidFrontmatter['diagramFonts'];
  };
};
export default remarkMermaid;
