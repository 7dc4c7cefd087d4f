/**
 * The rules of the annex against its convention (docs/annexe9.md, « L'annexe et sa convention »;
 * docs/convention.md): their findings come from comparing the annex with what was read in the
 * convention (domain/convention/compare.ts), and are rendered by convention/messages.ts. One
 * registry entry each, after the sheet's own rules.
 */
import type { ConventionRule } from '../convention/compare';
import { DocumentRule } from './types';

export const CONVENTION_RULE_ENTRIES: { [R in ConventionRule]: DocumentRule<R> } = {
  CONVENTION_SPLIT: {
    code: 'CONVENTION_SPLIT',
    priority: 10,
    title: { fr: 'Convention\u00a0: article 3.1 ≠ article 2', en: 'Convention: article 3.1 ≠ article 2' },
    doc: "the convention's amounts per code (article 3.1) do not add up to its article 2",
  },
  CONVENTION_TOTAL: {
    code: 'CONVENTION_TOTAL',
    priority: 11,
    title: { fr: "Total A ≠ soutien de l’État (article 2)", en: 'Total A ≠ State support (article 2)' },
    doc: "total A (TOTAUX FINANCIERS) ≠ the State's support in article 2",
  },
  CONVENTION_CODE: {
    code: 'CONVENTION_CODE',
    priority: 12,
    title: { fr: 'Colonne A par imputation ≠ article 3.1', en: 'Column A per code ≠ article 3.1' },
    doc: 'column A of a Chorus code ≠ its amount in article 3.1 (or typed with `--notified`)',
  },
  FICHE_BUDGET: {
    code: 'FICHE_BUDGET',
    priority: 13,
    title: { fr: 'Budget de la fiche action ≠ F', en: 'Fiche budget ≠ F' },
    doc: "a fiche action's estimated budget ≠ F of its row",
  },
  FICHE_STATE_SHARE: {
    code: 'FICHE_STATE_SHARE',
    priority: 14,
    title: { fr: 'Part État de la fiche action ≠ A', en: 'Fiche State share ≠ A' },
    doc: "a fiche action's State share ≠ A of its row",
  },
  FICHE_UNMATCHED: {
    code: 'FICHE_UNMATCHED',
    priority: 15,
    title: { fr: "Fiche action sans ligne dans l’annexe", en: 'Fiche with no annex row' },
    doc: 'a fiche action with no row in the annex (matched by number, else by title)',
  },
  ROW_WITHOUT_FICHE: {
    code: 'ROW_WITHOUT_FICHE',
    priority: 16,
    title: { fr: 'Ligne avec montants sans fiche action', en: 'Annex row with money and no fiche' },
    doc: 'an action row with money and no fiche action in the convention',
  },
};
