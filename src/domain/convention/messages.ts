/**
 * The convention's findings and readings in words, French first. Rendered at the edge from the
 * findings' data, in the language asked for then.
 */
import { formatEuro } from '../amounts';
import { formatGap } from '../units';
import { Lang } from '../words/types';
import { colon } from '../words/render';
import { wordsFor } from '../words';
import { CONVENTION_RULE_ENTRIES } from '../rules/convention';
import { SourceRef } from './document';
import { ConventionFinding, ConventionRule } from './compare';
import { FigureSource } from './figures';
import { MatchMethod } from './match';
import { Cents, decimalOfCents } from './money';
import { Unread } from './types';

/** Titles of the convention's rules: their registry entries (rules/convention.ts). */
export const CONVENTION_RULE_TITLES: Record<ConventionRule, Record<Lang, string>> = Object.fromEntries(
  Object.values(CONVENTION_RULE_ENTRIES).map((r) => [r.code, r.title]),
) as Record<ConventionRule, Record<Lang, string>>;

export const euro = (cents: Cents, lang: Lang): string => formatEuro(decimalOfCents(cents), lang);

/** `+279 523,00 €`, `-80 000,00 €`: the sign says which side is higher. */
export function signedEuro(cents: Cents, lang: Lang): string {
  return formatGap(cents, '€', lang);
}

/** `page 9`, `pages 9–10`, `paragraphe 120`, `lignes 417 à 421`. */
export function placeOf(ref: Pick<SourceRef, 'unit' | 'first' | 'last'>, lang: Lang): string {
  const names: Record<SourceRef['unit'], Record<Lang, [string, string]>> = {
    page: { fr: ['page', 'pages'], en: ['page', 'pages'] },
    paragraph: { fr: ['paragraphe', 'paragraphes'], en: ['paragraph', 'paragraphs'] },
    line: { fr: ['ligne', 'lignes'], en: ['line', 'lines'] },
  };
  const [one, many] = names[ref.unit][lang];
  if (ref.first === ref.last) return `${one} ${ref.first}`;
  return lang === 'fr' ? `${many} ${ref.first} à ${ref.last}` : `${many} ${ref.first}–${ref.last}`;
}

/** Where a figure of the convention comes from, in a few words (no quote). */
export function sourcePlace(source: FigureSource, lang: Lang): string {
  if (source.kind === 'typed') return lang === 'fr' ? 'saisi à la main' : 'typed by hand';
  return placeOf(source.ref, lang);
}

/**
 * Text from the document, quoted as each language quotes (« … » in French, "…" in English), by the
 * words layer's own rule: a text already in quotes keeps them, one holding « » gets “ ” in French.
 */
function quoted(text: string, lang: Lang): string {
  return wordsFor(lang).quote(text);
}

/** `ligne 358 : « Au titre de l'année 2023, … »` — a quote is text from the document, shown as text. */
export function sourceLine(source: FigureSource, lang: Lang): string {
  if (source.kind === 'typed') {
    const what = lang === 'fr' ? 'montant saisi à la main (--notified)' : 'amount typed by hand (--notified)';
    return source.replaces ? `${what}${lang === 'fr' ? ', au lieu de' : ', instead of'} ${placeOf(source.replaces, lang)}${colon(lang)}${quoted(source.replaces.quote, lang)}` : what;
  }
  return `${placeOf(source.ref, lang)}${colon(lang)}${quoted(source.ref.quote, lang)}`;
}

export function matchMethodName(method: MatchMethod | null, lang: Lang): string {
  const fr = lang === 'fr';
  switch (method) {
    case 'number':
      return fr ? 'par numéro de fiche' : 'by fiche number';
    case 'title':
      return fr ? 'par intitulé' : 'by title';
    case 'similarTitle':
      return fr ? 'par intitulé approché' : 'by similar title';
    default:
      return fr ? 'non appariée' : 'not matched';
  }
}

function ficheName(f: { number: number | null; title: string }, lang: Lang): string {
  const n = f.number === null ? '' : ` ${f.number}`;
  return `Fiche action${n} ${quoted(f.title, lang)}`;
}

function rowName(row: number | null, title: string | null, lang: Lang): string {
  const line = lang === 'fr' ? `ligne ${row}` : `row ${row}`;
  return title ? `${line} ${quoted(title, lang)}` : line;
}

export function conventionFindingMessage(f: ConventionFinding, lang: Lang): string {
  const fr = lang === 'fr';
  const gap = f.difference === null ? '' : fr ? ` — écart ${signedEuro(f.difference, lang)}` : ` — gap ${signedEuro(f.difference, lang)}`;
  const docPlace = (f.expected.sources ?? []).map((s) => sourcePlace(s, lang)).join(', ');
  const amount = (c: Cents | null) => (c === null ? '?' : euro(c, lang));
  switch (f.rule) {
    case 'CONVENTION_SPLIT': {
      const places = [...new Set((f.actual.sources ?? []).map((s) => sourcePlace(s, lang)))].join(', ');
      return fr
        ? `La convention se contredit\u00a0: les montants par code activité de l’article 3.1 (${places}) totalisent ${amount(f.actual.cents)}, l’article 2 (${docPlace}) annonce ${amount(f.expected.cents)} de soutien de l’État${gap}.`
        : `The convention contradicts itself: the amounts per activity code of article 3.1 (${places}) add up to ${amount(f.actual.cents)}, article 2 (${docPlace}) states ${amount(f.expected.cents)} of State support${gap}.`;
    }
    case 'CONVENTION_TOTAL': {
      // « TOTAUX FINANCIERS » is the annex's own label, in both languages.
      const where = f.actual.annex?.printed ? `TOTAUX FINANCIERS, ${f.actual.annex.cell}` : fr ? "somme des lignes d’action" : 'sum of the action rows';
      return fr
        ? `Total de la colonne A de l’annexe (${where}) ${amount(f.actual.cents)}, soutien financier de l’État selon l’article 2 de la convention (${docPlace}) ${amount(f.expected.cents)}${gap}.`
        : `Column A total of the annex (${where}) ${amount(f.actual.cents)}, State support in article 2 of the convention (${docPlace}) ${amount(f.expected.cents)}${gap}.`;
    }
    case 'CONVENTION_CODE': {
      const cells = f.actual.annex?.cells ?? [];
      const annexSide = cells.length
        ? fr ? `colonne A de l’annexe ${amount(f.actual.cents)} (${cellsLabel(cells, lang)})` : `annex column A ${amount(f.actual.cents)} (${cellsLabel(cells, lang)})`
        : fr ? `aucune ligne de l’annexe sur ce code (${amount(0)})` : `no annex row on this code (${amount(0)})`;
      const typed = (f.expected.sources ?? []).some((s) => s.kind === 'typed');
      const docSide =
        f.expected.cents === null
          ? fr ? "absent de l’article 3.1 de la convention" : 'not in article 3.1 of the convention'
          : typed
            ? fr ? `montant notifié saisi ${amount(f.expected.cents)}` : `notified amount typed ${amount(f.expected.cents)}`
            : fr ? `article 3.1 de la convention ${amount(f.expected.cents)} (${docPlace})` : `article 3.1 of the convention ${amount(f.expected.cents)} (${docPlace})`;
      return fr ? `Imputation ${f.code}\u00a0: ${annexSide}, ${docSide}${gap}.` : `Code ${f.code}: ${annexSide}, ${docSide}${gap}.`;
    }
    case 'FICHE_BUDGET':
    case 'FICHE_STATE_SHARE': {
      const budget = f.rule === 'FICHE_BUDGET';
      const a = f.actual.annex!;
      const what = budget ? (fr ? 'budget estimé' : 'estimated budget') : fr ? 'part État' : 'State share';
      const col = budget ? 'F' : 'A';
      const how = matchMethodName(f.match?.method ?? null, lang);
      return fr
        ? `${ficheName(f.fiche!, lang)}\u00a0: ${what} ${amount(f.expected.cents)} (${docPlace}), ${col} de la ${rowName(a.row, a.title, lang)} ${amount(f.actual.cents)} (${a.cell}, appariée ${how})${gap}.`
        : `${ficheName(f.fiche!, lang)}: ${what} ${amount(f.expected.cents)} (${docPlace}), ${col} of ${rowName(a.row, a.title, lang)} ${amount(f.actual.cents)} (${a.cell}, matched ${how})${gap}.`;
    }
    case 'FICHE_UNMATCHED': {
      const budget = f.expected.cents === null ? '' : ` (budget ${amount(f.expected.cents)}, ${docPlace})`;
      const rows = f.match?.ambiguousRows ?? [];
      const why = rows.length
        ? fr ? `plusieurs lignes lui ressemblent autant (lignes ${rows.join(', ')})\u00a0: aucune n’est choisie` : `several rows are as close (rows ${rows.join(', ')}): none is chosen`
        : fr ? "aucune ligne de l’annexe ne lui correspond, ni par numéro ni par intitulé" : 'no annex row matches it, by number or by title';
      return fr ? `${ficheName(f.fiche!, lang)}${budget}\u00a0: ${why}.` : `${ficheName(f.fiche!, lang)}${budget}: ${why}.`;
    }
    case 'ROW_WITHOUT_FICHE': {
      const a = f.actual.annex!;
      const money = f.actual.cents === null ? '' : ` (A ${amount(f.actual.cents)})`;
      const who = rowName(a.row, a.title, lang);
      return fr
        ? `${who.charAt(0).toUpperCase()}${who.slice(1)}${money}\u00a0: aucune fiche action de la convention ne lui correspond, ni par numéro ni par intitulé.`
        : `${who.charAt(0).toUpperCase()}${who.slice(1)}${money}: no fiche action of the convention matches it, by number or by title.`;
    }
  }
}

/** `E22, E24 … E38 (17 cellules)` */
function cellsLabel(cells: string[], lang: Lang): string {
  if (cells.length <= 4) return cells.join(', ');
  return lang === 'fr' ? `${cells[0]} … ${cells[cells.length - 1]}, ${cells.length} cellules` : `${cells[0]} … ${cells[cells.length - 1]}, ${cells.length} cells`;
}

/** The quotes behind a finding, one line each (the reference first). */
export function findingSourceLines(f: ConventionFinding, lang: Lang): string[] {
  const lines: string[] = [];
  for (const s of f.expected.sources ?? []) lines.push(sourceLine(s, lang));
  for (const s of f.actual.sources ?? []) lines.push(sourceLine(s, lang));
  return [...new Set(lines)];
}

export function unreadMessage(u: Unread, lang: Lang): string {
  const fr = lang === 'fr';
  const where = u.source ? ` (${placeOf(u.source, lang)})` : '';
  // « Fiche action » is the convention's own term, in both languages.
  const fiche = u.fiche === undefined ? 'Fiche action' : `Fiche action ${u.fiche}`;
  const seen = (u.seen ?? []).map((s) => quoted(s, lang)).join(', ');
  switch (u.reason) {
    case 'amountUnreadable': {
      // The article and the place in one bracket: « Soutien de l’État (article 2, ligne 358) ».
      const who =
        u.subject === 'stateTotal'
          ? `${fr ? 'Soutien de l’État' : 'State support'} (article 2${u.source ? `, ${placeOf(u.source, lang)}` : ''})`
          : `${u.subject === 'code' ? `${fr ? 'Imputation' : 'Code'} ${u.code}` : fiche}${where}`;
      return fr
        ? `${who}\u00a0: montant illisible ${seen} (chiffres mal groupés, coupés par un saut de ligne\u202f?)\u202f; il n’est pas repris.`
        : `${who}: unreadable amount ${seen} (digits badly grouped, cut by a line break?); not used.`;
    }
    case 'amountMissing':
      return fr ? `Imputation ${u.code}${where}\u00a0: aucun montant lisible dans sa phrase.` : `Code ${u.code}${where}: no readable amount in its sentence.`;
    case 'severalAmounts':
      return fr
        ? `Imputation ${u.code}${where}\u00a0: plusieurs montants dans sa phrase (${seen}), aucun n’est désigné\u202f; aucun n’est repris.`
        : `Code ${u.code}${where}: several amounts in its sentence (${seen}), none designated; none used.`;
    case 'conflictingTotals':
      return fr
        ? `Soutien de l’État${where}\u00a0: plusieurs phrases donnent des totaux différents (${seen})\u202f; aucun n’est retenu.`
        : `State support${where}: several sentences state different totals (${seen}); none is used.`;
    case 'noStateTotal':
      return fr
        ? "Soutien de l’État\u00a0: aucune phrase du type «\u00a0le soutien financier de l’État s’élève à … €\u00a0» (article 2) n’a été trouvée."
        : "State support: no sentence such as \"le soutien financier de l'État s'élève à … €\" (article 2) was found.";
    case 'noBudgetForYear':
      return fr ? `${fiche}${where}\u00a0: l’encadré «\u00a0BUDGET ESTIME\u00a0» ne donne de montant que pour d’autres années (${seen}).` : `${fiche}${where}: the "BUDGET ESTIME" box gives amounts for other years only (${seen}).`;
    case 'noBudget':
      return fr
        ? `${fiche}${where}\u00a0: l’encadré «\u00a0BUDGET ESTIME\u00a0» ne donne aucun montant pour l’année${seen ? ` (on y lit ${seen})` : ''}.`
        : `${fiche}${where}: the "BUDGET ESTIME" box gives no amount for the year${seen ? ` (it reads ${seen})` : ''}.`;
    case 'stateShareMissing':
      return fr ? `${fiche}${where}\u00a0: budget lu, mais la part de l’État n’y est pas indiquée.` : `${fiche}${where}: budget read, but the State's share is not stated.`;
    case 'stateShareUnreadable':
      return fr ? `${fiche}${where}\u00a0: la part de l’État est mentionnée mais n’a pas pu être lue.` : `${fiche}${where}: the State's share is mentioned but could not be read.`;
    case 'boxOutsideFiche': {
      const quote = u.source ? `${fr ? '\u00a0' : ''}: ${quoted(u.source.quote, lang)}` : '';
      return fr ? `Encadré «\u00a0BUDGET ESTIME\u00a0» hors d’une fiche action numérotée${where}${quote}\u202f; il n’est pas repris.` : `"BUDGET ESTIME" box outside a numbered fiche action${where}${quote}; not used.`;
    }
    case 'noBox':
      return fr ? `${fiche}${where}\u00a0: pas d’encadré «\u00a0BUDGET ESTIME\u00a0» trouvé.` : `${fiche}${where}: no "BUDGET ESTIME" box found.`;
  }
}

export function notConventionMessage(document: string | null, lang: Lang): string {
  const name = document ? quoted(document, lang) : lang === 'fr' ? 'Ce texte' : 'This text';
  return lang === 'fr'
    ? `${name} ne ressemble pas à une convention d’appui à la lutte contre la pauvreté\u00a0: aucune phrase n’y donne le soutien financier de l’État (article 2\u00a0: «\u00a0le soutien financier de l’État s’élève à … €\u00a0»), aucun montant par code activité (article 3.1\u00a0: «\u00a0… (code activité\u00a0: 0304501919NN)\u00a0»), aucun encadré «\u00a0BUDGET ESTIME\u00a0» de fiche action. Vérifiez le fichier\u202f; un PDF scanné (une image) n’a pas de texte\u00a0: demandez la version enregistrée depuis le traitement de texte, ou collez le texte.`
    : `${name} does not look like a convention: no sentence gives the State's support (article 2: "le soutien financier de l'État s'élève à … €"), no amount per activity code (article 3.1: "… (code activité : 0304501919NN)"), no "BUDGET ESTIME" box of a fiche action. Check the file; a scanned PDF (an image) has no text: ask for the version saved from the word processor, or paste the text.`;
}
