/**
 * One check with Microsoft's office-addin-mock, where it fits: `select` needs no collection,
 * no *OrNullObject and no sync semantics, which the mock does not have (the rest of the Office
 * side is tested against the fake, which has them).
 */
import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock only needs the OfficeApp names from office-addin-manifest, whose dependencies
// ship ES modules this Jest set-up does not transform.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));
import { ExcelAnnexService } from '../../src/office/excelService';

describe('select, with office-addin-mock', () => {
  const g = globalThis as Record<string, unknown>;
  const previous = g.Excel;
  afterEach(() => {
    g.Excel = previous;
  });

  it('activates the sheet, then selects the cell, in one batch', async () => {
    const calls: string[] = [];
    const mockData = {
      context: {
        workbook: {
          worksheets: {
            getItem(name: string) {
              return {
                activate: () => calls.push(`activate ${name}`),
                getRange: (address: string) => ({ select: () => calls.push(`select ${address}`) }),
              };
            },
          },
        },
      },
      // Excel.run(options, batch), as the service calls it.
      run: async function (this: { context: unknown }, options: unknown, batch?: (context: unknown) => Promise<unknown>) {
        calls.push(`run ${JSON.stringify(options)}`);
        return batch!(this.context);
      },
    };
    g.Excel = new OfficeMockObject(mockData);
    await new ExcelAnnexService().select('Annexe 9', 'L51');
    expect(calls).toEqual(['run {"delayForCellEdit":true}', 'activate Annexe 9', 'select L51']);
  });
});
