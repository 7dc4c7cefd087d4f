/**
 * The corpus of difficult workbooks (issue 6): each case is a small file built from the sample's
 * vocabulary (or typed by hand), with the outcome `annex9 check` must give declared next to it.
 * Importable by the tests; `npx ts-node --transpile-only test/corpus/generate.ts DIR` writes the
 * files to DIR for a look in Excel or LibreOffice.
 */
import Decimal from 'decimal.js';
import { promises as fs } from 'fs';
import * as path from 'path';
import { Cell } from '../../src/domain/grid';
import { AnnexSpec, SpecAction, TEMPLATE_COLUMNS, layoutAnnex } from '../support/annex-layout';
import { sampleSpec } from '../support/sample';
import { CODE_07, act, block, formulaTotals, gridBook, insertColumn, miniSpec, put, recompute, specBook, total, totalOf, typed } from './build';
import { LAYOUT_CASES } from './layouts';

export { CODE_03, CODE_07, CODE_10, miniSpec, recompute, typed } from './build';

/** What `annex9 check` must give on a case. */
export interface Expected {
  exit: 0 | 1 | 2;
  /** `RULE@CELL` of every finding, sheets in order (exit 0 or 1). */
  findings?: string[];
  /** French fragments the output (stdout and stderr of `check`) must contain. */
  says?: string[];
  /** Fragments it must not contain (a wrong or confusing message seen once). */
  saysNot?: string[];
  /** Codes `annex9 fix` writes into empty cells. */
  filled?: number;
  /** The only cells `fix` may write a code into (empty code cells of action rows), when it fills. */
  writes?: string[];
  /** Unit of the amounts in `check --json` (`€` unless said). */
  unit?: '€' | 'k€';
  /** Cells of the findings that are on hidden or filtered-out rows (none unless said). */
  hidden?: string[];
  /** Codes of the notices `check --json` gives, in order (not compared unless said). */
  notices?: string[];
}

export interface CorpusCase {
  id: string;
  /** What the case is, in a few French words (the docs table). */
  what: string;
  /** File name given to the command line; its extension matters (.xlsx, .xls, .csv). */
  file: string;
  bytes: () => Promise<Buffer>;
  expect: Expected;
  /** False for files that are not workbooks the tool can open. */
  workbook: boolean;
}

// ---------------------------------------------------------------------------------------------
// Files that are not workbooks: a minimal compound file (OLE/CFB), as Excel writes an encrypted
// .xlsx (streams EncryptionInfo and EncryptedPackage) or an old .xls (stream Workbook).
// ---------------------------------------------------------------------------------------------

const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

/** A version 3 compound file with the given streams (each padded to 4 KiB: no mini stream). */
export function compoundFile(streams: Array<{ name: string; data: Buffer }>): Buffer {
  if (streams.length === 0 || streams.length > 3) throw new Error('compoundFile: 1 to 3 streams');
  const SECTOR = 512;
  const padded = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const data = Buffer.alloc(size);
    s.data.copy(data);
    return { name: s.name, data, size: Math.max(4096, s.data.length) };
  });
  const dataSectors = padded.reduce((n, s) => n + s.data.length / SECTOR, 0);
  if (2 + dataSectors > 128) throw new Error('compoundFile: streams too large');
  // Sector 0: FAT; sector 1: directory; then each stream's sectors in a chain.
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(ENDOFCHAIN, 4);
  const starts: number[] = [];
  let next = 2;
  for (const s of padded) {
    const n = s.data.length / SECTOR;
    starts.push(next);
    for (let i = 0; i < n; i++) fat.writeUInt32LE(i === n - 1 ? ENDOFCHAIN : next + i + 1, (next + i) * 4);
    next += n;
  }
  const dir = Buffer.alloc(SECTOR);
  const entry = (i: number, name: string, type: number, color: number, left: number, right: number, child: number, start: number, size: number) => {
    const o = i * 128;
    dir.write(name, o, 'utf16le');
    dir.writeUInt16LE((name.length + 1) * 2, o + 64);
    dir.writeUInt8(type, o + 66);
    dir.writeUInt8(color, o + 67);
    dir.writeUInt32LE(left, o + 68);
    dir.writeUInt32LE(right, o + 72);
    dir.writeUInt32LE(child, o + 76);
    dir.writeUInt32LE(start, o + 116);
    dir.writeUInt32LE(size, o + 120);
  };
  // Siblings in a red-black tree ordered by name length, then name: a chain of right siblings,
  // sorted, the root black and the others red is a valid tree for up to three entries only when
  // balanced; readers do not check colours, and with ≤ 3 streams the middle one is the root.
  const order = padded.map((s, i) => ({ ...s, i })).sort((a, b) => a.name.length - b.name.length || (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : 1));
  const id = (k: number) => order[k].i + 1;
  const rootChild = order.length === 3 ? id(1) : id(0);
  entry(0, 'Root Entry', 5, 1, NOSTREAM, NOSTREAM, rootChild, ENDOFCHAIN, 0);
  order.forEach((s, k) => {
    let left = NOSTREAM;
    let right = NOSTREAM;
    let color = 0; // red
    if (order.length === 3 && k === 1) {
      left = id(0);
      right = id(2);
      color = 1;
    } else if (order.length < 3 && k === 0) {
      right = order.length === 2 ? id(1) : NOSTREAM;
      color = 1;
    }
    entry(s.i + 1, s.name, 2, color, left, right, NOSTREAM, starts[s.i], s.size);
  });
  for (let i = padded.length + 1; i < 4; i++) {
    dir.writeUInt32LE(NOSTREAM, i * 128 + 68);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 72);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 76);
  }
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 60); // no mini FAT
  header.writeUInt32LE(ENDOFCHAIN, 68); // no DIFAT sectors
  header.fill(0xff, 76);
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  return Buffer.concat([header, fat, dir, ...padded.map((s) => s.data)]);
}

/** What Excel writes for a workbook saved with a password: a compound file, not a zip. */
export function encryptedXlsx(): Buffer {
  // Agile encryption (version 4.4): a header then an XML descriptor; the package is opaque bytes.
  const info = Buffer.concat([
    Buffer.from([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]),
    Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></encryption>'),
  ]);
  const pkg = Buffer.alloc(6000);
  pkg.writeUInt32LE(5992, 0);
  for (let i = 8; i < pkg.length; i++) pkg[i] = (i * 7919) & 0xff;
  return compoundFile([
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: pkg },
  ]);
}

/** An old .xls (BIFF8): a compound file with a Workbook stream that starts with a BOF record. */
export function oldXls(): Buffer {
  const bof = Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, 0xbb, 0x0d, 0xcc, 0x07, 0x00, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00]);
  return compoundFile([{ name: 'Workbook', data: bof }]);
}

/** The mini annex as a French CSV export (semicolons, decimal commas, BOM). */
function miniCsv(): Buffer {
  const grid = layoutAnnex(miniSpec()).grid;
  const lines = grid.rows.map((row) =>
    (row ?? [])
      .map((c) => {
        const v = c?.value;
        const s = typeof v === 'number' ? String(v).replace('.', ',') : typeof v === 'string' ? v : '';
        return /[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(';'),
  );
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

// ---------------------------------------------------------------------------------------------
// The cases.
// ---------------------------------------------------------------------------------------------

const ANNEX = (name = 'Annexe 9') => ({ ...miniSpec(), sheetName: name });

/** The mini annex where one action row's amounts are typed as text in one format. */
function textRow(a: string, zero: string, f: string): AnnexSpec {
  const spec = miniSpec();
  const row = block(spec, 0).actions[0]; // 2.1: A = C = 100 000, F = 200 000
  row.amounts = { A: { text: a }, B: { text: zero }, C: { text: a }, valorisation: { text: zero }, D: { text: zero }, E: { text: zero }, F: { text: f } };
  return spec;
}

/** Sample with its two printed errors corrected: a clean, full-size annex. */
function cleanSample(): AnnexSpec {
  const spec = sampleSpec();
  totalOf(spec, 'initiativeSubtotal').amounts!.F = '1280000';
  totalOf(spec, 'grandTotal').amounts!.F = '13414116';
  return spec;
}

/** 10 000 action rows: 50 blocks of 200 under their subtotals, one wrong figure in the middle. */
function bigSpec(): AnnexSpec {
  const body: AnnexSpec['body'] = [];
  for (let b = 0; b < 50; b++) {
    const actions: SpecAction[] = [];
    for (let i = 0; i < 200; i++) {
      const cents = 1000 + ((b * 200 + i) * 7919) % 900000;
      actions.push(act(null, `Action ${b + 1}.${i + 1}`, { A: cents / 100, C: cents / 100, E: i % 7 === 0 ? 12.34 : 0 }));
    }
    body.push({ kind: 'block', theme: `Insertion des allocataires du RSA – Garantie d’activité ${b + 1}`, imputation: CODE_07, actions });
    body.push(total('subtotal', 'Sous total'));
  }
  body.push(total('socleSubtotal', 'Sous-total engagements des mesures socle'));
  body.push(total('initiativeSubtotal', "Sous total engagements à l'initiative du département"));
  body.push(total('grandTotal', 'TOTAUX FINANCIERS'));
  const spec = recompute({ sheetName: 'Annexe 9', titleRows: ['ANNEXE 9- TABLEAU FINANCIER RECAPITULATIF PREVISIONNEL'], year: 2023, body });
  // Block 25, action 101: sheet row 5 + 24 × 201 + 100 = 4929; its block's subtotal is row 5 + 24 × 201 + 200 = 5029.
  const a = block(spec, 24).actions[100];
  a.amounts.C = new Decimal(a.amounts.C as string).plus(1).toFixed();
  a.amounts.F = new Decimal(a.amounts.F as string).plus(1).toFixed();
  return spec;
}

export const CASES: CorpusCase[] = [
  // --- Workbooks that hold no annex ---------------------------------------------------------
  {
    id: 'pas-une-annexe',
    what: "Un classeur de budget qui n'est pas une annexe 9",
    file: 'budget.xlsx',
    workbook: true,
    bytes: gridBook(typed('Budget', [['Poste', 'Montant', 'Commentaire'], ['Loyer', 1200, 'mensuel'], ['Total', 1200, null]])),
    expect: { exit: 2, says: ['Aucune annexe 9 trouvée dans ce classeur (feuilles examinées : « Budget »)', 'Participation État'] },
  },
  {
    id: 'feuille-vide',
    what: 'Une feuille vide',
    file: 'vide.xlsx',
    workbook: true,
    bytes: gridBook(typed('Feuil1', [])),
    expect: { exit: 2, says: ['Aucune annexe 9 trouvée dans ce classeur (feuilles examinées : « Feuil1 »)'] },
  },
  {
    id: 'feuille-vide-et-annexe',
    what: "Une feuille vide avant la feuille de l'annexe : l'annexe est trouvée",
    file: 'vide-et-annexe.xlsx',
    workbook: true,
    bytes: gridBook(typed('Feuil1', []), layoutAnnex(ANNEX()).grid),
    expect: { exit: 0, findings: [], says: ['Feuille « Annexe 9 », tableau en B3', '6 actions', 'Aucune anomalie.'] },
  },
  {
    id: 'en-tete-seul',
    what: "L'en-tête du tableau sans aucune ligne",
    file: 'en-tete-seul.xlsx',
    workbook: true,
    bytes: specBook({ ...miniSpec(), body: [] }),
    // « lignes 5 à 4 » (an empty range) was printed for a table with no row.
    expect: { exit: 0, findings: [], says: ['tableau en B3', '0 action', "pas de ligne « TOTAUX FINANCIERS »"], saysNot: ['lignes 5 à 4'] },
  },

  // --- Layouts ----------------------------------------------------------------------------------
  {
    id: 'annexe-propre',
    what: 'La petite annexe cohérente, telle que le modèle national',
    file: 'propre.xlsx',
    workbook: true,
    bytes: specBook(miniSpec()),
    expect: { exit: 0, findings: [], says: ['Aucune anomalie.'] },
  },
  {
    id: 'annexe-du-pas-de-calais',
    what: "L'annexe du Pas-de-Calais telle qu'imprimée (sous-total initiatives faux)",
    file: 'pas-de-calais.xlsx',
    workbook: true,
    bytes: specBook(sampleSpec()),
    expect: {
      exit: 1,
      findings: ['SECTION_TOTAL@L50', 'ROW_TOTAL@L51'],
      says: ['Sous-total initiatives (ligne 50) : F affiché 960 000,00 €, somme des lignes 1 280 000,00 €'],
    },
  },
  {
    id: 'colonnes-dans-un-autre-ordre',
    what: 'Colonnes dans un autre ordre (F…A à gauche des montants), une erreur de F',
    file: 'autre-ordre.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = miniSpec();
      block(spec, 1).actions[0].amounts.F = '650001'; // 5.1, row 8
      // fiche B, title C, theme D, code E, F=F G=E H=D I=valorisation J=C K=B L=A
      return specBook(spec, { columns: ['fiche', 'title', 'theme', 'imputation', 'F', 'E', 'D', 'valorisation', 'C', 'B', 'A'] });
    })(),
    expect: { exit: 1, findings: ['ROW_TOTAL@F8', 'SUBTOTAL@F10'], says: ['« Accompagnement global » (ligne 8) : F affiché 650 001,00 €, A+B+C+D+E = 650 000,00 € — écart 1,00 €.', 'En cause : F8'] },
  },
  {
    id: 'sans-colonne-f',
    what: "Colonne F (budget global) absente ; A ≠ C sur une action",
    file: 'sans-f.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = miniSpec();
      block(spec, 0).actions[0].amounts.C = '90000'; // 2.1: the département pays less
      recompute(spec);
      return specBook(spec, { columns: TEMPLATE_COLUMNS.filter((c) => c !== 'F') });
    })(),
    expect: {
      exit: 1,
      findings: ['A_NEQ_C@H5'],
      says: ["colonne F (Budget global de l'action) introuvable", 'cofinancement 50/50 non respecté, part État (A) 100 000,00 €, part département (C) 90 000,00 €'],
    },
  },
  {
    id: 'sans-colonne-e',
    what: "Colonne E (autres financeurs) absente ; un sous-total faux",
    file: 'sans-e.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = miniSpec();
      for (const b of spec.body) if (b.kind === 'block') for (const a of b.actions) a.amounts.E = '0';
      recompute(spec);
      totalOf(spec, 'subtotal', 0).amounts!.B = '500'; // row 7, column B = G (printed 500, sum 5 000)
      // Without E: … D=J, F=K.
      return specBook(spec, { columns: TEMPLATE_COLUMNS.filter((c) => c !== 'E') });
    })(),
    expect: {
      exit: 1,
      findings: ['SUBTOTAL@G7', 'SECTION_TOTAL@G11'],
      says: ["colonne E (Participation d'autres financeurs) introuvable", 'Sous-total (ligne 7) : B affiché 500,00 €, somme des lignes 5 000,00 €'],
    },
  },
  {
    id: 'colonnes-en-plus',
    what: 'Colonnes ajoutées entre les montants (« Taux », « Observations ») avec nombres et texte',
    file: 'colonnes-en-plus.xlsx',
    workbook: true,
    bytes: async () => {
      const laid = layoutAnnex(miniSpec());
      const g = laid.grid;
      // After C (column H): a rate typed as 50 and shown « 50 % » by an escaped % (no ×100).
      // After E (column K, then L): observations.
      const rate: Record<number, Cell> = { [laid.headerRow]: { value: 'Taux de prise en charge' } };
      for (let r = laid.headerRow + 1; r < g.rows.length; r++) rate[r] = { value: 50, numFmt: '0\\ \\%' };
      insertColumn(g, laid.colOf.C! + 1, rate);
      const notes: Record<number, Cell> = { [laid.headerRow]: { value: 'Observations' }, [laid.headerRow + 1]: { value: 'voir fiche 2.1' }, [laid.headerRow + 4]: { value: '12 000 € en attente' } };
      insertColumn(g, laid.colOf.E! + 2, notes);
      return gridBook(g)();
    },
    expect: { exit: 0, findings: [], says: ['tableau en B3 (colonnes B:N', 'Aucune anomalie.'] },
  },
  {
    id: 'tableau-loin-de-a1',
    what: 'Tableau commençant en M41 ; un sous-total faux',
    file: 'loin.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = miniSpec();
      totalOf(spec, 'subtotal', 1).amounts!.A = '340000'; // 2nd subtotal: sheet row 40 + 10 = 50, A in column Q
      // Origin M41: title 41, letters 43, labels 44, data from 45; A = Q, F = W.
      return specBook(spec, { origin: { row: 40, col: 12 } });
    })(),
    expect: {
      exit: 1,
      findings: ['SUBTOTAL@Q50', 'SECTION_TOTAL@Q51'],
      says: ['tableau en M43', 'Sous-total (ligne 50) : A affiché 340 000,00 €, somme des lignes 340 000,50 € — écart 0,50 €', 'En cause : Q50'],
    },
  },
  {
    id: 'sans-ligne-de-lettres',
    what: 'Pas de ligne de lettres A–F au-dessus des libellés',
    file: 'sans-lettres.xlsx',
    workbook: true,
    bytes: specBook(miniSpec(), { letters: 'none' }),
    expect: { exit: 0, findings: [], says: ['tableau en B3', 'Aucune anomalie.'] },
  },
  {
    id: 'lettres-dans-les-libelles',
    what: 'Lettres au début des libellés (« A Participation État… »), codes répétés sur chaque ligne',
    file: 'lettres-en-ligne.xlsx',
    workbook: true,
    bytes: specBook(miniSpec(), { letters: 'inline', themeCells: 'everyRow', mergeTotalLabels: false }),
    expect: { exit: 0, findings: [], says: ['Aucune anomalie.'] },
  },
  {
    id: 'deux-tableaux-une-feuille',
    what: 'Deux tableaux d’annexe sur une feuille, une erreur dans le second',
    file: 'deux-tableaux.xlsx',
    workbook: true,
    bytes: async () => {
      const one = layoutAnnex(miniSpec()).grid; // rows 1–15
      const spec2 = miniSpec();
      block(spec2, 2).actions[1].amounts.A = '2500'; // « Coup de pouce » typed 2 500 for 25 000
      // Second table at B21: letters 23, labels 24, data 25…; Coup de pouce = row 33, subtotal 34.
      const two = layoutAnnex(spec2, { origin: { row: 20, col: 1 } }).grid;
      const rows = [...one.rows];
      two.rows.forEach((r, i) => {
        if (r && i >= one.rows.length) rows[i] = r;
      });
      return gridBook({ ...one, rows, merges: [...one.merges, ...two.merges] })();
    },
    expect: {
      exit: 1,
      findings: ['ROW_TOTAL@F33', 'SECTION_TOTAL@F34'],
      says: ["contient 2 tableaux d'annexe 9", 'tableau en B3', 'tableau en B23', '« Coup de pouce compétences » (ligne 33)'],
    },
  },
  {
    id: 'plusieurs-feuilles-annexe',
    what: "Trois feuilles : notes, annexe 2023 propre, annexe 2024 avec une erreur",
    file: 'plusieurs-feuilles.xlsx',
    workbook: true,
    bytes: async () => {
      const y2024 = { ...miniSpec(), sheetName: 'Annexe 9 (2024)', year: 2024 };
      block(y2024, 0).actions[1].amounts.valorisation = '25000'; // 2.2: valorisation 25 000 > C 20 000
      recompute(y2024);
      return gridBook(typed('Notes', [['Transmis à la DDETS le 12/06/2023']]), layoutAnnex(ANNEX('Annexe 9 (2023)')).grid, layoutAnnex(y2024).grid)();
    },
    expect: {
      exit: 1,
      findings: ['VALORISATION_EXCEEDS_C@I6'],
      says: ['Feuille « Annexe 9 (2023) »', 'Feuille « Annexe 9 (2024) »', 'dont valorisation CD 25 000,00 € dépasse les crédits CD (C) 20 000,00 €'],
    },
  },
  {
    id: 'lignes-masquees-et-filtrees',
    what: 'Lignes masquées et filtre automatique ; l’erreur est dans une ligne masquée',
    file: 'masquees.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = miniSpec();
      block(spec, 1).actions[1].amounts.D = '200'; // 5.2 (row 9): D 200 for 2 000, F left at 82 001
      return specBook(spec, {}, (ws) => {
        ws.getRow(6).hidden = true;
        ws.getRow(9).hidden = true;
        ws.autoFilter = 'B4:L15';
      });
    })(),
    expect: { exit: 1, findings: ['ROW_TOTAL@J9', 'SUBTOTAL@J10'], hidden: ['J9'], says: ['(ligne 9, ligne masquée) : D affiché 200,00 €'] },
  },
  {
    id: 'cellules-fusionnees-sur-les-montants',
    what: 'Titre de section fusionné sur toute la largeur du tableau, et « Sans objet » fusionné sur A–F d’une ligne modèle',
    file: 'fusions.xlsx',
    workbook: true,
    bytes: async () => {
      const spec = miniSpec();
      // Row 5: a section title; rows 6–8 the first block, 2.3 being a template row.
      spec.body.unshift({ kind: 'block', theme: 'MESURES SOCLE', imputation: null, actions: [{ title: '', amounts: {} }] });
      block(spec, 1).actions.push({ fiche: '2.3', title: "intitulé de l'action n°3", amounts: {} });
      const g = layoutAnnex(recompute(spec)).grid;
      g.merges.push({ top: 4, bottom: 4, left: 1, right: 11 }); // B5:L5
      put(g, 'F8', { value: 'Sans objet' });
      g.merges.push({ top: 7, bottom: 7, left: 5, right: 11 }); // F8:L8
      return gridBook(g)();
    },
    expect: { exit: 1, findings: ['UNREADABLE_AMOUNT@F8'], says: ['(ligne 8), colonne A : « Sans objet » est du texte, pas un montant'] },
  },

  // --- Amounts ----------------------------------------------------------------------------------
  {
    id: 'montants-texte-espaces',
    what: 'Montants en texte « 100 000,00 € » (espaces ordinaires), zéros « -  € »',
    file: 'texte-espaces.xlsx',
    workbook: true,
    bytes: specBook(textRow('100 000,00 €', '-  €', '200 000,00 €')),
    expect: { exit: 0, findings: [] },
  },
  {
    id: 'montants-texte-insecables',
    what: 'Montants en texte avec espaces insécables « 100\u00A0000,00\u00A0€ »',
    file: 'texte-insecables.xlsx',
    workbook: true,
    bytes: specBook(textRow('100\u00A0000,00\u00A0€', '-\u00A0\u00A0€', '200\u00A0000\u00A0€')),
    expect: { exit: 0, findings: [] },
  },
  {
    id: 'montants-texte-fines',
    what: 'Montants en texte avec espaces fines insécables « 100\u202F000 € »',
    file: 'texte-fines.xlsx',
    workbook: true,
    bytes: specBook(textRow('100\u202F000\u00A0€', '0', '200\u202F000,00\u202F€')),
    expect: { exit: 0, findings: [] },
  },
  {
    id: 'montants-texte-points',
    what: 'Montants en texte « 100.000,00 » et « 200000 »',
    file: 'texte-points.xlsx',
    workbook: true,
    bytes: specBook(textRow('100.000,00', '0,00', '200000')),
    expect: { exit: 0, findings: [] },
  },
  {
    id: 'montants-texte-anglais',
    what: 'Montants en texte à l’anglaise « 100,000.00 » et « 200000.00 EUR »',
    file: 'texte-anglais.xlsx',
    workbook: true,
    bytes: specBook(textRow('100,000.00', '-', '200000.00 EUR')),
    expect: { exit: 0, findings: [] },
  },
  {
    id: 'montants-entre-parentheses',
    what: 'Montant négatif en texte « (1 000,00) » dans E, F en conséquence',
    file: 'parentheses.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = miniSpec();
      block(spec, 0).actions[0].amounts.E = '-1000';
      recompute(spec); // F of 2.1 = 199 000, totals follow
      block(spec, 0).actions[0].amounts.E = { text: '(1 000,00)' };
      block(spec, 0).actions[0].amounts.F = { text: '199 000,00 €' };
      return specBook(spec);
    })(),
    expect: { exit: 0, findings: [] },
  },
  {
    id: 'montants-negatifs',
    what: 'Montants négatifs (remboursement) en nombres, cohérents',
    file: 'negatifs.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = miniSpec();
      Object.assign(block(spec, 2).actions[1].amounts, { A: '-2500', C: '-2500' }); // Coup de pouce, reversed
      Object.assign(block(spec, 1).actions[0].amounts, { E: '-50000' });
      return specBook(recompute(spec));
    })(),
    expect: { exit: 0, findings: [] },
  },
  {
    id: 'montant-negatif-faux',
    what: 'Un signe perdu : E saisi 50 000 au lieu de -50 000',
    file: 'signe-perdu.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = miniSpec();
      block(spec, 1).actions[0].amounts.E = '-50000';
      recompute(spec);
      block(spec, 1).actions[0].amounts.E = '50000'; // row 8, E = K
      return specBook(spec);
    })(),
    expect: { exit: 1, findings: ['ROW_TOTAL@K8', 'SUBTOTAL@K10'], says: ['E affiché 50 000,00 €, attendu d’après F et les autres colonnes -50 000,00 €'] },
  },
  {
    id: 'centimes-flottants',
    what: 'Centimes et bruit de calcul flottant (0,1 + 0,2) dans les totaux',
    file: 'centimes.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = miniSpec();
      Object.assign(block(spec, 0).actions[0].amounts, { A: '0.1', B: '0.2', C: '0.1' });
      recompute(spec);
      // What Excel stores when it adds 0.1 + 0.2 + 0.1 in floating point.
      block(spec, 0).actions[0].amounts.F = 0.1 + 0.2 + 0.1;
      return specBook(spec);
    })(),
    expect: { exit: 0, findings: [] },
  },
  {
    id: 'valeurs-d-erreur',
    what: 'Valeurs d’erreur #REF!, #VALUE!, #N/A (formules et valeurs) dans les montants',
    file: 'erreurs.xlsx',
    workbook: true,
    bytes: async () => {
      const g = layoutAnnex(miniSpec()).grid;
      put(g, 'F5', { value: { error: '#REF!' }, formula: '=#REF!*2' }); // A of 2.1
      put(g, 'H7', { value: { error: '#VALUE!' } }); // C of the first subtotal
      put(g, 'L9', { value: { error: '#N/A' }, formula: '=VLOOKUP(E9,Fiches!A:F,6,FALSE)' }); // F of 5.2
      put(g, 'G15', { value: 500, numFmt: '#,##0.00\\ "€"' }); // and a real error elsewhere: B of TOTAUX, 5 000
      return gridBook(g)();
    },
    expect: {
      exit: 1,
      findings: ['UNREADABLE_AMOUNT@F5', 'UNREADABLE_AMOUNT@H7', 'UNREADABLE_AMOUNT@L9', 'GRAND_TOTAL@G15'],
      says: ["« #REF! » est une valeur d'erreur Excel", "« #VALUE! » est une valeur d'erreur Excel", "« #N/A » est une valeur d'erreur Excel", 'Les totaux qui dépendent de cette cellule ne sont pas contrôlés'],
    },
  },
  {
    id: 'formules-avec-resultats',
    what: 'Totaux en formules SUM avec leurs résultats enregistrés',
    file: 'formules.xlsx',
    workbook: true,
    bytes: async () => {
      const g = layoutAnnex(miniSpec()).grid;
      formulaTotals(g, true);
      return gridBook(g)();
    },
    expect: { exit: 0, findings: [] },
  },
  {
    id: 'formules-sans-resultat',
    what: 'Totaux en formules sans résultat enregistré (fichier écrit par un programme) : deux SUM évaluées, une formule non évaluée',
    file: 'formules-sans-resultat.xlsx',
    workbook: true,
    bytes: async () => {
      const g = layoutAnnex(miniSpec()).grid;
      formulaTotals(g, true);
      put(g, 'L7', { value: null, formula: '=SUM(L5:L6)' });
      put(g, 'L15', { value: null, formula: '=L11+L14' });
      put(g, 'K10', { value: null, formula: '=ROUND(SUM(K8:K9),2)' });
      return gridBook(g)();
    },
    expect: {
      exit: 1,
      findings: ['UNREADABLE_AMOUNT@K10'],
      notices: ['FORMULAS_COMPUTED'],
      says: [
        '« =ROUND(SUM(K8:K9),2) » est une formule sans valeur calculée',
        'Ouvrez et enregistrez le fichier dans Excel pour la calculer.',
        '2 formules sans valeur enregistrée (L7, L15), contrôlées sur ce que donne la formule',
      ],
    },
  },
  {
    id: 'formule-resultat-faux',
    what: 'Un total en formule dont le résultat enregistré n’est pas celui de la formule (fichier non recalculé)',
    file: 'formule-resultat-faux.xlsx',
    workbook: true,
    bytes: async () => {
      const g = layoutAnnex(miniSpec()).grid;
      formulaTotals(g, true);
      put(g, 'L10', { value: 732000, formula: '=SUM(L8:L9)', numFmt: '#,##0.00\\ "€"' }); // the formula gives 732 001
      return gridBook(g)();
    },
    expect: {
      exit: 1,
      findings: ['STALE_FORMULA@L10'],
      says: ['Sous-total (ligne 10), colonne F : formule non recalculée, =SOMME(L8:L9) donne 732 001,00 € mais le fichier enregistre 732 000,00 €.'],
      saysNot: ['somme des lignes 732 001,00 €'],
    },
  },
  {
    id: 'dates-dans-les-montants',
    what: 'Une date dans la colonne D et une autre en nombre au format date',
    file: 'dates.xlsx',
    workbook: true,
    bytes: async () => {
      const g = layoutAnnex(miniSpec()).grid;
      put(g, 'J8', { value: new Date(Date.UTC(2023, 5, 12)), numFmt: 'dd/mm/yyyy' }); // D of 5.1 (0)
      put(g, 'G12', { value: 45089, numFmt: 'dd/mm/yyyy' }); // B of Premières Heures (0)
      return gridBook(g)();
    },
    expect: { exit: 1, findings: ['UNREADABLE_AMOUNT@J8', 'UNREADABLE_AMOUNT@G12'], says: ['colonne D : « 2023-06-12 » est une date, pas un montant', 'colonne B : « 2023-06-12 » est une date'] },
  },
  {
    id: 'vrai-faux-et-texte',
    what: 'VRAI et « voir fiche » dans des montants',
    file: 'logique-texte.xlsx',
    workbook: true,
    bytes: async () => {
      const g = layoutAnnex(miniSpec()).grid;
      put(g, 'K12', { value: true }); // E of Premières Heures
      put(g, 'L13', { value: 'voir fiche' }); // F of Coup de pouce
      return gridBook(g)();
    },
    expect: { exit: 1, findings: ['UNREADABLE_AMOUNT@K12', 'UNREADABLE_AMOUNT@L13'], says: ['« VRAI » est une valeur logique', '« voir fiche » est du texte, pas un montant'] },
  },
  {
    id: 'dix-mille-lignes',
    what: '10 000 lignes d’action en 50 blocs, une erreur de C au milieu',
    file: 'dix-mille.xlsx',
    workbook: true,
    bytes: () => specBook(bigSpec(), { themeCells: 'everyRow' })(), // built on demand: 10 000 rows
    expect: { exit: 1, findings: ['A_NEQ_C@H4929', 'SUBTOTAL@H5029', 'SUBTOTAL@L5029'], says: ['10000 actions', '« Action 25.101 » (ligne 4929)'] },
  },

  // --- Themes and codes -------------------------------------------------------------------------
  {
    id: 'codes-premiere-ligne-seulement',
    what: 'Codes Chorus écrits sur la première ligne de chaque bloc seulement',
    file: 'codes-premiere-ligne.xlsx',
    workbook: true,
    bytes: specBook(miniSpec(), { themeCells: 'firstRow' }),
    expect: {
      exit: 1,
      findings: ['MISSING_IMPUTATION@C6', 'MISSING_IMPUTATION@C9', 'MISSING_IMPUTATION@C13'],
      says: ['imputation Chorus manquante en C6, à compléter par « 0304 50 19 19 03 - 1er accueil social inconditionnel » (repris du bloc)'],
      filled: 3,
      writes: ['C6', 'C9', 'C13'],
    },
  },
  {
    id: 'theme-sans-code',
    what: 'Un thème connu sans code Chorus : déduit du thème',
    file: 'theme-sans-code.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = miniSpec();
      block(spec, 1).imputation = null; // the code cell C8:C9 stays merged, and empty
      return specBook(spec);
    })(),
    expect: {
      exit: 1,
      findings: ['MISSING_IMPUTATION@C8', 'MISSING_IMPUTATION@C9'],
      says: ['à compléter par « 0304 50 19 19 07 - Garantie d\'activité et insertion des BRSA » (déduit du thème)'],
      filled: 1,
      writes: ['C8'],
    },
  },
  {
    id: 'theme-inconnu-sans-code',
    what: 'Un thème au libellé inconnu, sans code : à saisir, rien n’est écrit',
    file: 'theme-inconnu.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = miniSpec();
      block(spec, 0).imputation = null;
      block(spec, 0).theme = 'Actions transversales';
      return specBook(spec);
    })(),
    expect: {
      exit: 1,
      findings: ['MISSING_IMPUTATION@C5', 'MISSING_IMPUTATION@C6'],
      says: ['« Accueil de proximité » (ligne 5) : imputation Chorus manquante en C5, à saisir (aucun thème ne permet de la déduire)', 'Imputations à choisir (1) :'],
      filled: 0,
    },
  },
  {
    id: 'action-sans-intitule',
    what: 'Une ligne d’action sans intitulé, avec un montant faux',
    file: 'sans-intitule.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = miniSpec();
      block(spec, 2).actions[0].title = '';
      block(spec, 2).actions[0].amounts.F = '100100'; // row 12
      return specBook(spec);
    })(),
    expect: { exit: 1, findings: ['ROW_TOTAL@L12', 'SECTION_TOTAL@L14'], says: ['« action sans intitulé » (ligne 12) : F affiché 100 100,00 €, A+B+C+D+E = 100 000,00 €'] },
  },
  {
    id: 'texte-riche-liens-et-formules-textuelles',
    what: 'Intitulés en texte riche, code en lien hypertexte, intitulés « =1+1 », « @x », « -2 »',
    file: 'texte-riche.xlsx',
    workbook: true,
    bytes: specBook(
      (() => {
        const spec = miniSpec();
        block(spec, 0).actions[1].title = '=1+1';
        block(spec, 1).actions[0].title = '@x';
        block(spec, 1).actions[1].title = '-2';
        block(spec, 0).actions[1].amounts.A = '20001'; // row 6: A ≠ C and F off
        return spec;
      })(),
      {},
      (ws) => {
        ws.getCell('E5').value = { richText: [{ text: 'Accueil ', font: { bold: true } }, { text: 'de proximité' }] };
        ws.getCell('C8').value = { text: CODE_07, hyperlink: 'https://www.economie.gouv.fr/chorus' };
      },
    ),
    expect: { exit: 1, findings: ['ROW_TOTAL@F6', 'SUBTOTAL@F7'], says: ['« =1+1 » (ligne 6)'] },
  },
  {
    id: 'notes-sous-le-total',
    what: 'Total de contrôle et remarques sous TOTAUX FINANCIERS, lignes vides dans le tableau',
    file: 'notes-dessous.xlsx',
    workbook: true,
    bytes: async () => {
      const g = layoutAnnex(miniSpec()).grid;
      // An empty row inside the table: rows 8 onwards move down one.
      g.rows.splice(7, 0, [undefined, { value: '   ' }]);
      g.merges = g.merges.map((m) => (m.top >= 7 ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m));
      // A control row repeating the grand total (row 16), as some départements add.
      put(g, 'B17', { value: 'Total de contrôle' });
      for (const col of ['F', 'G', 'H', 'I', 'J', 'K', 'L']) put(g, `${col}17`, { ...g.rows[15]![col.charCodeAt(0) - 65]! });
      put(g, 'B19', { value: 'Certifié exact, le 12/06/2023' });
      put(g, 'F19', { value: 'Le président du conseil départemental' });
      put(g, 'L20', { value: 42 });
      return gridBook(g)();
    },
    expect: { exit: 0, findings: [], says: ['Aucune anomalie.'] },
  },
  {
    id: 'feuille-protegee',
    what: 'Feuille protégée par mot de passe (protection de feuille, pas de chiffrement), une erreur',
    file: 'protegee.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = miniSpec();
      totalOf(spec, 'grandTotal').amounts!.C = '535000'; // row 15, C = H
      return specBook(spec, {}, async (ws) => {
        await ws.protect('secret', { selectLockedCells: true });
      });
    })(),
    expect: { exit: 1, findings: ['GRAND_TOTAL@H15'], says: ['TOTAUX FINANCIERS (ligne 15) : C affiché 535 000,00 €, socle + initiatives 535 000,50 €'] },
  },
  {
    id: 'nom-de-feuille-particulier',
    what: "Nom de feuille avec apostrophe, accents et parenthèses",
    file: 'nom-feuille.xlsx',
    workbook: true,
    bytes: specBook(ANNEX("Annexe 9 (révisée) – l'État")),
    expect: { exit: 0, findings: [], says: ["Feuille « Annexe 9 (révisée) – l'État »"] },
  },
  {
    id: 'echantillon-complet-propre',
    what: 'L’annexe du Pas-de-Calais corrigée, en format comptable « -  € »',
    file: 'pas-de-calais-corrigee.xlsx',
    workbook: true,
    bytes: specBook(cleanSample(), { numFmt: '_-* #,##0.00\\ "€"_-;\\-* #,##0.00\\ "€"_-;_-* "-"??\\ "€"_-;_-@_-' }),
    expect: { exit: 0, findings: [], says: ['23 actions', 'Aucune anomalie.'] },
  },

  // --- Annexes as départements make them (issue 12): test/corpus/layouts.ts -----------------------
  ...LAYOUT_CASES,

  // --- Files that are not readable workbooks --------------------------------------------------
  {
    id: 'xlsx-endommage',
    what: 'Un .xlsx endommagé (zip tronqué de moitié)',
    file: 'tronque.xlsx',
    workbook: false,
    bytes: async () => {
      const full = await specBook(miniSpec())();
      return full.subarray(0, Math.floor(full.length / 2));
    },
    expect: { exit: 2, says: ['tronque.xlsx : classeur .xlsx endommagé ou illisible'] },
  },
  {
    id: 'xlsx-octets-au-hasard',
    what: 'Un .xlsx qui commence comme un zip puis n’est que des octets au hasard',
    file: 'abime.xlsx',
    workbook: false,
    bytes: async () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 0x37)]),
    expect: { exit: 2, says: ['abime.xlsx : classeur .xlsx endommagé ou illisible'] },
  },
  {
    id: 'fichier-vide',
    what: 'Un fichier .xlsx de 0 octet',
    file: 'zero-octet.xlsx',
    workbook: false,
    bytes: async () => Buffer.alloc(0),
    expect: { exit: 2, says: ["zero-octet.xlsx : ce n'est pas un classeur Excel .xlsx lisible"] },
  },
  {
    id: 'zip-qui-n-est-pas-un-classeur',
    what: 'Un zip valide qui n’est pas un classeur (document renommé en .xlsx)',
    file: 'document.xlsx',
    workbook: false,
    bytes: async () => {
      const JSZip = (await import('jszip')).default;
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
      zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
      return zip.generateAsync({ type: 'nodebuffer' });
    },
    expect: { exit: 2, says: ["document.xlsx : ce n'est pas un classeur Excel (aucune feuille de calcul"] },
  },
  {
    id: 'xlsx-chiffre',
    what: 'Un .xlsx protégé par mot de passe (conteneur OLE/CFB chiffré)',
    file: 'chiffre.xlsx',
    workbook: false,
    bytes: async () => encryptedXlsx(),
    expect: { exit: 2, says: ['chiffre.xlsx : classeur protégé par mot de passe (chiffré)', 'Enregistrez une copie sans mot de passe'] },
  },
  {
    id: 'ancien-xls',
    what: 'Un ancien classeur .xls (BIFF8)',
    file: 'ancien.xls',
    workbook: false,
    bytes: async () => oldXls(),
    expect: { exit: 2, says: ['ancien.xls : ancien format Excel (.xls), non pris en charge', '« Classeur Excel (*.xlsx) »'] },
  },
  {
    id: 'csv',
    what: "L'annexe exportée en CSV",
    file: 'annexe.csv',
    workbook: false,
    bytes: async () => miniCsv(),
    expect: { exit: 2, says: ['annexe.csv : fichier CSV (texte), non pris en charge', 'enregistrez-le au format .xlsx'] },
  },
  {
    id: 'csv-renomme-en-xlsx',
    what: 'Un CSV renommé en .xlsx',
    file: 'csv-renomme.xlsx',
    workbook: false,
    bytes: async () => miniCsv(),
    expect: { exit: 2, says: ["csv-renomme.xlsx : ce n'est pas un classeur Excel .xlsx lisible"] },
  },
];

export interface WrittenCase {
  case: CorpusCase;
  path: string;
}

/** Writes the cases (all, or those named) into `dir`. */
export async function writeCorpus(dir: string, only?: string[]): Promise<WrittenCase[]> {
  await fs.mkdir(dir, { recursive: true });
  const out: WrittenCase[] = [];
  for (const c of CASES) {
    if (only && !only.includes(c.id)) continue;
    const file = path.join(dir, c.file);
    await fs.writeFile(file, await c.bytes());
    out.push({ case: c, path: file });
  }
  return out;
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.join(process.cwd(), 'corpus-out');
  writeCorpus(dir).then(
    (written) => console.log(`${written.length} cas écrits dans ${dir}`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}

