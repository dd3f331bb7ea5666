import { extract } from '@claimtrail/attribution';
import { claimFor, sourceOf, texts } from '../support/claims';

/** Direct, indirect and mixed quotes, and «» that are names or scare quotes, not quotes. */
describe('Arabic direct quotes', () => {
  it('reads a «» quote after «قال X:» and strips the guillemets', () => {
    const r = extract('وقال وزير الدفاع العراقي عمار الحسني: «قواتنا مستعدة للرد على أي اعتداء».');
    expect(r.claims).toHaveLength(1);
    const c = claimFor(r, 'قواتنا مستعدة للرد على أي اعتداء');
    expect(c.text).toBe('قواتنا مستعدة للرد على أي اعتداء');
    expect(c.type).toBe('direct_quote');
    expect(c.cue).toBe('قال');
    expect(sourceOf(r, c).name).toBe('عمار الحسني');
  });

  it('reads a “ ” quote after «قالت» + a described ambassador', () => {
    const r = extract('وقالت السفيرة البريطانية: “نحن قلقون من تدهور الوضع الإنساني”.');
    const c = claimFor(r, 'نحن قلقون من تدهور الوضع الإنساني');
    expect(c.text).toBe('نحن قلقون من تدهور الوضع الإنساني');
    expect(c.type).toBe('direct_quote');
    expect(sourceOf(r, c)).toMatchObject({ name: 'UK ambassador', kind: 'person' });
  });

  it('leaves out a complementiser just inside the opening quotation mark «"إن ..."»', () => {
    const r = extract('وقال المحافظ سعد الراوي: "إن الحكومة المحلية لن تقف مكتوفة الأيدي".');
    const c = claimFor(r, 'الحكومة المحلية لن تقف مكتوفة الأيدي');
    expect(c.text).toBe('الحكومة المحلية لن تقف مكتوفة الأيدي');
    expect(c.type).toBe('direct_quote');
  });

  it('gives one claim per sentence of a long quote by one speaker', () => {
    const r = extract(
      'وقال رئيس الوزراء العراقي مازن العبيدي: "سنعيد بناء الجسر خلال ستة أشهر. وسنعوض أصحاب المحلات المتضررة".',
    );
    expect(texts(r)).toEqual(['سنعيد بناء الجسر خلال ستة أشهر', 'وسنعوض أصحاب المحلات المتضررة']);
    expect(r.claims.map((c) => c.type)).toEqual(['direct_quote', 'direct_quote']);
    expect(new Set(r.claims.map((c) => c.sources[0]?.id)).size).toBe(1);
    expect(sourceOf(r, r.claims[1]!).name).toBe('مازن العبيدي');
  });

  it('gives the same speaker to a quote that runs over three sentences', () => {
    const r = extract(
      'وقالت الوزيرة هالة المجالي: «المساعدات وصلت. الطرق مفتوحة. لا نقص في الأدوية».',
    );
    expect(texts(r)).toEqual(['المساعدات وصلت', 'الطرق مفتوحة', 'لا نقص في الأدوية']);
    expect(r.claims.every((c) => c.type === 'direct_quote')).toBe(true);
    expect(r.claims.every((c) => c.sources[0]?.name === 'هالة المجالي')).toBe(true);
  });
});

describe('Arabic indirect and mixed quotes', () => {
  it('types plain reported speech as indirect', () => {
    const r = extract('وأكد وزير المالية العراقي سالم الجبوري أن الرواتب ستصرف يوم الأحد.');
    const c = claimFor(r, 'الرواتب ستصرف يوم الأحد');
    expect(c.type).toBe('indirect');
  });

  it('types «إن X "quoted words"» as mixed and keeps the inner quotation marks', () => {
    const r = extract(
      'وقال المتحدث باسم الحكومة العراقية باسل العمري إن الهجوم "يهدد الاستقرار في المنطقة بأسرها".',
    );
    const c = claimFor(r, 'يهدد الاستقرار في المنطقة بأسرها');
    expect(c.text).toBe('الهجوم "يهدد الاستقرار في المنطقة بأسرها"');
    expect(c.type).toBe('mixed');
    expect(sourceOf(r, c).name).toBe('باسل العمري');
  });

  it('types a mixed quote with guillemets as mixed', () => {
    const r = extract(
      'وأكد مصدر أمني أن المهاجمين «استغلوا الضباب الكثيف» للتسلل إلى محيط القاعدة.',
    );
    const c = claimFor(r, 'استغلوا الضباب الكثيف');
    expect(c.text).toBe('المهاجمين «استغلوا الضباب الكثيف» للتسلل إلى محيط القاعدة');
    expect(c.type).toBe('mixed');
  });

  it('splits two clauses under one cue «إن X، وإنها Y» into two claims with the same cue', () => {
    const r = extract(
      'وقال مسؤول عراقي إن بغداد ستطلب توضيحات عاجلة من واشنطن، وإنها ستستدعي السفير.',
    );
    expect(texts(r)).toEqual(['بغداد ستطلب توضيحات عاجلة من واشنطن', 'ستستدعي السفير']);
    expect(r.claims.map((c) => c.cue)).toEqual(['قال', 'قال']);
    expect(r.claims[1]!.sources[0]!.id).toBe(r.claims[0]!.sources[0]!.id);
  });
});

describe('Arabic «» that are not quotes', () => {
  it('keeps a sentence with a «»-quoted group name in the outlet voice', () => {
    const r = extract('وسيطر تنظيم «داعش» على القرية عام 2014.');
    expect(r.claims).toHaveLength(1);
    const c = r.claims[0]!;
    expect(c.text).toBe('وسيطر تنظيم «داعش» على القرية عام 2014');
    expect(c.type).toBe('unattributed');
    expect(c.sources).toEqual([]);
    expect(r.sources).toEqual([]);
  });

  it('keeps a scare-quoted phrase in the outlet voice', () => {
    const r = extract('وشهدت المدينة ما يشبه «حظر تجول» غير معلن منذ يومين.');
    expect(texts(r)).toEqual(['وشهدت المدينة ما يشبه «حظر تجول» غير معلن منذ يومين']);
    expect(r.claims[0]!.type).toBe('unattributed');
  });

  it('types reported speech with a «»-quoted name inside as indirect, not mixed', () => {
    const r = extract('وقال مسؤول فلسطيني إن حركة «حماس» وافقت على المقترح المصري.');
    const c = claimFor(r, 'وافقت على المقترح المصري');
    expect(c.text).toBe('حركة «حماس» وافقت على المقترح المصري');
    expect(c.type).toBe('indirect');
    expect(sourceOf(r, c)).toMatchObject({ name: 'Palestinian official', anonymous: true });
  });

  it('does not take a «»-quoted newspaper name as a quotation', () => {
    const r = extract('وتصدر صحيفة «الصباح الجديد» في بغداد منذ عام 2004.');
    expect(texts(r)).toEqual(['وتصدر صحيفة «الصباح الجديد» في بغداد منذ عام 2004']);
    expect(r.claims[0]!.type).toBe('unattributed');
    expect(r.claims[0]!.sources).toEqual([]);
  });
});
