import { extract } from '@claimtrail/attribution';
import { claimFor, sourceOf } from '../support/claims';

/**
 * Pro-drop («وأضاف أن» with no subject continues the last speaker) and definite anaphora
 * («الدبلوماسي», «المصدر», «المسؤول» refer back): coreferent mentions share one id.
 */
describe('Arabic pro-drop continuation', () => {
  it('continues an anonymous source with «وأضاف أن»', () => {
    const r = extract(
      'وقال مصدر دبلوماسي إن الوفد الإيراني سيصل مساء الأحد. وأضاف أن جدول الأعمال لم يحسم بعد.',
    );
    const a = claimFor(r, 'الوفد الإيراني سيصل مساء الأحد');
    const b = claimFor(r, 'جدول الأعمال لم يحسم بعد');
    expect(b.text).toBe('جدول الأعمال لم يحسم بعد');
    expect(b.cue).toBe('أضاف');
    expect(b.type).toBe('indirect');
    expect(b.sources.map((s) => s.id)).toEqual(a.sources.map((s) => s.id));
    expect(r.sources).toHaveLength(1);
  });

  it('continues the most recent speaker, an institution, with «وأضافت»', () => {
    const r = extract(
      'وقال الوزير سالم الجبوري إن الرواتب ستصرف الأحد. وقالت وزارة الخارجية العراقية إن الأموال متوفرة. وأضافت أن البنك المركزي حول المبالغ.',
    );
    const b = claimFor(r, 'الأموال متوفرة');
    const c = claimFor(r, 'البنك المركزي حول المبالغ');
    expect(sourceOf(r, c).name).toBe('Iraqi Foreign Ministry');
    expect(c.sources[0]!.id).toBe(b.sources[0]!.id);
  });

  it('continues a plural group with «وأضافوا»', () => {
    const r = extract(
      'وقال مسؤولون أوروبيون إن العقوبات ستبقى. وأضافوا أن أي تخفيف مشروط بالتعاون.',
    );
    const b = claimFor(r, 'أي تخفيف مشروط بالتعاون');
    expect(b.cue).toBe('أضافوا');
    expect(sourceOf(r, b)).toMatchObject({ name: 'European officials', anonymous: true });
  });

  it('lets a feminine «وأضافت» skip a male speaker back to the female one', () => {
    const r = extract(
      'وقالت الوزيرة هالة المجالي إن الطرق مفتوحة. وقال السفير الفرنسي إن باريس سترسل مساعدات. وأضافت أن المعابر ستعمل ليلاً.',
    );
    const c = claimFor(r, 'المعابر ستعمل ليلاً');
    expect(sourceOf(r, c).name).toBe('هالة المجالي');
  });

  it('continues with «وأوضح أنه» and drops the complementiser with its pronoun', () => {
    const r = extract(
      'وقال محافظ الأنبار سعد الراوي إن الوضع تحت السيطرة. وأوضح أنه أمر بنشر دوريات إضافية.',
    );
    const b = claimFor(r, 'أمر بنشر دوريات إضافية');
    expect(b.text).toBe('أمر بنشر دوريات إضافية');
    expect(sourceOf(r, b).name).toBe('سعد الراوي');
  });

  it('continues the speaker across an unattributed sentence', () => {
    const r = extract(
      'وقال وزير النفط العراقي حيدر الساعدي إن الإنتاج سيرتفع. وتملك البلاد خامس أكبر احتياطي نفطي في العالم. وأضاف أن عقوداً جديدة ستوقع قريباً.',
    );
    const a = claimFor(r, 'الإنتاج سيرتفع');
    const mid = claimFor(r, 'خامس أكبر احتياطي');
    const c = claimFor(r, 'عقوداً جديدة ستوقع قريباً');
    expect(mid.sources).toEqual([]);
    expect(c.sources[0]!.id).toBe(a.sources[0]!.id);
  });

  it('names a described commander «قائد الشرطة» by his role, not by the police', () => {
    const r = extract('وقال قائد الشرطة إن الوضع تحت السيطرة. وأوضح أنه أمر بنشر دوريات إضافية.');
    const a = claimFor(r, 'الوضع تحت السيطرة');
    const s = sourceOf(r, a);
    expect(s.kind).toBe('person');
    expect(s.name).not.toBe('الشرطة');
    expect(s.name).toMatch(/commander|قائد الشرطة/);
  });
});

describe('Arabic definite anaphora', () => {
  it('links «الدبلوماسي» back to «مصدر دبلوماسي» across another source', () => {
    const r = extract(
      'وقال مصدر دبلوماسي إن المفاوضات ستستأنف الأسبوع المقبل. وقالت وزارة الخارجية الإيرانية إن طهران لم تتسلم أي مقترح. وأكد الدبلوماسي أن الوسطاء يعملون على مسودة جديدة.',
    );
    const a = claimFor(r, 'المفاوضات ستستأنف الأسبوع المقبل');
    const b = claimFor(r, 'طهران لم تتسلم أي مقترح');
    const c = claimFor(r, 'الوسطاء يعملون على مسودة جديدة');
    expect(c.sources[0]!.id).toBe(a.sources[0]!.id);
    expect(c.sources[0]!.id).not.toBe(b.sources[0]!.id);
    const diplomat = sourceOf(r, c);
    expect(diplomat).toMatchObject({ name: 'unnamed diplomat', anonymous: true });
    expect(diplomat.mentions.map((m) => m.text)).toEqual(['مصدر دبلوماسي', 'الدبلوماسي']);
  });

  it('links «المصدر» back to «مصدر أمني»', () => {
    const r = extract(
      'وقال مصدر أمني إن المهاجمين فروا نحو الصحراء. وأوضح المصدر أن قوة خاصة تلاحقهم.',
    );
    const b = claimFor(r, 'قوة خاصة تلاحقهم');
    expect(b.cue).toBe('أوضح');
    expect(r.sources).toHaveLength(1);
    expect(sourceOf(r, b).anonymous).toBe(true);
    expect(sourceOf(r, b).mentions.map((m) => m.text)).toEqual(['مصدر أمني', 'المصدر']);
  });

  it('links «المسؤول» back to «مسؤول أمريكي» over an intervening military source', () => {
    const r = extract(
      'وقال مسؤول أمريكي إن الضربة استهدفت مخزناً للصواريخ. وأفاد مصدر عسكري عراقي بأن الانفجار سمع في أرجاء المدينة. وشدد المسؤول على أن واشنطن أبلغت بغداد مسبقاً.',
    );
    const a = claimFor(r, 'الضربة استهدفت مخزناً للصواريخ');
    const b = claimFor(r, 'الانفجار سمع في أرجاء المدينة');
    const c = claimFor(r, 'واشنطن أبلغت بغداد مسبقاً');
    expect(sourceOf(r, a)).toMatchObject({ name: 'US official', anonymous: true });
    expect(c.sources[0]!.id).toBe(a.sources[0]!.id);
    expect(b.sources[0]!.id).not.toBe(a.sources[0]!.id);
  });

  it('links «المصدر» to the source, not to an official who spoke in between', () => {
    const r = extract(
      'وقال مصدر مطلع إن الاتفاق بات جاهزاً. وقال وزير الخارجية القطري ناصر آل ثاني إن الدوحة تواصل الوساطة. وأضاف المصدر أن التوقيع سيجري في القاهرة.',
    );
    const a = claimFor(r, 'الاتفاق بات جاهزاً');
    const c = claimFor(r, 'التوقيع سيجري في القاهرة');
    expect(c.sources[0]!.id).toBe(a.sources[0]!.id);
    expect(sourceOf(r, c).anonymous).toBe(true);
  });

  it('links a bare surname «وأكد الكناني» to the full name given earlier', () => {
    const r = extract(
      'وقال وزير الخارجية العراقي فؤاد الكناني إن بغداد لن تنحاز لأي طرف. وقال السفير الأردني إن عمّان تؤيد الحياد. وأكد الكناني أن الحوار هو السبيل الوحيد.',
    );
    const a = claimFor(r, 'بغداد لن تنحاز لأي طرف');
    const c = claimFor(r, 'الحوار هو السبيل الوحيد');
    expect(c.sources[0]!.id).toBe(a.sources[0]!.id);
    expect(sourceOf(r, c).name).toBe('فؤاد الكناني');
  });

  it('links «الوزيرة» back to a named female minister', () => {
    const r = extract(
      'وقالت وزيرة الخارجية الأردنية هالة المجالي إن عمّان ستستضيف القمة. وأكدت الوزيرة أن الدعوات أرسلت.',
    );
    const a = claimFor(r, 'عمّان ستستضيف القمة');
    const b = claimFor(r, 'الدعوات أرسلت');
    expect(b.sources[0]!.id).toBe(a.sources[0]!.id);
    expect(r.sources).toHaveLength(1);
  });

  it('links «الوزارة» back to a gazetteer ministry', () => {
    const r = extract(
      'وقالت وزارة الدفاع التركية إن طائراتها قصفت مواقع في الشمال. وأوضحت الوزارة أن العملية ستستمر.',
    );
    const b = claimFor(r, 'العملية ستستمر');
    expect(sourceOf(r, b).name).toBe('Turkish Defence Ministry');
    expect(r.sources).toHaveLength(1);
  });

  it('keeps two different anonymous sources apart: «مصدر أمني» and «مصدر طبي»', () => {
    const r = extract(
      'وقال مصدر أمني إن الانفجار وقع قرب نقطة تفتيش. وقال مصدر طبي إن المستشفى استقبل سبعة جرحى.',
    );
    const a = claimFor(r, 'الانفجار وقع قرب نقطة تفتيش');
    const b = claimFor(r, 'المستشفى استقبل سبعة جرحى');
    expect(a.sources[0]!.id).not.toBe(b.sources[0]!.id);
    expect(r.sources).toHaveLength(2);
  });
});
