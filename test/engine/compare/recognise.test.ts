/**
 * The execution markers a template description gives (`execution.markers`), and how they are
 * looked for in what a table says it is; tables typed by hand.
 */
import { executionMarkers, recogniseExecution } from '../../../src/domain/compare/recognise';
import { handTable } from './tables';

describe('execution markers', () => {
  it('a description without markers, or no description at all, gives none', () => {
    expect(executionMarkers(null)).toEqual([]);
    expect(executionMarkers({ execution: null })).toEqual([]);
    expect(executionMarkers({ execution: { markers: 'Réalisé' } })).toEqual([]);
  });

  it('only texts count, normalised; a marker that normalises to nothing is dropped', () => {
    expect(executionMarkers({ execution: { markers: ['Réalisé', 2023, null, '', '  —  ', 'Compte rendu FINANCIER'] } })).toEqual(['realise', 'compte rendu financier']);
  });

  it('a marker of punctuation only recognises nothing, even a label of punctuation only', () => {
    const markers = executionMarkers({ execution: { markers: ['—', 'Bilan'] } });
    const table = handTable({
      sheet: 'Annexe 9',
      columns: ['A', 'C', 'F'],
      blocks: [],
      labels: [
        { where: 'sheet', text: 'Annexe 9', key: 'annexe 9' },
        { where: 'title', text: '***', key: '' },
      ],
    });
    expect(recogniseExecution(table, markers)).toEqual({ execution: false, evidence: null });
  });
});
