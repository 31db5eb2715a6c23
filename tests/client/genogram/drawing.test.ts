import { describe, expect, it } from 'vitest';
import { buildFamily, layoutGenogram, withOverrides } from '../../../shared/genogram/index.js';
import { computeDrawing } from '../../../client/src/genogram/drawing.js';
import { nameResolver } from '../../../client/src/genogram/names.js';
import { fortyPersonFamily } from '../../shared/genogram/familyFixture.js';

describe('the drawing of the 40-person family', () => {
  const f = fortyPersonFamily();
  const family = buildFamily(f.people, f.data);
  const positions = layoutGenogram(family).positions;
  const drawing = computeDrawing(family, positions);

  it('draws every couple, child link and pair of identical twins it can place', () => {
    expect(drawing.partnerships.size).toBe(family.partnerships.length);
    expect(drawing.children.size).toBe(family.childLinks.length);
    expect(drawing.twinBars.size).toBe(0); // the twins are not identical
  });

  it('hangs each child from their couple\u2019s line, and twins from one shared point', () => {
    const twins = family.twins[0]!;
    const links = family.childLinks.filter((l) => l.child === twins.a || l.child === twins.b);
    const apex = (path: string) => /H([-\d.]+) L/.exec(path)?.[1];
    const [pa, pb] = links.map((l) => drawing.children.get(l.id)!.path);
    expect(apex(pa!)).toBeDefined();
    expect(apex(pa!)).toBe(apex(pb!));
    for (const l of family.childLinks.filter((x) => x.partnershipId)) {
      const anchor = drawing.partnerships.get(l.partnershipId!)!.anchor;
      expect(drawing.children.get(l.id)!.path.startsWith(`M${anchor.x} ${anchor.y} V`)).toBe(true);
    }
  });

  it('follows a person moved by hand', () => {
    const s1 = family.people.find((p) => p.name === 'S1')!.id;
    const moved = computeDrawing(family, withOverrides(positions, new Map([[s1, { x: 5000, y: 5000 }]])));
    const link = family.childLinks.find((l) => l.child === s1)!;
    expect(moved.children.get(link.id)!.path).toMatch(/H5060 V5006$/);
  });

  it('labels people by name or by report label', () => {
    const register = f.people.map((p) => (p.name === 'S2' ? { ...p, name: 'Sally Smith', reportLabel: '' } : p));
    const s2 = register.find((p) => p.name === 'Sally Smith')!.id;
    expect(nameResolver(register, 'Child T', 'names')(s2)).toBe('Sally Smith');
    expect(nameResolver(register, 'Child T', 'labels')(s2)).toBe('Child T');
  });
});
