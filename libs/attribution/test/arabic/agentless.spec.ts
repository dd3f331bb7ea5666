import { extract } from '@claimtrail/attribution';
import { claimFor } from '../support/claims';

/**
 * Speech with no speaker («أفادت معلومات», «تحدثت تقارير») is an attributed, indirect claim
 * with a cue and no source; impersonal judgements («يُعتبر», «يُتوقع») stay in the outlet voice.
 */
describe('Arabic agentless attribution', () => {
  it('reads «أفادت معلومات بأن» as an indirect claim with a cue and no source', () => {
    const r = extract('أفادت معلومات بأن الحكومة ستستقيل خلال أيام.');
    expect(r.claims).toHaveLength(1);
    const c = claimFor(r, 'الحكومة ستستقيل خلال أيام');
    expect(c.text).toBe('الحكومة ستستقيل خلال أيام');
    expect(c.type).toBe('indirect');
    expect(c.cue).toBe('أفادت');
    expect(c.sources).toEqual([]);
    expect(c.via).toEqual([]);
    expect(r.sources).toEqual([]);
  });

  it('reads «وتحدثت تقارير عن أن»', () => {
    const r = extract('وتحدثت تقارير عن أن الوزير قدم استقالته.');
    const c = claimFor(r, 'الوزير قدم استقالته');
    expect(c.text).toBe('الوزير قدم استقالته');
    expect(c.cue).toBe('تحدثت');
    expect(c.type).toBe('indirect');
    expect(c.sources).toEqual([]);
  });

  it('reads «وذكرت أنباء أن»', () => {
    const r = extract('وذكرت أنباء أن الرئيس سيزور بغداد الشهر المقبل.');
    const c = claimFor(r, 'الرئيس سيزور بغداد الشهر المقبل');
    expect(c.cue).toBe('ذكرت');
    expect(c.sources).toEqual([]);
    expect(r.sources).toEqual([]);
  });

  it('reads «وأشارت تقارير صحافية إلى أن» with an adjective after the agentless head', () => {
    const r = extract('وأشارت تقارير صحافية إلى أن المفاوضات وصلت إلى طريق مسدود.');
    const c = claimFor(r, 'المفاوضات وصلت إلى طريق مسدود');
    expect(c.text).toBe('المفاوضات وصلت إلى طريق مسدود');
    expect(c.type).toBe('indirect');
    expect(c.sources).toEqual([]);
  });

  it('reads «وتفيد تسريبات بأن» in the present tense', () => {
    const r = extract('وتفيد تسريبات بأن الاتفاق يتضمن تبادلاً للأسرى.');
    const c = claimFor(r, 'الاتفاق يتضمن تبادلاً للأسرى');
    expect(c.cue).toBe('تفيد');
    expect(c.sources).toEqual([]);
  });

  it('keeps the impersonal judgement «ويُعتبر» in the outlet voice', () => {
    const r = extract('ويُعتبر الهجوم الأعنف منذ بداية العام.');
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]).toMatchObject({
      text: 'ويُعتبر الهجوم الأعنف منذ بداية العام',
      type: 'unattributed',
      cue: null,
      sources: [],
    });
  });

  it('keeps the impersonal «ويُتوقع أن» in the outlet voice', () => {
    const r = extract('ويُتوقع أن تستأنف المفاوضات بعد العيد.');
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]).toMatchObject({
      text: 'ويُتوقع أن تستأنف المفاوضات بعد العيد',
      type: 'unattributed',
      cue: null,
    });
  });

  it('does not let an agentless claim become a speaker for a following «وأضافت»', () => {
    const r = extract(
      'وقالت وزارة الصحة اللبنانية إن المستشفيات ممتلئة. وأفادت معلومات بأن الطرق مقطوعة. وأضافت الوزارة أن الأدوية تنفد.',
    );
    const c = claimFor(r, 'الأدوية تنفد');
    expect(c.sources.map((s) => s.name)).toEqual(['Lebanese Health Ministry']);
    expect(claimFor(r, 'الطرق مقطوعة').sources).toEqual([]);
  });
});
