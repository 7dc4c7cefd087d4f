/**
 * `annex9`: check annex 9 workbooks from the command line (reviewers receive them by email), write
 * a reviewed copy, read a convention, compare two annexes. Exit status: 0 no finding, 1 findings,
 * 2 an input could not be checked, 64 the command line is wrong (see usage.ts).
 */
import { parseArgs } from './args';
import { checkCommand } from './check';
import { compareCommand } from './compare';
import { conventionCommand } from './convention';
import { fixCommand } from './fix';
import { Io, processIo, safeIo } from './io';
import { InputError } from './options';
import { terminalLine } from './terminalText';
import { EXIT, USAGE, UsageError, usageErrorText } from './usage';

export type { Io } from './io';

export async function main(argv: string[], rawIo: Io = processIo()): Promise<number> {
  const io = safeIo(rawIo);
  try {
    if (argv[0] === 'compare') return await compareCommand(argv.slice(1), io);
    const parsed = parseArgs(argv);
    if (parsed.help) {
      io.out(USAGE[parsed.lang]);
      // Bare `annex9` shows the help, but as a command line that did nothing it is a usage error.
      return parsed.bare ? EXIT.usage : EXIT.clean;
    }
    const { args } = parsed;
    if (args.command === 'convention') return await conventionCommand(args.inputs[0], { json: args.json, lang: args.lang }, io);
    return args.command === 'check' ? await checkCommand(args, io) : await fixCommand(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(usageErrorText(e));
      return EXIT.usage;
    }
    if (e instanceof InputError) {
      io.err(terminalLine(e.message));
      return EXIT.notChecked;
    }
    // A defect of ours: said in French, with the detail for the report (set ANNEX9_DEBUG=1 for the stack).
    const error = e as Error;
    const detail = process.env.ANNEX9_DEBUG ? (error?.stack ?? String(e)) : (error?.message ?? String(e));
    io.err(`Erreur inattendue du contrôle (un défaut du programme, pas de votre fichier)\u00a0: merci de la signaler avec la commande lancée. Détail technique\u00a0: ${detail}`);
    return EXIT.notChecked;
  }
}
