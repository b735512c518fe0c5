/**
 * What a question is about beyond its intent: its form (yes/no, open, a figure asked for) and its
 * topic, as stems widened by a small lexicon of everyday topics, so that "yard", "lawn" and "mow"
 * meet. Kept apart from words.ts' synonym groups, which the concept rules score with.
 */
import { normalizeForMatch } from '../../world';
import { contentStems, stem } from './words';

export type Wh = 'how' | 'what' | 'why' | 'when' | 'where' | 'who' | 'which' | 'howMany' | 'howMuch' | 'none';

export interface QuestionForm {
  wh: Wh;
  /** Answerable by yes or no ("Would you…?", "Do you like the idea…?"). */
  yesNo: boolean;
  /** Asks for a count, a size or a name the profile would have to hold ("How many beds…", "What is your dog's name?"). */
  figure: 'count' | 'name' | null;
}

const AUX = /^ (would|will|do|does|did|are|is|am|can|could|should|have|has|had|was|were|may|might|shall|wouldn t|won t|don t|doesn t|didn t|aren t|isn t|haven t|hasn t|would use|would try|would buy|would pay) /;

export function formOf(english: string): QuestionForm {
  const plain = normalizeForMatch(english);
  const head = plain.trim().split(' ').slice(0, 5).join(' ');
  const h = ` ${head} `;
  let wh: Wh = 'none';
  if (/ how (many|much) /.test(h)) wh = / how many /.test(h) ? 'howMany' : 'howMuch';
  else {
    const m = / (how|what|why|when|where|who|which|whose) /.exec(h);
    if (m) wh = (m[1] === 'whose' ? 'who' : m[1]) as Wh;
  }
  const yesNo = wh === 'none' && AUX.test(plain);
  let figure: QuestionForm['figure'] = null;
  if (/ (name of|s name|names of|called) /.test(plain) && /^ (what|whats|what s|tell me) /.test(plain) && !/ your name /.test(plain)) figure = 'name';
  else if (wh === 'howMany' || / how (long|big|large|tall|far|old is|old are|wide|heavy) | (what|which) (number|percentage|size|share) | how many /.test(plain)) figure = 'count';
  return { wh, yesNo, figure };
}

/** Everyday topics: a word of a group meets every other word of it. */
const TOPICS: readonly string[] = [
  'garden yard lawn grass mow mower mowing hedge weed leaves outdoor landscaping',
  'home house flat apartment chore chores cleaning housework tidy household',
  'commute commuting bike bicycle cycle cycling bus tram train metro subway car drive driving walk walking ride transit transport scooter journey',
  'bike bicycle cycle cycling lock theft stolen steal thief secure security protect insurance',
  'sleep sleeping tired exhausted rest insomnia awake bedtime fatigue night nights',
  'cook cooking dinner dinners meal meals lunch kitchen recipe recipes groceries grocery weeknight weeknights',
  'food eat eating meal meals snack diet nutrition ingredient ingredients',
  'dog dogs puppy cat cats pet pets vet feed feeding kibble',
  'truck trucks lorry van vans fleet vehicle vehicles driver drivers route routes delivery deliveries shipment dispatch tracking logistics warehouse carrier carriers',
  'schedule scheduling shift shifts rota roster appointment appointments booking calendar staffing planning',
  'hospital clinic patient patients ward beds doctor doctors nurse nurses care health',
  'trust honest honesty transparent transparency reliable reliability scam fraud reputation reviews',
  'price cost costs pay fee fees money spend spending budget afford expensive cheap income salary saving savings',
  'organic natural ingredient ingredients chemical pesticide fresh healthy quality',
  'study studying university college campus lecture lectures class classes exam exams student students school course degree',
  'work job shift office colleague colleagues boss team career employer',
  'family kids children partner parents son daughter household',
  'weekend weekends free spare hobby hobbies relax fun leisure evenings',
  'software tool tools app system platform spreadsheet spreadsheets data integration',
  'supplier suppliers vendor vendors provider providers contract contracts switch procurement purchase purchasing approval sign',
  'stress stressed anxious anxiety worry worried pressure',
];

const COMMUTE = TOPICS.findIndex((group) => group.startsWith('commute '));
const TOPIC_OF = new Map<string, number[]>();
TOPICS.forEach((group, index) => {
  for (const word of group.split(' ')) {
    const s = stem(word);
    TOPIC_OF.set(s, [...(TOPIC_OF.get(s) ?? []), index]);
  }
});

/** Words that frame a question rather than name its topic ("usually", "handle", "today"). */
const FRAME = new Set(
  `usual usually typical typically normal normally today now currently moment handle deal manage look think feel tell describe kind sort type
  like want prefer lately last ever first best mostly generally day days life thing stuff part go get keep try take give know
  hard easy frustrate frustrates annoy annoys stop stops hope goal goals important matter matters care worry concern believe reckon suppose`.split(/\s+/).map(stem),
);

export interface Topic {
  stems: ReadonlySet<string>;
  groups: ReadonlySet<number>;
  /** The topic words as the question wrote them, for an answer that names what it cannot speak to. */
  words: string[];
  /** "How do you get home?": a journey, answered by how the persona gets about. */
  journey: boolean;
}

export function topicOf(english: string, extraFrame: ReadonlySet<string> = new Set()): Topic {
  const words = normalizeForMatch(english).trim().split(' ').filter((w) => w.length >= 3);
  const kept = words.filter((w) => {
    const s = stem(w);
    return contentStems(w).length > 0 && !FRAME.has(s) && !extraFrame.has(s);
  });
  const stems = new Set(kept.map(stem));
  const groups = new Set([...stems].flatMap((s) => TOPIC_OF.get(s) ?? []));
  // "get to work", "go home": a journey, whatever the words.
  const journey = / (how|when|what time) ((do|did|would) )?(you )?(usually |normally )?(get|go|travel|come|commute)( you)? (to|home|into|back|in) /.test(normalizeForMatch(english));
  if (journey) return { stems: new Set(), groups: new Set([COMMUTE]), words: kept, journey };
  return { stems, groups, words: kept, journey };
}

/** How well a text meets a topic: 2 per shared stem (1 for the offer's own words), 1 per topic group shared only through other words. */
export function topicScore(text: string, topic: Topic, weak: ReadonlySet<string> = new Set()): number {
  const stems = new Set(contentStems(text));
  let score = 0;
  const viaStem = new Set<number>();
  for (const s of stems) {
    if (topic.stems.has(s)) {
      score += weak.has(s) ? 1 : 2;
      for (const g of TOPIC_OF.get(s) ?? []) viaStem.add(g);
    }
  }
  // The offer's words put every item in the offer's topics; only the item's own words count here.
  const groups = new Set([...stems].filter((s) => !weak.has(s)).flatMap((s) => TOPIC_OF.get(s) ?? []));
  for (const g of groups) if (topic.groups.has(g) && !viaStem.has(g)) score += 1;
  return score;
}

/** Every word of the topic groups the question touches, to widen what an answer's picks look for. */
export function topicWords(topic: Topic): string {
  return [...topic.groups].map((g) => TOPICS[g]).join(' ');
}
