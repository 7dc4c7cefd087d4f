/** `--template MODELE.json`: a template description read from a file and checked by the schema. */
import { promises as fs } from 'fs';
import { TemplateDescription } from '../domain/template';
import { AnnexTemplate } from '../domain/template';
import { readTemplate } from '../domain/template/schema';

export type TemplateFile = { ok: true; template: AnnexTemplate; description: TemplateDescription } | { ok: false; message: string };

/** The template, or a French message saying what is wrong and where (the key at fault). */
export async function readTemplateFile(file: string): Promise<TemplateFile> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (e) {
    return { ok: false, message: `Modèle ${file} illisible : ${(e as Error).message}` };
  }
  const read = readTemplate(json);
  if (read.ok) return read;
  // Every problem, one a line, but not a thousand of them for a file that is no template at all.
  const shown = read.errors.slice(0, 12).map((e) => `  - ${e}`);
  if (read.errors.length > shown.length) shown.push(`  … et ${read.errors.length - shown.length} autre(s).`);
  return { ok: false, message: `Modèle ${file} invalide (voir src/domain/templates/calpae-annexe9.json) :\n${shown.join('\n')}` };
}
