import { extract } from '@claimtrail/attribution';
import { claimFor, sourceOf, viaOf } from '../support/claims';

/**
 * Relay chains: the immediate speaker goes in `sources`, the relaying outlet in `via`;
 * the outlet that published the article is never in `via`.
 */
describe('Arabic relay chains', () => {
  it('reads «نقلت صحيفة "X" عن Y قوله إن» as Y via X', () => {
    const r = extract(
      'ونقلت صحيفة "ذا ناشيونال" عن مسؤول عراقي قوله إن الحكومة ستطلب جدولاً زمنياً للانسحاب.',
    );
    expect(r.claims).toHaveLength(1);
    const c = claimFor(r, 'الحكومة ستطلب جدولاً زمنياً للانسحاب');
    expect(c.text).toBe('الحكومة ستطلب جدولاً زمنياً للانسحاب');
    expect(c.type).toBe('indirect');
    expect(c.cue).toMatch(/^نقلت/);
    expect(sourceOf(r, c)).toMatchObject({ name: 'Iraqi official', anonymous: true });
    expect(viaOf(r, c).map((s) => [s.name, s.kind])).toEqual([['The National', 'outlet']]);
  });

  it('keeps the outlet mention free of a dangling quotation mark', () => {
    const r = extract(
      'ونقلت صحيفة "ذا ناشيونال" عن مسؤول عراقي قوله إن الحكومة ستطلب جدولاً زمنياً للانسحاب.',
    );
    const national = viaOf(r, r.claims[0]!)[0]!;
    for (const m of national.mentions) expect((m.text.match(/"/g) ?? []).length % 2).toBe(0);
  });

  it('reads «قال Y لوكالة رويترز إن» as Y via Reuters', () => {
    const r = extract('وقال مسؤول أمريكي لوكالة رويترز إن الطائرات المسيرة أطلقت من داخل العراق.');
    const c = claimFor(r, 'الطائرات المسيرة أطلقت من داخل العراق');
    expect(c.cue).toBe('قال');
    expect(sourceOf(r, c)).toMatchObject({ name: 'US official', anonymous: true });
    expect(viaOf(r, c).map((s) => [s.name, s.kind])).toEqual([['Reuters', 'agency']]);
  });

  it('reads «ذكرت وكالة X نقلاً عن Y أن» as Y via X', () => {
    const r = extract('وذكرت وكالة فرانس برس نقلاً عن مصدر أمني أن الانفجار أسفر عن مقتل شخصين.');
    const c = claimFor(r, 'الانفجار أسفر عن مقتل شخصين');
    expect(c.text).toBe('الانفجار أسفر عن مقتل شخصين');
    expect(sourceOf(r, c).anonymous).toBe(true);
    expect(sourceOf(r, c).name).toMatch(/security source/);
    expect(viaOf(r, c).map((s) => s.name)).toEqual(['AFP']);
  });

  it('puts the recipient outlet of «قال لـ"الشرق الأوسط"» in via when it did not publish', () => {
    const r = extract('وقال مصدر حكومي لـ"الشرق الأوسط" إن التعديل الوزاري سيعلن قريباً.');
    const c = claimFor(r, 'التعديل الوزاري سيعلن قريباً');
    expect(viaOf(r, c).map((s) => s.name)).toEqual(['Asharq Al-Awsat']);
  });

  it('leaves via empty for «قال لـ"الشرق الأوسط"» when it is the publisher', () => {
    const r = extract('وقال مصدر حكومي لـ"الشرق الأوسط" إن التعديل الوزاري سيعلن قريباً.', {
      publisher: 'الشرق الأوسط',
    });
    const c = claimFor(r, 'التعديل الوزاري سيعلن قريباً');
    expect(c.via).toEqual([]);
    expect(sourceOf(r, c).anonymous).toBe(true);
  });

  it('leaves via empty for «لـ«الشرق الأوسط»» with guillemets and an English publisher name', () => {
    const r = extract('وقال مصدر حكومي لـ«الشرق الأوسط» إن التعديل الوزاري سيعلن قريباً.', {
      publisher: 'Asharq Al-Awsat',
    });
    expect(claimFor(r, 'التعديل الوزاري سيعلن قريباً').via).toEqual([]);
  });

  it('reads «قال Y لـ«ذا ناشيونال»» as Y via The National', () => {
    const r = extract('وقال مصدر دبلوماسي لـ«ذا ناشيونال» إن المفاوضات متعثرة.');
    const c = claimFor(r, 'المفاوضات متعثرة');
    expect(sourceOf(r, c).name).toBe('unnamed diplomat');
    expect(viaOf(r, c).map((s) => s.name)).toEqual(['The National']);
  });

  it('reads a named minister relayed by the Iraqi News Agency', () => {
    const r = extract(
      'ونقلت وكالة الأنباء العراقية عن وزير النفط حيدر الساعدي قوله إن الصادرات ارتفعت.',
    );
    const c = claimFor(r, 'الصادرات ارتفعت');
    expect(sourceOf(r, c)).toMatchObject({
      name: 'حيدر الساعدي',
      kind: 'person',
      anonymous: false,
    });
    expect(viaOf(r, c).map((s) => s.name)).toEqual(['Iraqi News Agency']);
  });

  it('reads an outlet relaying another outlet: the inner outlet is the source', () => {
    const r = extract('ونقلت وكالة فرانس برس عن صحيفة "ذا ناشيونال" أن واشنطن تدرس سحب قواتها.');
    const c = claimFor(r, 'واشنطن تدرس سحب قواتها');
    expect(sourceOf(r, c).name).toBe('The National');
    expect(viaOf(r, c).map((s) => s.name)).toEqual(['AFP']);
  });

  it('reads «في تصريح لوكالة الأناضول» as a relay', () => {
    const r = extract(
      'وقال وزير الخارجية العراقي فؤاد الكناني في تصريح لوكالة الأناضول إن بغداد ترفض التدخل التركي.',
    );
    const c = claimFor(r, 'بغداد ترفض التدخل التركي');
    expect(sourceOf(r, c).name).toBe('فؤاد الكناني');
    expect(viaOf(r, c).map((s) => s.name)).toEqual(['Anadolu Agency']);
  });

  it('reads «مصادر عسكرية لقناة "العربية"» as military sources via Al Arabiya', () => {
    const r = extract('وقالت مصادر عسكرية لقناة "العربية" إن القوات تقدمت نحو المدينة.');
    const c = claimFor(r, 'القوات تقدمت نحو المدينة');
    expect(sourceOf(r, c)).toMatchObject({ name: 'military sources', anonymous: true });
    expect(viaOf(r, c).map((s) => s.name)).toEqual(['Al Arabiya']);
  });

  it('reads a counted anonymous group «عن ثلاثة مصادر مطلعة» as anonymous sources', () => {
    const r = extract('ونقلت رويترز عن ثلاثة مصادر مطلعة أن أوبك ستبقي الإنتاج دون تغيير.');
    const c = claimFor(r, 'أوبك ستبقي الإنتاج دون تغيير');
    const s = sourceOf(r, c);
    expect(s.anonymous).toBe(true);
    expect(s.name).toMatch(/sources/);
    expect(viaOf(r, c).map((x) => x.name)).toEqual(['Reuters']);
  });

  it('reads «نقلت شبكة "سي إن إن" عن مسؤولين أمريكيين أن» as US officials via CNN', () => {
    const r = extract('ونقلت شبكة "سي إن إن" عن مسؤولين أمريكيين أن الرئيس وافق على الضربة.');
    const c = claimFor(r, 'الرئيس وافق على الضربة');
    expect(c.text).toBe('الرئيس وافق على الضربة');
    expect(sourceOf(r, c).name).toBe('US officials');
    expect(viaOf(r, c).map((s) => s.name)).toEqual(['CNN']);
  });

  it('takes the publisher from a wire dateline «بغداد (رويترز) -» and leaves via empty', () => {
    const r = extract('بغداد (رويترز) - قال مسؤول عراقي لرويترز إن الحكومة ستعيد فتح المطار.');
    const c = claimFor(r, 'الحكومة ستعيد فتح المطار');
    expect(c.via).toEqual([]);
    expect(sourceOf(r, c).name).toBe('Iraqi official');
  });
});
