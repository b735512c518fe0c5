/**
 * The themes the summary knows by name: a human label for a need (from goals) and for a pain point
 * (from painPoints), how the prose words it, what it suggests for the offer, and its cues. A cue is
 * an English word start ("afford" meets "affordable"), a whole word when it ends in "$" ("fit$"), or
 * text in another script matched anywhere in the line (Arabic, Chinese). A weak cue ("~" first) is
 * one too often about something else ("a five-minute walk", "the train"): it speaks to the theme only
 * beside a second cue of the theme. `ignore` phrases are taken out of a line before the theme's cues
 * are read ("every time" is not about time, "keep spending under control" not about tools). The
 * offer's own words are taken out before any (offer-words.ts). Lines no cue meets are left to the
 * shared-word grouping (themes.ts). Written before the test corpora were tuned against; the weak cues
 * and `ignore` phrases after the audit of built-in sets (scripts/summary-audit.ts).
 */
export interface LexiconTheme {
  id: string;
  need: string;
  pain: string;
  /** In a sentence: "They want {needPhrase}", "They struggle with {painPhrase}". */
  needPhrase: string;
  painPhrase: string;
  /** For the offer ({offer}), with the count ({n} of {total} personas) appended by the caller. */
  suggestion: { need: string; pain: string };
  cues: readonly string[];
  /** Cues that speak to the need only: a game set's goals are about playing, its pain points are not boredom for naming the game. */
  needCues?: readonly string[];
  painCues?: readonly string[];
  /** Phrases whose words look like a cue but are not about the theme ("every time", "in advance"). */
  ignore?: readonly string[];
}

export const THEME_LEXICON: readonly LexiconTheme[] = [
  {
    id: 'time',
    need: 'Saving time',
    pain: 'Short on time',
    needPhrase: 'saving time',
    painPhrase: 'a lack of time',
    suggestion: { need: 'Lead with the time {offer} saves', pain: 'Lead with time saved' },
    cues: ['time$', 'timesav', 'busy', '~minute', '~hour', '~schedul', '~rush', 'hectic', 'juggl', 'deadline', 'spare time', 'free time', 'free up', 'waiting', 'wait$', 'queue', 'takes ages', 'long day', 'long working', 'long hours', 'long opening hours', 'working hours', 'overtime', 'weeknight', '~evenings', 'in minutes', 'takes forever', 'taking forever', '~take$', '~takes$', '~taking', '~took$', '~for herself', '~for himself', '~for myself', '~for themselves', 'me time', 'me-time',
      'وقت', 'مشغول', 'انتظار', '时间', '忙', '等待', '排队', '加班', '效率'],
    // "Quick" is a wish for speed; in a pain point "too fast" is about pace, not time, and "too long" is time.
    needCues: ['quick', '~fast', '~faster', 'short routine', 'short session'],
    painCues: ['too long', 'slow$', 'slowly'],
    ignore: ['real time', 'time zone', 'time zones', 'every time', 'each time', 'first time', 'same time', 'at a time', 'on time', 'in time', 'at any time', 'next time', 'last time', 'full time', 'part time', 'at busy times', 'deadline weeks', 'can wait', 'cannot wait', 'can t wait', 'fast internet', 'fast fashion', 'fast food'],
  },
  {
    id: 'cost',
    need: 'Keeping costs down',
    pain: 'Cost and price',
    needPhrase: 'keeping costs down',
    painPhrase: 'costs and prices',
    suggestion: { need: 'Make the price of {offer} plain and show what it saves', pain: 'Make the price plain and show what it saves' },
    cues: ['cost', 'price', 'pricing', 'cheap', 'afford', 'budget', 'expensiv', 'fee$', 'fees$', 'spending', 'overspend', 'weekly spend', 'food spend', 'spend on', 'overpriced', 'save money', 'saving money', 'value for money', 'inflation', 'discount', 'deal$', 'deals$', 'pocket money', 'subscription fee', 'charges', 'charged', 'paying for', 'pay for every', 'paying extra', 'microtransaction', 'in-app purchase',
      'سعر', 'أسعار', 'اسعار', 'تكلف', 'غالي', 'غالية', 'ميزانية', 'المال', 'فلوس', 'رسوم', 'أرخص', 'ارخص', 'رخيص', '价格', '贵', '便宜', '省钱', '预算', '费用', '花钱', '成本', '性价比'],
    // In a pain point a bill or a premium is a cost; in a goal ("pay the electricity bill") it is a task.
    painCues: ['bill$', 'bills$', 'premiums', 'wiped out', 'savings', 'costs add up'],
    ignore: ['spending time', 'spend time', 'deal with', 'deals with', 'dealing with', 'big deal'],
  },
  {
    id: 'eating',
    need: 'Eating healthily',
    pain: 'Eating well is hard',
    needPhrase: 'eating healthily',
    painPhrase: 'the struggle to eat well',
    suggestion: { need: 'Show how {offer} helps them eat well', pain: 'Show how {offer} makes eating well easier' },
    cues: ['healthy meal', 'healthy food', 'healthier meal', 'eat well', 'eating well', 'eat healthi', 'eating healthi', 'eat better', 'nutriti', 'balanced meal', 'balanced diet', 'vegetable', 'veggie', 'veg$', 'junk food', 'takeaway', 'take-away', 'ready meal', 'processed food', 'sugar', 'diet$', 'calorie', 'protein', 'organic', 'home-cooked', 'home cooked', '~cook', 'cook from scratch', 'cook meals', 'cook dinner', 'cook healthy', 'cook at home', 'cooking at home', 'cook more', 'fresh food', 'fresh produce', 'groceries', 'grocery',
      'أكل صحي', 'طعام صحي', 'طبخ', 'وجبات', 'وجبة', '饮食', '做饭', '营养', '外卖', '吃得健康', '健康饮食'],
    ignore: ['blood sugar'],
  },
  {
    id: 'fitness',
    need: 'Staying fit',
    pain: 'Hard to keep fit',
    needPhrase: 'staying fit',
    painPhrase: 'the struggle to keep fit',
    suggestion: { need: 'Tie {offer} to visible progress in their fitness', pain: 'Make it easier to keep up their training' },
    cues: ['~fit$', 'get fit', 'keep fit', 'stay fit', 'staying fit', 'keeping fit', 'getting fit', 'fit and healthy', 'fitter', 'fitness', 'exercis', 'workout', 'work out', 'training', 'train$', 'gym', 'run$', 'running', 'marathon', 'strength', 'lose weight', 'losing weight', 'weight loss', 'muscle', 'injur', 'stamina', 'yoga', '~cycling', 'swim', 'motivation to move', 'in shape',
      'رياضة', 'لياقة', 'تمارين', '健身', '锻炼', '跑步', '减肥', '运动'],
    ignore: ['the train', 'by train', 'train line', 'train lines', 'train and tram', 'bus train', 'train station', 'train fare', 'train fares', 'train ticket', 'running out', 'run out', 'runs out', 'running late', 'running costs', 'running them', 'running it', 'running the', 'running a', 'staff training'],
  },
  {
    id: 'wellbeing',
    need: 'Peace of mind',
    pain: 'Stress and worry',
    needPhrase: 'peace of mind and less stress',
    painPhrase: 'stress',
    suggestion: { need: 'Promise calm, not more to manage', pain: 'Take worry off their plate rather than add to it' },
    cues: ['stress', 'anxi', 'burnout', 'burn out', 'burned out', 'overwhelm', 'calm', 'mental health', 'wellbeing', 'well-being', 'relax', 'peace of mind', 'worry', 'worri', 'tired', 'exhaust', 'sleep', 'work-life', 'work life balance', 'mood', 'pressure', 'guilt', 'lonely days',
      'توتر', 'ضغط', 'قلق', 'راحة البال', 'نوم', 'إرهاق', '压力', '焦虑', '睡眠', '疲惫', '放松', '心理'],
    ignore: ['blood pressure', 'tyre pressure', 'water pressure'],
  },
  {
    id: 'sustainability',
    need: 'Sustainability',
    pain: 'Waste and environmental impact',
    needPhrase: 'living more sustainably',
    painPhrase: 'waste and environmental impact',
    suggestion: { need: 'Make the environmental case for {offer} concrete', pain: 'Show how {offer} cuts waste and packaging' },
    cues: ['sustainab', 'eco$', 'eco-', 'green', 'environment', 'planet', 'waste', 'plastic', 'packaging', 'recycl', 'carbon', 'climate', 'compost', 'seasonal produce', 'seasonal food', 'seasonal veg', 'in season', 'local produce', 'fast fashion', 'locally sourced', 'ethical', 'footprint', 'zero-waste',
      'بيئة', 'البيئ', 'نفايات', 'بلاستيك', 'استدام', '环保', '浪费', '可持续', '塑料', '包装', '碳'],
    ignore: ['waste of time', 'waste of money', 'wasted time', 'wasting time', 'wasted money', 'wasting money', 'work environment', 'working environment', 'green light'],
  },
  {
    id: 'trust',
    need: 'Trust and transparency',
    pain: 'Hidden catches and distrust',
    needPhrase: 'being able to trust what they are told',
    painPhrase: 'not knowing whom to trust',
    suggestion: { need: 'Be open about how {offer} works and what it costs', pain: 'Earn trust with plain terms and no hidden catches' },
    cues: ['trust', 'transparen', 'honest', 'hidden', 'fine print', 'small print', 'scam', 'fraud', 'mislead', 'misleading', 'pretend', 'exclusion', 'surprise', 'reputation', 'reviews', 'credib', 'accountab', 'fake', 'gimmick', 'upsell', 'greenwash', 'clear terms', 'know what',
      'ثقة', 'شفاف', 'احتيال', 'خداع', 'رسوم خفية', '信任', '透明', '诈骗', '骗', '隐藏', '靠谱'],
    ignore: ['security review', 'security reviews', 'performance review', 'performance reviews'],
  },
  {
    id: 'simplicity',
    need: 'Simplicity',
    pain: 'Complexity and hassle',
    needPhrase: 'things that are simple to use',
    painPhrase: 'complexity and hassle',
    suggestion: { need: 'Keep {offer} simple to start and to use', pain: 'Cut steps and jargon from {offer}' },
    cues: ['simple', 'simpl', 'easy', 'easier', 'effortless', 'intuitive', 'hassle', 'complicat', 'complex', 'confus', 'clutter', 'jargon', 'learning curve', 'too many', 'paperwork', 'forms$', 'user-friendly', 'straightforward', 'clunky', 'fiddly', 'convenien', 'one place', 'all in one', 'steps$', '~setup', '~set up', '~without reading', '~in minutes', 'onboarding',
      'سهل', 'سهول', 'بسيط', 'معقد', 'تعقيد', 'مربك', '简单', '复杂', '麻烦', '方便', '便捷', '繁琐', '操作'],
    ignore: ['easy to enter', 'easy to join', 'easy to sign up', 'easy reach', 'as easily as', 'too many newborn'],
  },
  {
    id: 'family',
    need: 'Family',
    pain: 'Family demands',
    needPhrase: 'time and care for their family',
    painPhrase: 'family demands',
    suggestion: { need: 'Speak to the whole family, not only the buyer', pain: 'Fit {offer} around family routines' },
    cues: ['family', 'families', 'kid$', 'kids', 'child', 'children', 'son$', 'daughter', 'toddler', 'baby', 'babies', 'parent', 'school run', 'my partner', 'husband', 'wife', 'grandchild', 'grandkid', 'picky eater', 'fussy eater',
      'عائل', 'أسرة', 'أسرت', 'أطفال', 'اطفال', 'أولاد', 'ابني', 'ابنتي', 'أحفاد', '家人', '家庭', '孩子', '女儿', '儿子', '父母', '老人', '孙'],
    ignore: ['help from the grandchildren', 'help from the kids', 'help from my children', 'help from her children', 'help from his children'],
  },
  {
    id: 'career',
    need: 'Career growth',
    pain: 'Career worries',
    needPhrase: 'growing in their careers',
    painPhrase: 'career worries',
    suggestion: { need: 'Show how {offer} helps careers move forward', pain: 'Show how {offer} helps careers move forward' },
    cues: ['career', 'promotion$', 'promoted', 'get promoted', 'pay rise', 'job$', 'jobs$', 'get ahead', 'advance my', 'advance in', 'advancement', 'portfolio', 'recognition', 'leadership', 'résumé', 'resume$', 'cv$', 'professional growth', 'side hustle', 'freelance',
      'مهن', 'ترقية', 'وظيف', '职业', '升职', '晋升', '工作机会', '简历'],
    ignore: ['in advance'],
  },
  {
    id: 'learning',
    need: 'Learning',
    pain: 'Hard to learn',
    needPhrase: 'learning something new',
    painPhrase: 'the difficulty of learning',
    suggestion: { need: 'Build learning into {offer}', pain: 'Make learning with {offer} manageable' },
    cues: ['learn', 'course$', 'courses$', 'skill', '~language', 'knowledge', 'lesson', 'tutor', 'teach$', 'teaches', 'teaching', 'taught', '~teacher', 'educat', 'exam', 'degree', 'curious', 'revision', 'revise', '~study$', '~studies', '~studying', 'homework', 'grammar', 'vocabulary',
      'تعلم', 'تعليم', 'دراس', 'مهار', 'لغة', '学习', '课程', '技能', '考试', '知识'],
    ignore: ['of course', 'exam season', 'course mates', 'golf course', 'main course', 'degree of'],
  },
  {
    id: 'reliability',
    need: 'Reliability',
    pain: 'Unreliable products and services',
    needPhrase: 'things that work every time',
    painPhrase: 'things that break or let them down',
    suggestion: { need: 'Prove reliability before features', pain: 'Prove reliability before features' },
    cues: ['reliab', 'dependab', 'downtime', 'outage', 'crash', 'bug$', 'bugs$', 'buggy', 'glitch', 'broken', 'broke down', 'breaks down', 'break down', 'keeps breaking', 'break after', 'break every', 'breaks after', 'breaks every', 'late deliver', '~late$', 'delay', 'on time', 'uptime', 'consisten', 'lag$', 'lags', 'laggy', 'latency', 'stable', 'stabil', 'works every', 'let down', 'lost connection', 'disconnect', 'logs me out', 'logs him out', 'logs her out', 'logged out',
      'موثوق', 'تعطل', 'أعطال', 'انقطاع', 'تأخ', '可靠', '稳定', '卡顿', '延迟', '故障', '崩溃', '掉线'],
    ignore: ['reliable recommendations', 'reliable advice', 'reliable information', 'jet lag'],
  },
  {
    id: 'privacy',
    need: 'Privacy and security',
    pain: 'Worries about data and safety',
    needPhrase: 'keeping their data private and safe',
    painPhrase: 'worries about their data and safety online',
    suggestion: { need: 'Say plainly what data {offer} keeps and why', pain: 'Answer the privacy question before it is asked' },
    cues: ['privacy', 'private', 'personal data', 'my data', 'their data', 'data shar', 'tracking', 'tracked', 'surveil', 'gdpr', 'consent', 'secur', 'safe$', 'safely', 'scam', 'fraud', 'hack', 'phishing', 'password', 'breach', 'identity theft', 'data protection',
      'خصوصي', 'بيانات', 'أمان', 'اختراق', '隐私', '数据', '安全', '泄露', '密码'],
  },
  {
    id: 'social',
    need: 'Social connection',
    pain: 'Loneliness and isolation',
    needPhrase: 'time with other people',
    painPhrase: 'loneliness',
    suggestion: { need: 'Give {offer} a social side', pain: 'Give {offer} a way to bring people together' },
    cues: ['friend$', 'friends$', 'friendship', 'befriend', 'social', 'lonel', 'isolat', 'community', 'meet people', 'meeting people', 'meet new', 'meet other', 'together', 'neighbour', 'neighbor', 'belong', 'squad', 'team up', 'play with', 'company of', 'connect with people', 'group of', 'club$',
      'أصدقاء', 'اصدقاء', 'وحدة', 'وحيد', 'مجتمع', 'تواصل', '朋友', '社交', '孤独', '一起', '社区', '邻居'],
    ignore: ['go together', 'goes together', 'put together', 'social media', 'social security', 'socially responsible'],
  },
  {
    id: 'quality',
    need: 'Quality',
    pain: 'Poor quality',
    needPhrase: 'quality they can rely on',
    painPhrase: 'poor quality',
    suggestion: { need: 'Show the quality of {offer}, not only its price', pain: 'Show the quality of {offer}, not only its price' },
    cues: ['quality', 'craft', 'durable', '~premium', 'well-made', 'well made', 'taste', 'tasty', 'flavour', 'flavor', 'fresh$', 'freshness', 'high-end', 'mediocre', 'bland', 'soggy', 'flimsy',
      'جودة', 'جوده', 'طازج', 'طعم', '质量', '品质', '新鲜', '口味', '好吃'],
  },
  {
    id: 'control',
    need: 'Control and flexibility',
    pain: 'Lack of control',
    needPhrase: 'control and flexibility',
    painPhrase: 'a lack of control',
    suggestion: { need: 'Let users shape {offer} to their way of working', pain: 'Give users the controls they lack elsewhere' },
    cues: ['control', 'customi', 'configur', 'flexib', 'own data', 'own their data', 'export', 'lock-in', 'locked in', 'vendor lock', '~choice', 'adjust', 'permission', 'admin control', 'admin rights', 'admin access', 'admin panel', 'admin settings', 'self-host', 'tailor', 'pause', 'cancel', 'commitment', '~contract', 'long contract', 'hard to leave', 'exit fee', 'renew automatically', 'auto-renew', 'tied in', 'tie-in',
      'تحكم', 'مرون', 'إلغاء', '控制', '自定义', '灵活', '取消', '选择'],
    ignore: ['under control', 'in control of spending', 'blood pressure control'],
  },
  {
    id: 'integration',
    need: 'Integration with existing tools',
    pain: 'Tools that do not connect',
    needPhrase: 'tools that fit with what they already use',
    painPhrase: 'tools that do not talk to each other',
    suggestion: { need: 'Connect {offer} to the tools they already use', pain: 'Connect {offer} to the tools they already use' },
    cues: ['integrat', 'api$', 'apis$', 'sync', '~automatic', 'copying', 'from one system to another', 're-enter', 'retyp', 'plugin', 'plug-in', 'connector', 'compatib', 'workflow', 'existing tool', 'existing system', 'spreadsheet', 'excel', 'crm$', 'erp$', 'slack', 'salesforce', 'migrat', 'silo', 'copy and paste', 'copy-paste', 'double entry', 'manual entry', 'switching between', 'tool sprawl',
      'تكامل', 'ربط', '集成', '同步', '对接', '兼容'],
  },
  {
    id: 'support',
    need: 'Human support',
    pain: 'No one to help',
    needPhrase: 'a person to turn to',
    painPhrase: 'no one to help when something goes wrong',
    suggestion: { need: 'Keep a person within reach in {offer}', pain: 'Put a real person within reach when something goes wrong' },
    cues: ['human', 'real person', 'someone to talk', 'speak to', 'talk to someone', 'customer service', 'customer support', 'support team', 'helpline', 'call centre', 'call center', 'phone line', 'branch', 'advisor', 'adviser', 'chatbot', 'help desk', 'helpdesk', 'nobody answers', 'nobody to call', 'no one to call', 'nobody to ask', 'no one to ask', 'nobody to help', 'no one to help', 'ask for help',
      'خدمة العملاء', 'موظف', 'فرع', 'مساعدة', '客服', '人工', '网点', '帮助'],
  },
  {
    id: 'independence',
    need: 'Staying independent',
    pain: 'Depending on others',
    needPhrase: 'staying independent',
    painPhrase: 'having to depend on others',
    suggestion: { need: 'Let them manage {offer} on their own terms', pain: 'Let them manage without asking others for help' },
    cues: ['independen', 'without needing help', 'on my own', 'on her own', 'on his own', 'on their own', 'by myself', 'without help', 'without asking', 'rely on my', 'rely on others', 'depend on my', 'autonomy', 'self-reliant',
      'استقلال', 'بنفسي', 'الاعتماد على', '独立', '自己来', '依赖'],
  },
  {
    id: 'accessibility',
    need: 'Accessibility',
    pain: 'Hard to see, read or use',
    needPhrase: 'things they can see and handle easily',
    painPhrase: 'text and controls that are hard to see or use',
    suggestion: { need: 'Design {offer} for large text and clear controls', pain: 'Fix small text and fiddly controls first' },
    cues: ['accessib', 'font', 'small text', 'too small', 'tiny', 'hard to press', 'eyesight', 'vision', 'large print', 'bigger text', 'larger text', 'hard to read', 'readable', 'hearing', 'screen reader', 'arthritis', 'shaky',
      'خط صغير', 'الخط', 'النظر', '字太小', '字体', '视力', '看不清', '老花'],
  },
  {
    id: 'fun',
    need: 'Fun and play',
    pain: 'Boredom',
    needPhrase: 'fun',
    painPhrase: 'boredom',
    suggestion: { need: 'Make {offer} fun before it is useful', pain: 'Keep {offer} fresh so it never gets dull' },
    cues: ['bored', 'boring', 'dull', 'repetitive', 'tedious', 'ملل', 'ممل', '无聊', '枯燥'],
    needCues: ['fun$', 'enjoy', 'play$', 'playing', 'game', 'gaming', 'entertain', 'excit', 'win$', 'winning', 'rank', 'level up', 'levelling', 'leveling', 'esports', 'tournament', 'skins',
      'متعة', 'ممتع', 'لعب', 'ألعاب', '好玩', '游戏', '娱乐', '开心'],
  },
  {
    id: 'fairness',
    need: 'Fair play',
    pain: 'Unfair or toxic play',
    needPhrase: 'fair play',
    painPhrase: 'cheating and toxic players',
    suggestion: { need: 'Make fairness visible: matchmaking, moderation, no pay-to-win', pain: 'Deal with cheaters and toxic players visibly' },
    cues: ['cheat', 'pay-to-win', 'pay to win', 'toxic', '~fair$', '~fairly', '~fairness', '~unfair', 'hacker', 'smurf', 'grief', 'harass', 'matchmaking', 'moderat', 'troll',
      'غش', 'عادل', 'تنمر', '作弊', '公平', '外挂', '喷子'],
  },
  {
    id: 'roi',
    need: 'Proving return on investment',
    pain: 'Hard to justify spend',
    needPhrase: 'proving a return on what they spend',
    painPhrase: 'the difficulty of justifying spend',
    suggestion: { need: 'Give buyers the numbers to make the business case for {offer}', pain: 'Give buyers the numbers to make the business case for {offer}' },
    cues: ['roi$', 'return on investment', 'business case', 'justify', 'payback', 'productiv', 'efficien', 'headcount', 'margin', 'revenue', 'growth target', 'sign-off', 'sign off', 'procurement', 'approval',
      'عائد', 'إنتاجي', 'كفاءة', '投资回报', '效率', '生产力', '审批', '营收'],
  },
  {
    id: 'visibility',
    need: 'Visibility and reporting',
    pain: 'No clear picture',
    needPhrase: 'a clear picture of what is going on',
    painPhrase: 'not seeing what is going on',
    suggestion: { need: 'Put a clear overview at the heart of {offer}', pain: 'Put a clear overview at the heart of {offer}' },
    cues: ['report$', 'reports$', 'reporting', 'dashboard', 'visibility', 'insight', 'metric', 'kpi', 'forecast', 'analytics', 'overview', 'track progress', 'tracking progress', 'keep track', 'at a glance', 'single view', 'single source of truth', 'blind spot',
      'تقارير', 'تقرير', 'رؤية', 'متابعة', '报表', '报告', '数据看板', '一目了然', '追踪'],
    ignore: ['runs reports', 'run reports', 'running reports'],
  },
];

const BY_ID = new Map(THEME_LEXICON.map((t) => [t.id, t]));

export function lexiconTheme(id: string): LexiconTheme | undefined {
  return BY_ID.get(id);
}
