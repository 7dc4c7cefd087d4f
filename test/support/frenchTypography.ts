/**
 * French typography of our own words (issue 14): one apostrophe (’), a no-break space (U+00A0)
 * before « : » and inside « », a narrow no-break space (U+202F) before « ; ! ? », no doubled
 * guillemets, lower case after a colon, numbers grouped by narrow no-break spaces and a no-break
 * space before € and %. A plain space a line could break at is a fault; so is a missing one.
 *
 * What is quoted between guillemets is the user's (a label, a sheet name, a cell's text, a code)
 * or a name: only its guillemets are checked, never its content. Formulas, paths and `data`
 * (text from the user's workbook) are left out as well.
 */

/** Words that may follow a colon with their capital: names of software, menus and documents. */
const PROPER = /^(Excel|LibreOffice|Word|PDF|Office|Microsoft|Chorus|CALPAE|Fichier|Formules|Révision|Accueil|Données|Affichage|État|ΣV|A|B|C|D|E|F)\b/u;

/** The faults of one text, as short French-neutral labels (empty when it is right). */
export function typographyProblems(text: string, data: readonly string[] = []): string[] {
  let t = text;
  // The user's text, where it stands as whole words (a column letter is not the F of « Fichier »).
  for (const d of [...new Set(data)].filter((x) => x.trim().length > 1).sort((a, b) => b.length - a.length)) {
    t = t.replace(new RegExp(`(?<![\\p{L}\\p{N}])${d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'), 'X');
  }
  t = t
    // Paths (<tmp>/…, <repo>/…) and formulas (SOMME(K5:K9;K12), =SUM(…)).
    .replace(/<(tmp|repo)>\/\S+/g, 'X')
    .replace(/=?\b[A-Z][A-Z.]+\((?:[^()]|\([^()]*\))*\)/g, 'X');
  const problems: string[] = [];
  if (/«\s*«|»\s*»/.test(t)) problems.push('doubled guillemets');
  // Quoted text: its guillemets stay, its content goes (“ ” around a title with guillemets of its own).
  t = t.replace(/“[^“”]*”/g, 'X').replace(/«([\u00a0 ]?)(?:«[^«»]*»|[^«»])*?([\u00a0 ]?)»/g, '«$1X$2»');
  const has = (re: RegExp, problem: string) => {
    if (re.test(t)) problems.push(problem);
  };
  has(/'/, 'straight apostrophe');
  has(/ [:;!?](?=\s|$|[)»"’.,])/, 'plain space before : ; ! ?');
  has(/\u202f:/, 'narrow space before a colon (U+00A0 wanted)');
  has(/\u00a0[;!?]/, 'no-break space before ; ! ? (U+202F wanted)');
  has(/«(?!\u00a0)|(?<!\u00a0)»/, 'no no-break space inside « »');
  has(/[^\s\u00a0\u202f][;!?](?=\s|$)/, 'no space before ; ! ?');
  has(/[^\s\u00a0\u202f]:(?=\s|$)/, 'no space before a colon');
  has(/\d \d{3}(?!\d)/, 'plain space in a number');
  has(/\d (k?€|%)/, 'plain space before € or %');
  for (const m of t.matchAll(/\u00a0: (\S+)/g)) {
    if (/^\p{Lu}\p{Ll}/u.test(m[1]) && !PROPER.test(m[1])) problems.push(`capital after a colon: « ${m[1]} »`);
  }
  return problems;
}

/** Plausible arguments to call a words table's functions with: counts, rows, names, cells, tasks. */
const SAMPLE_ARGS: unknown[][] = [[], [1, 1, 'Annexe 9'], [2, 23, 'Annexe 9'], [['C24', 'C27']], ['check'], ['fill'], ['takeBack'], ['C23'], [3, 'annexe.xlsx']];

/**
 * Every text of a words table: strings as they are, functions called with each plausible list of
 * arguments (those of another shape throw or give no string, and are skipped), nested tables walked.
 */
export function textsOf(table: object, where: string, args: unknown[][] = SAMPLE_ARGS): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(table)) {
    const name = `${where}.${k}`;
    if (typeof v === 'string') out.push([name, v]);
    else if (typeof v === 'function') {
      for (const a of args) {
        let r: unknown;
        try {
          r = (v as (...x: unknown[]) => unknown)(...a);
        } catch {
          continue;
        }
        if (typeof r === 'string') out.push([`${name}(${JSON.stringify(a)})`, r]);
        else if (Array.isArray(r)) r.filter((x): x is string => typeof x === 'string').forEach((x, i) => out.push([`${name}(${JSON.stringify(a)})[${i}]`, x]));
      }
    } else if (v && typeof v === 'object') out.push(...textsOf(v, name, args));
  }
  return out;
}
