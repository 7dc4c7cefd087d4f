/** Messages of the convention record and the comparison sheet (issues 15 and 16), French first. */
import { Lang } from '../domain/messages';

const list = (names: string[]) => names.map((n) => `«\u00a0${n}\u00a0»`).join(', ');

export const extraWords = {
  conventionSaved(lang: Lang, saved: boolean, sheet: string): string {
    if (lang === 'fr') {
      return saved
        ? `Montants de la convention enregistrés dans le classeur pour la feuille «\u00a0${sheet}\u00a0»\u00a0: le contrôle et la synthèse les reprennent\u202f; «\u00a0Tout retirer…\u00a0» les retire.`
        : `Montants de la convention retirés du classeur pour la feuille «\u00a0${sheet}\u00a0».`;
    }
    return saved
      ? `Convention amounts saved in the workbook for sheet "${sheet}": the check and the summary use them; "Remove everything…" removes them.`
      : `Convention amounts removed from the workbook for sheet "${sheet}".`;
  },
  cleared(lang: Lang, convention: boolean, deleted: string[], kept: string[]): string[] {
    const fr = lang === 'fr';
    const out: string[] = [];
    if (convention) out.push(fr ? 'Les montants de la convention enregistrés pour cette feuille sont retirés.' : 'The convention amounts saved for this sheet are removed.');
    if (deleted.length) out.push(fr ? `Feuille de comparaison supprimée\u00a0: ${list(deleted)}.` : `Comparison sheet deleted: ${list(deleted)}.`);
    if (kept.length) {
      out.push(
        fr
          ? `Feuille de comparaison conservée, car modifiée ou renommée depuis son insertion (ou protégée, ou très masquée)\u00a0: ${list(kept)}\u202f; supprimez-la vous-même si elle ne sert plus.`
          : `Comparison sheet kept, as it was changed or renamed since it was inserted (or is protected, or very hidden): ${list(kept)}; delete it yourself if it is no longer needed.`,
      );
    }
    return out;
  },
  /** « Tout retirer… »: the summary sheets of the annex sheet deleted, and those kept. */
  summariesCleared(lang: Lang, deleted: string[], kept: string[]): string[] {
    const fr = lang === 'fr';
    const s = (names: string[]) => (names.length > 1 ? 's' : '');
    const out: string[] = [];
    if (deleted.length) out.push(fr ? `Feuille${s(deleted)} de synthèse supprimée${s(deleted)}\u00a0: ${list(deleted)}.` : `Summary sheet${s(deleted)} deleted: ${list(deleted)}.`);
    if (kept.length) {
      out.push(
        fr
          ? `Feuille${s(kept)} de synthèse conservée${s(kept)}, car modifiée${s(kept)} ou renommée${s(kept)} depuis l’insertion (ou protégée${s(kept)}, ou très masquée${s(kept)})\u00a0: ${list(kept)}\u202f; supprimez-${kept.length > 1 ? 'les' : 'la'} vous-même si elle${s(kept)} ne ${kept.length > 1 ? 'servent' : 'sert'} plus.`
          : `Summary sheet${s(kept)} kept, as changed or renamed since inserted (or protected, or very hidden): ${list(kept)}; delete ${kept.length > 1 ? 'them' : 'it'} yourself if no longer needed.`,
      );
    }
    return out;
  },
};
