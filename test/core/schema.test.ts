import { describe, expect, it } from 'vitest';
import { frontmatterSchema, isRealCalendarDate, knownKeysAt } from '../../src/core/schema.ts';

describe('frontmatterSchema', () => {
  it('accepts every field of FORMAT.md version 1 and defaults status to active', () => {
    const result = frontmatterSchema.safeParse({
      title: 'Rotate the on-call schedule',
      summary: 'Hand the pager to the next engineer.',
      owner: 'alex',
      tags: ['on-call', 'pagerduty'],
      last_reviewed: '2026-10-01',
      prerequisites: [
        { playbook: 'access/request-vpn' },
        { tool: 'kubectl', install: 'https://kubernetes.io/docs/tasks/tools/' },
        { access: 'Manager role', request: 'access/request-pagerduty-role' },
        { skill: 'Reading the calendar', learn: 'https://intranet.example/oncall-101' },
      ],
      shadowing: [
        {
          date: '2026-10-02',
          lead: 'alex',
          shadow: 'priya',
          mode: 'reverse',
          observed: ['Opened the schedule'],
          gaps: [{ id: 'export-first', found: 'Exported first.', status: 'documented', step: '2' }],
        },
      ],
    });
    expect(result.success).toBe(true);
    expect(result.data?.status).toBe('active');
    expect(result.data?.shadowing?.[0]?.mode).toBe('reverse');
  });

  it('defaults a session mode to shadow', () => {
    const result = frontmatterSchema.parse({ title: 't', summary: 's', owner: 'o', shadowing: [{ date: '2026-01-02', lead: 'a', shadow: 'b' }] });
    expect(result.shadowing?.[0]?.mode).toBe('shadow');
  });

  it.each([
    [{ tool: 'kubectl', playbook: 'a/b' }, '2 kind keys'],
    [{}, 'no kind key'],
    [{ tool: 'kubectl', request: 'x' }, '`request` belongs to a `access` entry'],
  ])('rejects the prerequisite %j', (entry, message) => {
    const result = frontmatterSchema.safeParse({ title: 't', summary: 's', owner: 'o', prerequisites: [entry] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join('\n')).toContain(message);
  });

  it('requires a step on a documented gap', () => {
    const result = frontmatterSchema.safeParse({
      title: 't', summary: 's', owner: 'o',
      shadowing: [{ date: '2026-01-02', lead: 'a', shadow: 'b', gaps: [{ found: 'x', status: 'documented' }] }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['shadowing', 0, 'gaps', 0, 'status']);
  });

  it('knows real calendar dates', () => {
    expect(isRealCalendarDate('2024-02-29')).toBe(true);
    expect(isRealCalendarDate('2026-02-29')).toBe(false);
    expect(isRealCalendarDate('2026-13-45')).toBe(false);
  });

  it('lists the keys a mapping accepts, for "did you mean"', () => {
    expect(knownKeysAt([])).toContain('prerequisites');
    expect(knownKeysAt(['prerequisites', 0])).toEqual(['playbook', 'tool', 'install', 'access', 'request', 'skill', 'learn']);
    expect(knownKeysAt(['shadowing', 1, 'gaps', 0])).toContain('found');
  });
});
