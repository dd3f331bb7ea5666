import { extract } from '@claimtrail/attribution';
import { claimFor, sourceOf } from '../support/claims';

/**
 * Anonymity: «مصدر / مصادر + adjective», «طلب عدم الكشف عن اسمه» and its variants make a
 * source anonymous with a descriptive English name; named sources are not anonymous.
 */
describe('Arabic anonymous sources', () => {
  it('names «مصدر دبلوماسي» "unnamed diplomat"', () => {
    const r = extract('وقال مصدر دبلوماسي إن السفير سيعود إلى مكتبه الأسبوع المقبل.');
    const c = claimFor(r, 'السفير سيعود إلى مكتبه الأسبوع المقبل');
    expect(sourceOf(r, c)).toMatchObject({
      name: 'unnamed diplomat',
      kind: 'person',
      anonymous: true,
    });
  });

  it('names «مصادر عسكرية» "military sources", a person group', () => {
    const r = extract('وقالت مصادر عسكرية إن التعزيزات وصلت إلى الحدود.');
    const c = claimFor(r, 'التعزيزات وصلت إلى الحدود');
    expect(c.cue).toBe('قالت');
    expect(sourceOf(r, c)).toMatchObject({
      name: 'military sources',
      kind: 'person_group',
      anonymous: true,
    });
  });

  it('names «مصادر دبلوماسية» "diplomatic sources"', () => {
    const r = extract('وقالت مصادر دبلوماسية إن السفير استدعي إلى الخارجية.');
    const c = claimFor(r, 'السفير استدعي إلى الخارجية');
    expect(sourceOf(r, c)).toMatchObject({ name: 'diplomatic sources', anonymous: true });
  });

  it('names «مصدر عسكري» as a military source, not as "the military"', () => {
    const r = extract('وقال مصدر عسكري إن الطائرة سقطت لأسباب فنية.');
    const c = claimFor(r, 'الطائرة سقطت لأسباب فنية');
    const s = sourceOf(r, c);
    expect(s.anonymous).toBe(true);
    expect(s.name).toMatch(/military source/);
  });

  it('reads «مصدر مطلع» and «مصدر مقرب من ...» as anonymous sources', () => {
    const r = extract(
      'وقال مصدر مطلع إن الحكومة ستعلن التعديل الأسبوع المقبل. وقال مصدر مقرب من رئيس الوزراء إن الاستقالة غير مطروحة.',
    );
    const a = sourceOf(r, claimFor(r, 'الحكومة ستعلن التعديل الأسبوع المقبل'));
    const b = sourceOf(r, claimFor(r, 'الاستقالة غير مطروحة'));
    expect(a.anonymous).toBe(true);
    expect(b.anonymous).toBe(true);
    expect(a.name).toMatch(/source/);
    expect(b.name).toMatch(/source/);
    expect(a.id).not.toBe(b.id);
  });

  it('reads «طلب عدم الكشف عن اسمه» between commas and keeps it out of the claim', () => {
    const r = extract(
      'وقال مسؤول في وزارة النفط العراقية، طلب عدم الكشف عن اسمه، إن الشحنات ستستأنف الأحد.',
    );
    expect(r.claims).toHaveLength(1);
    const c = claimFor(r, 'الشحنات ستستأنف الأحد');
    expect(c.text).toBe('الشحنات ستستأنف الأحد');
    expect(sourceOf(r, c).anonymous).toBe(true);
    expect(sourceOf(r, c).name).toMatch(/official/);
  });

  it('reads «فضّل عدم ذكر اسمه» after a Western diplomat', () => {
    const r = extract('وقال دبلوماسي غربي فضّل عدم ذكر اسمه إن السفارة ستغلق مؤقتاً.');
    const c = claimFor(r, 'السفارة ستغلق مؤقتاً');
    expect(c.text).toBe('السفارة ستغلق مؤقتاً');
    expect(c.type).toBe('indirect');
    expect(sourceOf(r, c)).toMatchObject({ name: 'Western diplomat', anonymous: true });
  });

  it('reads «اشترط عدم الكشف عن هويته» after an officer', () => {
    const r = extract(
      'وقال ضابط في الجيش العراقي اشترط عدم الكشف عن هويته إن الهجوم نفذ بطائرتين مسيرتين.',
    );
    const c = claimFor(r, 'الهجوم نفذ بطائرتين مسيرتين');
    expect(c.text).toBe('الهجوم نفذ بطائرتين مسيرتين');
    expect(sourceOf(r, c)).toMatchObject({ kind: 'person', anonymous: true });
    // The army he serves in does not speak here.
    expect(c.sources).toHaveLength(1);
  });

  it('reads «لم يرغب في الكشف عن اسمه» as anonymous', () => {
    const r = extract('وقال موظف في المطار لم يرغب في الكشف عن اسمه إن الرحلات ألغيت.');
    const c = claimFor(r, 'الرحلات ألغيت');
    expect(c.text).toBe('الرحلات ألغيت');
    expect(sourceOf(r, c).anonymous).toBe(true);
  });

  it('reads the feminine «طلبت عدم نشر اسمها» as anonymous and keeps it out of the name', () => {
    const r = extract(
      'وقالت مسؤولة في الأمم المتحدة طلبت عدم نشر اسمها إن المخيمات تفتقر إلى المياه.',
    );
    const c = claimFor(r, 'المخيمات تفتقر إلى المياه');
    const s = sourceOf(r, c);
    expect(s.anonymous).toBe(true);
    expect(s.name).not.toMatch(/طلبت|اسمها/);
    expect(s.name).toMatch(/official/);
  });

  it('reads «رفض الكشف عن اسمه» and «طلب عدم تعريفه» as anonymous', () => {
    const r = extract(
      'وقال مسؤول أمني رفض الكشف عن اسمه إن خلية نائمة اعتقلت في الموصل. وقال موظف حكومي طلب عدم تعريفه إن الرواتب تأخرت.',
    );
    expect(sourceOf(r, claimFor(r, 'خلية نائمة اعتقلت في الموصل')).anonymous).toBe(true);
    expect(sourceOf(r, claimFor(r, 'الرواتب تأخرت')).anonymous).toBe(true);
  });

  it('reads «مسؤول رفيع» as a senior official, anonymous', () => {
    const r = extract('وقال مسؤول رفيع في الخارجية الأمريكية إن واشنطن ستفرض عقوبات جديدة.');
    const c = claimFor(r, 'واشنطن ستفرض عقوبات جديدة');
    expect(sourceOf(r, c).anonymous).toBe(true);
    expect(sourceOf(r, c).name).toMatch(/^senior .*official$/);
  });

  it('reads «شهود عيان» as anonymous witnesses', () => {
    const r = extract('وقال شهود عيان إن الدخان تصاعد من المصفاة طوال الليل.');
    const c = claimFor(r, 'الدخان تصاعد من المصفاة طوال الليل');
    expect(sourceOf(r, c)).toMatchObject({ name: 'witnesses', anonymous: true });
  });

  it('marks named people, governments and agencies as not anonymous', () => {
    const r = extract(
      'وقال وزير الصحة العراقي نزار الحيدري إن اللقاحات وصلت. وأكدت الحكومة الكويتية أنها أرسلت طائرة مساعدات. وذكرت وكالة الأناضول أن الحدود فتحت.',
    );
    expect(r.sources.map((s) => s.anonymous)).toEqual([false, false, false]);
    expect(r.sources.map((s) => s.name)).toEqual(['نزار الحيدري', 'Kuwait', 'Anadolu Agency']);
  });
});
