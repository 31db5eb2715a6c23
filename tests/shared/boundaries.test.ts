import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Enforces the dependency direction client -> shared <- server, and that shared/ runs anywhere:
 * it imports nothing from node:, the DOM, the client or the server, and it type-checks with only the
 * ECMAScript library (no DOM lib, no Node types), so a stray `window` or `Buffer` fails here.
 */
const root = path.resolve(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(root, dir, f));
}

function importsOf(file: string): string[] {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      out.push(n.moduleSpecifier.text);
    }
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) {
      out.push(n.arguments[0].text);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'stream', 'child_process', 'url', 'util', 'buffer', 'events', 'zlib']);

describe('module boundaries', () => {
  it('shared/ imports no node:, DOM, client or server modules', () => {
    const bad: string[] = [];
    for (const f of filesUnder('shared')) {
      for (const spec of importsOf(f)) {
        const resolved = spec.startsWith('.') ? path.resolve(path.dirname(f), spec) : '';
        if (
          spec.startsWith('node:') ||
          NODE_BUILTINS.has(spec) ||
          spec.startsWith('react') ||
          resolved.startsWith(path.join(root, 'client')) ||
          resolved.startsWith(path.join(root, 'server'))
        ) {
          bad.push(`${path.relative(root, f)} imports ${spec}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('client/ never imports server/, and server/ never imports client/', () => {
    const bad: string[] = [];
    for (const [from, forbidden] of [
      ['client', 'server'],
      ['server', 'client'],
    ] as const) {
      for (const f of filesUnder(from)) {
        for (const spec of importsOf(f)) {
          if (spec.startsWith('.') && path.resolve(path.dirname(f), spec).startsWith(path.join(root, forbidden) + path.sep)) {
            bad.push(`${path.relative(root, f)} imports ${spec}`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('shared/ type-checks with the ECMAScript library alone (no DOM, no Node globals)', () => {
    const program = ts.createProgram(filesUnder('shared'), {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts'],
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    });
    const diags = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && d.file.fileName.startsWith(path.join(root, 'shared')))
      .map((d) => `${path.relative(root, d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    expect(diags).toEqual([]);
  });
});
