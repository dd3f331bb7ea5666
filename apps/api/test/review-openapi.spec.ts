import { startApi, type ApiHarness } from './support/api-harness';
import { json } from './support/review-kit';

/** The review routes are documented as the contract has them (shared/contracts/api.md). */
describe('the review routes in the OpenAPI document', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi('review-openapi');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('describe bodies, answers and roles as the contract has them', async () => {
    type Op = {
      responses: Record<string, unknown>;
      requestBody?: { content: Record<string, { schema: { $ref: string } }> };
      'x-roles'?: string[];
    };
    const doc = json<{
      paths: Record<string, Record<string, Op>>;
      components: { schemas: Record<string, { required?: string[]; properties: object }> };
    }>(await api.call('reviewer', { method: 'GET', url: '/docs-json' }));
    const op = (path: string, method = 'post') => doc.paths[path]![method]!;
    const codes = (o: Op) => Object.keys(o.responses).sort();
    expect(codes(op('/review/lease'))).toEqual(expect.arrayContaining(['200', '204', '400']));
    for (const action of ['heartbeat', 'release', 'verdict'])
      expect(codes(op(`/review/{claimId}/${action}`))).toEqual(
        expect.arrayContaining(['400', '404', '409', '503']),
      );
    expect(codes(op('/review/{claimId}/release'))).toContain('204');
    expect(codes(op('/claims/{id}/assign'))).toEqual(
      expect.arrayContaining(['200', '400', '404', '409']),
    );
    expect(
      op('/review/{claimId}/verdict').requestBody?.content['application/json']?.schema.$ref,
    ).toBe('#/components/schemas/VerdictRequestDto');
    expect(doc.components.schemas.VerdictRequestDto!.required?.sort()).toEqual(
      ['attribution', 'token', 'veracity'].sort(),
    );
    expect(Object.keys(doc.components.schemas.ReviewStatsDto!.properties).sort()).toEqual(
      ['byLanguage', 'leased', 'oldestWaitingSeconds', 'reviewed', 'waiting'].sort(),
    );
    expect(Object.keys(doc.components.schemas.ReviewClaimDto!.properties)).toEqual(
      expect.arrayContaining(['verdict', 'reverifyAt', 'status', 'version']),
    );
    expect(op('/review/stats', 'get')['x-roles']?.sort()).toEqual(
      ['admin', 'auditor', 'editor', 'reviewer'].sort(),
    );
    expect(op('/review/lease')['x-roles']?.sort()).toEqual(['admin', 'editor', 'reviewer'].sort());
    expect(op('/claims/{id}/assign')['x-roles']?.sort()).toEqual(['admin', 'editor'].sort());
  });
});
