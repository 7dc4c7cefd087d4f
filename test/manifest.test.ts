/**
 * The offline manifest validator (scripts/validate-manifest.ts) accepts manifest.xml and rejects broken copies,
 * each with a message naming the problem.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, pngSize, validateManifest } from '../scripts/validate-manifest';
import { MIN_EXCEL_API } from '../src/office/requirements';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const original = fs.readFileSync(MANIFEST, 'utf8');

let workDir: string;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'annexe9-manifest-'));
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** Writes a modified copy of manifest.xml and validates it against the real assets/ (schema step off). */
function validateVariant(name: string, edit: (xml: string) => string): string[] {
  const modified = edit(original);
  expect(modified).not.toBe(original); // the edit must really change something
  const file = path.join(workDir, `${name}.xml`);
  fs.writeFileSync(file, modified);
  return validateManifest(file, { assetsRoot: ROOT, schema: false }).problems;
}

function replaceOnce(xml: string, search: string | RegExp, replacement: string): string {
  const result = xml.replace(search, replacement);
  if (result === xml) throw new Error(`pattern not found in manifest.xml: ${String(search)}`);
  return result;
}

describe('manifest.xml', () => {
  it('passes the offline validation', () => {
    const result = validateManifest(MANIFEST, { schema: false });
    expect(result.problems).toEqual([]);
  });

  it('declares the requirement set from src/office/requirements.ts', () => {
    expect(original).toContain(`<Set Name="ExcelApi" MinVersion="${MIN_EXCEL_API}"/>`);
  });

  it('ships every icon it references at its declared size', () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  it('prints "Manifeste valide" and exits 0 from the command line', () => {
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(main([MANIFEST, '--no-schema'])).toBe(0);
      expect(out.mock.calls.map((c) => String(c[0])).join('')).toContain('Manifeste valide');
    } finally {
      out.mockRestore();
    }
  });
});

describe('broken manifests are rejected', () => {
  it('missing <Permissions>', () => {
    const problems = validateVariant('no-permissions', (xml) =>
      replaceOnce(xml, /\s*<Permissions>ReadWriteDocument<\/Permissions>/, ''),
    );
    expect(problems).toEqual([expect.stringMatching(/obligatoire <Permissions> absent/)]);
  });

  it('ReadWriteDocument replaced by ReadWriteMailbox', () => {
    const problems = validateVariant('mailbox-permission', (xml) =>
      replaceOnce(xml, '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteMailbox</Permissions>'),
    );
    expect(problems).toEqual([
      expect.stringMatching(/<Permissions> : « ReadWriteMailbox » n'est pas une valeur autorisée.*ReadWriteDocument/),
    ]);
  });

  it('a weaker but valid permission', () => {
    const problems = validateVariant('read-permission', (xml) =>
      replaceOnce(xml, '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>'),
    );
    expect(problems).toEqual([expect.stringMatching(/<Permissions> doit valoir ReadWriteDocument/)]);
  });

  it('an undefined resid', () => {
    const problems = validateVariant('undefined-resid', (xml) =>
      replaceOnce(xml, '<Label resid="Annexe9.TaskpaneButton.Label"/>', '<Label resid="Bouton.Inconnu"/>'),
    );
    expect(problems).toEqual([expect.stringMatching(/resid « Bouton\.Inconnu » utilisé par <.*Label> mais non défini/)]);
  });

  it('a resid defined in the wrong category', () => {
    const problems = validateVariant('wrong-kind-resid', (xml) =>
      replaceOnce(xml, '<Label resid="Annexe9.TaskpaneButton.Label"/>', '<Label resid="Annexe9.TaskpaneButton.Tooltip"/>'),
    );
    expect(problems).toContainEqual(expect.stringMatching(/doit être défini dans bt:ShortStrings/));
  });

  it('a missing icon file', () => {
    const problems = validateVariant('missing-icon', (xml) =>
      replaceOnce(xml, 'assets/icon-80.png"/>', 'assets/icon-81.png"/>'),
    );
    expect(problems).toEqual([expect.stringMatching(/icône introuvable : assets\/icon-81\.png/)]);
  });

  it('an icon of the wrong size', () => {
    const problems = validateVariant('wrong-icon-size', (xml) =>
      replaceOnce(xml, '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>', '<IconUrl DefaultValue="https://localhost:3000/assets/icon-16.png"/>'),
    );
    expect(problems).toEqual([expect.stringMatching(/<IconUrl> : assets\/icon-16\.png mesure 16×16 px au lieu de 32×32/)]);
  });

  it('an http URL', () => {
    const problems = validateVariant('http-url', (xml) =>
      replaceOnce(xml, '<SupportUrl DefaultValue="https://', '<SupportUrl DefaultValue="http://'),
    );
    expect(problems).toEqual([expect.stringMatching(/URL non sécurisée \(https obligatoire\) dans <SupportUrl> .*http:\/\/localhost/)]);
  });

  it('a requirement set different from MIN_EXCEL_API', () => {
    const problems = validateVariant('old-api', (xml) =>
      replaceOnce(xml, `MinVersion="${MIN_EXCEL_API}"`, 'MinVersion="1.1"'),
    );
    expect(problems).toEqual([expect.stringMatching(/MinVersion « 1\.1 » ≠ MIN_EXCEL_API/)]);
  });

  it('elements out of schema order', () => {
    const problems = validateVariant('order', (xml) => {
      const version = '<Version>0.1.0.0</Version>';
      expect(xml).toContain(version);
      return replaceOnce(xml.replace(`  ${version}\n`, ''), '<DefaultLocale>', `${version}\n  <DefaultLocale>`);
    });
    expect(problems).toEqual([expect.stringMatching(/<Version> mal placé/)]);
  });

  it('an Id that is not a GUID', () => {
    const problems = validateVariant('bad-id', (xml) => replaceOnce(xml, /<Id>[^<]*<\/Id>/, '<Id>annexe9</Id>'));
    expect(problems).toEqual([expect.stringMatching(/<Id> doit être un GUID/)]);
  });

  it('a missing en-US override', () => {
    const problems = validateVariant('no-english', (xml) =>
      replaceOnce(xml, /\s*<Override Locale="en-US" Value="Annex 9 check"\/>/, ''),
    );
    expect(problems).toEqual([expect.stringMatching(/<DisplayName> : traduction anglaise manquante/)]);
  });

  it('malformed XML', () => {
    const problems = validateVariant('malformed', (xml) => replaceOnce(xml, '</Hosts>', '</Host>'));
    expect(problems).toEqual([expect.stringMatching(/^XML mal formé/)]);
  });

  it('exits 1 from the command line, listing the problems in French', () => {
    const file = path.join(workDir, 'cli-broken.xml');
    fs.writeFileSync(file, original.replace(/\s*<Permissions>ReadWriteDocument<\/Permissions>/, ''));
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(main([file, '--no-schema', '--assets-root', ROOT])).toBe(1);
      const text = err.mock.calls.map((c) => String(c[0])).join('');
      expect(text).toContain('Manifeste invalide');
      expect(text).toContain('Élément obligatoire <Permissions> absent');
    } finally {
      err.mockRestore();
      out.mockRestore();
    }
  });
});
