import { extract } from '@claimtrail/attribution';
import { claimFor, hasClaim, sourceOf, texts } from '../support/claims';

/**
 * The outlet's own voice: one unattributed claim per sentence, long sentences split at
 * «فيما / بينما / في حين», headlines kept, bylines and datelines dropped.
 */
describe('Arabic outlet voice', () => {
  it('gives one unattributed claim per sentence with sources [] and cue null', () => {
    const r = extract(
      'تعرضت قاعدة عسكرية في الأنبار لهجوم صاروخي ليل الاثنين. واندلع حريق في مخزن للوقود داخل القاعدة. وأغلقت القوات الطرق المؤدية إليها.',
    );
    expect(texts(r)).toEqual([
      'تعرضت قاعدة عسكرية في الأنبار لهجوم صاروخي ليل الاثنين',
      'واندلع حريق في مخزن للوقود داخل القاعدة',
      'وأغلقت القوات الطرق المؤدية إليها',
    ]);
    for (const c of r.claims) {
      expect(c.type).toBe('unattributed');
      expect(c.cue).toBeNull();
      expect(c.sources).toEqual([]);
      expect(c.via).toEqual([]);
    }
    expect(r.claims.map((c) => c.sentence)).toEqual([0, 1, 2]);
  });

  it('keeps the headline as an unattributed claim', () => {
    const r = extract(
      'هجوم صاروخي يستهدف قاعدة عسكرية غرب العراق\nتعرضت قاعدة عسكرية في الأنبار لهجوم صاروخي ليل الاثنين.',
    );
    expect(texts(r)).toEqual([
      'هجوم صاروخي يستهدف قاعدة عسكرية غرب العراق',
      'تعرضت قاعدة عسكرية في الأنبار لهجوم صاروخي ليل الاثنين',
    ]);
    expect(r.claims[0]).toMatchObject({ type: 'unattributed', sources: [], sentence: 0 });
  });

  it('attributes a headline «X: ...» to X with the cue «:»', () => {
    const r = extract(
      'الأمم المتحدة: المساعدات لا تكفي نصف السكان\nوقالت المنظمة إن القوافل تنتظر عند المعبر منذ أسبوع.',
    );
    const h = claimFor(r, 'المساعدات لا تكفي نصف السكان');
    expect(h.text).toBe('المساعدات لا تكفي نصف السكان');
    expect(h.cue).toBe(':');
    expect(sourceOf(r, h).name).toBe('United Nations');
    // «المنظمة» in the body refers back to the organisation of the headline.
    const b = claimFor(r, 'القوافل تنتظر عند المعبر منذ أسبوع');
    expect(b.sources[0]!.id).toBe(h.sources[0]!.id);
  });

  it('links a quoted headline label to the body source, stray marks after it or not', () => {
    // found by the property tests: a harakah typed after «الصحة» kept the label apart
    for (const label of ['«الصحة»', '«الصحة»\u064e', '«الصحة»\u0640\u200f']) {
      const r = extract(
        `${label}: انفراج قريب في أزمة نقص الأدوية\nأكدت وزارة الصحة أن الشحنات ستصل خلال أيام.`,
      );
      const h = claimFor(r, 'انفراج قريب في أزمة نقص الأدوية');
      expect(h.cue).toBe(':');
      expect(sourceOf(r, h).name).toBe('وزارة الصحة');
      expect(h.sources[0]!.mention).toBe('الصحة');
    }
  });

  it('names no one for a headline whose «speaker» is empty quotation marks', () => {
    // found by the property tests: «»: before the colon once became a source with no name
    for (const headline of [
      '«»: انفراج قريب في أزمة نقص الأدوية',
      '"": انفراج قريب في أزمة نقص الأدوية',
    ]) {
      const r = extract(`${headline}\nوصلت الشحنة الأولى إلى المستودعات المركزية أمس.`);
      expect(r.sources.every((s) => s.name.length > 0 && s.mentions.length > 0)).toBe(true);
      expect(r.claims.every((c) => c.sources.every((ref) => ref.mention.length > 0))).toBe(true);
      expect(hasClaim(r, 'انفراج قريب في أزمة نقص الأدوية')).toBe(true);
    }
  });

  it('drops a byline «بيروت: نادر الخوري»', () => {
    const r = extract(
      'تعديل وزاري مرتقب في بغداد\nبيروت: نادر الخوري\nوصل الوفد الأمريكي إلى بيروت مساء أمس. والتقى الوفد رئيس الحكومة في السراي.',
    );
    expect(texts(r)).toEqual([
      'تعديل وزاري مرتقب في بغداد',
      'وصل الوفد الأمريكي إلى بيروت مساء أمس',
      'والتقى الوفد رئيس الحكومة في السراي',
    ]);
    expect(r.sources).toEqual([]);
  });

  it('drops a dateline line «بيروت - أ ف ب» after the headline', () => {
    const r = extract(
      'غارات على الجنوب اللبناني\nبيروت - أ ف ب\nقتل شخصان في غارة على الجنوب. وتواصل القصف على القرى الحدودية طوال الليل.',
    );
    expect(texts(r)).toEqual([
      'غارات على الجنوب اللبناني',
      'قتل شخصان في غارة على الجنوب',
      'وتواصل القصف على القرى الحدودية طوال الليل',
    ]);
  });

  it('drops a dateline on the first line of an article without a headline', () => {
    const r = extract(
      'بيروت - أ ف ب\nقتل شخصان في غارة على الجنوب. وتواصل القصف على القرى الحدودية.',
    );
    expect(hasClaim(r, 'أ ف ب')).toBe(false);
    expect(texts(r)).toEqual(['قتل شخصان في غارة على الجنوب', 'وتواصل القصف على القرى الحدودية']);
  });

  it('drops an inline dateline prefix «بيروت - أ ف ب:» and does not relay through the publisher', () => {
    const r = extract(
      'غارات على الجنوب اللبناني\nبيروت - أ ف ب: قتل شخصان في غارة على الجنوب. وقال مسؤول لوكالة فرانس برس إن الغارة استهدفت منزلاً.',
    );
    expect(claimFor(r, 'قتل شخصان في غارة على الجنوب').text).toBe('قتل شخصان في غارة على الجنوب');
    expect(claimFor(r, 'الغارة استهدفت منزلاً').via).toEqual([]);
  });

  it('does not make a question a claim', () => {
    const r = extract('هل تصمد الهدنة؟ يبدو أن الطرفين يلتزمان بها حتى الآن.');
    expect(texts(r)).toEqual(['يبدو أن الطرفين يلتزمان بها حتى الآن']);
  });

  it('keeps a gloss «في إشارة إلى» in the outlet voice', () => {
    const r = extract('ونشر الوزير صورة للقاعدة المدمرة، في إشارة إلى حجم الأضرار.');
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]).toMatchObject({ type: 'unattributed', cue: null, sources: [] });
  });
});

describe('Arabic clause splitting', () => {
  it('splits a long sentence at «، فيما»', () => {
    const r = extract(
      'ارتفعت أسعار الوقود بنسبة 20 في المئة الشهر الماضي، فيما تراجعت قيمة العملة المحلية إلى أدنى مستوى لها.',
    );
    expect(r.claims).toHaveLength(2);
    expect(r.claims[0]!.text).toBe('ارتفعت أسعار الوقود بنسبة 20 في المئة الشهر الماضي');
    expect(r.claims[1]!.text).toContain('تراجعت قيمة العملة المحلية إلى أدنى مستوى لها');
    expect(r.claims.every((c) => c.type === 'unattributed')).toBe(true);
    // Both clauses come from the same sentence.
    expect(r.claims[0]!.sentence).toBe(r.claims[1]!.sentence);
  });

  it('splits at «، بينما»', () => {
    const r = extract(
      'واستأنفت المدارس الدراسة في المدينة، بينما بقيت الجامعات مغلقة بسبب الأضرار.',
    );
    expect(r.claims).toHaveLength(2);
    expect(r.claims[0]!.text).toBe('واستأنفت المدارس الدراسة في المدينة');
    expect(r.claims[1]!.text).toContain('بقيت الجامعات مغلقة بسبب الأضرار');
  });

  it('splits at «، في حين»', () => {
    const r = extract('وسجلت المحافظة 120 إصابة جديدة، في حين لم تسجل أي وفيات.');
    expect(r.claims).toHaveLength(2);
    expect(r.claims[0]!.text).toBe('وسجلت المحافظة 120 إصابة جديدة');
    expect(r.claims[1]!.text).toContain('لم تسجل أي وفيات');
  });

  it('splits off the attributed part of a sentence «...، وقال الجيش إن ...»', () => {
    const r = extract(
      'وتعرضت القاعدة لهجوم صاروخي ليلة الاثنين، وقال الجيش العراقي إن الدفاعات الجوية اعترضت صاروخين.',
    );
    expect(texts(r)).toEqual([
      'وتعرضت القاعدة لهجوم صاروخي ليلة الاثنين',
      'الدفاعات الجوية اعترضت صاروخين',
    ]);
    expect(r.claims[0]!.sources).toEqual([]);
    expect(sourceOf(r, r.claims[1]!).name).toBe('Iraqi army');
  });

  it('splits where a sentence goes on after a quote with the outlet’s own facts', () => {
    const r = extract(
      'وقال وزير الخارجية العراقي فؤاد الكناني: "لن نسمح بتكرار الهجوم"، ووصل بعد ذلك إلى أربيل في زيارة تستغرق يومين.',
    );
    expect(texts(r)).toEqual([
      'لن نسمح بتكرار الهجوم',
      'ووصل بعد ذلك إلى أربيل في زيارة تستغرق يومين',
    ]);
    expect(r.claims.map((c) => c.type)).toEqual(['direct_quote', 'unattributed']);
  });

  it('splits at «فيما» and attributes a cue that follows it', () => {
    const r = extract(
      'وتواصلت الاشتباكات في أطراف المدينة، فيما قال مسؤول محلي إن العائلات بدأت تغادر الأحياء الشرقية.',
    );
    expect(r.claims).toHaveLength(2);
    expect(r.claims[0]!.text).toBe('وتواصلت الاشتباكات في أطراف المدينة');
    const c = claimFor(r, 'العائلات بدأت تغادر الأحياء الشرقية');
    expect(c.text).toBe('العائلات بدأت تغادر الأحياء الشرقية');
    expect(sourceOf(r, c)).toMatchObject({ name: 'local official', anonymous: true });
  });

  it('splits at the Arabic semicolon «؛»', () => {
    const r = extract('وارتفع عدد النازحين إلى 40 ألفاً؛ وتكدست العائلات في المدارس والمساجد.');
    expect(texts(r)).toEqual([
      'وارتفع عدد النازحين إلى 40 ألفاً',
      'وتكدست العائلات في المدارس والمساجد',
    ]);
  });
});
