// @ts-check
/**
 * Mutation testing (StrykerJS): `npm run mutate`. Not part of CI (too slow for two cores); run it
 * before resolving an issue that touches the code below. See docs/mutation.md.
 *
 * Scopes are globs, so files added or split inside a folder are picked up without editing this.
 * Each scope runs only the tests that exercise it in this process (no browser, no LibreOffice,
 * no command line in a child process, whose code Stryker cannot attribute to a test):
 *   npm run mutate                                        every scope
 *   npm run mutate:domain                                 the engine only
 *   npm run mutate -- --mutate src/domain/amounts.ts      one file (its scope's tests are picked)
 *   npm run mutate -- --mutate 'src/domain/rules/fold.ts:40-80'   a line range
 */

/** @type {Record<string, { mutate: string[]; tests: string[] }>} */
const SCOPES = {
  domain: {
    mutate: ['src/domain/**/*.ts'],
    // Not the file writers' tests: ExcelJS is slow to load, and the engine's summary has its own.
    tests: [
      '<rootDir>/test/engine/**/*.test.ts',
      '<rootDir>/test/properties*.test.ts',
      '<rootDir>/test/summary.test.ts',
      // Every French words table rendered and scanned for typography: it also notices a message
      // emptied or replaced (a missing space before « : », a stray « ! »).
      '<rootDir>/test/typography.test.ts',
      // The comparison and the convention are in src/domain too; their tests that stay in this
      // process (not the CLI's, not the PDF/.docx readers', not the resource bombs: megabytes of text
      // that instrumented code reads in minutes, rerun for every mutant they cover).
      '<rootDir>/test/compare/{cents,execution,outputs,versions}.test.ts',
      '<rootDir>/test/convention/{compare,extract,variants}.test.ts',
    ],
  },
  // What decides whether a cell may be written, or taken back: the fill plan and the guards at write
  // time (Office and files), the clear decision, the journal it trusts, the file writers. The goal
  // is 100 %, equivalents justified (issue 18). src/domain/fills.ts is also in `domain`: a pattern in
  // two scopes runs the tests of both.
  writes: {
    mutate: [
      'src/domain/fills.ts',
      'src/office/fills.ts',
      'src/office/clearDecision.ts',
      'src/office/journal*.ts',
      'src/files/review.ts',
      'src/files/summary.ts',
    ],
    tests: [
      '<rootDir>/test/office/**/*.test.ts',
      '<rootDir>/test/summary-office.test.ts',
      '<rootDir>/test/files/**/*.test.ts',
      '<rootDir>/test/summary-file.test.ts',
    ],
  },
  // The rest of the Office adapter's write paths: marks and the service that queues them.
  office: {
    mutate: ['src/office/marks.ts', 'src/office/excelService.ts', 'src/office/service.ts'],
    tests: ['<rootDir>/test/office/**/*.test.ts', '<rootDir>/test/summary-office.test.ts'],
  },
};

/**
 * The domain in parts that each finish in well under an hour on two cores, each with its own
 * incremental file: a whole `mutate:domain` (about 12 000 mutants, 6 000 tested once the checker
 * has rejected the rest) takes hours there, and Stryker keeps its incremental file only at the end
 * of a completed run, so a run stopped half-way saves nothing. `npm run mutate:domain:<part>`.
 * `reading` is the complement of the others, so every file of src/domain is in exactly one part.
 */
const DOMAIN_PARTS = {
  // The rules, the sums they compare, amounts and money, the fill plan: what the findings say.
  checks: [
    'src/domain/rules/**/*.ts',
    'src/domain/{fills,sums,amounts,money,check,findings}.ts',
  ],
  words: ['src/domain/summary/**/*.ts', 'src/domain/words/**/*.ts', 'src/domain/messages.ts'],
  compare: ['src/domain/compare/**/*.ts'],
  convention: ['src/domain/convention/**/*.ts'],
};
DOMAIN_PARTS.reading = [
  'src/domain/**/*.ts',
  ...Object.values(DOMAIN_PARTS).flat().map((glob) => `!${glob}`),
];

/**
 * Tests never run under Stryker: they drive Chromium or the command line in a child process (whose
 * coverage Stryker cannot see), or compare the text of source files Stryker rewrites in its sandbox
 * (the Script Lab snippet is generated from src/office/diagnostic.ts; the registry test reads the rule modules).
 */
const NOT_UNDER_STRYKER = ['/test/office/demoDiagnostic\\.test\\.ts$', '/test/office/scriptlab\\.test\\.ts$', '/test/nothing-lost\\.test\\.ts$', '/test/engine/rules/registry\\.test\\.ts$'];

/** The patterns given with --mutate / -m on the command line, if any (Stryker applies them itself). */
function mutateFromCommandLine() {
  const argv = process.argv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--mutate' || a === '-m') return argv[i + 1]?.split(',') ?? [];
    if (a.startsWith('--mutate=')) return a.slice('--mutate='.length).split(',');
  }
  return null;
}

/** Does a pattern of the command line fall under a scope's glob (folder, `*` in a file name, or file)? */
function under(plain, glob) {
  if (plain === glob) return true;
  const folder = glob.replace(/\/\*\*.*$/, '/');
  if (folder !== glob && plain.startsWith(folder)) return true;
  if (!glob.includes('**') && glob.includes('*')) {
    const re = new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    if (re.test(plain)) return true;
  }
  // A pattern wider than the glob (`src/office/*.ts`, `src/**`) takes in its scope.
  return plain.includes('*') && glob.startsWith(plain.replace(/\*.*$/, ''));
}

/** The scopes of a pattern: every scope one of whose globs it falls under. */
function scopesOf(pattern) {
  const plain = pattern.replace(/^!/, '').replace(/:\d+(-\d+)?$/, '');
  // A scope's own glob (`npm run mutate:domain`) selects that scope only.
  const own = Object.entries(SCOPES).filter(([, scope]) => scope.mutate.includes(plain));
  if (own.length > 0 && plain.includes('*')) return own.map(([name]) => name);
  const names = Object.entries(SCOPES)
    .filter(([, scope]) => scope.mutate.some((glob) => under(plain, glob)))
    .map(([name]) => name);
  if (names.length === 0) throw new Error(`stryker.config.mjs: ${pattern} is in no scope (${Object.keys(SCOPES).join(', ')}); add it to SCOPES.`);
  return names;
}

// Every mutant a property test covers reruns it: a twentieth of the runs (test/support/runs.ts).
process.env.ANNEX9_PROPERTY_SCALE ??= '0.05';

// ANNEX9_MUTATE_PART=checks (npm run mutate:domain:checks): one part of the domain, its own
// incremental file.
const part = process.env.ANNEX9_MUTATE_PART || undefined;
if (part !== undefined && !(part in DOMAIN_PARTS)) {
  throw new Error(`stryker.config.mjs: ANNEX9_MUTATE_PART=${part} is not a part of the domain (${Object.keys(DOMAIN_PARTS).join(', ')}).`);
}
const fromCommandLine = part ? DOMAIN_PARTS[part] : mutateFromCommandLine();
const scopes = part
  ? ['domain']
  : fromCommandLine
  ? [...new Set(fromCommandLine.filter((p) => !p.startsWith('!')).flatMap(scopesOf))]
  : Object.keys(SCOPES);
// ANNEX9_MUTATE_TESTS='<rootDir>/test/office/journalReading.test.ts,…' runs only those tests: a quick
// run whose score is a lower bound of the scope's (fewer tests kill fewer mutants).
const testMatch = process.env.ANNEX9_MUTATE_TESTS ? process.env.ANNEX9_MUTATE_TESTS.split(',') : [...new Set(scopes.flatMap((s) => SCOPES[s].tests))];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: part ? DOMAIN_PARTS[part] : [...new Set(Object.values(SCOPES).flatMap((s) => s.mutate))],
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: {
      testMatch,
      testPathIgnorePatterns: ['/node_modules/', ...NOT_UNDER_STRYKER],
      // The command line is not tested here (child processes), so it need not be built.
      globalSetup: null,
      reporters: ['default'],
    },
    enableFindRelatedTests: false,
  },
  checkers: ['typescript'],
  // The checker compiles src/ only (not the tests): several times quicker per mutant.
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // A static mutant (module-level code: the compiled template, constant tables) would rerun every
  // test of its scope; such mutants are left out and counted as ignored (docs/mutation.md).
  ignoreStatic: true,
  concurrency: 2,
  // A mutant that loops forever is "timeout": the slowest domain test takes a few seconds.
  timeoutMS: 5000,
  timeoutFactor: 1.5,
  // Rerun only what changed since the last run (code or tests); the file is local, not committed.
  incremental: true,
  incrementalFile: part ? `reports/stryker-incremental-domain-${part}.json` : 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  // What the sandbox need not copy.
  // docs/ is kept: Office tests compare the help pages and the Script Lab snippet with the code.
  // bench/ is kept: the comparison's tests build their annexes with its generator.
  ignorePatterns: ['test-results', 'coverage', 'reports', '*.log', '.stryker-tmp*'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 90, low: 85, break: null },
};
