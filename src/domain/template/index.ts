/**
 * The annex's description, as data (docs/annexe9.md): the shape (description.ts), its check with
 * French messages naming the bad key (schema.ts, for templates given by users), its compiled
 * form (compile.ts) and its Chorus codes (chorus.ts).
 */
import calpaeJson from '../templates/calpae-annexe9.json';
import { compileTemplate, AnnexTemplate } from './compile';
import { TemplateDescription } from './description';

export * from './description';
export * from './compile';
export * from './chorus';

/** The CALPAE annex 9 (checked against the schema by test/engine/template.test.ts). */
export const CALPAE_TEMPLATE: AnnexTemplate = compileTemplate(calpaeJson as TemplateDescription);
