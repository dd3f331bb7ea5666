import { extract, type ExtractionResult } from '@claimtrail/attribution';
import { claimFor, sourceOf, texts, viaOf } from '../support/claims';

/** Every claim's span must be exactly the text at its offsets in the input. */
function expectSpansExact(input: string, r: ExtractionResult): void {
  for (const c of r.claims) expect(input.slice(c.start, c.end)).toBe(c.text);
}

/** Sentence splitting that survives abbreviations («د.», «أ.ف.ب») and decimals. */
describe('Arabic sentence splitting', () => {
  it('does not split after the title «د.» and names the doctor without it', () => {
    const input = 'وقال د. سامي الربيعي إن نسبة الإشغال في المستشفيات بلغت 90 في المئة.';
    const r = extract(input);
    expect(r.claims).toHaveLength(1);
    const c = claimFor(r, 'نسبة الإشغال في المستشفيات بلغت 90 في المئة');
    expect(c.text).toBe('نسبة الإشغال في المستشفيات بلغت 90 في المئة');
    expect(sourceOf(r, c).name).toBe('سامي الربيعي');
    expectSpansExact(input, r);
  });

  it('does not split after «د.» inside a long title', () => {
    const r = extract('وقال رئيس الوزراء العراقي د. مازن العبيدي إن الانتخابات ستجري في موعدها.');
    expect(r.claims).toHaveLength(1);
    expect(sourceOf(r, r.claims[0]!).name).toBe('مازن العبيدي');
  });

  it('does not split after the dotted acronym «أ.ف.ب» and reads it as AFP', () => {
    const input = 'وقال وزير الداخلية اللبناني جميل عساف لوكالة أ.ف.ب إن الحكومة ستعيد فتح المعبر.';
    const r = extract(input);
    expect(r.claims).toHaveLength(1);
    const c = claimFor(r, 'الحكومة ستعيد فتح المعبر');
    expect(c.text).toBe('الحكومة ستعيد فتح المعبر');
    expect(sourceOf(r, c).name).toBe('جميل عساف');
    expect(viaOf(r, c).map((s) => s.name)).toEqual(['AFP']);
    expectSpansExact(input, r);
  });

  it('does not split after the double title «أ.د.»', () => {
    const r = extract('وقالت أ.د. نادية الساعدي إن الجفاف يهدد المحاصيل في الجنوب.');
    expect(r.claims).toHaveLength(1);
    const c = claimFor(r, 'الجفاف يهدد المحاصيل في الجنوب');
    expect(c.text).toBe('الجفاف يهدد المحاصيل في الجنوب');
    expect(sourceOf(r, c).name).toBe('نادية الساعدي');
  });

  it('does not split after the engineer title «م.»', () => {
    const r = extract(
      'وأكد مدير المشروع م. خالد العبيدي أن الجسر سينجز في 2026. وتبلغ كلفته 40 مليون دولار.',
    );
    expect(r.claims).toHaveLength(2);
    expect(claimFor(r, 'الجسر سينجز في 2026').text).toBe('الجسر سينجز في 2026');
  });

  it('keeps decimals inside one sentence', () => {
    const r = extract('ارتفع التضخم إلى 3.5 في المئة في أيار. وتراجعت البطالة إلى 12.1 في المئة.');
    expect(texts(r)).toEqual([
      'ارتفع التضخم إلى 3.5 في المئة في أيار',
      'وتراجعت البطالة إلى 12.1 في المئة',
    ]);
  });

  it('splits at «؟» and «!» and numbers the sentences', () => {
    const r = extract(
      'هل تنجح الوساطة؟ الطرفان وافقا على هدنة لمدة أسبوع! وتستأنف المفاوضات يوم الأحد في القاهرة.',
    );
    expect(texts(r)).toEqual([
      'الطرفان وافقا على هدنة لمدة أسبوع',
      'وتستأنف المفاوضات يوم الأحد في القاهرة',
    ]);
    expect(r.claims[1]!.sentence).toBeGreaterThan(r.claims[0]!.sentence);
  });

  it('treats each line as its own paragraph', () => {
    const input =
      'تعرضت قاعدة عسكرية لهجوم صاروخي ليل الاثنين.\nوقال مسؤول عراقي إن الهجوم لم يوقع إصابات.\nوفتحت السلطات تحقيقاً في الحادث.';
    const r = extract(input);
    expect(r.claims).toHaveLength(3);
    expect(r.claims.map((c) => c.sentence)).toEqual([0, 1, 2]);
    expectSpansExact(input, r);
  });

  it('gives exact spans for claims after multi-byte quotation marks and harakat', () => {
    const input =
      'وقال مسؤولٌ أمريكيٌّ: «القوات باقية». وأضاف أن “الانسحاب غير مطروح” في الوقت الحالي.';
    const r = extract(input);
    expectSpansExact(input, r);
    expect(claimFor(r, 'القوات باقية').type).toBe('direct_quote');
    expect(claimFor(r, 'الانسحاب غير مطروح').type).toBe('mixed');
  });
});
