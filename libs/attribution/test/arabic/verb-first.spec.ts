import { extract } from '@claimtrail/attribution';
import { claimFor, sourceOf } from '../support/claims';

/** Verb-first frames «وقال X إن ...»: the commonest Arabic reporting order. */
describe('Arabic verb-first frames', () => {
  it('reads «وقال» + minister with title and name + «إن»', () => {
    const r = extract(
      'وقال وزير الخارجية العراقي فؤاد الكناني إن الحكومة لن تسمح بأي هجمات على البعثات الدبلوماسية.',
    );
    expect(r.claims).toHaveLength(1);
    const c = claimFor(r, 'الحكومة لن تسمح بأي هجمات على البعثات الدبلوماسية');
    expect(c.text).toBe('الحكومة لن تسمح بأي هجمات على البعثات الدبلوماسية');
    expect(c.type).toBe('indirect');
    expect(c.cue).toBe('قال');
    expect(c.via).toEqual([]);
    expect(sourceOf(r, c)).toMatchObject({
      name: 'فؤاد الكناني',
      kind: 'person',
      anonymous: false,
    });
  });

  it('reads the feminine verb «وقالت» with a female minister', () => {
    const r = extract(
      'وقالت وزيرة الصحة اللبنانية ريم العطار إن المستشفيات استقبلت 40 جريحاً منذ الصباح.',
    );
    const c = claimFor(r, 'المستشفيات استقبلت 40 جريحاً منذ الصباح');
    expect(c.text).toBe('المستشفيات استقبلت 40 جريحاً منذ الصباح');
    expect(c.cue).toBe('قالت');
    expect(sourceOf(r, c)).toMatchObject({ name: 'ريم العطار', kind: 'person', anonymous: false });
  });

  it('reads a plural described subject «مسؤولون أمريكيون» as anonymous US officials', () => {
    const r = extract('وقال مسؤولون أمريكيون إن القوات ستبقى في القاعدة حتى نهاية العام.');
    const c = claimFor(r, 'القوات ستبقى في القاعدة حتى نهاية العام');
    expect(c.text).toBe('القوات ستبقى في القاعدة حتى نهاية العام');
    expect(sourceOf(r, c)).toMatchObject({
      name: 'US officials',
      kind: 'official_group',
      anonymous: true,
    });
  });

  it('strips the «ف» prefix from the cue: «فأكد ... أن»', () => {
    const r = extract('فأكد رئيس البرلمان العراقي سامر الدليمي أن الجلسة ستعقد يوم الخميس المقبل.');
    const c = claimFor(r, 'الجلسة ستعقد يوم الخميس المقبل');
    expect(c.text).toBe('الجلسة ستعقد يوم الخميس المقبل');
    expect(c.cue).toBe('أكد');
    expect(sourceOf(r, c).name).toBe('سامر الدليمي');
  });

  it('reads «أوضح» with a spokesman «المتحدث باسم الحكومة الأردنية» and keeps the spokesman as source', () => {
    const r = extract(
      'وأوضح المتحدث باسم الحكومة الأردنية باسل العمري أن الحدود ستفتح أمام الشاحنات غداً.',
    );
    const c = claimFor(r, 'الحدود ستفتح أمام الشاحنات غداً');
    expect(c.cue).toBe('أوضح');
    expect(sourceOf(r, c)).toMatchObject({ name: 'باسل العمري', kind: 'person' });
    // The government he speaks for is not a second source of the claim.
    expect(c.sources).toHaveLength(1);
  });

  it('reads «المتحدثة باسم الوزارة» + name and names the spokeswoman only', () => {
    const r = extract(
      'وقالت المتحدثة باسم الوزارة سلمى الحداد إن الاجتماع سيعقد الأسبوع المقبل في عمّان.',
    );
    const c = claimFor(r, 'الاجتماع سيعقد الأسبوع المقبل في عمّان');
    expect(sourceOf(r, c)).toMatchObject({ name: 'سلمى الحداد', kind: 'person', anonymous: false });
  });

  it('names a person without the rank before the name «قائد الشرطة العميد سليم الجبوري»', () => {
    const r = extract(
      'وحذر قائد الشرطة العميد سليم الجبوري من أن العصابات تستغل الفوضى لتهريب السلاح.',
    );
    const c = claimFor(r, 'العصابات تستغل الفوضى لتهريب السلاح');
    expect(c.text).toBe('العصابات تستغل الفوضى لتهريب السلاح');
    expect(c.cue).toBe('حذر');
    expect(sourceOf(r, c).name).toBe('سليم الجبوري');
  });

  it('names a person without the rank «اللواء» after a spokesman title, cue «نفى»', () => {
    const r = extract(
      'ونفى المتحدث باسم الجيش العراقي اللواء حازم الشمري أن تكون القوات قد قصفت مناطق سكنية.',
    );
    const c = claimFor(r, 'قصفت مناطق سكنية');
    expect(c.cue).toBe('نفى');
    expect(sourceOf(r, c)).toMatchObject({ name: 'حازم الشمري', kind: 'person' });
  });

  it('reads a gazetteer ministry «وزارة الخارجية الإيرانية» with its English name', () => {
    const r = extract('وقالت وزارة الخارجية الإيرانية إن طهران لم تتلق أي رسالة من واشنطن.');
    const c = claimFor(r, 'طهران لم تتلق أي رسالة من واشنطن');
    expect(c.text).toBe('طهران لم تتلق أي رسالة من واشنطن');
    expect(sourceOf(r, c)).toMatchObject({
      name: 'Iranian Foreign Ministry',
      kind: 'government',
      anonymous: false,
    });
    // Tehran and Washington inside the content are not sources.
    expect(r.sources).toHaveLength(1);
  });

  it('reads «أعلنت الأمم المتحدة أن» as the United Nations, an organisation', () => {
    const r = extract('وأعلنت الأمم المتحدة أن قافلة مساعدات دخلت المدينة صباح اليوم.');
    const c = claimFor(r, 'قافلة مساعدات دخلت المدينة صباح اليوم');
    expect(c.cue).toBe('أعلنت');
    expect(sourceOf(r, c)).toMatchObject({
      name: 'United Nations',
      kind: 'organization',
      anonymous: false,
    });
  });

  it('reads «ذكرت وكالة رويترز أن» with the agency as the (first-hand) source', () => {
    const r = extract('وذكرت وكالة رويترز أن ناقلة نفط تعرضت لهجوم قبالة السواحل اليمنية.');
    const c = claimFor(r, 'ناقلة نفط تعرضت لهجوم قبالة السواحل اليمنية');
    expect(c.cue).toBe('ذكرت');
    expect(c.via).toEqual([]);
    expect(sourceOf(r, c)).toMatchObject({ name: 'Reuters', kind: 'agency', anonymous: false });
  });

  it('skips «في بيان» between a gazetteer ministry and «إن»', () => {
    const r = extract('وقالت وزارة الخارجية القطرية في بيان إن الدوحة مستعدة لاستضافة جولة جديدة.');
    expect(r.claims).toHaveLength(1);
    const c = claimFor(r, 'الدوحة مستعدة لاستضافة جولة جديدة');
    expect(c.text).toBe('الدوحة مستعدة لاستضافة جولة جديدة');
    expect(sourceOf(r, c)).toMatchObject({ name: 'Qatari Foreign Ministry', kind: 'government' });
    expect(r.sources).toHaveLength(1);
  });

  it('reads the present tense «ويقول» with an expert', () => {
    const r = extract(
      'ويقول الخبير الاقتصادي ماهر السعدي إن أسعار الوقود سترتفع بنسبة عشرة في المئة.',
    );
    const c = claimFor(r, 'أسعار الوقود سترتفع بنسبة عشرة في المئة');
    expect(c.cue).toBe('يقول');
    expect(sourceOf(r, c).name).toBe('ماهر السعدي');
  });

  it('skips a prepositional phrase between the source and «إن»', () => {
    const r = extract(
      'وقال الوزير خالد النعيمي في مؤتمر صحافي عقده في بغداد إن الحكومة ستدفع رواتب الموظفين الأسبوع المقبل.',
    );
    expect(r.claims).toHaveLength(1);
    const c = claimFor(r, 'الحكومة ستدفع رواتب الموظفين الأسبوع المقبل');
    expect(c.text).toBe('الحكومة ستدفع رواتب الموظفين الأسبوع المقبل');
    expect(sourceOf(r, c).name).toBe('خالد النعيمي');
  });

  it('reads «شدد على أن», «صرح بأن» and «لفتت إلى أن» with their prepositions', () => {
    const r = extract(
      [
        'وشدد الرئيس اللبناني نبيل حداد على أن الجيش وحده يملك قرار الحرب والسلم.',
        'وصرح النائب كريم الموسوي بأن البرلمان سيستجوب وزير المالية الشهر المقبل.',
        'ولفتت الناشطة الحقوقية هدى الزين إلى أن السجون مكتظة بالموقوفين.',
      ].join('\n'),
    );
    expect(r.claims).toHaveLength(3);
    const a = claimFor(r, 'الجيش وحده يملك قرار الحرب والسلم');
    const b = claimFor(r, 'البرلمان سيستجوب وزير المالية الشهر المقبل');
    const c = claimFor(r, 'السجون مكتظة بالموقوفين');
    expect([a.text, b.text, c.text]).toEqual([
      'الجيش وحده يملك قرار الحرب والسلم',
      'البرلمان سيستجوب وزير المالية الشهر المقبل',
      'السجون مكتظة بالموقوفين',
    ]);
    expect([a.cue, b.cue, c.cue]).toEqual(['شدد', 'صرح', 'لفتت']);
    expect([a, b, c].map((x) => sourceOf(r, x).name)).toEqual([
      'نبيل حداد',
      'كريم الموسوي',
      'هدى الزين',
    ]);
    expect(new Set([a, b, c].map((x) => x.sources[0]!.id)).size).toBe(3);
  });

  it('reads «كشف أن» and «اعتبر أن» as speech when a complementiser follows', () => {
    const r = extract(
      [
        'وكشف وزير النفط العراقي حيدر الساعدي أن الصادرات بلغت 3.4 ملايين برميل يومياً.',
        'واعتبر المحلل السياسي رامي الخطيب أن الاتفاق يمنح الطرفين فرصة لالتقاط الأنفاس.',
      ].join('\n'),
    );
    const a = claimFor(r, 'الصادرات بلغت 3.4 ملايين برميل يومياً');
    const b = claimFor(r, 'الاتفاق يمنح الطرفين فرصة لالتقاط الأنفاس');
    expect(a.cue).toBe('كشف');
    expect(b.cue).toBe('اعتبر');
    expect(sourceOf(r, a).name).toBe('حيدر الساعدي');
    expect(sourceOf(r, b).name).toBe('رامي الخطيب');
  });

  it('reads a colon and a direct quote after the speaker «وقال الوزير الكناني: "..."»', () => {
    const r = extract('وقال الوزير الكناني: "لن نسمح بتحويل العراق إلى ساحة لتصفية الحسابات".');
    const c = claimFor(r, 'لن نسمح بتحويل العراق إلى ساحة لتصفية الحسابات');
    expect(c.text).toBe('لن نسمح بتحويل العراق إلى ساحة لتصفية الحسابات');
    expect(c.type).toBe('direct_quote');
    expect(c.cue).toBe('قال');
    // A title and a surname: the surname is the person's name, not the title.
    expect(sourceOf(r, c)).toMatchObject({ name: 'الكناني', kind: 'person', anonymous: false });
  });

  it('does not take the addressee «للصحافيين» as a source or relay', () => {
    const r = extract(
      'وقال وزير الخارجية العراقي فؤاد الكناني للصحافيين إن بلاده ترفض أي اعتداء على دول الجوار.',
    );
    const c = claimFor(r, 'بلاده ترفض أي اعتداء على دول الجوار');
    expect(c.via).toEqual([]);
    expect(r.sources.map((s) => s.name)).toEqual(['فؤاد الكناني']);
  });
});
