import { describe, expect, it } from 'vitest';
import { canChangeFollowup } from '../../../src/core/followups/permissions.ts';

describe('who may change a follow-up', () => {
  const f = { assignee: 'UASSIGNEE', createdBy: 'UCREATOR' };
  it('allows the assignee, the creator and admins', () => {
    expect(canChangeFollowup(f, 'UASSIGNEE', [])).toBe(true);
    expect(canChangeFollowup(f, 'UCREATOR', [])).toBe(true);
    expect(canChangeFollowup(f, 'UADMIN', ['UOTHER', 'UADMIN'])).toBe(true);
  });
  it('refuses anyone else', () => {
    expect(canChangeFollowup(f, 'USTRANGER', ['UADMIN'])).toBe(false);
  });
});
