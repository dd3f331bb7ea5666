import { extract } from '@claimtrail/attribution';
import { claimFor } from '../support/claims';

/** Check-worthiness of the claim containing `fragment` in the article `text`. */
function scoreOf(text: string, fragment: string): number {
  return claimFor(extract(text), fragment).checkworthiness;
}

/**
 * Check-worthiness ranks casualty and figure claims («إصابة خمسة على الأقل ...») above
 * background sentences of the same article.
 */
describe('Arabic check-worthiness', () => {
  const pairs: { name: string; text: string; high: string; low: string }[] = [
    {
      name: 'wounded «إصابة خمسة على الأقل» vs regional background',
      text: 'وتعرضت قاعدة الحبانية لهجوم بطائرة مسيرة فجر الثلاثاء ما أدى إلى إصابة خمسة على الأقل من الجنود واثنين من المتعاقدين. ويأتي الهجوم وسط مخاوف من تصعيد إقليمي أوسع.',
      high: 'إصابة خمسة على الأقل',
      low: 'وسط مخاوف من تصعيد',
    },
    {
      name: 'killed and wounded with digits vs atmosphere',
      text: 'وقتل 12 شخصاً وجرح 30 آخرون في انفجار سيارة مفخخة في سوق مدينة الحلة يوم الجمعة. وتشهد المدينة توتراً منذ أشهر.',
      high: 'وقتل 12 شخصاً',
      low: 'وتشهد المدينة توتراً',
    },
    {
      name: 'an attributed death toll vs an attributed reassurance',
      text: 'وقالت وزارة الصحة اللبنانية إن حصيلة القتلى ارتفعت إلى 47 بينهم تسعة أطفال. وقال الوزير إن الحكومة تتابع الوضع عن كثب.',
      high: 'حصيلة القتلى ارتفعت إلى 47',
      low: 'الحكومة تتابع الوضع عن كثب',
    },
    {
      name: 'Arabic-Indic digits «٤» vs description',
      text: 'وأصيب ٤ من عناصر الدفاع المدني بجروح خلال إخماد الحريق. وتعمل فرق الإطفاء في ظروف صعبة.',
      high: 'وأصيب ٤ من عناصر',
      low: 'وتعمل فرق الإطفاء',
    },
    {
      name: 'deaths in words «ثلاثة ... مصرعهم» vs livelihood background',
      text: 'ولقي ثلاثة صيادين مصرعهم بعد غرق قاربهم قبالة سواحل البصرة. ويعتمد سكان المنطقة على الصيد مصدراً للرزق.',
      high: 'مصرعهم',
      low: 'ويعتمد سكان المنطقة',
    },
    {
      name: 'displacement figure with a cause vs a hedged forecast',
      text: 'وارتفع عدد النازحين إلى 40 ألف شخص خلال أسبوعين بسبب القصف. وقد تتواصل موجة النزوح في الأيام المقبلة.',
      high: 'عدد النازحين',
      low: 'وقد تتواصل موجة النزوح',
    },
    {
      name: 'casualties vs a sentence full of capitals',
      text: 'وأصيب خمسة على الأقل من عناصر الشرطة في انفجار عبوة ناسفة ببغداد. وتسعى واشنطن وطهران والرياض إلى تهدئة التوتر في المنطقة.',
      high: 'وأصيب خمسة على الأقل',
      low: 'وتسعى واشنطن وطهران والرياض',
    },
  ];

  it.each(pairs)('ranks $name', ({ text, high, low }) => {
    expect(scoreOf(text, high)).toBeGreaterThan(scoreOf(text, low));
  });

  it('puts the casualty claim first when an article is ranked', () => {
    const r = extract(
      'وعقد مجلس المحافظة جلسة طارئة مساء أمس. وأصيب سبعة مدنيين على الأقل بقصف مدفعي على حي الزهراء. وتعهد المحافظ بتحسين الخدمات في الأحياء الشعبية.',
    );
    const ranked = [...r.claims].sort((a, b) => b.checkworthiness - a.checkworthiness);
    expect(ranked[0]!.text).toContain('وأصيب سبعة مدنيين على الأقل');
  });

  it('scores every claim within 0..1', () => {
    const r = extract(
      'وقال مسؤول عراقي إن 3 صواريخ سقطت قرب المطار. ونأمل أن تتحسن الأوضاع. وقتل 5 وأصيب 20 في انفجار بالموصل يوم الأحد.',
    );
    expect(r.claims.length).toBeGreaterThan(0);
    for (const c of r.claims) {
      expect(c.checkworthiness).toBeGreaterThanOrEqual(0);
      expect(c.checkworthiness).toBeLessThanOrEqual(1);
    }
  });
});
