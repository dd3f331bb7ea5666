import { extract } from '@claimtrail/attribution';
import { claimFor, sourceOf, texts } from '../support/claims';

/**
 * Participle cues (مضيفاً، مبيناً، مشيراً، قائلاً...) start a second claim by the same
 * speaker: the contract's "one claim per asserted statement".
 */
describe('Arabic participle cues', () => {
  it('splits «..., مضيفاً أن ...» into two claims by one named speaker', () => {
    const r = extract(
      'وقال وزير الخارجية العراقي فؤاد الكناني إن المحادثات كانت صريحة، مضيفاً أن الجانبين اتفقا على لقاء جديد الشهر المقبل.',
    );
    expect(texts(r)).toEqual(['المحادثات كانت صريحة', 'الجانبين اتفقا على لقاء جديد الشهر المقبل']);
    const [a, b] = r.claims;
    expect(a!.cue).toBe('قال');
    expect(b!.cue).toBe('مضيفاً');
    expect(b!.type).toBe('indirect');
    expect(b!.sources.map((s) => s.id)).toEqual(a!.sources.map((s) => s.id));
    expect(r.sources).toHaveLength(1);
  });

  it('reads the feminine participle «مضيفة» after «قالت»', () => {
    const r = extract(
      'وقالت وزيرة الخارجية الأردنية هالة المجالي إن الاجتماع سيعقد في عمّان، مضيفة أن الوفد سيصل غداً.',
    );
    const a = claimFor(r, 'الاجتماع سيعقد في عمّان');
    const b = claimFor(r, 'الوفد سيصل غداً');
    expect(a.text).toBe('الاجتماع سيعقد في عمّان');
    expect(b.text).toBe('الوفد سيصل غداً');
    expect(b.cue).toBe('مضيفة');
    expect(sourceOf(r, b).name).toBe('هالة المجالي');
    expect(b.sources[0]!.id).toBe(a.sources[0]!.id);
  });

  it('reads the plural participle «مضيفين» with a plural anonymous group', () => {
    const r = extract(
      'وأكد مسؤولون عراقيون أن الحدود آمنة، مضيفين أن الدوريات تضاعفت خلال الأسبوع.',
    );
    const b = claimFor(r, 'الدوريات تضاعفت خلال الأسبوع');
    expect(b.cue).toBe('مضيفين');
    expect(sourceOf(r, b)).toMatchObject({ name: 'Iraqi officials', anonymous: true });
    expect(r.claims).toHaveLength(2);
  });

  it('splits two quotes joined by «مبيناً أنه» and strips the edge quotation marks of both', () => {
    const r = extract(
      'وقال مصدر دبلوماسي إن "الهجوم يعرقل المفاوضات"، مبيناً أنه "لا يخدم مصلحة أحد".',
    );
    const a = claimFor(r, 'الهجوم يعرقل المفاوضات');
    const b = claimFor(r, 'لا يخدم مصلحة أحد');
    expect(a.text).toBe('الهجوم يعرقل المفاوضات');
    expect(b.text).toBe('لا يخدم مصلحة أحد');
    expect([a.type, b.type]).toEqual(['direct_quote', 'direct_quote']);
    expect(b.cue).toBe('مبيناً');
    expect(sourceOf(r, b)).toMatchObject({ name: 'unnamed diplomat', anonymous: true });
    expect(b.sources[0]!.id).toBe(a.sources[0]!.id);
  });

  it('reads «مشيراً إلى أن» as a second claim', () => {
    const r = extract(
      'وأوضح الطبيب عادل منصور أن المستشفى استقبل 15 مصاباً، مشيراً إلى أن بينهم ثلاثة أطفال.',
    );
    expect(texts(r)).toEqual(['المستشفى استقبل 15 مصاباً', 'بينهم ثلاثة أطفال']);
    expect(r.claims[1]!.cue).toBe('مشيراً');
    expect(sourceOf(r, r.claims[1]!).name).toBe('عادل منصور');
  });

  it('reads «قائلاً:» + a direct quote after an indirect claim by an institution', () => {
    const r = extract(
      'وأعلن الجيش العراقي أنه أحبط هجوماً على قاعدة في الأنبار، قائلاً: "قواتنا ردت على مصادر النيران فوراً".',
    );
    const a = claimFor(r, 'أحبط هجوماً على قاعدة في الأنبار');
    const b = claimFor(r, 'قواتنا ردت على مصادر النيران فوراً');
    expect(a.type).toBe('indirect');
    expect(b.type).toBe('direct_quote');
    expect(b.cue).toBe('قائلاً');
    expect(sourceOf(r, b)).toMatchObject({ name: 'Iraqi army', kind: 'government' });
    expect(b.sources[0]!.id).toBe(a.sources[0]!.id);
  });

  it('reads «مؤكدة أن» after a ministry', () => {
    const r = extract(
      'وقالت وزارة الخارجية الإيرانية إن طهران لم تتلق أي رسالة، مؤكدة أن الاتصالات مقطوعة منذ أسابيع.',
    );
    const b = claimFor(r, 'الاتصالات مقطوعة منذ أسابيع');
    expect(b.cue).toBe('مؤكدة');
    expect(sourceOf(r, b).name).toBe('Iranian Foreign Ministry');
  });

  it('reads «لافتاً إلى أن» after «حذر من أن»', () => {
    const r = extract(
      'وحذر الخبير ماهر السعدي من أن التضخم سيرتفع، لافتاً إلى أن البنك المركزي لم يتدخل بعد.',
    );
    expect(texts(r)).toEqual(['التضخم سيرتفع', 'البنك المركزي لم يتدخل بعد']);
    expect(r.claims.map((c) => c.cue)).toEqual(['حذر', 'لافتاً']);
  });

  it('reads «موضحة أن» after a denial «نفت ... أن»', () => {
    const r = extract(
      'ونفت الحكومة الأردنية أن تكون طائراتها شاركت في الغارة، موضحة أن سلاح الجو لم يقلع من قواعده.',
    );
    const b = claimFor(r, 'سلاح الجو لم يقلع من قواعده');
    expect(b.cue).toBe('موضحة');
    expect(sourceOf(r, b)).toMatchObject({ name: 'Jordan', kind: 'government' });
    expect(r.claims).toHaveLength(2);
  });

  it('reads «معتبراً أن» after a described ambassador', () => {
    const r = extract(
      'وقال السفير الفرنسي إن باريس تدعم الحوار، معتبراً أن العقوبات لن تحل الأزمة.',
    );
    const b = claimFor(r, 'العقوبات لن تحل الأزمة');
    expect(b.cue).toBe('معتبراً');
    expect(sourceOf(r, b)).toMatchObject({ name: 'French ambassador', kind: 'person' });
  });

  it('reads a participle after a quote-first claim', () => {
    const r = extract(
      '"المعبر سيبقى مفتوحاً"، قال المحافظ سعد الراوي، مضيفاً أن الشاحنات ستعبر على مدار الساعة.',
    );
    const a = claimFor(r, 'المعبر سيبقى مفتوحاً');
    const b = claimFor(r, 'الشاحنات ستعبر على مدار الساعة');
    expect(a.type).toBe('direct_quote');
    expect(sourceOf(r, b).name).toBe('سعد الراوي');
    expect(b.sources[0]!.id).toBe(a.sources[0]!.id);
  });
});

describe('Arabic continuation cues in a new sentence', () => {
  it('reads «وتابع:» + quote as the previous speaker', () => {
    const r = extract(
      'وقال رئيس الوزراء العراقي مازن العبيدي إن الموازنة ستقر قريباً. وتابع: "لن نقترض من الخارج هذا العام".',
    );
    const a = claimFor(r, 'الموازنة ستقر قريباً');
    const b = claimFor(r, 'لن نقترض من الخارج هذا العام');
    expect(b.type).toBe('direct_quote');
    expect(b.cue).toBe('تابع');
    expect(b.sources.map((s) => s.id)).toEqual(a.sources.map((s) => s.id));
  });

  it('reads «وأردف قائلاً إن» as one claim by the previous speaker', () => {
    const r = extract(
      'وقال وزير الداخلية اللبناني جميل عساف إن الانتخابات البلدية ستجري في أيار. وأردف قائلاً إن الوزارة جهزت مراكز الاقتراع.',
    );
    const b = claimFor(r, 'الوزارة جهزت مراكز الاقتراع');
    expect(b.text).toBe('الوزارة جهزت مراكز الاقتراع');
    expect(sourceOf(r, b).name).toBe('جميل عساف');
    expect(r.claims).toHaveLength(2);
  });
});
