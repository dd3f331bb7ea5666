import { extract, type ExtractionResult } from '@claimtrail/attribution';

/** The sentence is one claim in the outlet voice, with no cue and no source at all. */
function expectOutletVoice(r: ExtractionResult, sentence: string): void {
  expect(r.claims).toHaveLength(1);
  expect(r.claims[0]).toMatchObject({
    text: sentence,
    type: 'unattributed',
    cue: null,
    sources: [],
    via: [],
  });
  expect(r.sources).toEqual([]);
}

/** Words from the cue list used in a non-speech sense are not attribution. */
describe('Arabic non-speech uses of cue words', () => {
  it('«مما طالبت به» (than demanded) is not a reporting frame', () => {
    const s = 'وكانت المحادثات تتقدم بوتيرة أبطأ مما طالبت به الفصائل المسلحة';
    expectOutletVoice(extract(`${s}.`), s);
  });

  it('«أشار إلى» + a place (pointed at) is not speech', () => {
    const s = 'وأشار الضابط إلى موقع سقوط الصاروخ خلال جولة للصحافيين';
    expectOutletVoice(extract(`${s}.`), s);
  });

  it('«أشار إلى» + a noun phrase with no complementiser is not attribution', () => {
    const s = 'وأشار وزير المالية العراقي سالم الجبوري إلى التحديات التي تواجه الموازنة';
    expectOutletVoice(extract(`${s}.`), s);
  });

  it('«كشفت أعمال الحفر عن» + noun (uncovered) is not speech', () => {
    const s = 'وكشفت أعمال الحفر عن مقبرة أثرية تعود إلى العصر العباسي';
    expectOutletVoice(extract(`${s}.`), s);
  });

  it('«كشفت الشرطة عن مستودع» (found) is not speech', () => {
    const s = 'وكشفت الشرطة عن مستودع للأسلحة في ضواحي المدينة';
    expectOutletVoice(extract(`${s}.`), s);
  });

  it('«بين» (between) is not the cue «بيّن»', () => {
    const s = 'ووقعت اشتباكات بين الجيش والفصائل في الأحياء الشمالية';
    expectOutletVoice(extract(`${s}.`), s);
  });

  it('«فحسب» (only) is not the cue «حسب»', () => {
    const s = 'ولا يقتصر النقص على الوقود فحسب بل يشمل الأدوية أيضاً';
    expectOutletVoice(extract(`${s}.`), s);
  });

  it('«رأى» + object (saw) is not an opinion', () => {
    const s = 'ورأى السكان الدخان يتصاعد من المصفاة طوال الليل';
    expectOutletVoice(extract(`${s}.`), s);
  });

  it('«طالب» (student) is not the cue «طالب»', () => {
    const s = 'وقتل طالب جامعي في الهجوم على الحافلة';
    expectOutletVoice(extract(`${s}.`), s);
  });

  it('«نقل» (transported) is not the relay cue', () => {
    const a = 'ونقل الجرحى إلى مستشفى المدينة بسيارات الإسعاف';
    expectOutletVoice(extract(`${a}.`), a);
    const b = 'ونقلت سيارات الإسعاف المصابين إلى مستشفى الكندي';
    expectOutletVoice(extract(`${b}.`), b);
  });

  it('«تابع» (followed) is not the continuation cue', () => {
    const s = 'وتابع الوزير سير العمليات من غرفة القيادة في بغداد';
    expectOutletVoice(extract(`${s}.`), s);
  });

  it('«أضافت» + object (added) is not speech', () => {
    const s = 'وأضافت الحكومة بنداً جديداً إلى الموازنة العامة';
    expectOutletVoice(extract(`${s}.`), s);
  });

  it('«ذكرى» (anniversary) and «لفت أنظار» (drew attention) are not cues', () => {
    const a = 'وأحيا السكان ذكرى الانفجار بالشموع في ساحة المرفأ';
    expectOutletVoice(extract(`${a}.`), a);
    const b = 'ولفت الحادث أنظار المارة في الشارع الرئيسي';
    expectOutletVoice(extract(`${b}.`), b);
  });

  it('«وبيّن الفحص المخبري وجود ...» (a test showed) with no complementiser is not speech', () => {
    const s = 'وبيّن الفحص المخبري وجود آثار لمادة سامة في المياه';
    expectOutletVoice(extract(`${s}.`), s);
  });

  it('keeps the speaker of a directive «وطالب المتظاهرون بـ» when it is reported as a claim', () => {
    const r = extract('وطالب المتظاهرون بإقالة المحافظ ومحاسبة المسؤولين عن الفساد.');
    expect(r.claims).toHaveLength(1);
    const c = r.claims[0]!;
    // An attributed directive is optional in the gold, but an attributed claim with no
    // source would pass for agentless speech: the protesters must be on it.
    if (c.type !== 'unattributed') {
      expect(c.cue).toBe('طالب');
      expect(c.sources).toHaveLength(1);
    } else {
      expect(c.sources).toEqual([]);
    }
  });
});
