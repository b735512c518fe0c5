/**
 * Life-stage cues in German, Arabic and Simplified Chinese (see life-stage-cues.ts). Arabic joins
 * "and", "with" and possessives to the word ("وطفليها", and her two children), so its cues spell
 * those forms out instead of relying on word boundaries; Chinese has no spaces, so its cues are
 * short fixed phrases ("有两个孩子", "和父母住") read within a clause.
 */
import { cue, numberWords, type LanguageCues } from './life-stage-cues';

const r = String.raw;

const DE_N = numberWords(['ein/eine/einen/einem/einer', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf', 'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn']);
const DE_CHILD = r`(?:Kinder[n]?|Kind(?:es)?|Sohn|Söhnen?|Söhne|Tochter|Töchtern?|Babys?|Zwillingen?|Jungen|Jungs|Mädchen|Teenagern?|Kleinkind(?:ern?)?)`;
/** "Ihre Mutter" is the persona's mother, not the persona as a mother. */
const NOT_HER = r`(?!(?:ihre|seine|die|deren|dessen|meine)\s)`;
export const GERMAN: LanguageCues = {
  retired: cue(r`\b(?:Rentner(?:in)?|Pensionär(?:in)?|Ruheständler(?:in)?|Frührentner(?:in)?)\b|\bim (?:Vor)?ruhestand\b|\bpensioniert\b|\bverrentet\b|\b(?:ist|bin)\s+(?:seit\s+(?:[\p{L}\d]+\s+){1,2})?in Rente\b|\bin Rente seit\b`),
  retiredOthers: cue(r`\b(?:Eltern|Mutter|Vater|Mann|Frau|Ehemann|Ehefrau|Partner\w*|Schwiegereltern|Nachbar\w*|Kunden|Freund\w*|Schwester|Bruder|Chef\w*|Geschäftspartner\w*)\b\s+(?:[\p{L}-]+\s+){0,3}?(?:Rentner\w*|im Ruhestand|pensioniert|in Rente|verrentet)\b|\b(?:für|berät|betreut|mit|von)\s+(?:\p{L}+\s+)?Rentner\w*`, 'giu'),
  studentJob: cue(r`^\s*(?:Student(?:in)?|Schüler(?:in)?|Doktorand(?:in)?|Studierende[rn]?)\b`),
  studentSelf: cue(r`\b(?:ist|bin)\s+(?:eine?\s+)?(?:Student(?:in)?|Schüler(?:in)?|Doktorand(?:in)?)\b|\bstudiert\s+(?:[\p{L}-]+\s+)?(?:an der|an einer|im \d+\. Semester)\b|\bpromoviert\b|\bim \d+\. Semester\b`),
  childFree: cue(r`\bkinderlos\w*\b|\bkeine Kinder\b|\bohne Kinder\b|\bkein Kind\b`),
  children: cue(
    [
      r`\b(?:ihre[nmrs]?|seine[nmrs]?|ihr|sein|meine[nmrs]?|mein|unsere[nmrs]?)\s+(?:(?:NUM|beiden|kleinen?|jüngeren?|älteren?|jüngsten?|ältesten?|[\p{L}\d-]*jährigen?)\s+){0,2}${DE_CHILD}\b`,
      r`\b(?:hat|haben|habe|hatte|erzieht|zieht)\s+(?:[\p{L}-]+\s+){0,3}?NUM\s+(?:[\p{L}\d-]+\s+)?${DE_CHILD}\b`,
      r`(?<!\b(?:ihre|seine|die|der|meine)\s)\b(?:Mutter|Vater|Mama|Papa)\s+(?:von|zweier|dreier|vierer)\s+(?:NUM\s+)?(?:[\p{L}\d-]+\s+)?${DE_CHILD}\b`,
      r`\b(?:alleinerziehende?r?|zweifache[rn]?|dreifache[rn]?|vierfache[rn]?)\s+(?:Mutter|Vater|Mama|Papa)\b|\balleinerziehend\b|\bHausfrau und Mutter\b|\b(?:ist|wurde)\s+${NOT_HER}(?:\p{L}+\s+)?(?:Mutter|Vater|Mama|Papa)\b`,
      r`\b(?:Frau|Mann|Ehefrau|Ehemann|Partner(?:in)?|Lebensgefährt\w*)\s+und\s+(?:(?:ihren|seinen|den)\s+)?NUM\s+(?:[\p{L}\d-]+\s+)?${DE_CHILD}\b`,
    ].join('|'),
    'giu',
    DE_N,
  ),
  grown: cue(r`(?<!\b(?:der|ein|als)\s)\bEnkel(?:kinder[n]?|in|innen|sohn|tochter|n)?\b|\b(?:Großmutter|Großvater|Oma|Opa)\s+(?:von|zweier|dreier)\b|\b(?:ist|wurde)\s+${NOT_HER}(?:\p{L}+\s+)?(?:Großmutter|Großvater|Oma|Opa)\b|\berwachsenen?\s+(?:Kinder[n]?|Söhne[n]?|Töchter[n]?|Sohn|Tochter)\b|\b(?:Kinder|Sohn|Tochter|Söhne|Töchter)\s+(?:sind|ist)\s+(?:längst\s+|schon\s+|bereits\s+)?(?:erwachsen|aus dem Haus|ausgezogen)\b|\bleeres Nest\b`, 'giu'),
  notOwn: cue(r`\b(?:unterricht\w*|Lehrer\w*|Klasse|Schüler\w*|Patient\w*|Kunden|betreu\w*|arbeitet mit|Roman|Buch|Bücher|Geschichte|Heldin|Held|Figur|Film|Serie|Märchen|schreibt|Erzieher\w*|Tagesmutter|erwartet|schwanger)\b`),
  young: cue(r`\b(?:Babys?|Säugling\w*|Kleinkind\w*|Kita|Kindergarten\w*|Krippe|Grundschule|Grundschüler\w*|Windeln|NUM Monate\w*)\b`, 'iu', DE_N),
  teen: cue(r`\b(?:Teenager\w*|Jugendliche\w*|Pubertät|pubertierend\w*|Oberstufe|Abitur|Abi)\b`),
  ages: cue(r`(?:\b(?:von|im Alter von)\s+|[,(]\s*)NUM(?:\s*(?:,|und|&)\s*NUM)*\s*(?:Jahre\b(?! Erfahrung)|Jahren\b)|\(\s*\d{1,2}(?:\s*(?:,|und)\s*\d{1,2})*\s*\)|\bNUM-?jährig\w*`, 'giu', DE_N),
  numbers: DE_N,
  partner: cue(r`\b(?:Ehemann|Ehefrau|Ehepartner\w*|Lebensgefährt\w*|Lebenspartner\w*|Verlobte[rn]?|verheiratet|verlobt)\b|\b(?:ihrem|ihren|ihr|seiner|seine)\s+(?:neuen?\s+)?(?:Mann|Frau|Partner|Partnerin)\b(?!\s+(?:in|bei)\s+(?:der|einer|einem|dem)\b)|\bfeste[nr]?\s+(?:Freund|Freundin)\b|\bmit (?:ihrem|seinem) Freund zusammen\b|\bmit (?:ihrer|seiner) Freundin zusammen\b`),
  notPartner: cue(r`\bEx-?(?:Mann|Frau|Ehemann|Ehefrau|Partner\w*|Freund\w*)\b|\bgeschieden\w*\b|\bverwitwet\b|\bWitwer?\b|\bverstorbene[nr]?\s+(?:Mann|Frau|Ehemann|Ehefrau|Partner\w*)\b|\b(?:Mann|Frau|Partner\w*)\s+(?:ist\s+)?(?:[\p{L}\d]+\s+){0,4}?(?:gestorben|verstorben)\b|\bnicht verheiratet\b|\bledig\b|\bSingle\b`, 'giu'),
  // Case-sensitive: German nouns are capitalised, and "wg." is an abbreviation of "wegen".
  sharing: cue(r`\bWG\b|\bWohngemeinschaft|\bMitbewohner|\bStudentenwohnheim|\bStudierendenwohnheim|\bWohnheim\b|\bmit (?:zwei|drei|vier|fünf) (?:Freunden|Freundinnen|Kommilitonen|Kommilitoninnen|Kollegen|Kolleginnen)\b`, 'u'),
  withParents: cue(r`\b(?:wohnt|lebt|wohnen|leben)\s+(?:\p{L}+\s+){0,2}?(?:bei|mit)\s+(?:seinen|ihren|den)\s+Eltern\b|\b(?:wohnt|lebt)\s+(?:\p{L}+\s+){0,2}?bei\s+(?:seiner|ihrer)\s+Mutter\b|\bim Elternhaus\b|\bHotel Mama\b`),
  alone: cue(r`\b(?:lebt|wohnt|leben|wohnen)\s+(?:\p{L}+\s+){0,2}?alleine?\b(?!\s+mit)|\bSingle-?Haushalt\b|\balleinlebend\w*\b`),
  relatives: cue(r`\b(?:Sohn|Tochter|Kind\w*|Mann|Frau|Partner\w*|Bruder|Schwester|Neffe|Nichte|Eltern|Mutter|Vater)\b`),
  others: cue(r`\b(?:Schwester|Bruder|Freund\w*|Nachbar\w*|Kolleg\w*|Cousin\w*|Schwager|Schwägerin)\b`),
};

const AR_N = numberWords([
  'واحد/واحدة/سنة/الأولى',
  'اثنين/اثنان/اثنتين/سنتين/سنتان/الثانية',
  'ثلاث/ثلاثة/الثالثة',
  'أربع/أربعة/الرابعة',
  'خمس/خمسة/الخامسة',
  'ست/ستة/السادسة',
  'سبع/سبعة/السابعة',
  'ثماني/ثمانية/ثمان/الثامنة',
  'تسع/تسعة/التاسعة',
  'عشر/عشرة/العاشرة',
]);
const AR_CHILD = r`(?:طفل|طفلة|طفلان|طفلين|طفلتان|طفلتين|أطفال|ابن|ابنة|ابنان|ابنين|ابنتان|ابنتين|أبناء|بنت|بنتان|بنتين|بنات|ولد|ولدان|ولدين|أولاد|توأم|توأمان|توأمين)`;
/** Not inside a longer word; "و" (and), "ب", "ل", "ف" may be joined in front. */
const AR_START = r`(?<!\p{L})[وفبل]?`;
const AR_END = r`(?!\p{L})`;
export const ARABIC: LanguageCues = {
  retired: cue(r`متقاعد|${AR_START}تقاعدت?\s+(?:منذ|قبل|في|عن|من|مبكر)|بعد تقاعد(?:ه|ها)${AR_END}|على المعاش|${AR_START}أحيلت?\s+(?:إلى|على)\s+(?:التقاعد|المعاش)`),
  retiredOthers: cue(r`(?<!\p{L})(?:والد|والدا|والدي|والدة|والدت|زوج|زوجت|جار|جيران|عميل|عملاء|أخ|أخت|أب|أم|جد|جدة)(?:ها|ه|هما|ي|ان|اه)?\s+(?:\S+\s+)?متقاعد\S*|(?:لل|ل|ال)متقاعدين`, 'gu'),
  studentJob: cue(r`^\s*(?:طالب|طالبة)${AR_END}`, 'u'),
  studentSelf: cue(r`^\S+\s+(?:طالب|طالبة)${AR_END}|(?:هو|هي)\s+(?:طالب|طالبة)${AR_END}|${AR_START}(?:طالب|طالبة)\s+(?:في|جامعي|جامعية|ماجستير|دكتوراه|بكلية|بجامعة)${AR_END}`, 'u'),
  childFree: cue(r`(?:بدون|بلا)\s+(?:أطفال|أولاد|أبناء)|(?:لا|ليس)\s+(?:لدي|لديه|لديها|لديهما|عنده|عندها)\s+(?:أي\s+)?(?:أطفال|أولاد|أبناء)|لم\s+(?:ينجب|تنجب|ينجبا)`, 'u'),
  children: cue(
    [
      r`(?<!\p{L})(?:أم|أب|والدة|والد)\s+ل(?:NUM|\S*(?:طفل|أطفال|ولد|بنت|ابن|أبناء|أولاد|توأم))`,
      r`${AR_START}(?:لديها|لديه|لديهما|لدي|عنده|عندها|عندهما|عندي)\s+(?:\S+\s+)?${AR_CHILD}`,
      r`(?<!\p{L})(?:[وفبل]|مع\s)?(?:أطفال|طفل|طفلت|طفلي|ابن|ابنت|ابني|بنات|بنت|بنتي|أولاد|ولد|ولدي|أبنائ|أبناء|توأم)(?:ها|ه|هما|هم)${AR_END}`,
      r`${AR_START}(?:تربي|يربي|تعيل|يعيل)\s+(?:\S+\s+)?(?:NUM\s+)?${AR_CHILD}`,
    ].join('|'),
    'gu',
    AR_N,
  ),
  grown: cue(r`(?<!\p{L})(?:جدة|جد)\s+ل|(?:لديها|لديه|عندها|عنده)\s+(?:\S+\s+)?أحفاد|(?:NUM)\s+(?:من\s+)?أحفاد|${AR_START}(?:حفيد|حفيدة|حفيدت|حفيدات|أحفاد)(?:ها|ه|هما|ي)${AR_END}|(?:أبناؤ|أبناء|أولاد|بنات)\S*\s+(?:كبروا|تزوجوا|متزوجون|بالغون|كبار)`, 'gu', AR_N),
  notOwn: cue(r`رواي|قصة|قصص|البطل|شخصي|فيلم|مسلسل|كتب|كتاب|تدر|يدر|تلاميذ|طلاب|مرضى|عملاء|زبائن|تعلم|يعلم|حامل|تنتظر`, 'u'),
  young: cue(r`رضيع|رضع|روضة|الروضة|ابتدائي|الابتدائية|صغار|أشهر|شهور|(?:طفل|ابن|ابنة|بنت|ولد)\S*\s+(?:الصغير|الصغيرة)`, 'u'),
  teen: cue(r`مراهق|الثانوية|ثانوي|الإعدادية|إعدادي`, 'u'),
  ages: cue(r`(?:العمر|عمر(?:ه|ها|هما|هم|هن)?|سن)\s+(?:\S+\s+)?NUM(?:\s*و\s*NUM)*|(?<!\p{L})في\s+NUM\s+من\s+(?:عمر|العمر)`, 'gu', AR_N),
  numbers: AR_N,
  partner: cue(r`${AR_START}(?:مع\s)?(?:زوج|زوجت)(?:ها|ه|ي)${AR_END}|(?<!\p{L})[و]?زوجة${AR_END}|متزوج|(?:خطيب|خطيبت)(?:ها|ه)${AR_END}`, 'u'),
  notPartner: cue(r`(?:زوج|زوجت)\S*\s+(?:الراحل|الراحلة|المتوفى|المتوفاة|المرحوم)|(?:وفاة|رحيل|فقدان|فقدت|فقد)\s+زوج\S*|طليق\S*|أرمل\S*|مطلق\S*|غير متزوج\S*`, 'gu'),
  sharing: cue(r`سكن مشترك|شقة مشتركة|سكن الطلاب|سكن طلابي|المدينة الجامعية|(?:يسكن|تسكن|يعيش|تعيش|يتشارك|تتشارك|يتقاسم|تتقاسم)\s+(?:\S+\s+){0,3}?مع\s+(?:\S+\s+){0,2}?(?:أصدقاء|أصدقائه|صديقاتها|صديقات|زملاء|زملائه|زميلاتها|زميلات)`, 'u'),
  withParents: cue(r`(?:يعيش|تعيش|يسكن|تسكن)\s+(?:\S+\s+)?مع\s+(?:والديه|والديها|أهله|أهلها|أبويه|أبويها|والدته|والدتها|أمه|أمها)${AR_END}|(?:في|ب)\s*بيت\s+(?:العائلة|والديه|والديها|أهله|أهلها)`, 'u'),
  alone: cue(r`(?:يعيش|تعيش|يسكن|تسكن)\s+(?:\S+\s+)?(?:وحده|وحدها|بمفرده|بمفردها)`, 'u'),
  relatives: cue(r`ابن|ابنة|بنت|ولد|أطفال|أولاد|زوج|أخ|أخت|والد`, 'u'),
  others: cue(r`(?<!\p{L})(?:أخت|أخو|أخي|صديق|صديقت|جار|جارت|زميل|زميلت)\S*`, 'u'),
};

const ZH_N = numberWords(['一', '二/两', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九']);
const ZH_CHILD = r`(?:孩子|儿子|女儿|宝宝|娃|儿女|子女|双胞胎|闺女)`;
/** Within one clause: Chinese runs words together, so a cue may not reach past a comma or full stop. */
const ZH_GAP = r`[^，。；、,;！？]`;
export const CHINESE: LanguageCues = {
  retired: cue(r`已经?退休|退休(?:了|在家|多年|\d+年|[一二两三四五六七八九十]+年)|退休(?:教师|工人|职工|干部|医生|护士|工程师|会计|老师|公务员|人员)|退了休|离休`, 'u'),
  retiredOthers: cue(r`(?:父母|爸妈|爸爸|妈妈|父亲|母亲|丈夫|妻子|老公|老婆|爱人|老伴|公婆|岳父|岳母|邻居|客户|顾客)${ZH_GAP}{0,4}?(?:都|也)?(?:已经?|早已|刚)?退休|(?:让|把|使)${ZH_GAP}{0,12}退休|(?:为|给|帮|服务)${ZH_GAP}{0,6}退休(?:老人|人员|人士)`, 'gu'),
  studentJob: cue(r`(?:大学生|研究生|高中生|初中生|博士生|硕士生|本科生|在校生|留学生|学生)$`, 'u'),
  studentSelf: cue(r`是${ZH_GAP}{0,8}(?:大学生|研究生|高中生|初中生|博士生|硕士生|本科生|学生)(?!贷款)|在读(?:大学|研究生|博士|硕士|本科)|读(?:大[一二三四]|研[一二三]?|博)|上大[一二三四]`, 'u'),
  childFree: cue(r`丁克|(?:没有|没|无)(?:孩子|小孩|子女)|不要孩子|没生孩子|膝下无子`, 'u'),
  children: cue(
    [
      r`(?<![所没沒])有(?:了)?(?:NUM|几|俩)?个?${ZH_GAP}{0,8}?${ZH_CHILD}`,
      r`${ZH_CHILD}的(?:妈妈|爸爸|母亲|父亲|妈|爸)`,
      r`(?:她|他|我)(?:们)?的?(?:NUM个)?${ZH_CHILD}`,
      r`和(?:丈夫|妻子|老公|老婆|爱人|先生|太太)[、，和及与]?${ZH_GAP}{0,10}?${ZH_CHILD}`,
      r`(?:抚养|带着|独自带|养育)着?(?:NUM个)?${ZH_CHILD}`,
      r`(?:^|[，。；])(?:大|小)?(?:儿子|女儿|孩子)(?:今年|刚|正在|在读|上|读)`,
      r`宝妈|宝爸|单亲(?:妈妈|爸爸|家庭)|全职(?:妈妈|爸爸)|二胎|二孩|当了(?:妈妈|爸爸)`,
    ].join('|'),
    'gu',
    ZH_N,
  ),
  grown: cue(r`(?<!是${ZH_GAP}{0,8})(?:外孙女?|孙子|孙女|孙辈)|${ZH_CHILD}(?:都|也)?(?:已经|早已|已)?(?:成家|工作了|参加工作|结婚了|长大成人|独立生活|上大学|读大学|在外地工作)|空巢`, 'gu'),
  notOwn: cue(r`小说|故事|电影|电视剧|剧中|角色|主角|书中|教|老师|学生|病人|客户|顾客|班|读物|怀孕|怀着`, 'u'),
  young: cue(r`幼儿园|小学|宝宝|婴儿|小孩|托班|早教|奶粉|尿布|月大|\d+个月|[一二两三四五六七八九十]+个月`, 'u'),
  teen: cue(r`初中|高中|中学|青春期|中考|高考`, 'u'),
  ages: cue(r`NUM周?岁`, 'gu', ZH_N),
  numbers: ZH_N,
  // "打算明年结婚" is a plan: marriage counts only as done (已婚, 结婚了, 结婚十年).
  partner: cue(r`丈夫|妻子|老公|老婆|爱人|老伴|已婚|结婚(?:了|多年|\d+年|[一二两三四五六七八九十]+年)|婚后|男朋友|女朋友|伴侣|同居`, 'u'),
  notPartner: cue(r`前夫|前妻|前男友|前女友|离婚|离异|丧偶|(?:丈夫|妻子|老公|老婆|爱人|老伴)(?:已经?|早已|几年前|前年|去年)?(?:去世|过世|离世|病逝)|未婚|单身|没有(?:男朋友|女朋友)|还?没结婚`, 'gu'),
  sharing: cue(r`合租|室友|宿舍|合住|和(?:朋友|同事|同学)(?:一起)?(?:住|合租)`, 'u'),
  withParents: cue(r`(?:和|跟|与)(?:父母|爸妈)(?:一起)?(?:住|同住)|住在父母家`, 'u'),
  alone: cue(r`独居|一个人住|独自(?:住|生活)|一个人生活`, 'u'),
  relatives: cue(r`儿子|女儿|孩子|丈夫|妻子|老公|老婆|弟弟|妹妹|哥哥|姐姐|侄|外甥|父母|爸爸|妈妈`, 'u'),
  others: cue(r`姐姐|妹妹|哥哥|弟弟|朋友|邻居|同事|表姐|表妹|表哥|表弟|堂|闺蜜`, 'u'),
};
