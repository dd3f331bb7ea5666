import { extract } from '@claimtrail/attribution';
import { claimFor, sourceOf, texts } from '../support/claims';

/** Content before the source: quote-first «"..."، قال X» and «... بحسب X / وفقاً لـ X». */
describe('Arabic quote-first frames', () => {
  it('reads «"..."، قال X» with ASCII quotes', () => {
    const r = extract(
      'وعقد الوزير اجتماعاً مع المحافظين في بغداد. "لن نتراجع عن قرارنا"، قال وزير النفط العراقي حيدر الساعدي.',
    );
    expect(r.claims).toHaveLength(2);
    const c = claimFor(r, 'لن نتراجع عن قرارنا');
    expect(c.text).toBe('لن نتراجع عن قرارنا');
    expect(c.type).toBe('direct_quote');
    expect(c.cue).toBe('قال');
    expect(sourceOf(r, c)).toMatchObject({ name: 'حيدر الساعدي', kind: 'person' });
  });

  it('reads «««...»، قالت X» with guillemets and a feminine verb', () => {
    const r = extract('«الهدنة صامدة حتى الآن»، قالت المتحدثة باسم الأمم المتحدة نورا العلي.');
    const c = claimFor(r, 'الهدنة صامدة حتى الآن');
    expect(c.text).toBe('الهدنة صامدة حتى الآن');
    expect(c.type).toBe('direct_quote');
    expect(c.cue).toBe('قالت');
    expect(sourceOf(r, c).name).toBe('نورا العلي');
  });

  it('reads «“...” قال X» with curly quotes and no comma, an anonymous official', () => {
    const r = extract('“سنعيد فتح المعبر خلال أيام” قال مسؤول مصري.');
    const c = claimFor(r, 'سنعيد فتح المعبر خلال أيام');
    expect(c.text).toBe('سنعيد فتح المعبر خلال أيام');
    expect(c.type).toBe('direct_quote');
    expect(sourceOf(r, c)).toMatchObject({ name: 'Egyptian official', anonymous: true });
  });

  it('reads a quote followed by «قالت وزارة ... في بيان»', () => {
    const r = extract('"المعبر سيبقى مغلقاً حتى إشعار آخر"، قالت وزارة الداخلية الأردنية في بيان.');
    const c = claimFor(r, 'المعبر سيبقى مغلقاً حتى إشعار آخر');
    expect(c.type).toBe('direct_quote');
    expect(sourceOf(r, c)).toMatchObject({
      name: 'Jordanian Interior Ministry',
      kind: 'government',
    });
  });
});

describe('Arabic according-to frames', () => {
  it('makes the agency the source of «..., بحسب وكالة رويترز» when no one else is named', () => {
    const r = extract('وارتفع عدد القتلى إلى 23 شخصاً، بحسب وكالة رويترز.');
    expect(r.claims).toHaveLength(1);
    const c = claimFor(r, 'عدد القتلى إلى 23 شخصاً');
    expect(c.text).toBe('وارتفع عدد القتلى إلى 23 شخصاً');
    expect(c.type).toBe('indirect');
    expect(c.cue).toBe('بحسب');
    expect(c.via).toEqual([]);
    expect(sourceOf(r, c)).toMatchObject({ name: 'Reuters', kind: 'agency', anonymous: false });
  });

  it('reads «..., وفقاً لمسؤولين عراقيين» with the joined preposition', () => {
    const r = extract('وتضررت ثلاثة منازل في القصف، وفقاً لمسؤولين عراقيين.');
    const c = claimFor(r, 'وتضررت ثلاثة منازل في القصف');
    expect(c.text).toBe('وتضررت ثلاثة منازل في القصف');
    expect(c.cue).toMatch(/^وفقا/);
    expect(sourceOf(r, c)).toMatchObject({
      name: 'Iraqi officials',
      kind: 'official_group',
      anonymous: true,
    });
  });

  it('reads a leading «وبحسب مصادر أمنية، ...» and keeps the conjunction out of the cue', () => {
    const r = extract('وبحسب مصادر أمنية، قتل ثلاثة عناصر من الشرطة في الهجوم.');
    const c = claimFor(r, 'قتل ثلاثة عناصر من الشرطة في الهجوم');
    expect(c.text).toBe('قتل ثلاثة عناصر من الشرطة في الهجوم');
    // «و» is a conjunction, as in «وقال» → «قال».
    expect(c.cue).toBe('بحسب');
    expect(sourceOf(r, c)).toMatchObject({ name: 'security sources', anonymous: true });
  });

  it('reads a trailing «حسب الأمم المتحدة»', () => {
    const r = extract('وسيصل الوفد إلى الدوحة يوم الأحد، حسب الأمم المتحدة.');
    const c = claimFor(r, 'وسيصل الوفد إلى الدوحة يوم الأحد');
    expect(c.cue).toBe('حسب');
    expect(sourceOf(r, c).name).toBe('United Nations');
  });

  it('reads a leading «ووفقاً لوزارة الصحة العراقية، فإن ...» without the complementiser', () => {
    const r = extract('ووفقاً لوزارة الصحة العراقية، فإن المستشفيات تعمل بكامل طاقتها.');
    const c = claimFor(r, 'المستشفيات تعمل بكامل طاقتها');
    expect(c.text).toBe('المستشفيات تعمل بكامل طاقتها');
    expect(c.type).toBe('indirect');
    expect(sourceOf(r, c)).toMatchObject({ name: 'Iraqi Health Ministry', kind: 'government' });
  });

  it('reads «على حد قول» + a titled person', () => {
    const r = extract(
      'وتراجعت صادرات النفط بنسبة خمسة في المئة، على حد قول وزير النفط العراقي حيدر الساعدي.',
    );
    const c = claimFor(r, 'وتراجعت صادرات النفط بنسبة خمسة في المئة');
    expect(c.text).toBe('وتراجعت صادرات النفط بنسبة خمسة في المئة');
    expect(sourceOf(r, c).name).toBe('حيدر الساعدي');
  });

  it('reads a trailing «نقلاً عن مصادر طبية» with no outlet as the sources themselves', () => {
    const r = extract('وقتل ثلاثة مدنيين في القصف، نقلاً عن مصادر طبية.');
    const c = claimFor(r, 'وقتل ثلاثة مدنيين في القصف');
    expect(c.text).toBe('وقتل ثلاثة مدنيين في القصف');
    expect(c.cue).toMatch(/^نقلا/);
    expect(c.via).toEqual([]);
    expect(sourceOf(r, c)).toMatchObject({ name: 'medical sources', anonymous: true });
  });

  it('reads «وفقاً لما ذكرته وكالة رويترز» as Reuters', () => {
    const r = extract('وتراجع سعر الدينار إلى أدنى مستوى له، وفقاً لما ذكرته وكالة رويترز.');
    const c = claimFor(r, 'وتراجع سعر الدينار إلى أدنى مستوى له');
    expect(c.text).toBe('وتراجع سعر الدينار إلى أدنى مستوى له');
    expect(c.type).toBe('indirect');
    expect(sourceOf(r, c)).toMatchObject({ name: 'Reuters', kind: 'agency' });
  });

  it('reads «على لسان المتحدث باسمها» + name as the spokesman', () => {
    const r = extract('وأعلنت الحكومة حظر التجول في المدينة، على لسان المتحدث باسمها باسل العمري.');
    const c = claimFor(r, 'حظر التجول في المدينة');
    expect(c.cue).toBe('على لسان');
    expect(sourceOf(r, c)).toMatchObject({ name: 'باسل العمري', kind: 'person' });
  });

  it('keeps the unattributed sentence before an according-to sentence in the outlet voice', () => {
    const r = extract(
      'وشهدت المدينة ليلة هادئة. وأصيب جنديان في انفجار عبوة ناسفة، بحسب الجيش العراقي.',
    );
    expect(texts(r)).toEqual(['وشهدت المدينة ليلة هادئة', 'وأصيب جنديان في انفجار عبوة ناسفة']);
    expect(r.claims[0]!.sources).toEqual([]);
    expect(sourceOf(r, r.claims[1]!)).toMatchObject({ name: 'Iraqi army', kind: 'government' });
  });
});
