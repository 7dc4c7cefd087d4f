/**
 * Which département an annex belongs to, for the consolidation of many annexes: read in the title
 * rows above the table (« Département du Pas-de-Calais »), else in the sheet's name, else in the
 * file's name. A name that is also a common word or a region's part (Nord, Somme, Loire, Rhône…)
 * counts in a title only after « département », « conseil départemental »… or alone in its cell.
 * Pure: text in, a département (with where it was read) or null out; nothing is guessed.
 */
import { SheetGrid, cellAddress } from '../domain/grid';

export interface Department {
  /** INSEE code: `62`, `2A`, `974`; `69M` for the Métropole de Lyon. */
  code: string;
  name: string;
  /** Where it was read: a cell address (`B2`), « nom de la feuille » or « nom du fichier ». */
  where: string;
}

/** The 101 départements (INSEE codes and names, as the official geographic code gives them). */
const DEPARTMENTS: string[] = [
  '01 Ain', '02 Aisne', '03 Allier', '04 Alpes-de-Haute-Provence', '05 Hautes-Alpes',
  '06 Alpes-Maritimes', '07 Ardèche', '08 Ardennes', '09 Ariège', '10 Aube', '11 Aude', '12 Aveyron',
  '13 Bouches-du-Rhône', '14 Calvados', '15 Cantal', '16 Charente', '17 Charente-Maritime',
  '18 Cher', '19 Corrèze', '21 Côte-d\'Or', '22 Côtes-d\'Armor', '23 Creuse', '24 Dordogne',
  '25 Doubs', '26 Drôme', '27 Eure', '28 Eure-et-Loir', '29 Finistère', '2A Corse-du-Sud',
  '2B Haute-Corse', '30 Gard', '31 Haute-Garonne', '32 Gers', '33 Gironde', '34 Hérault',
  '35 Ille-et-Vilaine', '36 Indre', '37 Indre-et-Loire', '38 Isère', '39 Jura', '40 Landes',
  '41 Loir-et-Cher', '42 Loire', '43 Haute-Loire', '44 Loire-Atlantique', '45 Loiret', '46 Lot',
  '47 Lot-et-Garonne', '48 Lozère', '49 Maine-et-Loire', '50 Manche', '51 Marne', '52 Haute-Marne',
  '53 Mayenne', '54 Meurthe-et-Moselle', '55 Meuse', '56 Morbihan', '57 Moselle', '58 Nièvre',
  '59 Nord', '60 Oise', '61 Orne', '62 Pas-de-Calais', '63 Puy-de-Dôme', '64 Pyrénées-Atlantiques',
  '65 Hautes-Pyrénées', '66 Pyrénées-Orientales', '67 Bas-Rhin', '68 Haut-Rhin', '69 Rhône',
  '70 Haute-Saône', '71 Saône-et-Loire', '72 Sarthe', '73 Savoie', '74 Haute-Savoie', '75 Paris',
  '76 Seine-Maritime', '77 Seine-et-Marne', '78 Yvelines', '79 Deux-Sèvres', '80 Somme', '81 Tarn',
  '82 Tarn-et-Garonne', '83 Var', '84 Vaucluse', '85 Vendée', '86 Vienne', '87 Haute-Vienne',
  '88 Vosges', '89 Yonne', '90 Territoire de Belfort', '91 Essonne', '92 Hauts-de-Seine',
  '93 Seine-Saint-Denis', '94 Val-de-Marne', '95 Val-d\'Oise', '971 Guadeloupe', '972 Martinique',
  '973 Guyane', '974 La Réunion', '976 Mayotte'
];

/** Communities that sign in a département's place, under their own names. */
const OTHER_NAMES: Array<[string, string, string]> = [
  ['metropole de lyon', '69M', 'Métropole de Lyon'],
  ['collectivite europeenne d alsace', '67-68', 'Collectivité européenne d’Alsace'],
  ['collectivite de corse', '20', 'Collectivité de Corse'],
  ['ville de paris', '75', 'Paris'],
  ['reunion', '974', 'La Réunion'],
];

/** Names read as a département in a title only with a cue before them (or alone in their cell). */
const NEEDS_CUE = new Set(['ain', 'allier', 'aube', 'cher', 'creuse', 'landes', 'lot', 'manche', 'nord', 'somme', 'var', 'vienne', 'orne', 'loire', 'rhone', 'paris', 'marne', 'indre', 'gard', 'jura', 'eure']);

/** What may come before a name: « département du », « conseil départemental de la », « CD »… */
const CUE = /(?:^| )(?:departement|dept|dpt|conseil departemental|conseil general|cd|collectivite)(?: (?:du|de la|de l|des|de|d))? $/;

interface Known {
  code: string;
  name: string;
  words: string[];
}

export function plainWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const KNOWN: Known[] = [
  ...DEPARTMENTS.map((entry) => {
    const space = entry.indexOf(' ');
    const name = entry.slice(space + 1);
    return { code: entry.slice(0, space), name, words: plainWords(name).split(' ') };
  }),
  ...OTHER_NAMES.map(([plain, code, name]) => ({ code, name, words: plain.split(' ') })),
  // Longest first: « Haute-Loire » before « Loire », « Seine-Saint-Denis » before nothing shorter.
].sort((a, b) => b.words.length - a.words.length || b.words.join(' ').length - a.words.join(' ').length);

interface Hit {
  known: Known;
  /** 0: after a cue; 1: alone in its text; 2: anywhere. */
  strength: number;
}

/** The départements a text names, strongest first; names needing a cue are kept only with one when `strict`. */
function hitsIn(text: string, strict: boolean): Hit[] {
  const words = plainWords(text).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 60) return [];
  const taken = new Array<boolean>(words.length).fill(false);
  const hits: Array<Hit & { at: number }> = [];
  for (const known of KNOWN) {
    const n = known.words.length;
    for (let i = 0; i + n <= words.length; i++) {
      let match = true;
      for (let k = 0; k < n && match; k++) match = !taken[i + k] && words[i + k] === known.words[k];
      if (!match) continue;
      for (let k = 0; k < n; k++) taken[i + k] = true;
      const cue = CUE.test(`${words.slice(Math.max(0, i - 4), i).join(' ')} `);
      const alone = n === words.length;
      const strength = cue ? 0 : alone ? 1 : 2;
      if (strength === 2 && strict && n === 1 && NEEDS_CUE.has(known.words[0])) continue;
      hits.push({ known, strength, at: i });
    }
  }
  return hits.sort((a, b) => a.strength - b.strength || a.at - b.at);
}

/** Rows above the header where a title may name the département. */
const TITLE_ROWS = 8;

/** The département of the table whose header starts at grid row `headerTop`, or null. */
export function findDepartment(grid: SheetGrid, headerTop: number, file: string): Department | null {
  let best: { hit: Hit; where: string } | null = null;
  for (let r = Math.max(0, headerTop - TITLE_ROWS); r < headerTop; r++) {
    const row = grid.rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c]?.value;
      if (typeof v !== 'string' || v.length > 400) continue;
      const hit = hitsIn(v, true)[0];
      if (hit && (!best || hit.strength < best.hit.strength)) best = { hit, where: cellAddress(grid, r, c) };
    }
  }
  if (best) return { code: best.hit.known.code, name: best.hit.known.name, where: best.where };
  const sheet = hitsIn(grid.name, false)[0];
  if (sheet) return { code: sheet.known.code, name: sheet.known.name, where: 'nom de la feuille' };
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const named = hitsIn(base, false).filter((h) => h.known.words.join(' ') !== 'lot')[0];
  return named ? { code: named.known.code, name: named.known.name, where: 'nom du fichier' } : null;
}
