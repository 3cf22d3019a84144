// The fixed shape of a troubleshooting playbook: the ### sections, in order (tests/unit/troubleshooting.test.ts
// enforces it; the question plugin weights the first one for search).
// `PlaybookSection` (./types.ts) is the union of these names.
export const PLAYBOOK_SECTIONS = ['症状', '先跑这几条', '排查决策树', '原因与处理', '相关知识'] as const;
export const SYMPTOMS_HEADING = PLAYBOOK_SECTIONS[0];
