/** The command line of `check`, `fix` and `convention`, read into plain options; `compare` reads its own. */
import { Lang } from '../domain/messages';
import { UsageError } from './usage';

export type Command = 'check' | 'fix' | 'convention';

export interface Args {
  command: Command;
  /** --convention: the convention the annex is compared with. */
  convention?: string;
  /** --summary given as such (--notified and --convention imply it for fix only). */
  summaryAsked?: boolean;
  inputs: string[];
  sheet?: string;
  json: boolean;
  lang: Lang;
  out?: string;
  force: boolean;
  /** A template description (JSON) for another annex model; the CALPAE annex 9 by default. */
  template?: string;
  /** The State's notified amounts, `CODE=AMOUNT` as typed. */
  notified: string[];
  /** `fix`: add the summary sheet (--summary, or implied by --notified and --convention). */
  summary: boolean;
}

/** What was asked: the help (bare `annex9` is a usage error that shows it), or a command. */
export type Parsed = { help: true; lang: Lang; bare: boolean } | { help: false; args: Args };

const COMMANDS = ['check', 'fix', 'convention', 'compare'];

/** Options each command takes; any other is refused rather than ignored. */
const ALLOWED: Record<Command, string[]> = {
  check: ['--json', '--sheet', '--out', '--force', '--convention', '--notified', '--lang', '--template'],
  fix: ['--out', '--force', '--sheet', '--summary', '--notified', '--convention', '--lang', '--template'],
  convention: ['--json', '--lang', '--template'],
};

const WITH_VALUE = new Set(['--sheet', '--out', '--template', '--convention', '--notified', '--lang']);
const FLAGS = new Set(['--json', '--force', '--summary']);

function langOf(argv: string[]): Lang {
  const i = argv.lastIndexOf('--lang');
  return i >= 0 && argv[i + 1] === 'en' ? 'en' : 'fr';
}

function isHelp(a: string): boolean {
  return a === '--help' || a === '-h' || a === 'help' || a === '-?' || a === '/?';
}

export function parseArgs(argv: string[]): Parsed {
  const lang = langOf(argv);
  if (argv.length === 0) return { help: true, lang, bare: true };
  if (argv.some((a) => a === '--help' || a === '-h') || isHelp(argv[0])) return { help: true, lang, bare: false };
  const first = argv[0];
  if (!COMMANDS.includes(first)) {
    if (first.startsWith('-')) {
      if (argv.every((a, i) => a === '--lang' || argv[i - 1] === '--lang')) return { help: true, lang, bare: true };
      throw new UsageError(`Indiquez d’abord la commande\u00a0: annex9 check FICHIER.xlsx (ou fix, convention, compare), puis «\u00a0${first}\u00a0».`);
    }
    if (/\.(xlsx|xlsm|xls|ods|csv|numbers)$/i.test(first) || first.endsWith('/') || first.endsWith('\\')) {
      throw new UsageError(`«\u00a0${first}\u00a0» n’est pas une commande\u00a0: pour le contrôler, écrivez annex9 check ${first.includes(' ') ? `"${first}"` : first}`);
    }
    throw new UsageError(`Commande inconnue «\u00a0${first}\u00a0»\u00a0: les commandes sont check, fix, convention et compare.`);
  }
  const command = first as Command;
  const args: Args = { command, inputs: [], json: false, lang, force: false, notified: [], summary: false };
  const rest = argv.slice(1);
  while (rest.length) {
    const raw = rest.shift()!;
    const a = raw === '-o' ? '--out' : raw;
    if (a.startsWith('-') && a.length > 1) {
      const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
      if (!WITH_VALUE.has(name) && !FLAGS.has(name)) throw new UsageError(`Option inconnue «\u00a0${a}\u00a0» pour «\u00a0${command}\u00a0».`);
      if (name === '--summary' && command === 'check') {
        throw new UsageError("L’option --summary sert avec «\u00a0fix\u00a0», qui écrit la feuille de synthèse dans la copie relue.");
      }
      if (!ALLOWED[command].includes(name)) throw new UsageError(`L’option ${name} ne sert pas avec «\u00a0${command}\u00a0».`);
      let value: string | undefined;
      if (WITH_VALUE.has(name)) {
        // --out=copie.xlsx as well as --out copie.xlsx.
        value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest.shift();
        if (value === undefined || value === '' || (value.startsWith('--') && !a.includes('='))) throw new UsageError(`L’option ${name} attend une valeur.`);
      } else if (a.includes('=')) throw new UsageError(`L’option ${name} ne prend pas de valeur.`);
      switch (name) {
        case '--json':
          args.json = true;
          break;
        case '--force':
          args.force = true;
          break;
        case '--summary':
          args.summary = args.summaryAsked = true;
          break;
        case '--sheet':
          args.sheet = value;
          break;
        case '--out':
          args.out = value;
          break;
        case '--template':
          args.template = value;
          break;
        case '--convention':
          args.convention = value;
          args.summary = true;
          break;
        case '--notified':
          args.notified.push(value!);
          args.summary = true;
          break;
        case '--lang':
          if (value !== 'fr' && value !== 'en') throw new UsageError(`Langue «\u00a0${value}\u00a0» inconnue\u00a0: fr ou en.`);
          args.lang = value;
          break;
      }
    } else args.inputs.push(a);
  }
  if (args.inputs.length === 0) {
    throw new UsageError(
      command === 'convention' ? 'Indiquez la convention à lire (PDF, .docx ou .txt).' : command === 'fix' ? 'Indiquez le classeur .xlsx à relire.' : 'Indiquez au moins un fichier .xlsx ou un dossier à contrôler.',
    );
  }
  if (command === 'convention' && args.inputs.length !== 1) throw new UsageError('«\u00a0convention\u00a0» prend un seul fichier\u00a0: la convention (PDF, .docx ou .txt).');
  if (command === 'fix') {
    if (args.inputs.length !== 1) throw new UsageError('«\u00a0fix\u00a0» prend un seul fichier (pour plusieurs annexes\u00a0: annex9 check DOSSIER --out consolidation.xlsx).');
    if (!args.out) throw new UsageError('Indiquez le fichier de sortie avec --out COPIE.xlsx (le fichier d’origine n’est jamais modifié).');
  }
  if (args.out !== undefined && !/\.xlsx$/i.test(args.out)) {
    throw new UsageError(`--out ${args.out}\u00a0: le fichier écrit est un classeur Excel, donnez-lui un nom en .xlsx.`);
  }
  return { help: false, args };
}
