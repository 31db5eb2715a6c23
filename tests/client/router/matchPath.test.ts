import { describe, expect, it } from 'vitest';
import { matchPath, safeNextPath } from '../../../client/src/router/matchPath.js';

describe('matchPath', () => {
  it('matches literal paths and ignores trailing slashes', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/reviews/new', '/reviews/new/')).toEqual({});
    expect(matchPath('/reviews/new', '/reviews/old')).toBeNull();
  });

  it('returns decoded parameters', () => {
    expect(matchPath('/reviews/:id/:tab', '/reviews/abc%20def/people')).toEqual({ id: 'abc def', tab: 'people' });
    expect(matchPath('/invite/:token', '/invite/Ab_c-1')).toEqual({ token: 'Ab_c-1' });
  });

  it('needs the same number of segments', () => {
    expect(matchPath('/reviews/:id', '/reviews/abc/people')).toBeNull();
    expect(matchPath('/reviews/:id/:tab', '/reviews/abc')).toBeNull();
  });

  it('does not match a malformed escape instead of throwing', () => {
    expect(matchPath('/reviews/:id', '/reviews/%E0%A4%A')).toBeNull();
  });
});

describe('safeNextPath', () => {
  it('follows same-app paths', () => {
    expect(safeNextPath('/reviews/abc/people?x=1')).toBe('/reviews/abc/people?x=1');
  });

  it('refuses anything that could leave the app', () => {
    for (const bad of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', 'reviews']) {
      expect(safeNextPath(bad), String(bad)).toBe('/');
    }
  });
});
