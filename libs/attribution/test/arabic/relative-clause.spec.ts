import { extract } from '@claimtrail/attribution';
import { claimFor, sourceOf, texts } from '../support/claims';

/**
 * Attribution inside a relative clause: «... غارة في بيروت قالت إسرائيل إنها قتلت ...» is
 * two claims, the outlet's and the embedded speaker's.
 */
describe('Arabic attribution inside a relative clause', () => {
  it('splits «... في بيروت قالت إسرائيل إنها قتلت ...» into two claims', () => {
    const r = extract(
      'وجاءت الضربة بعد غارة جوية في بيروت قالت إسرائيل إنها قتلت قائداً بارزاً في الحزب.',
    );
    expect(texts(r)).toEqual(['وجاءت الضربة بعد غارة جوية في بيروت', 'قتلت قائداً بارزاً في الحزب']);
    const [outlet, israel] = r.claims;
    expect(outlet!.type).toBe('unattributed');
    expect(outlet!.sources).toEqual([]);
    expect(israel!.type).toBe('indirect');
    expect(israel!.cue).toBe('قالت');
    expect(sourceOf(r, israel!)).toMatchObject({ name: 'Israel', kind: 'government' });
  });

  it('splits an unmarked relative clause «مبنى قال الجيش الإسرائيلي إنه ...»', () => {
    const r = extract('واستهدفت الغارة مبنى قال الجيش الإسرائيلي إنه يضم مخزناً للأسلحة.');
    expect(texts(r)).toEqual(['واستهدفت الغارة مبنى', 'يضم مخزناً للأسلحة']);
    expect(sourceOf(r, r.claims[1]!)).toMatchObject({ name: 'Israeli army', kind: 'government' });
  });

  it('splits «اتفاق أعلنت الأمم المتحدة أنه ...»', () => {
    const r = extract('وتأتي الزيارة بعد اتفاق أعلنت الأمم المتحدة أنه سيدخل حيز التنفيذ الأحد.');
    const c = claimFor(r, 'سيدخل حيز التنفيذ الأحد');
    expect(c.text).toBe('سيدخل حيز التنفيذ الأحد');
    expect(c.cue).toBe('أعلنت');
    expect(sourceOf(r, c).name).toBe('United Nations');
    expect(claimFor(r, 'وتأتي الزيارة بعد اتفاق').sources).toEqual([]);
  });

  it('keeps «، الذي» out of the outlet claim before «الذي قال سكان إنه ...»', () => {
    const r = extract(
      'وأسفر القصف عن دمار واسع في الحي، الذي قال سكان إنه خلا من أي مواقع عسكرية.',
    );
    const outlet = claimFor(r, 'وأسفر القصف عن دمار واسع');
    expect(outlet.text).toBe('وأسفر القصف عن دمار واسع في الحي');
    const c = claimFor(r, 'خلا من أي مواقع عسكرية');
    expect(sourceOf(r, c)).toMatchObject({ name: 'residents', anonymous: true });
  });

  it('splits a relative clause with a described source «هجوم قال مسؤولون أمريكيون إنه ...»', () => {
    const r = extract('وأصيب ثلاثة جنود في هجوم قال مسؤولون أمريكيون إنه نفذ بطائرة مسيرة.');
    expect(r.claims).toHaveLength(2);
    const c = claimFor(r, 'نفذ بطائرة مسيرة');
    expect(c.text).toBe('نفذ بطائرة مسيرة');
    expect(sourceOf(r, c).name).toBe('US officials');
    expect(claimFor(r, 'وأصيب ثلاثة جنود في هجوم').sources).toEqual([]);
  });
});
