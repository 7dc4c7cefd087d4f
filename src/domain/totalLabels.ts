/**
 * Total labels as people type them: « Sous total », « Ss-total », « S/Total : », « TOTAL » and a
 * theme's name, « Total général ». The variants are the template's data; this reads one label.
 */
import { AnnexTemplate, TotalRef, codesForTheme } from './template';
import { containsWords, leadingCharacter, normalizeLabel, startsWithWords } from './text';

export type TotalLabel =
  /** A label the template names: which total, and its rank (the most specific first). */
  | { kind: 'named'; total: TotalRef; rank: number }
  /** A total word followed by other words: a theme's subtotal if they name a theme. */
  | { kind: 'themeTotal'; rest: string }
  /** A label holding a total word that says nothing more certain. */
  | { kind: 'uncertain' };

/** What stands before a label's first letter or digit: spaces, dashes, arrows, bullets. */
const LEADING_MARKS = /^[^\p{L}\p{N}]+/u;

export class TotalLabelReader {
  private readonly firstWords: Set<string>;
  private readonly firstLetters: Set<string>;

  constructor(private readonly template: AnnexTemplate) {
    this.firstWords = new Set([
      ...template.totalLabels.map((l) => l.label.split(' ')[0]),
      ...template.rowLabelPrefixes.map((p) => p.from.split(' ')[0]),
      ...template.themeTotal,
    ]);
    this.firstLetters = new Set([...this.firstWords].map((w) => w[0]));
  }

  /** What one written label says, or null when it is no total at all (the common case, cheaply). */
  read(text: string): TotalLabel | null {
    // Most labels are titles: only those starting with a total word or holding « tot » are read in full.
    // A label with no letter nor digit has no first letter (''), holds no « tot »: no total.
    // The first word is looked for in the label's head only (a long title costs nothing), counted from
    // its first letter or digit: a label indented or underlined by many characters is read as well.
    const starts = this.firstLetters.has(leadingCharacter(text)) && this.firstWords.has(normalizeLabel(text.replace(LEADING_MARKS, '').slice(0, 24)).split(' ')[0]);
    if (!starts && !/tot/i.test(text)) return null;
    const norm = this.rewrite(normalizeLabel(text));
    const hit = this.template.totalLabels.find((l) => startsWithWords(norm, l.label));
    if (hit) return { kind: 'named', total: hit.total, rank: hit.rank };
    for (const word of this.template.themeTotal) {
      if (norm.startsWith(`${word} `)) return { kind: 'themeTotal', rest: norm.slice(word.length + 1) };
    }
    if (this.template.totalWords.some((w) => containsWords(norm, w))) return { kind: 'uncertain' };
    return null;
  }

  /** The strongest of several labels of one row: a named kind (most specific first), a theme total, an uncertain one. */
  best(a: TotalLabel | null, b: TotalLabel | null): TotalLabel | null {
    if (!a) return b;
    if (!b) return a;
    const level = (x: TotalLabel) => (x.kind === 'uncertain' ? 2 : x.kind === 'themeTotal' ? 1 : 0);
    if (level(a) !== level(b)) {
      // Stryker disable next-line EqualityOperator: the levels differ here, so < and <= agree
      return level(a) < level(b) ? a : b;
    }
    // Same level: b is named when a is.
    if (a.kind === 'named') return a.rank <= (b as typeof a).rank ? a : b;
    return a;
  }

  /** True when the words after « TOTAL » name one of the themes, or a theme the template knows. */
  namesTheme(rest: string, themes: readonly string[]): boolean {
    if (themes.some((t) => t && (containsWords(t, rest) || containsWords(rest, t)))) return true;
    return codesForTheme(this.template, rest).length > 0;
  }

  private rewrite(norm: string): string {
    for (const { from, to } of this.template.rowLabelPrefixes) {
      if (startsWithWords(norm, from)) return to + norm.slice(from.length);
    }
    return norm;
  }
}
