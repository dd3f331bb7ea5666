import { extract } from '@claimtrail/attribution';
import { claimFor, sourceOf } from '../support/claims';

/** Subject-first frames «بغداد أكدت أنها ...», «X، الذي ...، قال ...». */
describe('Arabic subject-first frames', () => {
  it('reads a capital before its verb and drops the complementiser with its pronoun «أنها»', () => {
    const r = extract('بغداد أكدت أنها تلقت ضمانات بعدم تكرار الهجوم على المطار.');
    expect(r.claims).toHaveLength(1);
    const c = claimFor(r, 'تلقت ضمانات بعدم تكرار الهجوم على المطار');
    expect(c.text).toBe('تلقت ضمانات بعدم تكرار الهجوم على المطار');
    expect(c.type).toBe('indirect');
    expect(c.cue).toBe('أكدت');
    expect(sourceOf(r, c)).toMatchObject({ name: 'Baghdad', kind: 'government', anonymous: false });
  });

  it('reads a titled named person before «قال»', () => {
    const r = extract('الرئيس اللبناني نبيل حداد قال إن الانتخابات ستجري في موعدها.');
    const c = claimFor(r, 'الانتخابات ستجري في موعدها');
    expect(c.text).toBe('الانتخابات ستجري في موعدها');
    expect(c.cue).toBe('قال');
    expect(sourceOf(r, c)).toMatchObject({ name: 'نبيل حداد', kind: 'person' });
  });

  it('reads a gazetteer ministry before the feminine «أعلنت»', () => {
    const r = extract('وزارة الدفاع الروسية أعلنت أن قواتها أسقطت ثماني طائرات مسيرة فوق القرم.');
    const c = claimFor(r, 'قواتها أسقطت ثماني طائرات مسيرة فوق القرم');
    expect(c.text).toBe('قواتها أسقطت ثماني طائرات مسيرة فوق القرم');
    expect(sourceOf(r, c)).toMatchObject({ name: 'Russian Defence Ministry', kind: 'government' });
  });

  it('skips a relative clause between the subject and the verb «X، الذي ...، قال»', () => {
    const r = extract(
      'وزير الخارجية العراقي فؤاد الكناني، الذي وصل إلى عمّان أمس، قال إن المحادثات تناولت ملف المياه.',
    );
    const c = claimFor(r, 'المحادثات تناولت ملف المياه');
    expect(c.text).toBe('المحادثات تناولت ملف المياه');
    expect(sourceOf(r, c).name).toBe('فؤاد الكناني');
  });

  it('reads «واشنطن من جهتها حذرت من أن» with a parenthetical between subject and verb', () => {
    const r = extract('واشنطن من جهتها حذرت من أن العقوبات ستشمل شركات الشحن.');
    const c = claimFor(r, 'العقوبات ستشمل شركات الشحن');
    expect(c.text).toBe('العقوبات ستشمل شركات الشحن');
    expect(c.cue).toBe('حذرت');
    expect(sourceOf(r, c)).toMatchObject({ name: 'Washington', kind: 'government' });
  });

  it('reads an organisation before «قالت»', () => {
    const r = extract('الأمم المتحدة قالت إن نصف السكان يعانون من نقص الغذاء.');
    const c = claimFor(r, 'نصف السكان يعانون من نقص الغذاء');
    expect(sourceOf(r, c)).toMatchObject({ name: 'United Nations', kind: 'organization' });
  });

  it('reads a female spokesperson with a named body in her title', () => {
    const r = extract(
      'المتحدثة باسم البيت الأبيض ليندا مور قالت إن الرئيس سيزور المنطقة الشهر المقبل.',
    );
    const c = claimFor(r, 'الرئيس سيزور المنطقة الشهر المقبل');
    expect(sourceOf(r, c)).toMatchObject({ name: 'ليندا مور', kind: 'person' });
    // The White House in her title does not speak here.
    expect(r.sources).toHaveLength(1);
  });

  it('reads «والحكومة العراقية أكدت بدورها أنها» as the Iraqi government', () => {
    const r = extract(
      'والحكومة العراقية أكدت بدورها أنها لن تسمح باستخدام أراضيها لمهاجمة الجيران.',
    );
    const c = claimFor(r, 'لن تسمح باستخدام أراضيها لمهاجمة الجيران');
    expect(c.text).toBe('لن تسمح باستخدام أراضيها لمهاجمة الجيران');
    expect(sourceOf(r, c)).toMatchObject({ name: 'Iraq', kind: 'government', anonymous: false });
  });

  it('keeps one source for a subject-first speaker who then continues with «وأضافت»', () => {
    const r = extract(
      'طهران أعلنت أنها ستستأنف تخصيب اليورانيوم الأسبوع المقبل. وأضافت أن المفتشين سيغادرون البلاد.',
    );
    const a = claimFor(r, 'ستستأنف تخصيب اليورانيوم الأسبوع المقبل');
    const b = claimFor(r, 'المفتشين سيغادرون البلاد');
    expect(sourceOf(r, a).name).toBe('Tehran');
    expect(b.sources.map((s) => s.id)).toEqual(a.sources.map((s) => s.id));
  });
});
