import { extract } from '@claimtrail/attribution';
import { claimFor, sourcesOf, viaOf } from '../support/claims';

/** Sources that speak jointly: two (or more) sources on one claim. */
describe('Arabic joint sources', () => {
  it('reads «دبلوماسيون ومسؤولون أمريكيون» as two anonymous sources on one claim', () => {
    const r = extract('وقال دبلوماسيون ومسؤولون أمريكيون إن الهجوم قد يؤخر المفاوضات.');
    expect(r.claims).toHaveLength(1);
    const c = claimFor(r, 'الهجوم قد يؤخر المفاوضات');
    expect(c.text).toBe('الهجوم قد يؤخر المفاوضات');
    const sources = sourcesOf(r, c);
    expect(sources.map((s) => s.name)).toEqual(['diplomats', 'US officials']);
    expect(sources.map((s) => s.kind)).toEqual(['person_group', 'official_group']);
    expect(sources.every((s) => s.anonymous === true)).toBe(true);
  });

  it('reads «عن دبلوماسيين ومسؤولين أمريكيين» in a relay as two sources via the outlet', () => {
    const r = extract(
      'ونقلت صحيفة "ذا ناشيونال" عن دبلوماسيين ومسؤولين أمريكيين أن الهجوم قد يؤخر المفاوضات.',
    );
    const c = claimFor(r, 'الهجوم قد يؤخر المفاوضات');
    expect(sourcesOf(r, c).map((s) => s.name)).toEqual(['diplomats', 'US officials']);
    expect(viaOf(r, c).map((s) => s.name)).toEqual(['The National']);
  });

  it('reads two named ministers in a joint statement as two person sources', () => {
    const r = extract(
      'وأكد وزير الخارجية العراقي فؤاد الكناني ووزير الخارجية الأردني أيمن الرفاعي في بيان مشترك أن أمن البلدين واحد.',
    );
    const c = claimFor(r, 'أمن البلدين واحد');
    expect(c.text).toBe('أمن البلدين واحد');
    const sources = sourcesOf(r, c);
    expect(sources.map((s) => s.name)).toEqual(['فؤاد الكناني', 'أيمن الرفاعي']);
    expect(sources.every((s) => s.kind === 'person' && s.anonymous === false)).toBe(true);
  });

  it('reads two capitals speaking together «قالت بغداد وطهران» as two governments', () => {
    const r = extract('وقالت بغداد وطهران إن الاتفاق الأمني سيدخل حيز التنفيذ الشهر المقبل.');
    const c = claimFor(r, 'الاتفاق الأمني سيدخل حيز التنفيذ الشهر المقبل');
    expect(sourcesOf(r, c).map((s) => [s.name, s.kind])).toEqual([
      ['Baghdad', 'government'],
      ['Tehran', 'government'],
    ]);
  });

  it('reads two international bodies «الأمم المتحدة والاتحاد الأوروبي»', () => {
    const r = extract('وأعلنت الأمم المتحدة والاتحاد الأوروبي أن مؤتمر المانحين سيعقد في بروكسل.');
    const c = claimFor(r, 'مؤتمر المانحين سيعقد في بروكسل');
    expect(sourcesOf(r, c).map((s) => s.name)).toEqual(['United Nations', 'European Union']);
  });

  it('reads «شهود عيان ومسعفون» as witnesses and medics', () => {
    const r = extract('وقال شهود عيان ومسعفون إن القصف استمر ساعتين.');
    const c = claimFor(r, 'القصف استمر ساعتين');
    const names = sourcesOf(r, c).map((s) => s.name);
    expect(names).toHaveLength(2);
    expect(names[0]).toBe('witnesses');
    expect(names[1]).toBe('medics');
  });

  it('reads a shared head with two nationalities «مسؤولون عراقيون وأمريكيون» as two groups', () => {
    const r = extract('وقال مسؤولون عراقيون وأمريكيون إن الدوريات المشتركة ستستأنف.');
    const c = claimFor(r, 'الدوريات المشتركة ستستأنف');
    expect(sourcesOf(r, c).map((s) => s.name)).toEqual(['Iraqi officials', 'US officials']);
    expect(sourcesOf(r, c).every((s) => s.anonymous === true)).toBe(true);
  });

  it('keeps a later mention of one of the joint sources on the same id', () => {
    const r = extract(
      'وقال دبلوماسيون ومسؤولون أمريكيون إن الهجوم قد يؤخر المفاوضات. وقال مصدر عراقي إن بغداد لم تتلق أي تحذير. وأكد مسؤولون أميركيون أن التحقيق مستمر.',
    );
    const a = claimFor(r, 'الهجوم قد يؤخر المفاوضات');
    const c = claimFor(r, 'التحقيق مستمر');
    const usId = a.sources.find((s) => s.name === 'US officials')?.id;
    expect(usId).toBeDefined();
    expect(c.sources.map((s) => s.id)).toEqual([usId]);
  });
});
