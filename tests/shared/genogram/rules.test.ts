import { describe, expect, it } from 'vitest';
import { birthParentsOf, checkHousehold, checkRelationship, findProblems, isAncestor, type Relationship } from '../../../shared/genogram/index.js';
import { rid } from './familyFixture.js';

const people = new Set(['mum', 'dad', 'kid', 'gran', 'step', 'other']);
const couple: Relationship = { type: 'partnership', id: rid('couple'), a: 'mum', b: 'dad', kind: 'married' };
const kidOfCouple: Relationship = { type: 'parent-child', id: rid('kid'), parentType: 'partnership', parent: couple.id, child: 'kid', kind: 'birth' };
const mumOfGran: Relationship = { type: 'parent-child', id: rid('mum'), parentType: 'person', parent: 'gran', child: 'mum', kind: 'birth' };
const base = [couple, kidOfCouple, mumOfGran];
const codes = (rel: Relationship, relationships: Relationship[] = base) => checkRelationship(rel, { personIds: people, relationships }).map((p) => p.code);

describe('genogram rules', () => {
  it('accepts a well-formed family', () => {
    for (const rel of base) expect(codes(rel)).toEqual([]);
    expect(findProblems(base, people)).toEqual([]);
  });

  it('refuses self-links of every kind', () => {
    expect(codes({ ...couple, id: rid('x'), b: 'mum' })).toContain('self-link');
    expect(codes({ type: 'parent-child', id: rid('x'), parentType: 'person', parent: 'kid', child: 'kid', kind: 'birth' })).toContain('self-link');
    expect(codes({ type: 'parent-child', id: rid('x'), parentType: 'partnership', parent: couple.id, child: 'mum', kind: 'step' })).toContain('self-link');
    expect(codes({ type: 'line', id: rid('x'), from: 'dad', to: 'dad', kind: 'conflict', directed: false })).toContain('self-link');
    expect(codes({ type: 'twins', id: rid('x'), a: 'kid', b: 'kid', identical: true })).toContain('self-link');
  });

  it('refuses parentage that would loop', () => {
    // The child cannot become the grandmother's parent, nor the mother's.
    expect(codes({ type: 'parent-child', id: rid('x'), parentType: 'person', parent: 'kid', child: 'gran', kind: 'adopted' })).toEqual(['parentage-cycle']);
    expect(codes({ type: 'parent-child', id: rid('x'), parentType: 'person', parent: 'kid', child: 'mum', kind: 'foster' })).toEqual(['parentage-cycle']);
    expect(isAncestor('gran', 'kid', base)).toBe(true);
    expect(isAncestor('kid', 'gran', base)).toBe(false);
    // An unrelated step-parent is fine.
    expect(codes({ type: 'parent-child', id: rid('x'), parentType: 'person', parent: 'step', child: 'kid', kind: 'step' })).toEqual([]);
  });

  it('allows at most two birth parents, but any number of adoptive, foster and step carers', () => {
    const third: Relationship = { type: 'parent-child', id: rid('x'), parentType: 'person', parent: 'other', child: 'kid', kind: 'birth' };
    expect(codes(third)).toEqual(['too-many-birth-parents']);
    expect(codes({ ...third, kind: 'foster' })).toEqual([]);
    // Naming one of the two birth parents again does not make a third.
    expect(codes({ ...third, parent: 'mum' })).toEqual([]);
    expect(birthParentsOf('kid', base)).toEqual(new Set(['mum', 'dad']));
  });

  it('refuses duplicates, and lets a relationship be replaced under its own id', () => {
    expect(codes({ ...couple, id: rid('x'), a: 'dad', b: 'mum' })).toEqual(['duplicate']);
    expect(codes({ ...couple, kind: 'divorced' })).toEqual([]);
    expect(codes({ ...kidOfCouple, id: rid('x'), kind: 'adopted' })).toEqual(['duplicate']);
  });

  it('refuses people outside the register and couples that are gone', () => {
    expect(codes({ ...couple, id: rid('x'), b: 'stranger' })).toEqual(['unknown-person']);
    expect(codes({ ...kidOfCouple, id: rid('x'), parent: rid('gone'), child: 'other' })).toContain('unknown-partnership');
  });

  it('lets twins be marked only when they hang from the same parents', () => {
    const sib: Relationship = { type: 'parent-child', id: rid('sib'), parentType: 'partnership', parent: couple.id, child: 'other', kind: 'birth' };
    const twins: Relationship = { type: 'twins', id: rid('tw'), a: 'kid', b: 'other', identical: false };
    expect(codes(twins)).toEqual(['twins-not-siblings']);
    expect(codes(twins, [...base, sib])).toEqual([]);
  });

  it('checks household members are in the register', () => {
    expect(checkHousehold({ id: rid('h'), label: 'Home', memberIds: ['mum', 'kid'] }, people)).toEqual([]);
    expect(checkHousehold({ id: rid('h'), label: 'Home', memberIds: ['mum', 'ghost'] }, people).map((p) => p.code)).toEqual(['unknown-member']);
  });

  it('finds what two concurrent edits, each valid alone, left behind', () => {
    const fromA: Relationship = { type: 'parent-child', id: rid('a'), parentType: 'person', parent: 'other', child: 'kid', kind: 'birth' };
    const fromB: Relationship = { type: 'parent-child', id: rid('b'), parentType: 'person', parent: 'step', child: 'kid', kind: 'birth' };
    const problems = findProblems([...base.filter((r) => r !== kidOfCouple), fromA, fromB, kidOfCouple], people);
    expect(problems.map((p) => p.problem.code)).toContain('too-many-birth-parents');
  });
});
