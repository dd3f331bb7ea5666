import { extract } from '@claimtrail/attribution';
import { claimFor, sourceOf } from '../support/claims';

/**
 * A capital or country that speaks stands for its government; a place that is merely the
 * subject of an event is not a source.
 */
describe('Arabic metonymy', () => {
  it('reads «بغداد أكدت أنها» as the government source "Baghdad"', () => {
    const r = extract('بغداد أكدت أنها لن تسمح باستخدام أراضيها منطلقاً لأي هجوم.');
    const c = claimFor(r, 'لن تسمح باستخدام أراضيها منطلقاً لأي هجوم');
    expect(sourceOf(r, c)).toMatchObject({ name: 'Baghdad', kind: 'government', anonymous: false });
    expect(sourceOf(r, c).mentions.map((m) => m.text)).toEqual(['بغداد']);
  });

  it('gives no source to «انخرطت بغداد وواشنطن في محادثات»', () => {
    const r = extract('وانخرطت بغداد وواشنطن في محادثات بشأن مستقبل القوات الأجنبية.');
    expect(r.claims).toHaveLength(1);
    const c = r.claims[0]!;
    expect(c.text).toBe('وانخرطت بغداد وواشنطن في محادثات بشأن مستقبل القوات الأجنبية');
    expect(c.type).toBe('unattributed');
    expect(c.cue).toBeNull();
    expect(c.sources).toEqual([]);
    expect(r.sources).toEqual([]);
  });

  it('reads «وأعلنت واشنطن أنها» as Washington', () => {
    const r = extract('وأعلنت واشنطن أنها سترسل حاملة طائرات ثانية إلى المنطقة.');
    const c = claimFor(r, 'سترسل حاملة طائرات ثانية إلى المنطقة');
    expect(c.text).toBe('سترسل حاملة طائرات ثانية إلى المنطقة');
    expect(sourceOf(r, c)).toMatchObject({ name: 'Washington', kind: 'government' });
  });

  it('reads «وقالت موسكو إن», «وأكدت القاهرة أنها» and «ونفت أنقرة أن» as governments', () => {
    const r = extract(
      [
        'وقالت موسكو إن العقوبات الغربية لن تغير موقفها.',
        'وأكدت القاهرة أنها لن تسمح بتهجير سكان القطاع.',
        'ونفت أنقرة أن تكون قواتها عبرت الحدود.',
      ].join('\n'),
    );
    expect(r.sources.map((s) => [s.name, s.kind, s.anonymous])).toEqual([
      ['Moscow', 'government', false],
      ['Cairo', 'government', false],
      ['Ankara', 'government', false],
    ]);
    expect(r.claims.map((c) => c.cue)).toEqual(['قالت', 'أكدت', 'نفت']);
  });

  it('gives no source to a capital that is a destination or a host', () => {
    const r = extract(
      [
        'ووصل الوفد الأمريكي إلى بيروت مساء أمس.',
        'وتستضيف الدوحة جولة جديدة من المفاوضات الأسبوع المقبل.',
        'وشهدت دمشق احتجاجات على ارتفاع الأسعار.',
      ].join('\n'),
    );
    expect(r.claims).toHaveLength(3);
    expect(r.claims.every((c) => c.type === 'unattributed' && c.sources.length === 0)).toBe(true);
    expect(r.sources).toEqual([]);
  });

  it('keeps a capital a source when it speaks and not when it acts in the next sentence', () => {
    const r = extract(
      'وقالت الرياض إن الهدنة يجب أن تشمل كل الجبهات. وتبادلت الرياض وطهران السفراء العام الماضي.',
    );
    const a = claimFor(r, 'الهدنة يجب أن تشمل كل الجبهات');
    const b = claimFor(r, 'وتبادلت الرياض وطهران السفراء العام الماضي');
    expect(sourceOf(r, a).name).toBe('Riyadh');
    expect(b.sources).toEqual([]);
    expect(r.sources.map((s) => s.name)).toEqual(['Riyadh']);
    // The acting mention is not recorded as a mention of the speaking government.
    expect(r.sources[0]!.mentions).toHaveLength(1);
  });

  it('reads a country name that speaks «وأكدت إسرائيل أنها» as the government of Israel', () => {
    const r = extract('وأكدت إسرائيل أنها أبلغت الوسطاء بموافقتها على التمديد.');
    const c = claimFor(r, 'أبلغت الوسطاء بموافقتها على التمديد');
    expect(sourceOf(r, c)).toMatchObject({ name: 'Israel', kind: 'government', anonymous: false });
  });

  it('does not make a capital inside the claim content a source', () => {
    const r = extract('وقال مسؤول أوروبي إن طهران ودمشق تنسقان المواقف منذ أشهر.');
    expect(r.sources.map((s) => s.name)).toEqual(['European official']);
  });
});
