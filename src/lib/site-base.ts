/** The site's base path without a trailing slash ('' at the root, '/k8s-kb' under GitHub Pages): links are
 *  written `${siteBase()}/…`. One place for what pages, components and the registry each computed. */
export const siteBase = (): string => import.meta.env.BASE_URL.replace(/\/+$/, '');
