/**
 * A workshop's report branding (issue 25): the accent and the cover logo kept in app.db, set and
 * cleared, checked by content (PNG and JPEG signatures; SVGs refused when they can run code or reach
 * outside themselves), kept across a reopen, carried by workshop bundles; and the report section of
 * the settings store.
 */
import { describe, expect, it } from 'vitest';
import { logoProblem, svgRefusal } from '../src/shared/logo-check';
import { keyFileSecretBox } from '../src/main/platform/key-file-secrets';
import { AppError } from '../src/main/platform';
import { SettingsStore } from '../src/main/settings/settings-store';
import { exportBundle, importBundle, readBundle } from '../src/main/workshops/bundles';
import { WorkshopStore } from '../src/main/workshops/workshop-store';
import { Workshops } from '../src/main/workshops/workshops';
import { tempDir } from './helpers';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR and the rest')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF')]);
const SVG = '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/><use xlink:href="#g"/><text x="1" y="8">Acme</text></svg>';
const logo = (mimeType: 'image/png' | 'image/jpeg' | 'image/svg+xml', bytes: Buffer | string) => ({ mimeType, base64: Buffer.from(bytes).toString('base64') });

function open(dir = tempDir()) {
  const store = WorkshopStore.open(dir);
  return { dir, store, workshops: new Workshops(store, () => Promise.reject(new Error('no generation in these tests'))) };
}

function refusal(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('workshop branding in app.db', () => {
  it('sets, keeps and clears the accent and the logo: a value sets, null clears, absent keeps; it survives a reopen', () => {
    const { dir, store, workshops } = open();
    const workshop = workshops.create({ name: 'Acme rebrand' });
    expect(workshop).toMatchObject({ accent: null, hasLogo: false });
    expect(workshops.logo(workshop.id)).toBeNull();

    expect(workshops.setBranding(workshop.id, { accent: '#AA3300', logo: logo('image/png', PNG) })).toMatchObject({ accent: '#aa3300', hasLogo: true });
    expect(workshops.setBranding(workshop.id, { accent: '#0b7285' })).toMatchObject({ accent: '#0b7285', hasLogo: true });
    expect(workshops.logo(workshop.id)).toEqual(logo('image/png', PNG));
    expect(workshops.list().find((w) => w.id === workshop.id)).toMatchObject({ accent: '#0b7285', hasLogo: true });
    store.close();

    const reopened = open(dir);
    expect(reopened.workshops.list()[0]).toMatchObject({ id: workshop.id, accent: '#0b7285', hasLogo: true });
    expect(reopened.workshops.logo(workshop.id)).toEqual(logo('image/png', PNG));
    expect(reopened.workshops.setBranding(workshop.id, { logo: null })).toMatchObject({ accent: '#0b7285', hasLogo: false });
    expect(reopened.workshops.logo(workshop.id)).toBeNull();
    expect(reopened.workshops.setBranding(workshop.id, { accent: null, logo: logo('image/jpeg', JPEG) })).toMatchObject({ accent: null, hasLogo: true });
    expect(reopened.workshops.logo(workshop.id)?.mimeType).toBe('image/jpeg');
    reopened.store.close();
  });

  it('refuses an unknown workshop (not_found) and a bad accent, changing nothing', () => {
    const { store, workshops } = open();
    expect(refusal(() => workshops.setBranding('nope', { accent: '#123456' }))).toMatchObject({ code: 'not_found', field: 'workshopId' });
    expect(refusal(() => workshops.logo('nope'))).toMatchObject({ code: 'not_found', field: 'workshopId' });
    const workshop = workshops.create({ name: 'W' });
    expect(refusal(() => workshops.setBranding(workshop.id, { accent: 'red', logo: logo('image/png', PNG) }))).toMatchObject({ code: 'invalid_request', field: 'accent' });
    expect(workshops.logo(workshop.id)).toBeNull();
    store.close();
  });

  it('checks a logo by its content: a .png that is not a PNG, a JPEG declared as PNG, an empty file', () => {
    const { store, workshops } = open();
    const { id } = workshops.create({ name: 'W' });
    const gif = refusal(() => workshops.setBranding(id, { logo: logo('image/png', 'GIF89a, not a PNG') }));
    expect(gif).toMatchObject({ code: 'invalid_request', field: 'logo' });
    expect(gif.message).toMatch(/not a PNG image/);
    expect(refusal(() => workshops.setBranding(id, { logo: logo('image/png', JPEG) })).message).toMatch(/says PNG but the file is a JPEG/);
    expect(refusal(() => workshops.setBranding(id, { logo: logo('image/jpeg', PNG) })).message).toMatch(/says JPEG but the file is a PNG/);
    expect(refusal(() => workshops.setBranding(id, { logo: logo('image/svg+xml', PNG) })).message).toMatch(/is a PNG image/);
    expect(refusal(() => workshops.setBranding(id, { logo: { mimeType: 'image/png', base64: '' } })).message).toMatch(/empty/);
    expect(logoProblem('image/png', new Uint8Array(512 * 1024 + 1))).toMatch(/the most is 512 KB/);
    expect(workshops.logo(id)).toBeNull();
    store.close();
  });

  it('takes a plain SVG and refuses one that can run code or reach outside itself, saying why', () => {
    const { store, workshops } = open();
    const { id } = workshops.create({ name: 'W' });
    expect(workshops.setBranding(id, { logo: logo('image/svg+xml', SVG) }).hasLogo).toBe(true);
    const withScript = refusal(() => workshops.setBranding(id, { logo: logo('image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') }));
    expect(withScript).toMatchObject({ code: 'invalid_request', field: 'logo' });
    expect(withScript.message).toMatch(/cannot be used as a logo: it contains a script/);
    const cases: Array<[string, RegExp]> = [
      ['<svg><svg:script xmlns:svg="http://www.w3.org/2000/svg">x</svg:script></svg>', /script/],
      ['<svg onload="alert(1)"/>', /event handler/],
      ['<svg><rect ONclick = "x"/></svg>', /event handler/],
      ['<svg><foreignObject><div>hi</div></foreignObject></svg>', /foreignObject/],
      ['<svg><image href="https://tracker.example/p.png"/></svg>', /outside the file \(https:\/\/tracker/],
      ['<svg><use xlink:href="other.svg#a"/></svg>', /outside the file/],
      ['<svg><a href="javascript:alert(1)"><text>x</text></a></svg>', /javascript:/],
      ['<svg><style>rect { fill: url(https://x.example/a) }</style></svg>', /style refers to something outside/],
      ['<svg><style>@import "a.css";</style></svg>', /imports/],
      ['<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;">]><svg>&x;</svg>', /entities/],
      ['<?xml-stylesheet href="a.css"?><svg/>', /stylesheet/],
      ['<svg><set attributeName="href" to="javascript:x"/></svg>', /./],
      ['<svg><iframe src="x"/></svg>', /embeds/],
      ['<html><body>not svg</body></html>', /not an SVG/],
      // Spelled with character references, as the XML parser reads them: the same link or animation.
      ['<svg><a><animate attributeName="&#104;ref" values="&#106;avascript:alert(1)"/><text>x</text></a></svg>', /javascript:|animates a link/],
      ['<svg><a href="&#x6a;avascript&#58;alert(1)"><text>x</text></a></svg>', /javascript:/],
      ['<svg><rect style="fill: red; background: image-set(\'https://x.example/a.png\' 1x)"/></svg>', /image-set/],
    ];
    for (const [text, why] of cases) expect(svgRefusal(text), text).toMatch(why);
    expect(svgRefusal('<svg><image href="data:image/png;base64,iVBORw0KGgo="/></svg>')).toBeNull();
    expect(refusal(() => workshops.setBranding(id, { logo: logo('image/svg+xml', Buffer.from([0xc3, 0x28, 0x3c])) })).message).toMatch(/not text/);
    expect(workshops.logo(id)?.mimeType).toBe('image/svg+xml');
    store.close();
  });
});

describe('workshop bundles carry the branding', () => {
  it('exports the accent and logo and imports them whole (as a copy too); a tampered logo refuses the import', () => {
    const from = open();
    const { id } = from.workshops.create({ name: 'Branded' });
    from.workshops.setBranding(id, { accent: '#2b8a3e', logo: logo('image/png', PNG) });
    const bytes = exportBundle(from.store.database, id, '0.0.0-test');
    from.store.close();

    const to = open();
    const imported = importBundle(to.store.database, readBundle(bytes));
    expect(to.workshops.list().find((w) => w.id === imported.workshopId)).toMatchObject({ name: 'Branded', accent: '#2b8a3e', hasLogo: true });
    expect(to.workshops.logo(imported.workshopId)).toEqual(logo('image/png', PNG));
    const copy = importBundle(to.store.database, readBundle(bytes), { remap: true });
    expect(copy.workshopId).not.toBe(imported.workshopId);
    expect(to.workshops.logo(copy.workshopId)).toEqual(logo('image/png', PNG));

    const bundle = readBundle(bytes);
    const tampered = { ...bundle, tables: { ...bundle.tables, workshops: [{ ...bundle.tables.workshops[0]!, logo_mime: 'image/svg+xml', logo_bytes: Buffer.from('<svg onload="x()"/>').toString('base64') }] } };
    const refused = refusal(() => readBundle(Buffer.from(JSON.stringify(tampered))));
    expect(refused).toMatchObject({ code: 'invalid_request', field: 'bundle' });
    expect(refused.message).toMatch(/report branding cannot be used .*event handler.*nothing was imported/);
    to.store.close();
  });
});

describe('the report section of the settings', () => {
  it('defaults to a client report on A4, is changed field by field, shown, kept, and refuses what it does not know', () => {
    const dir = tempDir();
    const store = WorkshopStore.open(dir);
    const settings = new SettingsStore(store, keyFileSecretBox(dir), {});
    expect(settings.view().report).toEqual({ template: 'client', paper: 'a4' });
    settings.update({ report: { paper: 'letter' } });
    expect(settings.view().report).toEqual({ template: 'client', paper: 'letter' });
    settings.update({ report: { template: 'internal' } });
    expect(settings.get().report).toEqual({ template: 'internal', paper: 'letter' });
    expect(() => settings.update({ report: { paper: 'a3' as never } })).toThrow(/Setting report\.paper/);
    store.close();
    const reopened = WorkshopStore.open(dir);
    expect(new SettingsStore(reopened, keyFileSecretBox(dir), {}).view().report).toEqual({ template: 'internal', paper: 'letter' });
    reopened.close();
  });

  it('loads settings saved before the report section with its defaults', () => {
    const dir = tempDir();
    const store = WorkshopStore.open(dir);
    store.writeSetting('providers', { provider: 'offline' });
    expect(new SettingsStore(store, keyFileSecretBox(dir), {}).view()).toMatchObject({ report: { template: 'client', paper: 'a4' }, problem: null });
    store.close();
  });
});
