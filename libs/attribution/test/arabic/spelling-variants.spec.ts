import { extract } from '@claimtrail/attribution';
import { claimFor, sourceNamed, sourceOf } from '../support/claims';

/**
 * Spelling variants of one source share one id (أمريكي / أميركي، مسؤول / مسئول،
 * إسرائيل / اسرائيل...). Each test puts another speaker in between so that the merge
 * cannot come from pro-drop continuation.
 */
describe('Arabic spelling variants of one source', () => {
  it('merges «مسؤولون أمريكيون» and «مسؤولون أميركيون»', () => {
    const r = extract(
      'وقال مسؤولون أمريكيون إن الطائرات أقلعت من الكويت. وقالت الحكومة العراقية إنها لم تبلغ بالعملية. وأكد مسؤولون أميركيون أن المهمة انتهت.',
    );
    const a = claimFor(r, 'الطائرات أقلعت من الكويت');
    const c = claimFor(r, 'المهمة انتهت');
    expect(c.sources[0]!.id).toBe(a.sources[0]!.id);
    const us = sourceOf(r, c);
    expect(us).toMatchObject({ name: 'US officials', kind: 'official_group', anonymous: true });
    expect(us.mentions.map((m) => m.text)).toEqual(['مسؤولون أمريكيون', 'مسؤولون أميركيون']);
  });

  it('merges the oblique plural «مسؤولين أمريكيين» with «مسؤولون أميركيون»', () => {
    const r = extract(
      'وأصيب جنديان في الهجوم، وفقاً لمسؤولين أمريكيين. وقال مصدر أمني عراقي إن الصواريخ أطلقت من بستان قريب. وقال مسؤولون أميركيون إن التحقيق جار.',
    );
    const a = claimFor(r, 'وأصيب جنديان في الهجوم');
    const c = claimFor(r, 'التحقيق جار');
    expect(a.sources).toHaveLength(1);
    expect(c.sources[0]!.id).toBe(a.sources[0]!.id);
    expect(sourceNamed(r, 'US officials').mentions).toHaveLength(2);
  });

  it('merges «مسؤول» and «مسئول»', () => {
    const r = extract(
      'وقال مسؤول عراقي إن الانتخابات ستؤجل. وقالت الأمم المتحدة إنها لم تبلغ بذلك. وأكد مسئول عراقي أن القرار نهائي.',
    );
    const a = claimFor(r, 'الانتخابات ستؤجل');
    const c = claimFor(r, 'القرار نهائي');
    expect(c.sources[0]!.id).toBe(a.sources[0]!.id);
    expect(sourceOf(r, c)).toMatchObject({ name: 'Iraqi official', anonymous: true });
  });

  it('merges «إسرائيل» and «اسرائيل» into Israel', () => {
    const r = extract(
      'وقالت إسرائيل إنها اعترضت صاروخين. وقال الجيش اللبناني إن القصف طال بلدتين حدوديتين. وأعلنت اسرائيل أنها ردت على مصادر النيران.',
    );
    const a = claimFor(r, 'اعترضت صاروخين');
    const c = claimFor(r, 'ردت على مصادر النيران');
    expect(c.sources[0]!.id).toBe(a.sources[0]!.id);
    expect(sourceOf(r, c)).toMatchObject({ name: 'Israel', kind: 'government' });
    expect(sourceOf(r, c).mentions.map((m) => m.text)).toEqual(['إسرائيل', 'اسرائيل']);
  });

  it('merges «سوريا» and «سورية» into Syria', () => {
    const r = extract(
      'وقالت سوريا إن المعبر مفتوح. وقال مسؤول تركي إن الشاحنات تنتظر منذ أيام. وأكدت سورية أن الشاحنات تعبر.',
    );
    const a = claimFor(r, 'المعبر مفتوح');
    const c = claimFor(r, 'الشاحنات تعبر');
    expect(c.sources[0]!.id).toBe(a.sources[0]!.id);
    expect(sourceOf(r, c).name).toBe('Syria');
  });

  it('merges a named person spelled with and without hamza «أيمن» / «ايمن»', () => {
    const r = extract(
      'وقال وزير الخارجية الأردني أيمن الرفاعي إن القمة ستعقد في عمّان. وقال السفير المصري إن القاهرة ستشارك. وأكد وزير الخارجية الأردني ايمن الرفاعي أن الدعوات أرسلت.',
    );
    const a = claimFor(r, 'القمة ستعقد في عمّان');
    const c = claimFor(r, 'الدعوات أرسلت');
    expect(c.sources[0]!.id).toBe(a.sources[0]!.id);
    expect(r.sources).toHaveLength(2);
  });

  it('merges «مصدر أمريكي» and «مصدر امريكي»', () => {
    const r = extract(
      'وقال مصدر أمريكي إن الاتفاق قريب. وقالت طهران إنها تدرس المقترح. وقال مصدر امريكي إن التوقيع سيجري الأسبوع المقبل.',
    );
    const a = claimFor(r, 'الاتفاق قريب');
    const c = claimFor(r, 'التوقيع سيجري الأسبوع المقبل');
    expect(c.sources[0]!.id).toBe(a.sources[0]!.id);
    expect(sourceOf(r, c).anonymous).toBe(true);
  });

  it('reads a cue written with tatweel «وقـال» and keeps the original text in the claim', () => {
    const input = 'وقـال مسؤول أمريكي إن القوات ستنسحب بحلول ٢٠٢٦.';
    const r = extract(input);
    const c = claimFor(r, 'القوات ستنسحب');
    expect(c.text).toBe('القوات ستنسحب بحلول ٢٠٢٦');
    expect(input.slice(c.start, c.end)).toBe(c.text);
    expect(sourceOf(r, c).name).toBe('US official');
  });

  it('reads a vocalised sentence and maps offsets back to the original characters', () => {
    const input = 'وقالَ الوزيرُ خالد النعيمي إنَّ الحكومةَ ستدفعُ الرواتبَ.';
    const r = extract(input);
    const c = claimFor(r, 'ستدفعُ');
    expect(c.text).toBe('الحكومةَ ستدفعُ الرواتبَ');
    expect(input.slice(c.start, c.end)).toBe(c.text);
    expect(sourceOf(r, c).name).toBe('خالد النعيمي');
  });

  it('merges «الحكومة الأردنية» and «الحكومة الاردنية» into Jordan', () => {
    const r = extract(
      'وقالت الحكومة الأردنية إن الحدود مغلقة. وقال مسؤول سوري إن دمشق طلبت فتحها. وأوضحت الحكومة الاردنية أن القرار مؤقت.',
    );
    const a = claimFor(r, 'الحدود مغلقة');
    const c = claimFor(r, 'القرار مؤقت');
    expect(c.sources[0]!.id).toBe(a.sources[0]!.id);
    expect(sourceOf(r, c).name).toBe('Jordan');
  });
});
