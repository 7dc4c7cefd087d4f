/**
 * The checks of « Diagnostic Excel » (diagnostic.ts), one per assumption of
 * docs/excel-assumptions.md, each run on the scratch sheet. Self-contained like diagnostic.ts (no
 * imports, Office.js globals only): scripts/scriptlab-diagnostic.ts puts both files in one
 * Script Lab snippet.
 */

const REQUIRED_SET = '1.13';

/** `=1=1`, `1=1`, `= 1 = 1` alike; Excel may give a formula back reformatted. */
const norm = (f: unknown) => String(f ?? '').replace(/\s+/g, '').replace(/^=/, '').toUpperCase();

export function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : e instanceof Error ? e.name : 'unknown';
}

export type Step = (context: Excel.RequestContext, sheet: Excel.Worksheet, name: string) => Promise<{ ok: boolean | null; observed: string }>;

export interface Definition {
  id: string;
  fr: string;
  en: string;
  informative?: boolean;
  step: Step;
}

const CF_SCAN = 'items/type,items/customOrNullObject/rule/formula';

async function scanFormulas(context: Excel.RequestContext, range: Excel.Range): Promise<{ scan: Excel.ConditionalFormatCollection; formulas: string[] }> {
  const scan = range.conditionalFormats;
  scan.load(CF_SCAN);
  await context.sync();
  return { scan, formulas: scan.items.map((cf) => (cf.type === 'Custom' ? cf.customOrNullObject.rule.formula : `(${cf.type})`)) };
}

function addRule(range: Excel.Range, formula: string): void {
  const cf = range.conditionalFormats.add('Custom');
  cf.custom.rule.formula = formula;
  cf.custom.format.fill.color = '#FFF2CC';
}

export const CHECKS: Definition[] = [
  {
    id: 'A16',
    fr: 'La zone utilisée d’une feuille vide est A1',
    en: 'The used range of a blank sheet is A1',
    step: async (context, sheet) => {
      const used = sheet.getUsedRange(true).load('address');
      await context.sync();
      return { ok: /!A1$/.test(used.address), observed: used.address };
    },
  },
  {
    id: 'A1',
    fr: 'Un format conditionnel ajouté se place en tête de liste',
    en: 'A conditional format added goes to the top of the list',
    step: async (context, sheet) => {
      const range = sheet.getRange('A1:A3');
      for (const f of ['=1=1', '=2=2', '=3=3']) addRule(range, f);
      await context.sync();
      const { formulas } = await scanFormulas(context, range);
      return { ok: formulas.map(norm).join(' ') === '3=3 2=2 1=1', observed: `order after adding 1, 2, 3: ${formulas.join(' ')}` };
    },
  },
  {
    id: 'A2',
    fr: 'Supprimer des formats trouvés dans le même lot, de la dernière position vers la première, supprime exactement ceux-là',
    en: 'Deleting formats found in the same batch, from the last position up, deletes exactly those',
    step: async (context, sheet) => {
      const range = sheet.getRange('A1:A3');
      const { scan, formulas } = await scanFormulas(context, range);
      scan.load('items/id');
      await context.sync();
      const ids = scan.items.map((cf) => cf.id);
      // Delete the first and the last (positions 2 then 0): the middle one must stay.
      const middle = norm(formulas[1]);
      scan.items[2].delete();
      scan.items[0].delete();
      await context.sync();
      const after = (await scanFormulas(context, range)).formulas;
      range.conditionalFormats.clearAll();
      await context.sync();
      const positions = ids.every((id, i) => id === String(i));
      const idText = positions ? `ids ${ids.join(', ')} (positions)` : `ids of their own (not positions; ${String(ids[0]).length} characters)`;
      return { ok: after.length === 1 && norm(after[0]) === middle, observed: `${idText}; left: ${after.join(' ')}` };
    },
  },
  {
    id: 'A3',
    fr: 'Une priorité hors limites envoie le format en bas de la liste',
    en: 'A priority past the bounds sends the format to the bottom',
    step: async (context, sheet) => {
      const range = sheet.getRange('A1:A2');
      addRule(range, '=1=1');
      addRule(range, '=2=2');
      const cf = range.conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=3=3';
      cf.custom.format.fill.color = '#FFF2CC';
      cf.priority = 1_000_000;
      await context.sync();
      const { formulas } = await scanFormulas(context, range);
      range.conditionalFormats.clearAll();
      await context.sync();
      return { ok: norm(formulas[formulas.length - 1]) === '3=3', observed: `order: ${formulas.join(' ')}` };
    },
  },
  {
    id: 'A4',
    fr: 'load, isNullObject et delete fonctionnent sur un objet nul',
    en: 'load, isNullObject and delete work on a null object',
    step: async (context, _sheet, name) => {
      const missing = context.workbook.worksheets.getItemOrNullObject(`${name} (absente)`);
      missing.load('name');
      missing.delete();
      await context.sync();
      return { ok: missing.isNullObject === true, observed: `isNullObject ${missing.isNullObject}` };
    },
  },
  {
    id: 'A5',
    fr: 'Un chargement par chemin (areas/items/…) sur un objet peut-être nul fonctionne, nul ou non',
    en: 'A load through a path (areas/items/…) on a possibly null object works, null or not',
    step: async (context, sheet) => {
      sheet.getRange('C3').formulas = [['=1+1']];
      const none = sheet.getRange('C1:C2').getSpecialCellsOrNullObject('Formulas');
      none.load('areas/items/address');
      const some = sheet.getRange('C1:C3').getSpecialCellsOrNullObject('Formulas');
      some.load('areas/items/address,areas/items/formulas');
      await context.sync();
      const areas = some.isNullObject ? [] : some.areas.items.map((a) => `${a.address} ${JSON.stringify(a.formulas)}`);
      return { ok: none.isNullObject && areas.length === 1 && /C3/.test(areas[0]), observed: `null: ${none.isNullObject}; areas: ${areas.join(' ')}` };
    },
  },
  {
    id: 'A6',
    fr: 'Un appel chaîné sur un objet nul (lecture informative\u202f; le complément n’en fait pas)',
    en: 'A call chained off a null object (informative; the add-in makes none)',
    informative: true,
    step: async (context, sheet) => {
      const none = sheet.getRange('A1').getIntersectionOrNullObject(sheet.getRange('Z99'));
      const chained = none.getBoundingRect(sheet.getRange('A1'));
      chained.load('address');
      try {
        await context.sync();
        return { ok: null, observed: `no error (result null: ${chained.isNullObject})` };
      } catch (e) {
        return { ok: null, observed: `the sync fails: ${codeOf(e)}` };
      }
    },
  },
  {
    id: 'A7',
    fr: `L’ensemble d’API ExcelApi ${REQUIRED_SET} demandé par le manifeste est pris en charge`,
    en: `The requirement set ExcelApi ${REQUIRED_SET} the manifest asks for is supported`,
    step: async () => {
      const ok = Office.context.requirements.isSetSupported('ExcelApi', REQUIRED_SET);
      return { ok, observed: ok ? `ExcelApi ${REQUIRED_SET} supported` : `ExcelApi ${REQUIRED_SET} missing` };
    },
  },
  {
    id: 'A8',
    fr: 'Une ligne qui mêle remplissage blanc et absence de remplissage n’est jamais comptée «\u00a0sans remplissage\u00a0»',
    en: 'A row mixing white fill and no fill is never counted "without fill"',
    step: async (context, sheet) => {
      sheet.getRange('E1').format.fill.color = '#FFFFFF';
      sheet.getRange('E3').format.fill.color = '#FFFF00';
      const options = { format: { fill: { color: true, pattern: true, tintAndShade: true } } };
      const cells = sheet.getRange('E1:E3').getCellProperties(options);
      const mixed = sheet.getRange('E1:F1').getRowProperties(options);
      const none = sheet.getRange('E2:F2').getRowProperties(options);
      await context.sync();
      const plain = (p: Excel.RowProperties | undefined) => p?.format?.fill?.color === '#FFFFFF' && p.format.fill.pattern === 'None';
      const f = (p: Excel.CellProperties | Excel.RowProperties | undefined) => JSON.stringify(p?.format?.fill ?? null);
      const told = plain(none.value[0]) ? 'no fill is told from white: tints shown' : 'no fill is not told from white: no tints';
      return {
        ok: !plain(mixed.value[0]),
        observed: `white ${f(cells.value[0][0])}, none ${f(cells.value[1][0])}, yellow ${f(cells.value[2][0])}; mixed row ${f(mixed.value[0])}; ${told}`,
      };
    },
  },
  {
    id: 'A9',
    fr: 'Une ligne insérée au-dessus déplace un format conditionnel et réécrit les références de sa formule',
    en: 'A row inserted above moves a conditional format and rewrites the references in its formula',
    step: async (context, sheet) => {
      sheet.getRange('A10:B10').values = [['ancre', 'x']];
      addRule(sheet.getRange('B10'), '=AND(ISTEXT("annexe9:diagnostic"),ISREF($A$10),$B$10="x")');
      await context.sync();
      sheet.getRange('5:5').insert('Down');
      await context.sync();
      const { scan, formulas } = await scanFormulas(context, sheet.getRange('A1:B30'));
      const at = scan.items.length ? scan.items[0].getRange().load('address') : null;
      await context.sync();
      const f = norm(formulas[0]);
      return { ok: f.includes('$A$11') && f.includes('$B$11') && /B11$/.test(at?.address ?? ''), observed: `${formulas.join(' ')} on ${at?.address ?? '?'}` };
    },
  },
  {
    id: 'A10',
    fr: 'Supprimer la ligne d’un format conditionnel le supprime ou rend ses références #REF!',
    en: 'Deleting the row of a conditional format deletes it or turns its references to #REF!',
    step: async (context, sheet) => {
      sheet.getRange('11:11').delete('Up');
      await context.sync();
      const { formulas } = await scanFormulas(context, sheet.getRange('A1:B30'));
      const ok = formulas.length === 0 || formulas.every((f) => f.includes('#REF!'));
      return { ok, observed: formulas.length ? formulas.join(' ') : 'deleted with its row' };
    },
  },
  {
    id: 'A11',
    fr: 'Au tri, les formats conditionnels restent en place ou suivent les lignes (lecture informative)',
    en: 'On a sort, conditional formats stay or follow their rows (informative)',
    informative: true,
    step: async (context, sheet) => {
      sheet.getRange('C20:D22').values = [[3, 'c'], [1, 'a'], [2, 'b']];
      addRule(sheet.getRange('D20'), '=$D$20="c"');
      await context.sync();
      sheet.getRange('C20:D22').sort.apply([{ key: 0, ascending: true }]);
      await context.sync();
      const { scan, formulas } = await scanFormulas(context, sheet.getRange('C18:D24'));
      const at = scan.items.length ? scan.items[0].getRange().load('address') : null;
      await context.sync();
      const stayed = /D20$/.test(at?.address ?? '');
      return { ok: null, observed: `${stayed ? 'stay' : 'move'}: ${formulas.join(' ')} on ${at?.address ?? '?'}` };
    },
  },
  {
    id: 'A12',
    fr: 'Les lignes masquées et filtrées sont signalées par rowHidden (propriétés de ligne)',
    en: 'Hidden and filtered rows are told by rowHidden (row properties)',
    step: async (context, sheet) => {
      sheet.getRange('G30:G33').values = [['titre'], ['garder'], ['filtrer'], ['garder']];
      sheet.getRange('35:35').rowHidden = true;
      sheet.autoFilter.apply(sheet.getRange('G30:G33'), 0, { filterOn: 'Values', values: ['garder'] });
      const props = sheet.getRange('G30:G35').getRowProperties({ rowHidden: true });
      await context.sync();
      const hidden = props.value.map((p) => p.rowHidden);
      sheet.autoFilter.remove();
      await context.sync();
      return { ok: hidden[2] === true && hidden[5] === true && hidden[1] === false, observed: `rows 30-35: ${hidden.join(' ')}` };
    },
  },
  {
    id: 'A13',
    fr: 'Une lecture d’environ 4\u202f000\u202f000 d’octets passe (le budget du contrôle)',
    en: 'A read of about 4,000,000 bytes goes through (the check\'s budget)',
    step: async (context, sheet) => {
      // 19 000 cells of 200 characters: about 3.9 MB of values, as the add-in counts them (the
      // request is small: formulas that Excel expands).
      sheet.getRange('J1:J19000').formulas = Array.from({ length: 19000 }, () => ['=REPT("x",200)']);
      await context.sync();
      const read = sheet.getRange('J1:J19000').load('values');
      try {
        await context.sync();
        return { ok: read.values.length === 19000, observed: 'about 3.9 MB read in one request' };
      } catch (e) {
        return { ok: false, observed: `refused: ${codeOf(e)}` };
      }
    },
  },
  {
    id: 'A13b',
    fr: 'Une lecture d’environ 6\u202f000\u202f000 d’octets (limite de la plateforme, informatif)',
    en: 'A read of about 6,000,000 bytes (the platform\'s limit, informative)',
    informative: true,
    step: async (context, sheet) => {
      sheet.getRange('J19001:J30000').formulas = Array.from({ length: 11000 }, () => ['=REPT("x",200)']);
      await context.sync();
      const read = sheet.getRange('J1:J30000').load('values');
      try {
        await context.sync();
        return { ok: null, observed: `accepted (${read.values.length} rows)` };
      } catch (e) {
        return { ok: null, observed: `refused: ${codeOf(e)}` };
      } finally {
        sheet.getRange('J:J').clear('Contents');
        await context.sync();
      }
    },
  },
  {
    id: 'A14',
    fr: 'Texte (format @), nombres et liens HYPERLINK se relisent tels qu’écrits (l’empreinte de la synthèse)',
    en: 'Text (format @), numbers and HYPERLINK links read back as written (the summary\'s fingerprint)',
    step: async (context, sheet, name) => {
      const link = `=HYPERLINK("#'${name.replace(/'/g, "''")}'!A1","A1")`;
      const range = sheet.getRange('K1:K4');
      range.numberFormat = [['@'], ['@'], ['#,##0.00 "€"'], ['General']];
      range.values = [['=HYPERLINK("x") reste du texte'], ['0304 50 19 19 07 - Garantie d’activité'], [1362035.1], ['']];
      sheet.getRange('K4').formulas = [[link]];
      await context.sync();
      const back = range.load('formulas');
      await context.sync();
      const expected = [['=HYPERLINK("x") reste du texte'], ['0304 50 19 19 07 - Garantie d’activité'], [1362035.1], [link]];
      const same = JSON.stringify(back.formulas) === JSON.stringify(expected);
      return { ok: same, observed: same ? 'identical' : JSON.stringify(back.formulas) };
    },
  },
  {
    id: 'A15',
    fr: 'L’échelle d’impression (zoom.scale) est appliquée\u202f; l’ajustement à la page peut être ignoré (informatif)',
    en: 'The print scale (zoom.scale) is applied; fit-to-pages may be ignored (informative)',
    step: async (context, sheet) => {
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      const fit = sheet.pageLayout.load('zoom');
      await context.sync();
      const fitApplied = fit.zoom.horizontalFitToPages === 1;
      sheet.pageLayout.zoom = { scale: 47 };
      const scaled = sheet.pageLayout.load('zoom');
      await context.sync();
      return { ok: scaled.zoom.scale === 47, observed: `fit to pages ${fitApplied ? 'applied' : 'ignored'}; scale ${scaled.zoom.scale}` };
    },
  },
  {
    id: 'A17',
    fr: 'Les zones fusionnées se lisent par getMergedAreasOrNullObject',
    en: 'Merged areas are read with getMergedAreasOrNullObject',
    step: async (context, sheet) => {
      sheet.getRange('M1:N2').merge(false);
      const merged = sheet.getRange('M1:N5').getMergedAreasOrNullObject();
      merged.load('areas/items/address');
      await context.sync();
      const areas = merged.isNullObject ? [] : merged.areas.items.map((a) => a.address);
      return { ok: areas.length === 1 && /M1:N2$/.test(areas[0]), observed: areas.join(' ') || 'none' };
    },
  },
];
