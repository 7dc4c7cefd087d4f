/**
 * Offline validation of the add-in manifest (manifest.xml), for `npm run validate` and test/manifest.test.ts.
 *
 * `office-addin-manifest validate` sends the manifest to an online Microsoft service; this script needs no network.
 * It parses the XML with a real parser (xml2js, already installed as a dependency of office-addin-manifest) and checks:
 *   - the elements of <OfficeApp> (TaskPaneApp) are present and in schema order, with valid values
 *     (GUID Id, version, locale, French texts with en-US overrides, Permissions = ReadWriteDocument, no AppDomains);
 *   - every URL is https, and points at the add-in's own host (same base as DefaultSettings/SourceLocation);
 *   - the Excel requirement set equals MIN_EXCEL_API (src/office/requirements.ts);
 *   - VersionOverrides: every resid is defined in <Resources> in the right category, the Home-tab button opens
 *     taskpane.html and the FunctionFile is commands.html;
 *   - every icon exists under assets/ as a PNG of the declared size (width/height read from the PNG header).
 * When XSD files are available (OFFICE_MANIFEST_XSD_DIR, or shipped in node_modules/office-addin-manifest) and
 * xmllint is installed (Debian: libxml2-utils), the manifest is also validated against the schema; otherwise
 * that step is reported as skipped and the structural checks still run.
 *
 * Usage: ts-node scripts/validate-manifest.ts [manifest.xml] [--assets-root DIR] [--no-schema]
 * Exit code 0 and "Manifeste valide" when everything passes, 1 with one French message per problem otherwise.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { EXCEL_API_SET, MIN_EXCEL_API } from '../src/office/requirements';

// ---------------------------------------------------------------------------------------------------------------
// XML tree

const NS_OFFICEAPP = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const NS_OVERRIDES = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const NS_BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const NS_XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const NS_XMLNS = 'http://www.w3.org/2000/xmlns/';

interface XmlAttr {
  local: string;
  uri: string;
  value: string;
}

interface XmlElement {
  local: string;
  uri: string;
  /** Prefixed name as written, e.g. `bt:Image`, for messages. */
  qname: string;
  attrs: XmlAttr[];
  children: XmlElement[];
  text: string;
  parent?: XmlElement;
}

/** Shape of xml2js's output with { explicitChildren, preserveChildrenOrder, xmlns }. */
interface RawNode {
  '#name'?: string;
  $?: Record<string, { value: string; local: string; uri: string }>;
  $ns?: { uri: string; local: string };
  $$?: RawNode[];
  _?: string;
}

interface Xml2jsParser {
  parseString(xml: string, callback: (error: Error | null, result: Record<string, RawNode>) => void): void;
}

interface Xml2jsModule {
  Parser: new (options: Record<string, unknown>) => Xml2jsParser;
}

function loadXml2js(): Xml2jsModule {
  // xml2js has no type declarations installed: the interfaces above describe the part used here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('xml2js') as Xml2jsModule;
}

function convert(raw: RawNode, qname: string, parent?: XmlElement): XmlElement {
  const element: XmlElement = {
    local: raw.$ns?.local ?? qname.replace(/^.*:/, ''),
    uri: raw.$ns?.uri ?? '',
    qname,
    attrs: Object.values(raw.$ ?? {}).map((a) => ({ local: a.local, uri: a.uri, value: a.value })),
    children: [],
    text: typeof raw._ === 'string' ? raw._ : '',
    parent,
  };
  element.children = (raw.$$ ?? []).map((child) => convert(child, child['#name'] ?? '?', element));
  return element;
}

/** Parses XML text; throws an Error whose message describes the syntax error. */
function parseXml(xml: string): XmlElement {
  const parser = new (loadXml2js().Parser)({
    explicitChildren: true,
    preserveChildrenOrder: true,
    xmlns: true,
    explicitRoot: true,
    async: false,
  });
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  parser.parseString(xml, (error, result) => {
    if (error) {
      failure = failure ?? error;
      return;
    }
    const [name] = Object.keys(result ?? {});
    if (name && result[name]) root = convert(result[name], name);
  });
  if (failure) throw failure;
  if (!root) throw new Error('document vide');
  return root;
}

function attr(element: XmlElement | undefined, local: string, uri = ''): string | undefined {
  return element?.attrs.find((a) => a.local === local && a.uri === uri)?.value;
}

function xsiType(element: XmlElement | undefined): string | undefined {
  return attr(element, 'type', NS_XSI)?.replace(/^.*:/, '');
}

function children(element: XmlElement | undefined, local: string, uri?: string): XmlElement[] {
  return (element?.children ?? []).filter((c) => c.local === local && (uri === undefined || c.uri === uri));
}

function child(element: XmlElement | undefined, local: string, uri?: string): XmlElement | undefined {
  return children(element, local, uri)[0];
}

function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((c) => [c, ...descendants(c)]);
}

function describe(element: XmlElement): string {
  const names: string[] = [];
  for (let e: XmlElement | undefined = element; e; e = e.parent) names.unshift(e.qname);
  return names.slice(1).join('/');
}

// ---------------------------------------------------------------------------------------------------------------
// PNG

/** Width and height from a PNG header, or undefined when the file is not a PNG. */
export function pngSize(file: string): { width: number; height: number } | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(24);
    const read = fs.readSync(fd, header, 0, 24, 0);
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    if (read < 24 || !header.subarray(0, 8).equals(signature) || header.toString('ascii', 12, 16) !== 'IHDR') {
      return undefined;
    }
    return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
  } finally {
    fs.closeSync(fd);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rules

/** Child elements of <OfficeApp xsi:type="TaskPaneApp">, in schema order (OfficeAppManifestV1_1.xsd). */
const OFFICEAPP_SEQUENCE: { name: string; uri: string; required: boolean }[] = [
  { name: 'Id', uri: NS_OFFICEAPP, required: true },
  { name: 'AlternateId', uri: NS_OFFICEAPP, required: false },
  { name: 'Version', uri: NS_OFFICEAPP, required: true },
  { name: 'ProviderName', uri: NS_OFFICEAPP, required: true },
  { name: 'DefaultLocale', uri: NS_OFFICEAPP, required: true },
  { name: 'DisplayName', uri: NS_OFFICEAPP, required: true },
  { name: 'Description', uri: NS_OFFICEAPP, required: true },
  // Optional in the schema, required for this add-in (and by AppSource / the admin center).
  { name: 'IconUrl', uri: NS_OFFICEAPP, required: true },
  { name: 'HighResolutionIconUrl', uri: NS_OFFICEAPP, required: true },
  { name: 'SupportUrl', uri: NS_OFFICEAPP, required: true },
  { name: 'AppDomains', uri: NS_OFFICEAPP, required: false },
  { name: 'Hosts', uri: NS_OFFICEAPP, required: true },
  { name: 'Requirements', uri: NS_OFFICEAPP, required: true },
  { name: 'DefaultSettings', uri: NS_OFFICEAPP, required: true },
  { name: 'Permissions', uri: NS_OFFICEAPP, required: true },
  { name: 'Dictionary', uri: NS_OFFICEAPP, required: false },
  { name: 'VersionOverrides', uri: NS_OVERRIDES, required: true },
  { name: 'ExtendedOverrides', uri: NS_OFFICEAPP, required: false },
];

/** Values the schema allows for <Permissions> in a TaskPaneApp. */
const TASKPANE_PERMISSIONS = ['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'];
const REQUIRED_PERMISSION = 'ReadWriteDocument';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;
const RESID_MAX = 32;

/** Category of <Resources> each resid-bearing element refers to. */
type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';
const RESOURCE_LABEL: Record<ResourceKind, string> = {
  Images: 'bt:Images',
  Urls: 'bt:Urls',
  ShortStrings: 'bt:ShortStrings',
  LongStrings: 'bt:LongStrings',
};

function expectedResourceKind(element: XmlElement): ResourceKind | undefined {
  switch (element.local) {
    case 'Image':
      return 'Images';
    case 'FunctionFile':
    case 'SourceLocation':
    case 'LearnMoreUrl':
      return 'Urls';
    case 'Label':
    case 'Title':
      return 'ShortStrings';
    case 'Description':
      return 'LongStrings';
    default:
      return undefined;
  }
}

interface Resource {
  kind: ResourceKind;
  value: string;
  element: XmlElement;
}

export interface ValidationOptions {
  /** Directory the icon URLs resolve against; defaults to the manifest's directory. */
  assetsRoot?: string;
  /** Run the XSD step when possible (default true). */
  schema?: boolean;
  /** Where to look for the XSD files; defaults to OFFICE_MANIFEST_XSD_DIR, then node_modules/office-addin-manifest. */
  xsdDir?: string;
}

export interface ValidationResult {
  /** One French message per problem; empty when the manifest is valid. */
  problems: string[];
  /** Informational messages (skipped schema step, …). */
  notes: string[];
}

class Checker {
  readonly problems: string[] = [];
  readonly notes: string[] = [];
  /** Base URL of the add-in (directory of DefaultSettings/SourceLocation), e.g. https://localhost:3000/. */
  private base: URL | undefined;

  constructor(private readonly assetsRoot: string) {}

  fail(message: string): void {
    this.problems.push(message);
  }

  run(root: XmlElement): void {
    if (root.local !== 'OfficeApp' || root.uri !== NS_OFFICEAPP) {
      this.fail(`L'élément racine doit être <OfficeApp xmlns="${NS_OFFICEAPP}"> (trouvé : <${root.qname}>).`);
      return;
    }
    if (xsiType(root) !== 'TaskPaneApp') {
      this.fail(`<OfficeApp> doit avoir xsi:type="TaskPaneApp" (trouvé : « ${xsiType(root) ?? 'aucun'} »).`);
    }
    this.checkOrder(root);
    this.checkGeneral(root);
    this.checkUrls(root);
    const overrides = child(root, 'VersionOverrides', NS_OVERRIDES);
    if (overrides) this.checkVersionOverrides(overrides);
  }

  /** Required elements present once, in schema order; nothing unexpected. */
  private checkOrder(root: XmlElement): void {
    let position = -1;
    const seen = new Set<string>();
    for (const element of root.children) {
      const index = OFFICEAPP_SEQUENCE.findIndex((s) => s.name === element.local && s.uri === element.uri);
      if (index < 0) {
        this.fail(`Élément inattendu dans <OfficeApp> : <${element.qname}>.`);
        continue;
      }
      if (seen.has(element.local)) {
        this.fail(`Élément <${element.local}> présent plusieurs fois dans <OfficeApp>.`);
        continue;
      }
      seen.add(element.local);
      if (index < position) {
        const previous = OFFICEAPP_SEQUENCE[position].name;
        this.fail(`Élément <${element.local}> mal placé : il doit précéder <${previous}> (ordre imposé par le schéma).`);
      } else {
        position = index;
      }
    }
    for (const spec of OFFICEAPP_SEQUENCE) {
      if (spec.required && !seen.has(spec.name)) {
        this.fail(`Élément obligatoire <${spec.name}> absent de <OfficeApp>.`);
      }
    }
  }

  private checkGeneral(root: XmlElement): void {
    const id = child(root, 'Id', NS_OFFICEAPP);
    if (id && !GUID.test(id.text.trim())) this.fail(`<Id> doit être un GUID (trouvé : « ${id.text.trim()} »).`);

    const version = child(root, 'Version', NS_OFFICEAPP);
    if (version && !VERSION.test(version.text.trim())) {
      this.fail(`<Version> doit être de la forme 1.0.0.0 (trouvé : « ${version.text.trim()} »).`);
    }

    const provider = child(root, 'ProviderName', NS_OFFICEAPP);
    if (provider && !provider.text.trim()) this.fail('<ProviderName> est vide.');

    const locale = child(root, 'DefaultLocale', NS_OFFICEAPP);
    if (locale && !LOCALE.test(locale.text.trim())) {
      this.fail(`<DefaultLocale> n'est pas un code de langue valide (trouvé : « ${locale.text.trim()} »).`);
    }

    this.checkLocalized(child(root, 'DisplayName', NS_OFFICEAPP), SHORT_STRING_MAX);
    this.checkLocalized(child(root, 'Description', NS_OFFICEAPP), LONG_STRING_MAX);

    const appDomains = child(root, 'AppDomains', NS_OFFICEAPP);
    if (appDomains && appDomains.children.length > 0) {
      this.fail("<AppDomains> doit rester vide : le complément ne navigue vers aucun autre domaine.");
    }

    const hosts = children(child(root, 'Hosts', NS_OFFICEAPP), 'Host', NS_OFFICEAPP);
    if (child(root, 'Hosts', NS_OFFICEAPP) && (hosts.length !== 1 || attr(hosts[0], 'Name') !== 'Workbook')) {
      this.fail('<Hosts> doit contenir exactement <Host Name="Workbook"/> (Excel).');
    }

    this.checkRequirements(child(root, 'Requirements', NS_OFFICEAPP));

    const settings = child(root, 'DefaultSettings', NS_OFFICEAPP);
    const source = child(settings, 'SourceLocation', NS_OFFICEAPP);
    if (settings && !source) this.fail('<DefaultSettings> doit contenir <SourceLocation>.');
    const sourceUrl = attr(source, 'DefaultValue');
    if (source && !sourceUrl) this.fail('<DefaultSettings>/<SourceLocation> sans attribut DefaultValue.');
    if (sourceUrl) {
      try {
        this.base = new URL('.', sourceUrl);
      } catch {
        // reported by checkUrls
      }
    }

    const permissions = child(root, 'Permissions', NS_OFFICEAPP);
    if (permissions) {
      const value = permissions.text.trim();
      if (!TASKPANE_PERMISSIONS.includes(value)) {
        this.fail(
          `<Permissions> : « ${value} » n'est pas une valeur autorisée pour un complément TaskPaneApp ` +
            `(valeurs permises : ${TASKPANE_PERMISSIONS.join(', ')}) ; attendu : ${REQUIRED_PERMISSION}.`,
        );
      } else if (value !== REQUIRED_PERMISSION) {
        this.fail(`<Permissions> doit valoir ${REQUIRED_PERMISSION} (trouvé : ${value}).`);
      }
    }

    this.checkIcon(child(root, 'IconUrl', NS_OFFICEAPP), 32);
    this.checkIcon(child(root, 'HighResolutionIconUrl', NS_OFFICEAPP), 64);
  }

  /** DefaultValue present and not too long, with an en-US <Override>. */
  private checkLocalized(element: XmlElement | undefined, max: number): void {
    if (!element) return;
    const name = element.qname;
    const value = attr(element, 'DefaultValue');
    if (!value || !value.trim()) {
      this.fail(`<${name}> sans texte (attribut DefaultValue vide ou absent).`);
    } else if (value.length > max) {
      this.fail(`<${name}> dépasse ${max} caractères (${value.length}).`);
    }
    const overrides = element.children.filter((c) => c.local === 'Override');
    const english = overrides.find((o) => (attr(o, 'Locale') ?? '').toLowerCase() === 'en-us');
    if (!english || !(attr(english, 'Value') ?? '').trim()) {
      this.fail(`<${name}> : traduction anglaise manquante (<Override Locale="en-US" Value="…"/>).`);
    } else if ((attr(english, 'Value') ?? '').length > max) {
      this.fail(`<${name}> : la traduction en-US dépasse ${max} caractères.`);
    }
  }

  private checkRequirements(requirements: XmlElement | undefined): void {
    if (!requirements) return;
    const sets = child(requirements, 'Sets', NS_OFFICEAPP);
    const set = children(sets, 'Set', NS_OFFICEAPP).find((s) => attr(s, 'Name') === EXCEL_API_SET);
    if (!set) {
      this.fail(`<Requirements> doit déclarer <Sets><Set Name="${EXCEL_API_SET}" MinVersion="${MIN_EXCEL_API}"/></Sets>.`);
      return;
    }
    const declared = attr(set, 'MinVersion') ?? attr(sets, 'DefaultMinVersion');
    if (declared !== MIN_EXCEL_API) {
      this.fail(
        `Ensemble de conditions ${EXCEL_API_SET} : MinVersion « ${declared ?? 'absente'} » ≠ MIN_EXCEL_API ` +
          `« ${MIN_EXCEL_API} » (src/office/requirements.ts) ; les deux doivent être identiques.`,
      );
    }
  }

  /** Every URL-looking value is https, parseable, and served by the add-in's host. */
  private checkUrls(root: XmlElement): void {
    for (const element of [root, ...descendants(root)]) {
      const values: { where: string; value: string }[] = element.attrs
        .filter((a) => a.uri !== NS_XMLNS && a.uri !== NS_XSI)
        .map((a) => ({ where: `<${describe(element) || element.qname}> ${a.local}`, value: a.value }));
      if (element.text.trim()) values.push({ where: `<${describe(element)}>`, value: element.text.trim() });
      for (const { where, value } of values) {
        if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) continue;
        if (!/^https:\/\//i.test(value)) {
          this.fail(`URL non sécurisée (https obligatoire) dans ${where} : ${value}`);
          continue;
        }
        try {
          new URL(value);
        } catch {
          this.fail(`URL invalide dans ${where} : ${value}`);
        }
      }
    }
  }

  /** An icon URL must resolve to assets/<file>.png of the given size. */
  private checkIcon(element: XmlElement | undefined, size: number, label?: string): void {
    if (!element) return;
    const where = label ?? `<${element.qname}>`;
    const url = attr(element, 'DefaultValue');
    if (!url) {
      this.fail(`${where} sans attribut DefaultValue.`);
      return;
    }
    if (!/^https:\/\//i.test(url) || !this.base) return; // already reported
    if (!url.startsWith(this.base.href)) {
      this.fail(`${where} : l'icône ${url} n'est pas servie par le complément (${this.base.href}).`);
      return;
    }
    const relative = decodeURIComponent(url.slice(this.base.href.length).replace(/[?#].*$/, ''));
    if (!relative.startsWith('assets/')) {
      this.fail(`${where} : l'icône ${relative} doit se trouver dans assets/.`);
      return;
    }
    const file = path.join(this.assetsRoot, ...relative.split('/'));
    if (!fs.existsSync(file)) {
      this.fail(`${where} : icône introuvable : ${relative} (attendu ${size}×${size} px dans ${this.assetsRoot}).`);
      return;
    }
    const dimensions = pngSize(file);
    if (!dimensions) {
      this.fail(`${where} : ${relative} n'est pas une image PNG.`);
    } else if (dimensions.width !== size || dimensions.height !== size) {
      this.fail(
        `${where} : ${relative} mesure ${dimensions.width}×${dimensions.height} px au lieu de ${size}×${size} px.`,
      );
    }
  }

  private checkVersionOverrides(overrides: XmlElement): void {
    if (xsiType(overrides) !== 'VersionOverridesV1_0') {
      this.fail(`<VersionOverrides> doit avoir xsi:type="VersionOverridesV1_0" (trouvé : « ${xsiType(overrides) ?? 'aucun'} »).`);
    }

    // Resources, by id.
    const resources = new Map<string, Resource>();
    const resourcesElement = child(overrides, 'Resources', NS_OVERRIDES);
    if (!resourcesElement) this.fail('<VersionOverrides> doit contenir <Resources>.');
    for (const kind of Object.keys(RESOURCE_LABEL) as ResourceKind[]) {
      const group = child(resourcesElement, kind, NS_BT);
      for (const item of group?.children ?? []) {
        const id = attr(item, 'id');
        if (!id) {
          this.fail(`<${describe(item)}> sans attribut id.`);
          continue;
        }
        if (resources.has(id)) this.fail(`Ressource « ${id} » définie plusieurs fois dans <Resources>.`);
        if (id.length > RESID_MAX) this.fail(`Identifiant de ressource « ${id} » trop long (${RESID_MAX} caractères au plus).`);
        const value = attr(item, 'DefaultValue') ?? '';
        resources.set(id, { kind, value, element: item });
        if (kind === 'ShortStrings' || kind === 'LongStrings') {
          const max = kind === 'ShortStrings' ? SHORT_STRING_MAX : LONG_STRING_MAX;
          if (!value.trim()) this.fail(`Chaîne « ${id} » vide.`);
          if (value.length > max) this.fail(`Chaîne « ${id} » : plus de ${max} caractères (${value.length}).`);
          const english = item.children.find(
            (o) => o.local === 'Override' && (attr(o, 'Locale') ?? '').toLowerCase() === 'en-us',
          );
          if (!english || !(attr(english, 'Value') ?? '').trim()) {
            this.fail(`Chaîne « ${id} » : traduction anglaise manquante (<bt:Override Locale="en-US" Value="…"/>).`);
          }
        }
      }
    }

    // Every resid points at a resource of the right kind.
    const used = new Set<string>();
    const checkedIcons = new Set<string>();
    for (const element of descendants(overrides)) {
      const resid = attr(element, 'resid');
      if (resid === undefined) continue;
      used.add(resid);
      const resource = resources.get(resid);
      const expected = expectedResourceKind(element);
      if (!resource) {
        this.fail(`resid « ${resid} » utilisé par <${describe(element)}> mais non défini dans <Resources>.`);
      } else if (expected && resource.kind !== expected) {
        this.fail(
          `resid « ${resid} » utilisé par <${describe(element)}> : doit être défini dans ${RESOURCE_LABEL[expected]} ` +
            `(il l'est dans ${RESOURCE_LABEL[resource.kind]}).`,
        );
      }
      if (element.local === 'Image' && resource?.kind === 'Images') {
        const size = Number(attr(element, 'size'));
        if (![16, 20, 24, 32, 40, 48, 64, 80].includes(size)) {
          this.fail(`<${describe(element)}> : taille d'icône « ${attr(element, 'size') ?? ''} » non prise en charge.`);
        } else if (!checkedIcons.has(`${resid}@${size}`)) {
          checkedIcons.add(`${resid}@${size}`);
          this.checkIcon(resource.element, size, `Icône « ${resid} » (${size} px)`);
        }
      }
    }
    for (const id of resources.keys()) {
      if (!used.has(id)) this.notes.push(`Ressource « ${id} » définie mais jamais utilisée.`);
    }

    this.checkRibbon(overrides, resources);
  }

  /** Home tab → group "Annexe 9" → button ShowTaskpane taskpane.html; FunctionFile commands.html. */
  private checkRibbon(overrides: XmlElement, resources: Map<string, Resource>): void {
    const resolve = (element: XmlElement | undefined): string | undefined => {
      const resid = attr(element, 'resid');
      return resid === undefined ? undefined : resources.get(resid)?.value;
    };
    const host = children(child(overrides, 'Hosts', NS_OVERRIDES), 'Host', NS_OVERRIDES).find(
      (h) => xsiType(h) === 'Workbook',
    );
    if (!host) {
      this.fail('<VersionOverrides>/<Hosts> doit contenir <Host xsi:type="Workbook">.');
      return;
    }
    const desktop = child(host, 'DesktopFormFactor', NS_OVERRIDES);
    if (!desktop) {
      this.fail('<Host xsi:type="Workbook"> doit contenir <DesktopFormFactor>.');
      return;
    }
    const functionFile = resolve(child(desktop, 'FunctionFile', NS_OVERRIDES));
    if (!functionFile || !/\/commands\.html$/.test(functionFile)) {
      this.fail('<FunctionFile> doit désigner commands.html.');
    }
    const tab = children(desktop, 'ExtensionPoint', NS_OVERRIDES)
      .filter((e) => xsiType(e) === 'PrimaryCommandSurface')
      .flatMap((e) => children(e, 'OfficeTab', NS_OVERRIDES))
      .find((t) => attr(t, 'id') === 'TabHome');
    if (!tab) {
      this.fail('Le ruban doit ajouter un groupe à l\'onglet Accueil (<ExtensionPoint xsi:type="PrimaryCommandSurface"><OfficeTab id="TabHome">).');
      return;
    }
    const group = children(tab, 'Group', NS_OVERRIDES).find((g) => resolve(child(g, 'Label', NS_OVERRIDES)) === 'Annexe 9');
    if (!group) {
      this.fail('L\'onglet Accueil doit contenir un groupe dont le libellé est « Annexe 9 ».');
      return;
    }
    const opensPane = children(group, 'Control', NS_OVERRIDES).some((control) => {
      const action = child(control, 'Action', NS_OVERRIDES);
      return (
        xsiType(control) === 'Button' &&
        xsiType(action) === 'ShowTaskpane' &&
        /\/taskpane\.html$/.test(resolve(child(action, 'SourceLocation', NS_OVERRIDES)) ?? '')
      );
    });
    if (!opensPane) {
      this.fail('Le groupe « Annexe 9 » doit contenir un bouton (Action ShowTaskpane) qui ouvre taskpane.html.');
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// XSD step (optional)

const ROOT_XSD = 'OfficeAppManifestV1_1.xsd';

function findXsdDir(explicit?: string): string | undefined {
  const candidates: string[] = [];
  if (explicit) candidates.push(explicit);
  if (process.env.OFFICE_MANIFEST_XSD_DIR) candidates.push(process.env.OFFICE_MANIFEST_XSD_DIR);
  if (candidates.length > 0) return candidates.find((dir) => fs.existsSync(path.join(dir, ROOT_XSD)));
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('office-addin-manifest/package.json'));
  } catch {
    return undefined;
  }
  const search = (dir: string, depth: number): string | undefined => {
    if (fs.existsSync(path.join(dir, ROOT_XSD))) return dir;
    if (depth === 0) return undefined;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'node_modules') continue;
      const found = search(path.join(dir, entry.name), depth - 1);
      if (found) return found;
    }
    return undefined;
  };
  return search(packageDir, 4);
}

function schemaStep(manifestPath: string, result: ValidationResult, xsdDir?: string): void {
  const dir = findXsdDir(xsdDir);
  if (!dir) {
    result.notes.push(
      `Validation par le schéma XSD ignorée : aucun ${ROOT_XSD} disponible hors ligne ` +
        '(office-addin-manifest n\'en fournit pas ; définir OFFICE_MANIFEST_XSD_DIR pour l\'activer).',
    );
    return;
  }
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    result.notes.push('Validation par le schéma XSD ignorée : xmllint absent (paquet Debian libxml2-utils).');
    return;
  }
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', path.join(dir, ROOT_XSD), manifestPath], {
    encoding: 'utf8',
  });
  if (run.status === 0) {
    result.notes.push(`Schéma XSD (${dir}) : conforme.`);
    return;
  }
  const lines = `${run.stderr ?? ''}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/validates$|fails to validate$/.test(l));
  if (lines.length === 0) lines.push(`xmllint a échoué (code ${run.status ?? '?'}).`);
  for (const line of lines) result.problems.push(`Schéma XSD : ${line}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Entry points

export function validateManifest(manifestPath: string, options: ValidationOptions = {}): ValidationResult {
  const result: ValidationResult = { problems: [], notes: [] };
  let xml: string;
  try {
    xml = fs.readFileSync(manifestPath, 'utf8');
  } catch (error) {
    result.problems.push(`Impossible de lire ${manifestPath} : ${(error as Error).message}`);
    return result;
  }
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    result.problems.push(`XML mal formé : ${(error as Error).message.replace(/\s+/g, ' ').trim()}`);
    return result;
  }
  const checker = new Checker(path.resolve(options.assetsRoot ?? path.dirname(manifestPath)));
  checker.run(root);
  result.problems.push(...checker.problems);
  result.notes.push(...checker.notes);
  if (options.schema !== false) schemaStep(manifestPath, result, options.xsdDir);
  return result;
}

export function main(argv: string[]): number {
  let manifest: string | undefined;
  const options: ValidationOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--assets-root') options.assetsRoot = argv[++i];
    else if (arg === '--no-schema') options.schema = false;
    else if (arg === '--xsd-dir') options.xsdDir = argv[++i];
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write('Usage : validate-manifest [manifest.xml] [--assets-root DOSSIER] [--no-schema] [--xsd-dir DOSSIER]\n');
      return 0;
    } else if (arg.startsWith('-')) {
      process.stderr.write(`Option inconnue : ${arg}\n`);
      return 2;
    } else manifest = arg;
  }
  const manifestPath = path.resolve(manifest ?? 'manifest.xml');
  const result = validateManifest(manifestPath, options);
  for (const note of result.notes) process.stdout.write(`note : ${note}\n`);
  if (result.problems.length > 0) {
    const count = result.problems.length;
    process.stderr.write(`Manifeste invalide : ${manifestPath} (${count} problème${count > 1 ? 's' : ''})\n`);
    for (const problem of result.problems) process.stderr.write(`  - ${problem}\n`);
    return 1;
  }
  process.stdout.write(`Manifeste valide : ${manifestPath}\n`);
  return 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
