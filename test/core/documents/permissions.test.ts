import { describe, expect, it } from 'vitest';
import { mayAddDocuments, mayRemoveDocuments } from '../../../src/core/documents/permissions.ts';

describe('who may change what is indexed', () => {
  it('adding: admins and INGEST_USERS; with INGEST_USERS empty, admins only', () => {
    const who = { admins: ['UADMIN'], ingestUsers: ['UINGEST'] };
    expect(mayAddDocuments('UADMIN', who)).toBe(true);
    expect(mayAddDocuments('UINGEST', who)).toBe(true);
    expect(mayAddDocuments('UOTHER', who)).toBe(false);
    expect(mayAddDocuments('UINGEST', { admins: ['UADMIN'], ingestUsers: [] })).toBe(false);
  });

  it('removing: admins only, not INGEST_USERS', () => {
    expect(mayRemoveDocuments('UADMIN', ['UADMIN'])).toBe(true);
    expect(mayRemoveDocuments('UINGEST', ['UADMIN'])).toBe(false);
  });
});
