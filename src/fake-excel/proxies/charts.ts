/**
 * Charts, as little as the summary sheet uses (ExcelApi 1.1 for the chart, 1.7 for adding series):
 * add a chart from a range, name it, title it, place it, add named series over ranges, delete it.
 * A chart is kept as its type, position and series' ranges; nothing is drawn. Where Microsoft's
 * documentation is silent the least favourable reading is taken: `Range.clear()` leaves charts
 * in place (a chart is not a cell), so whoever replaces a sheet's content deletes them itself.
 */
import type { HostChart, HostSheet } from '../workbook/host';
import { invalidArgument } from './errors';
import { assertWritable, liveSheet } from './hostAccess';
import { FakeCollection, FakeObject, PropDef } from './object';
import { FakeRange } from './range';

interface ChartTarget {
  sheet: HostSheet;
  chart: HostChart;
}

const TYPES = new Set(['ColumnClustered', 'ColumnStacked', 'BarClustered', 'Line', 'Pie']);

/** The address of a range given to a chart, checked to be on the chart's sheet. */
function addressOn(sheet: HostSheet, range: FakeRange, where: string): string {
  const t = range._need() as { sheet: HostSheet; rect: { top: number; left: number; bottom: number; right: number } };
  if (t.sheet !== sheet) throw invalidArgument(where, 'The range is not on the chart’s worksheet.');
  return range.context.host.addressOf(t.sheet, t.rect);
}

export class FakeChartCollection extends FakeCollection<HostSheet, FakeChart> {
  readonly _type = 'ChartCollection';
  _itemTargets(sheet: HostSheet): unknown[] {
    return sheet.charts.map((chart) => ({ sheet, chart }));
  }
  _makeItem(item: unknown): FakeChart {
    const target = item as ChartTarget;
    return new FakeChart(this.context, () => (target.sheet.charts.includes(target.chart) ? target : null));
  }
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChart {
    let created: ChartTarget | null = null;
    const chart = new FakeChart(this.context, () => created);
    this.context._enqueue({
      describe: { o: this._type, m: 'add', a: [type, '(range)', seriesBy] },
      run: () => {
        const sheet = this._live('add')!;
        const host = this.context.host;
        assertWritable(host, liveSheet(host, sheet), 'ChartCollection.add');
        if (!TYPES.has(type)) throw invalidArgument('ChartCollection.add', `The fake does not know charts of type ${type}.`);
        const values = addressOn(sheet, sourceData, 'ChartCollection.add');
        const made: HostChart = { name: `Graphique ${sheet.charts.length + 1}`, type, title: '', position: { start: 'A1', end: null }, series: [{ name: '', values, xValues: null }] };
        sheet.charts.push(made);
        created = { sheet, chart: made };
        chart._resolve();
      },
    });
    return chart;
  }
}

export class FakeChart extends FakeObject<ChartTarget> {
  readonly _type = 'Chart';
  protected _props(): Record<string, PropDef<ChartTarget>> {
    const host = this.context.host;
    return {
      name: {
        get: (t) => t.chart.name,
        set: (t, v, where) => {
          assertWritable(host, liveSheet(host, t.sheet), where);
          t.chart.name = String(v);
        },
      },
    };
  }
  protected override _navDefs() {
    return { series: () => this.series, title: () => this.title };
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v);
  }
  get series(): FakeChartSeriesCollection {
    return this._nav('series', () => new FakeChartSeriesCollection(this.context, this._from(this, (t) => t)));
  }
  get title(): FakeChartTitle {
    return this._nav('title', () => new FakeChartTitle(this.context, this._from(this, (t) => t)));
  }
  setPosition(startCell: string, endCell?: string): void {
    this._call('setPosition', [startCell, endCell], (t) => {
      assertWritable(this.context.host, liveSheet(this.context.host, t.sheet), 'Chart.setPosition');
      t.chart.position = { start: startCell, end: endCell ?? null };
    });
  }
  delete(): void {
    this._call('delete', [], (t) => {
      assertWritable(this.context.host, liveSheet(this.context.host, t.sheet), 'Chart.delete');
      t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
    });
  }
}

export class FakeChartTitle extends FakeObject<ChartTarget> {
  readonly _type = 'ChartTitle';
  protected _props(): Record<string, PropDef<ChartTarget>> {
    const host = this.context.host;
    return {
      text: {
        get: (t) => t.chart.title,
        set: (t, v, where) => {
          assertWritable(host, liveSheet(host, t.sheet), where);
          t.chart.title = String(v);
        },
      },
    };
  }
  get text(): string {
    return this._get('text');
  }
  set text(v: string) {
    this._set('text', v);
  }
}

interface SeriesTarget extends ChartTarget {
  index: number;
}

export class FakeChartSeriesCollection extends FakeCollection<ChartTarget, FakeChartSeries> {
  readonly _type = 'ChartSeriesCollection';
  _itemTargets(t: ChartTarget): unknown[] {
    return t.chart.series.map((_, index) => ({ ...t, index }));
  }
  _makeItem(item: unknown): FakeChartSeries {
    const target = item as SeriesTarget;
    return new FakeChartSeries(this.context, () => (target.chart.series[target.index] ? target : null));
  }
  getItemAt(index: number): FakeChartSeries {
    return this._child('getItemAt', [index], () =>
      new FakeChartSeries(this.context, () => {
        const t = this._need();
        return t.chart.series[index] ? { ...t, index } : null;
      }),
    );
  }
  add(name?: string): FakeChartSeries {
    let created: SeriesTarget | null = null;
    const series = new FakeChartSeries(this.context, () => created);
    this.context._enqueue({
      describe: { o: this._type, m: 'add', a: [name] },
      run: () => {
        const t = this._live('add')!;
        assertWritable(this.context.host, liveSheet(this.context.host, t.sheet), 'ChartSeriesCollection.add');
        t.chart.series.push({ name: name ?? '', values: null, xValues: null });
        created = { ...t, index: t.chart.series.length - 1 };
        series._resolve();
      },
    });
    return series;
  }
}

export class FakeChartSeries extends FakeObject<SeriesTarget> {
  readonly _type = 'ChartSeries';
  protected _props(): Record<string, PropDef<SeriesTarget>> {
    const host = this.context.host;
    return {
      name: {
        get: (t) => t.chart.series[t.index].name,
        set: (t, v, where) => {
          assertWritable(host, liveSheet(host, t.sheet), where);
          t.chart.series[t.index].name = String(v);
        },
      },
    };
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v);
  }
  setValues(sourceData: FakeRange): void {
    this._call('setValues', ['(range)'], (t) => {
      assertWritable(this.context.host, liveSheet(this.context.host, t.sheet), 'ChartSeries.setValues');
      t.chart.series[t.index].values = addressOn(t.sheet, sourceData, 'ChartSeries.setValues');
    });
  }
  setXAxisValues(sourceData: FakeRange): void {
    this._call('setXAxisValues', ['(range)'], (t) => {
      assertWritable(this.context.host, liveSheet(this.context.host, t.sheet), 'ChartSeries.setXAxisValues');
      t.chart.series[t.index].xValues = addressOn(t.sheet, sourceData, 'ChartSeries.setXAxisValues');
    });
  }
}
