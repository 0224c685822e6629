/**
 * Placeholder term table for the first vertical slice. The glossary build replaces it.
 */
import type { TermCard } from './messaging/protocol';

export const PLACEHOLDER_TERMS: TermCard[] = [
  {
    id: 'gfmd', label: 'GFMD', expansion: 'Global Forum on Migration and Development', category: 'process-forum',
    summary: 'A state-led, informal and non-binding forum where governments discuss migration and development policy each year, outside the UN but in contact with it.',
    excerpts: [], related: [{ id: 'iom', label: 'IOM' }],
  },
  {
    id: 'iom', label: 'IOM', expansion: 'International Organization for Migration', category: 'agency',
    summary: 'The intergovernmental organization dedicated to migration; it joined the UN system as a related organization in 2016.',
    excerpts: [], related: [{ id: 'gfmd', label: 'GFMD' }],
  },
  {
    id: 'unhcr', label: 'UNHCR', expansion: 'Office of the United Nations High Commissioner for Refugees', category: 'agency',
    summary: 'The UN refugee agency, mandated to protect refugees and stateless people and to find lasting solutions for them.',
    excerpts: [], related: [],
  },
];
